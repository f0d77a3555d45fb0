#include "ModelImportController.h"
#include "views/common/StartFolder.h"

#include "catalog/CatalogStore.h"
#include "ImportSummaryDialog.h"
#include "import/ModelImport.h"
#include "session/ScenarioController.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace headroom {
namespace {

Q_LOGGING_CATEGORY(lcModelImport, "headroom.views.import")

} // namespace

ModelImportController::ModelImportController(CatalogStore *store, ScenarioController *controller, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_store(store)
    , m_controller(controller)
    , m_dialogParent(dialogParent)
{
}

ImportSummaryDialog *ModelImportController::summaryDialog() const
{
    return m_summary.data();
}

bool ModelImportController::isModelFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("gguf") || suffix == QLatin1String("json");
}

void ModelImportController::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Import model"),
                                                      startFolder(QStandardPaths::DownloadLocation),
                                                      tr(FileFilter));
    if (!path.isEmpty())
        importPath(path);
}

bool ModelImportController::importPath(const QString &path)
{
    const ImportResult result = importModelFile(path);
    if (const auto *problem = std::get_if<Diagnostic>(&result)) {
        qCInfo(lcModelImport) << "import refused:" << problem->toString();
        Q_EMIT this->problem(tr("Cannot import model"), problem->toString());
        return false;
    }
    const ImportedModel &imported = std::get<ImportedModel>(result);
    const Diagnostics problems = m_store->addImported(imported);
    if (!m_store->catalog().model(imported.model.id)) {
        Q_EMIT problem(tr("Cannot import model"), toString(problems));
        return false;
    }
    selectImported(imported.model.id, imported.quant ? imported.quant->name : QString());
    if (!problems.isEmpty()) {
        Q_EMIT problem(tr("Imported model not saved"),
                       tr("%1 is available until Headroom closes but was not saved:\n%2")
                           .arg(imported.model.name, toString(problems)));
    }
    Q_EMIT statusMessage(tr("Imported %1 from %2").arg(imported.model.name, QFileInfo(path).fileName()));
    Q_EMIT this->imported(imported.model.id);
    if (m_summaryShown) {
        if (m_summary)
            m_summary->close();
        m_summary = new ImportSummaryDialog(imported, path, m_dialogParent);
        m_summary->setAttribute(Qt::WA_DeleteOnClose);
        m_summary->show(); // non-modal: the window stays usable and tests keep running
    }
    return true;
}

void ModelImportController::selectImported(const QString &modelId, const QString &quantName)
{
    Scenario scenario = m_controller->scenario();
    scenario.modelId = modelId;
    scenario.customModel.reset();
    if (!quantName.isEmpty())
        scenario.quantName = quantName;
    m_controller->edit(scenario, tr("Import model"));
}

bool ModelImportController::removeModel(const QString &id)
{
    const Scenario &scenario = m_controller->scenario();
    const LanguageModel *shown = m_store->catalog().model(id);
    if (shown && scenario.modelId == id && !scenario.customModel && !m_store->base().model(id)) {
        Scenario kept = scenario;
        kept.customModel = *shown;
        m_controller->edit(kept, tr("Keep removed model"));
    }
    const Diagnostics problems = m_store->removeImported(id);
    if (!problems.isEmpty()) {
        Q_EMIT problem(tr("Cannot remove model"), toString(problems));
        return false;
    }
    Q_EMIT statusMessage(tr("Removed the imported model %1").arg(id));
    return true;
}

} // namespace headroom
