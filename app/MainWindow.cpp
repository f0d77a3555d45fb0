#include "MainWindow.h"
#include "views/present/PresentModeActions.h"

#include "views/common/AppTheme.h"
#include "catalog/CatalogStore.h"
#include "views/charts/AccuracyChart.h"
#include "views/results/AccuracyPanel.h"
#include "views/advisor/AdvisorPanel.h"
#include "session/AdvisorService.h"
#include "views/results/DetailsPane.h"
#include "views/charts/ValueChart.h"
#include "session/EstimateService.h"
#include "views/pickers/HardwarePanel.h"
#include "views/import/ModelImportController.h"
#include "views/pickers/PickerPanel.h"
#include "views/results/ResultsTable.h"
#include "views/results/VerdictBanner.h"
#include "session/ScenarioController.h"
#include "session/ValidationService.h"
#include "ScenarioDocument.h"
#include "Settings.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QGroupBox>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace headroom {
namespace {

// The charts shown in the tabs, in tab order.
// Accuracy shows how well the estimator matches public measurements, whatever the scenario.
constexpr std::array<ChartKind, 5> TabCharts{ChartKind::Speed, ChartKind::Memory, ChartKind::Concurrency,
                                             ChartKind::Value, ChartKind::Accuracy};
// Initial heights of the charts over the table: the table shows the article's seven rows.
constexpr int ChartHeight = 640;
constexpr int TableHeight = 230;
// Default window size on first start, before any saved geometry.
constexpr QSize DefaultWindowSize{1600, 1000};
// The default size, on a screen that has room for it; else the screen's free area less a margin.
QSize firstStartSize(const QScreen *screen)
{
    if (!screen)
        return DefaultWindowSize;
    constexpr int Margin = 24;
    const QSize available = screen->availableGeometry().size() - QSize(Margin, 2 * Margin);
    return DefaultWindowSize.boundedTo(available);
}
// The left and right panels' widths on first start.
constexpr int LeftPanelWidth = 400;
constexpr int RightPanelWidth = 360;

QString chartTitle(ChartKind kind)
{
    switch (kind) {
    case ChartKind::Speed: return MainWindow::tr("Speed");
    case ChartKind::Memory: return MainWindow::tr("Memory");
    case ChartKind::Concurrency: return MainWindow::tr("Concurrency");
    case ChartKind::Roofline: return MainWindow::tr("Roofline");
    case ChartKind::Value: return MainWindow::tr("Value");
    case ChartKind::Accuracy: return MainWindow::tr("Accuracy");
    }
    return {};
}

// The local files of a drag that the window opens: scenarios and model files.
QStringList droppableFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() && ModelImportController::isModelFile(path))
            files << path;
    }
    return files;
}

} // namespace

MainWindow::MainWindow(CatalogStore &store, Settings &settings, QWidget *parent)
    : MainWindow(&store, nullptr, settings, parent)
{
}

MainWindow::MainWindow(const Catalog &catalog, Settings &settings, QWidget *parent)
    : MainWindow(nullptr, &catalog, settings, parent)
{
}

MainWindow::MainWindow(CatalogStore *store, const Catalog *ownStoreBase, Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_catalogStore(store ? store : new CatalogStore(*ownStoreBase, QString(), this))
    , m_catalog(m_catalogStore->catalog())
    , m_settings(settings)
    , m_controller(new ScenarioController(this))
    , m_service(new EstimateService(m_controller, m_catalog, this))
    , m_document(new ScenarioDocument(m_controller, settings, this))
    , m_pickers(new PickerPanel(m_controller, m_catalog))
    , m_hardware(new HardwarePanel(m_controller, m_catalog))
    , m_chartTabs(new ChartTabs)
    , m_table(new ResultsTable)
    , m_verdict(new VerdictBanner)
    , m_details(new DetailsPane)
    , m_importer(new ModelImportController(m_catalogStore, m_controller, this))
    , m_advisor(new AdvisorService(m_controller, m_catalog, this))
    , m_advisorPanel(new AdvisorPanel(m_controller, m_advisor))
    , m_validation(new ValidationService(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    buildCentre();
    m_document->setCatalogStore(m_catalogStore);
    buildDocks();
    buildMenus();
    connectFlow();
    statusBar()->showMessage(tr("Ready"));
    resize(firstStartSize(screen()));
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    setTheme(settings.theme() == ThemeSetting::Dark ? Theme::Dark : Theme::Light);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Destroying the widgets hides the docks and removes the tabs, which signals; nothing of this
    // half-destroyed window may answer any more.
    m_advisorDock->disconnect(this);
    m_chartTabs->disconnect(this);
}

void MainWindow::buildCentre()
{
    for (ChartKind kind : TabCharts) {
        ChartBase *made = createChart(kind).release();
        if (auto *accuracy = qobject_cast<AccuracyChart *>(made)) {
            m_accuracyPanel = new AccuracyPanel(accuracy);
            m_chartTabs->addChart(made, chartTitle(kind), m_accuracyPanel);
        } else {
            m_chartTabs->addChart(made, chartTitle(kind));
        }
    }
    m_chartTabs->setDocumentMode(true);
    m_chartTabs->setToolTip(tr("Hover a bar or point for its numbers"));
    m_chartTabs->setWhatsThis(tr("<b>Charts</b><p>The table's numbers drawn: Speed (per user, with likely ranges and "
                                 "measured diamonds), Memory (what each configuration holds), Concurrency (1 to 64 "
                                 "users; dotted where the model no longer fits), Value (speed for the price) and "
                                 "Accuracy (predictions against public measurements). File ▸ Export Chart saves the "
                                 "one shown.</p>"));
    auto *centre = new QSplitter(Qt::Vertical);
    centre->addWidget(m_chartTabs);
    centre->addWidget(m_table);
    centre->setStretchFactor(0, 1);
    centre->setStretchFactor(1, 0);
    centre->setSizes({ChartHeight, TableHeight});
    centre->setChildrenCollapsible(false);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_verdict);
    layout->addWidget(centre, 1);
    setCentralWidget(central);
}

void MainWindow::buildDocks()
{
    auto *workload = new QGroupBox(tr("Model and workload"));
    auto *workloadLayout = new QVBoxLayout(workload);
    workloadLayout->addWidget(m_pickers);
    auto *hardware = new QGroupBox(tr("Hardware"));
    auto *hardwareLayout = new QVBoxLayout(hardware);
    hardwareLayout->addWidget(m_hardware);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(workload);
    leftLayout->addWidget(hardware, 1);

    auto *leftDock = new QDockWidget(tr("Scenario"), this);
    leftDock->setObjectName(QStringLiteral("scenarioDock"));
    leftDock->setFeatures(QDockWidget::DockWidgetMovable);
    leftDock->setWidget(left);
    addDockWidget(Qt::LeftDockWidgetArea, leftDock);

    auto *rightDock = new QDockWidget(tr("Details"), this);
    rightDock->setObjectName(QStringLiteral("detailsDock"));
    rightDock->setFeatures(QDockWidget::DockWidgetMovable);
    rightDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, rightDock);

    // The Advisor shares the right-hand side with the details, one tab each.
    m_advisorDock = new QDockWidget(tr("Advisor"), this);
    m_advisorDock->setObjectName(QStringLiteral("advisorDock"));
    m_advisorDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    m_advisorDock->setWidget(m_advisorPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_advisorDock);
    tabifyDockWidget(rightDock, m_advisorDock);
    rightDock->raise();
    resizeDocks({leftDock, rightDock}, {LeftPanelWidth, RightPanelWidth}, Qt::Horizontal);
    // Tab order is creation order: pickers, hardware list and its buttons, chart tabs, table, details.
}

void MainWindow::connectFlow()
{
    connect(m_service, &EstimateService::estimatesChanged, this, &MainWindow::showEstimates);
    connect(m_controller, &ScenarioController::scenarioChanged, this, &MainWindow::showChartChoice);
    connect(m_controller, &ScenarioController::chartChanged, this, &MainWindow::showChartChoice);
    connect(m_controller, &ScenarioController::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &ScenarioController::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_table, &ResultsTable::selectedRowChanged, m_details, &DetailsPane::setSelectedRow);
    connect(m_chartTabs, &QTabWidget::currentChanged, this, &MainWindow::chooseChart);
    connect(m_pickers, &PickerPanel::interactionStarted, this, [this] { setChartAnimations(false); });
    connect(m_pickers, &PickerPanel::interactionFinished, this, [this] { setChartAnimations(true); });
    connect(m_document, &ScenarioDocument::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message);
    });
    connect(m_document, &ScenarioDocument::problem, this, &MainWindow::showProblem);
    connect(m_document, &ScenarioDocument::recentFilesChanged, this, &MainWindow::rebuildRecentMenu);
    connect(m_catalogStore, &CatalogStore::catalogChanged, m_pickers, &PickerPanel::reloadCatalog);
    connect(m_catalogStore, &CatalogStore::catalogChanged, m_service, &EstimateService::refresh);
    connect(m_importer, &ModelImportController::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message);
    });
    connect(m_importer, &ModelImportController::problem, this, &MainWindow::showProblem);

    // The advisor searches only while its answer is on screen: the panel or the value chart.
    connect(m_catalogStore, &CatalogStore::catalogChanged, m_advisor, &AdvisorService::reloadCatalog);
    connect(m_advisorDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        m_advisorShown = visible; // a tab behind the details counts as hidden
        updateAdvisorActivity();
    });
    connect(m_chartTabs, &QTabWidget::currentChanged, this, &MainWindow::updateAdvisorActivity);
    if (auto *value = qobject_cast<ValueChart *>(chart(ChartKind::Value))) {
        connect(m_advisor, &AdvisorService::adviceChanged, value,
                [this, value](const AdvisorResult &result) { value->setAdvice(result, m_advisor->requirements()); });
    }
    // The Accuracy tab's report is scored off the GUI thread when the tab is first shown, or a file is loaded.
    connect(m_accuracyPanel, &AccuracyPanel::loadRequested, m_validation, &ValidationService::load);
    connect(m_accuracyPanel, &AccuracyPanel::shippedRequested, m_validation, &ValidationService::showShipped);
    connect(m_validation, &ValidationService::busyChanged, m_accuracyPanel, &AccuracyPanel::setBusy);
    connect(m_validation, &ValidationService::reportChanged, this, [this] {
        m_accuracyPanel->setReport(m_validation->report(), m_validation->origin(), m_validation->problems());
    });
    connect(m_validation, &ValidationService::loadFailed, this, [this](const QString &path) {
        m_accuracyPanel->showLoadProblems(path, m_validation->problems());
    });
    connect(m_accuracyPanel, &AccuracyPanel::reportWanted, m_validation, &ValidationService::showShipped);
    connect(m_advisorPanel, &AdvisorPanel::compareRequested, this,
            [this] { m_chartTabs->setCurrentWidget(chart(ChartKind::Speed)); });
    connect(m_advisorPanel, &AdvisorPanel::interactionStarted, this, [this] { setChartAnimations(false); });
    connect(m_advisorPanel, &AdvisorPanel::interactionFinished, this, [this] { setChartAnimations(true); });
}

void MainWindow::updateAdvisorActivity()
{
    m_advisor->setActive(m_advisorShown || currentChart()->kind() == ChartKind::Value);
}

ChartBase *MainWindow::chart(ChartKind kind) const
{
    return m_chartTabs->chart(kind);
}

ChartBase *MainWindow::currentChart() const
{
    return m_chartTabs->currentChart();
}

void MainWindow::showEstimates()
{
    const EstimateSet &estimates = m_service->estimates();
    m_chartTabs->setEstimates(estimates);
    m_table->setEstimates(estimates);
    m_details->setEstimates(estimates);
    m_verdict->setVerdict(estimates.verdict);
    if (!estimates.problem.isEmpty())
        statusBar()->showMessage(estimates.problem);
}

void MainWindow::showChartChoice()
{
    m_chartTabs->showChart(m_controller->scenario().chart);
    updateAdvisorActivity();
}

void MainWindow::chooseChart(int tab)
{
    m_controller->setChart(TabCharts.at(std::size_t(tab)));
}

void MainWindow::setChartAnimations(bool enabled)
{
    for (ChartBase *chart : m_chartTabs->charts())
        chart->setDragging(!enabled);
}

void MainWindow::setTheme(Theme theme)
{
    m_theme = theme;
    applyApplicationTheme(theme);
    for (ChartBase *chart : m_chartTabs->charts())
        chart->setTheme(theme);
    if (m_present)
        m_present->setTheme(theme);
    m_settings.setTheme(theme == Theme::Dark ? ThemeSetting::Dark : ThemeSetting::Light);
    if (m_themeGroup) {
        for (QAction *action : m_themeGroup->actions())
            action->setChecked(action->data().toInt() == int(theme));
    }
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_document->displayName() % QStringLiteral("[*] — Headroom"));
    setWindowModified(m_controller->isDirty());
}

void MainWindow::showProblem(const QString &title, const QString &message)
{
    statusBar()->showMessage(message.section(QLatin1Char('\n'), 0, 0));
    // Window-modal but not blocking, so the event loop (and headless tests) keep running.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppableFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = droppableFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // After the drop returns: opening may ask to save changes, and a dialog inside a drop
    // handler would block the drag source.
    QTimer::singleShot(0, this, [this, files] {
        for (const QString &path : files)
            openDroppedFile(path);
    });
}

void MainWindow::openDroppedFile(const QString &path)
{
    if (path.endsWith(QLatin1String(ScenarioDocument::FileSuffix), Qt::CaseInsensitive)) {
        if (m_document->maybeSave())
            m_document->openPath(path);
        return;
    }
    m_importer->importPath(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->maybeSave()) {
        event->ignore();
        return;
    }
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.sync();
    event->accept();
}

} // namespace headroom
