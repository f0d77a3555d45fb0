// `headroom` without a command: the main window.
#include "WindowCommand.h"

#include "catalog/Catalog.h"
#include "catalog/CatalogStore.h"
#include "MainWindow.h"
#include "session/ScenarioController.h"
#include "ScenarioDocument.h"
#include "scenario/ScenarioFile.h"
#include "Settings.h"
#include "catalog/UserModelStore.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>

namespace headroom {
namespace {

// Set to a number of milliseconds, the window closes itself that long after it is shown
// (used by the smoke test that opens the real window under xvfb-run).
constexpr const char *QuitAfterEnv = "HEADROOM_QUIT_AFTER_MS";

// The user catalog overlaid on the embedded one, or the embedded one after showing why not.
Catalog loadCatalog(const QString &userCatalogPath)
{
    if (userCatalogPath.isEmpty())
        return embeddedCatalog();
    CatalogOrDiagnostics loaded = loadUserCatalog(userCatalogPath);
    if (auto *catalog = std::get_if<Catalog>(&loaded))
        return std::move(*catalog);
    QMessageBox::warning(nullptr, QApplication::translate("headroom", "Catalog not loaded"),
                         QApplication::translate("headroom", "%1 was not loaded; using the built-in catalog.\n\n%2")
                             .arg(userCatalogPath, toString(std::get<Diagnostics>(loaded))));
    return embeddedCatalog();
}

// The imported models file could not be read: say so; it stays untouched until the user imports or removes a model.
void warnAboutImportedModels(const CatalogStore &store)
{
    if (store.loadProblems().isEmpty())
        return;
    QMessageBox::warning(nullptr, QApplication::translate("headroom", "Imported models not loaded"),
                         QApplication::translate("headroom", "Your imported models were not loaded:\n\n%1\n\nThe file is "
                                                             "left as it is. The next import or removal moves it "
                                                             "aside to %2 and starts a new list.")
                             .arg(toString(store.loadProblems()), store.userModels().brokenPath()));
}

// The positional / --scenario file, else the last scenario, else the article lineup.
void openFirstScenario(MainWindow &window, Settings &settings, const QString &requestedPath)
{
    if (!requestedPath.isEmpty() && window.document()->openPath(requestedPath))
        return;
    window.controller()->reset(articleLineupScenario());
    const QString last = settings.lastScenarioPath();
    if (requestedPath.isEmpty() && !last.isEmpty() && QFileInfo::exists(last)) {
        const ScenarioOrDiagnostics read = readScenarioFile(last);
        if (const auto *scenario = std::get_if<Scenario>(&read))
            window.controller()->reset(*scenario, last);
    }
}

} // namespace

int runWindow(int &argc, char **argv, const Options &options)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Headroom"));
    QApplication::setApplicationName(QStringLiteral("headroom"));
    QApplication::setApplicationDisplayName(QStringLiteral("Headroom"));
    QApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("headroom"));

    Settings settings;
    if (settings.isCorrupt()) {
        QMessageBox::warning(nullptr, QApplication::translate("headroom", "Settings not loaded"),
                             QApplication::translate("headroom", "The settings could not be read; Headroom starts "
                                                                 "with its defaults."));
    }
    CatalogStore catalogStore(loadCatalog(options.catalogPath), UserModelStore::defaultPath());
    warnAboutImportedModels(catalogStore);
    MainWindow window(catalogStore, settings);
    openFirstScenario(window, settings, options.scenarioPath);
    window.show();

    bool ok = false;
    const int quitAfterMs = qEnvironmentVariableIntValue(QuitAfterEnv, &ok);
    if (ok && quitAfterMs >= 0)
        QTimer::singleShot(quitAfterMs, &window, &QWidget::close);
    return QApplication::exec();
}

} // namespace headroom
