// MainWindow's menus and the actions behind them: each forwards to the document, a chart or the table.
#include "MainWindow.h"
#include "views/present/PresentModeActions.h"

#include "catalog/CatalogStore.h"
#include "views/import/ImportedModelsDialog.h"
#include "views/import/ModelImportController.h"
#include "views/common/ReportDetailsDialog.h"
#include "views/charts/ReportExporter.h"
#include "views/results/ResultsTable.h"
#include "core/SafeFile.h"
#include "views/common/HelpDialogs.h"
#include "session/EstimateService.h"
#include "session/ScenarioController.h"
#include "ScenarioDocument.h"
#include "Settings.h"
#include "commands/ThisMachine.h"
#include "views/common/StartFolder.h"

#include <QAction>
#include <QDockWidget>
#include <QActionGroup>
#include <QApplication>
#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QWhatsThis>

namespace headroom {
namespace {

QString defaultExportPath(const QString &name)
{
    return startPath(QStandardPaths::PicturesLocation, name);
}

} // namespace

void MainWindow::buildMenus()
{
    m_present = new PresentModeActions(this, m_controller, m_service, m_catalog);
    buildFileMenu();

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_controller->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_controller->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Copy table as CSV"), m_table, &ResultsTable::copyToClipboard);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_themeGroup = new QActionGroup(this);
    for (const auto &[theme, name] : {std::pair{Theme::Light, tr("&Light theme")}, std::pair{Theme::Dark, tr("&Dark theme")}}) {
        QAction *action = view->addAction(name, this, [this, theme = theme] { setTheme(theme); });
        action->setCheckable(true);
        action->setData(int(theme));
        m_themeGroup->addAction(action);
    }
    view->addSeparator();
    // Not the dock's own toggle: that one closes an Advisor tabbed behind Details instead of raising it.
    QAction *advisor = view->addAction(tr("&Advisor: what to buy"));
    advisor->setObjectName(QStringLiteral("showAdvisor"));
    advisor->setCheckable(true);
    advisor->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    connect(advisor, &QAction::triggered, this, [this] {
        if (m_advisorShown) {
            m_advisorDock->close();
        } else {
            m_advisorDock->show();
            m_advisorDock->raise();
        }
    });
    connect(m_advisorDock, &QDockWidget::visibilityChanged, advisor, &QAction::setChecked); // off when tabbed behind
    view->addSeparator();
    m_present->addToViewMenu(view);
    view->addSeparator();
    m_thisMachine = new ThisMachine(m_controller, m_catalogStore, this);
    connect(m_thisMachine, &ThisMachine::message, this, [this](const QString &text) { statusBar()->showMessage(text); });
    view->addAction(m_thisMachine->action());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Headroom &Guide"), QKeySequence::HelpContents, this, &MainWindow::showGuide);
    help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setText(tr("&What's This?"));
    help->addAction(whatsThis);
    help->addSeparator();
    help->addAction(tr("&About Headroom"), this, &MainWindow::showAbout);
}

void MainWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, m_document, &ScenarioDocument::newScenario);
    file->addAction(tr("&Open…"), QKeySequence::Open, m_document, &ScenarioDocument::open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("&Save"), QKeySequence::Save, m_document, &ScenarioDocument::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, m_document, &ScenarioDocument::saveAs);
    file->addSeparator();
    QAction *importModel = file->addAction(tr("&Import Model…"), QKeySequence(tr("Ctrl+I")), m_importer,
                                           &ModelImportController::chooseAndImport);
    importModel->setObjectName(QStringLiteral("importModelAction"));
    importModel->setToolTip(tr("Add a model from its Hugging Face config.json or a GGUF file (or drop one on the window)"));
    QAction *manage = file->addAction(tr("&Manage Imported Models…"), this, &MainWindow::manageImportedModels);
    manage->setObjectName(QStringLiteral("manageImportedModelsAction"));
    file->addSeparator();
    file->addAction(tr("Export Chart as &PNG…"), QKeySequence(tr("Ctrl+E")), this, [this] { exportChartPng(1.0); });
    file->addAction(tr("Export Chart as PNG (&2x)…"), this, [this] { exportChartPng(2.0); });
    file->addAction(tr("Export Chart as S&VG…"), this, &MainWindow::exportChartSvg);
    file->addAction(tr("Cop&y Chart"), QKeySequence(tr("Ctrl+Shift+C")), this, &MainWindow::copyChart);
    file->addAction(tr("Export &Table as CSV…"), this, &MainWindow::exportTableCsv);
    QAction *report = file->addAction(tr("Export &Report…"), QKeySequence(tr("Ctrl+R")), this, [this] { exportReport(); });
    report->setObjectName(QStringLiteral("exportReportAction"));
    report->setToolTip(tr("One page for the customer: verdict, speed chart, table, assumptions and sources (PDF or PNG)"));
    file->addAction(tr("Report &Details…"), this, &MainWindow::editReportDetails);
    file->addActions(m_present->fileActions());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_settings.recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this,
                                                  [this, path] { m_document->openRecent(path); });
        action->setToolTip(path);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::exportChartPng(qreal scale)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as PNG"),
                                                      defaultExportPath(QStringLiteral("headroom-chart.png")),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const QString error = currentChart()->exportPng(path, ExportSize, scale);
    if (!error.isEmpty())
        return showProblem(tr("Cannot export chart"), error);
    statusBar()->showMessage(tr("Exported chart to %1").arg(path));
}

void MainWindow::exportChartSvg()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as SVG"),
                                                      defaultExportPath(QStringLiteral("headroom-chart.svg")),
                                                      tr("SVG images (*.svg)"));
    if (path.isEmpty())
        return;
    const QString error = currentChart()->exportSvg(path, ExportSize);
    if (!error.isEmpty())
        return showProblem(tr("Cannot export chart"), error);
    statusBar()->showMessage(tr("Exported chart to %1").arg(path));
}

void MainWindow::copyChart()
{
    currentChart()->copyToClipboard(ExportSize);
    statusBar()->showMessage(tr("Copied the %1 chart to the clipboard").arg(m_chartTabs->tabText(m_chartTabs->currentIndex()).toLower()));
}

void MainWindow::exportTableCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export table as CSV"),
        startPath(QStandardPaths::DocumentsLocation, QStringLiteral("headroom-results.csv")),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString problem = writeFileSafely(path, m_table->toCsv().toUtf8()); !problem.isEmpty())
        return showProblem(tr("Cannot export table"), path % QStringLiteral(": ") % problem);
    statusBar()->showMessage(tr("Exported table to %1").arg(path));
}

QString MainWindow::exportReport(const QString &path)
{
    const QString target = !path.isEmpty()
        ? path
        : QFileDialog::getSaveFileName(this, tr("Export report"),
                                       startPath(QStandardPaths::DocumentsLocation, QStringLiteral("headroom-report.pdf")),
                                       tr("PDF documents (*.pdf);;PNG images (*.png)"));
    if (target.isEmpty())
        return {};
    m_controller->flush(); // the report's scenario and estimates are one revision
    ReportOptions options;
    options.contactLine = m_settings.reportContact();
    options.generatedOn = QDate::currentDate().toString(Qt::ISODate);
    if (const QString logo = m_settings.reportLogoPath(); !logo.isEmpty()) {
        options.logo = QImage(logo);
        if (options.logo.isNull())
            statusBar()->showMessage(tr("The report's logo %1 could not be read; exported without it").arg(logo));
    }
    ChartInputs inputs;
    inputs.estimates = m_service->estimates();
    const ReportResult result = headroom::exportReport(m_controller->scenario(), inputs, target, options);
    if (!result.ok()) {
        showProblem(tr("Cannot export report"), result.error);
        return result.error;
    }
    statusBar()->showMessage(tr("Exported report to %1").arg(target));
    return {};
}

void MainWindow::editReportDetails()
{
    ReportDetailsDialog dialog(this);
    dialog.setContact(m_settings.reportContact());
    dialog.setLogoPath(m_settings.reportLogoPath());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setReportContact(dialog.contact());
    m_settings.setReportLogoPath(dialog.logoPath());
}

void MainWindow::manageImportedModels()
{
    auto *dialog = findChild<ImportedModelsDialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new ImportedModelsDialog(m_catalogStore, m_importer, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

// One instance of a help dialog, raised when asked again.
template<typename Dialog, typename... Args>
void MainWindow::showHelpDialog(Args &&...args)
{
    auto *dialog = findChild<Dialog *>(QString(), Qt::FindDirectChildrenOnly);
    if (!dialog) {
        dialog = new Dialog(std::forward<Args>(args)..., this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showGuide()
{
    showHelpDialog<GuideDialog>();
}

void MainWindow::showShortcuts()
{
    showHelpDialog<ShortcutsDialog>(menuShortcuts(menuBar()->actions()));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Headroom"),
                       tr("<h3>Headroom %1</h3><p>Which hardware runs which large language model locally, "
                          "how fast, and for how many users.</p><p>Speeds are estimates: the roofline method is "
                          "calibrated on public measurements and shows its expected error; the seed method "
                          "reproduces the article's bandwidth / model size rule.</p>")
                           .arg(QStringLiteral(HEADROOM_VERSION)));
}

} // namespace headroom
