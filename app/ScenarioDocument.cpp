#include "ScenarioDocument.h"
#include "views/common/StartFolder.h"

#include "catalog/CatalogStore.h"
#include "session/ScenarioController.h"
#include "scenario/ScenarioFile.h"
#include "scenario/ScenarioPortability.h"
#include "Settings.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace headroom {

ScenarioDocument::ScenarioDocument(ScenarioController *controller, Settings &settings, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_controller(controller)
    , m_settings(settings)
    , m_dialogParent(dialogParent)
{
}

QString ScenarioDocument::displayName() const
{
    const QString path = m_controller->filePath();
    return path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
}

bool ScenarioDocument::maybeSave()
{
    if (!m_controller->isDirty())
        return true;
    const auto answer = QMessageBox::warning(
        m_dialogParent, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them before going on?").arg(displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

bool ScenarioDocument::newScenario()
{
    if (!maybeSave())
        return false;
    m_controller->reset(articleLineupScenario());
    Q_EMIT statusMessage(tr("New scenario: the article lineup"));
    return true;
}

bool ScenarioDocument::open()
{
    if (!maybeSave())
        return false;
    const QString start = m_controller->filePath().isEmpty()
        ? startFolder(QStandardPaths::DocumentsLocation)
        : QFileInfo(m_controller->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open scenario"), start,
                                                      tr(FileFilter));
    return !path.isEmpty() && openPath(path);
}

bool ScenarioDocument::openRecent(const QString &path)
{
    return maybeSave() && openPath(path);
}

bool ScenarioDocument::openPath(const QString &path)
{
    const ScenarioOrDiagnostics read = readScenarioFile(path);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&read)) {
        if (!QFileInfo::exists(path)) {
            m_settings.removeRecentFile(path);
            Q_EMIT recentFilesChanged();
        }
        Q_EMIT problem(tr("Cannot open scenario"), toString(*diagnostics));
        Q_EMIT statusMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()));
        return false;
    }
    const Scenario &scenario = std::get<Scenario>(read);
    m_controller->reset(m_store ? withCatalogModelWherePossible(scenario, m_store->catalog()) : scenario, path);
    m_settings.addRecentFile(path);
    m_settings.setLastScenarioPath(path);
    Q_EMIT recentFilesChanged();
    Q_EMIT statusMessage(tr("Opened %1").arg(path));
    return true;
}

bool ScenarioDocument::save()
{
    return m_controller->filePath().isEmpty() ? saveAs() : saveTo(m_controller->filePath());
}

bool ScenarioDocument::saveAs()
{
    QString start = m_controller->filePath();
    if (start.isEmpty())
        start = startPath(QStandardPaths::DocumentsLocation, QStringLiteral("scenario") % QLatin1String(FileSuffix));
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save scenario"), start, tr(FileFilter));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json")))
        path += QLatin1String(FileSuffix);
    return saveTo(path);
}

bool ScenarioDocument::saveTo(const QString &path)
{
    const Scenario &scenario = m_controller->scenario();
    const QString error = writeScenarioFile(
        path, m_store ? withImportedModelInline(scenario, m_store->catalog(), m_store->importedIds()) : scenario);
    if (!error.isEmpty()) {
        Q_EMIT problem(tr("Cannot save scenario"), error);
        Q_EMIT statusMessage(tr("Could not save %1").arg(QFileInfo(path).fileName()));
        return false;
    }
    m_controller->markSaved(path);
    m_settings.addRecentFile(path);
    m_settings.setLastScenarioPath(path);
    Q_EMIT recentFilesChanged();
    Q_EMIT statusMessage(tr("Saved %1").arg(path));
    return true;
}

} // namespace headroom
