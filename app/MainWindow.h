#pragma once

#include "catalog/Catalog.h"
#include "views/charts/ChartBase.h"
#include "views/charts/ChartTabs.h"
#include "scenario/Scenario.h"

#include <QMainWindow>

#include <array>

class QActionGroup;
class QDockWidget;
class QDragEnterEvent;
class QDropEvent;
class QMenu;

namespace headroom {

class CatalogStore;
class ThisMachine;
class AdvisorPanel;
class AccuracyPanel;
class AdvisorService;
class ValidationService;
class DetailsPane;
class EstimateService;
class HardwarePanel;
class ModelImportController;
class PickerPanel;
class PresentModeActions;
class ResultsTable;
class VerdictBanner;
class ScenarioController;
class ScenarioDocument;
class Settings;

// Assembles the window: pickers and hardware list on the left, chart tabs over the results
// table in the centre, the details of the selected configuration on the right; menus and
// actions. It holds no logic of its own: every slot forwards to a view, the controller or
// the document in a line or two.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    // Size of exported chart images, in logical pixels (a 16:9 slide).
    static constexpr QSize ExportSize{1600, 900};

    // The window's models can be imported (File ▸ Import model…, dropped files) into `store`,
    // which outlives the window.
    MainWindow(CatalogStore &store, Settings &settings, QWidget *parent = nullptr);
    // Imports stay in memory: a store of its own over `catalog`, saving nothing (tests, bench).
    MainWindow(const Catalog &catalog, Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    CatalogStore *catalogStore() const { return m_catalogStore; }
    ThisMachine *thisMachine() const { return m_thisMachine; }
    ModelImportController *modelImporter() const { return m_importer; }

    ScenarioController *controller() const { return m_controller; }
    EstimateService *estimateService() const { return m_service; }
    ScenarioDocument *document() const { return m_document; }
    PickerPanel *pickerPanel() const { return m_pickers; }
    HardwarePanel *hardwarePanel() const { return m_hardware; }
    ResultsTable *resultsTable() const { return m_table; }
    VerdictBanner *verdictBanner() const { return m_verdict; }
    DetailsPane *detailsPane() const { return m_details; }
    AdvisorService *advisorService() const { return m_advisor; }
    AdvisorPanel *advisorPanel() const { return m_advisorPanel; }
    AccuracyPanel *accuracyPanel() const { return m_accuracyPanel; }
    ValidationService *validationService() const { return m_validation; }
    QDockWidget *advisorDock() const { return m_advisorDock; }
    ChartTabs *chartTabs() const { return m_chartTabs; }
    ChartBase *chart(ChartKind kind) const;
    ChartBase *currentChart() const;

    void setTheme(Theme theme);

    // File ▸ Export Report: the comparison shown as the one-page customer report, with the contact line and
    // logo of Report Details. Asks for a file when `path` is empty; returns the problem, empty on success.
    QString exportReport(const QString &path = {});

    // A dropped *.headroom.json opens as the scenario; a .gguf or other .json is imported as a model.
    void openDroppedFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    MainWindow(CatalogStore *store, const Catalog *ownStoreBase, Settings &settings, QWidget *parent);
    void buildCentre();
    void buildDocks();
    void buildMenus();
    void buildFileMenu();
    void rebuildRecentMenu();
    void connectFlow();
    void updateTitle();
    void showEstimates();
    void showChartChoice();
    void chooseChart(int tab);
    void updateAdvisorActivity();
    void setChartAnimations(bool enabled);
    void showProblem(const QString &title, const QString &message);
    void exportChartPng(qreal scale);
    void exportChartSvg();
    void copyChart();
    void exportTableCsv();
    void editReportDetails();
    void showAbout();
    void showGuide();
    void showShortcuts();
    template<typename Dialog, typename... Args>
    void showHelpDialog(Args &&...args);
    void manageImportedModels();

    CatalogStore *m_catalogStore;
    ThisMachine *m_thisMachine = nullptr;
    const Catalog &m_catalog; // m_catalogStore->catalog(): updated in place, same address
    Settings &m_settings;
    ScenarioController *m_controller;
    PresentModeActions *m_present = nullptr;
    EstimateService *m_service;
    ScenarioDocument *m_document;
    PickerPanel *m_pickers;
    HardwarePanel *m_hardware;
    ChartTabs *m_chartTabs;
    ResultsTable *m_table;
    VerdictBanner *m_verdict;
    DetailsPane *m_details;
    ModelImportController *m_importer;
    AdvisorService *m_advisor;
    AdvisorPanel *m_advisorPanel;
    ValidationService *m_validation;
    AccuracyPanel *m_accuracyPanel = nullptr;
    QDockWidget *m_advisorDock = nullptr;
    bool m_advisorShown = false;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    Theme m_theme = Theme::Light;
};

} // namespace headroom
