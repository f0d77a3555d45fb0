#include "PresentModeActions.h"

#include "views/charts/DeckExporter.h"
#include "PresentMode.h"
#include "scenario/TourCaptions.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

namespace headroom {
namespace {

const QString DefaultTourName = QStringLiteral("article");

} // namespace

PresentModeActions::PresentModeActions(QWidget *window, ScenarioController *controller, EstimateService *service,
                                       const Catalog &catalog)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_service(service)
    , m_catalog(catalog)
    , m_present(new QAction(tr("&Present"), this))
    , m_tourMenu(new QMenu(tr("Present &Tour"), window))
    , m_exportPdf(new QAction(this))
    , m_exportFrames(new QAction(this))
{
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_present, &QAction::triggered, this, &PresentModeActions::present);
    connect(m_exportPdf, &QAction::triggered, this, &PresentModeActions::chooseExportPdf);
    connect(m_exportFrames, &QAction::triggered, this, &PresentModeActions::chooseExportFrames);

    const TourOrDiagnostics builtIn = loadTour(DefaultTourName, m_catalog);
    if (const auto *tour = std::get_if<Tour>(&builtIn))
        m_tour = *tour;
    rebuildTourMenu();
    updateActionTexts();
}

PresentModeActions::~PresentModeActions() = default;

void PresentModeActions::addToViewMenu(QMenu *view) const
{
    view->addAction(m_present);
    view->addMenu(m_tourMenu);
}

void PresentModeActions::rebuildTourMenu()
{
    m_tourMenu->clear();
    for (const QString &name : builtInTourNames()) {
        const TourOrDiagnostics tour = loadTour(name, m_catalog);
        const QString title = std::holds_alternative<Tour>(tour) ? std::get<Tour>(tour).title : name;
        m_tourMenu->addAction(title, this, [this, name] {
            if (openTour(name))
                present();
        });
    }
    m_tourMenu->addSeparator();
    m_tourMenu->addAction(tr("&Open Tour File…"), this, &PresentModeActions::openTourFile);
}

void PresentModeActions::updateActionTexts()
{
    const bool hasTour = !m_tour.steps.isEmpty();
    m_present->setEnabled(hasTour);
    m_exportPdf->setEnabled(hasTour);
    m_exportFrames->setEnabled(hasTour);
    m_present->setText(hasTour ? tr("&Present “%1”").arg(m_tour.name) : tr("&Present"));
    m_exportPdf->setText(tr("Export Tour “%1” as P&DF…").arg(m_tour.name));
    m_exportFrames->setText(tr("Export Tour “%1” as PNG &Frames…").arg(m_tour.name));
}

bool PresentModeActions::openTour(const QString &nameOrPath)
{
    TourOrDiagnostics loaded = loadTour(nameOrPath, m_catalog); // captions filled live by present mode
    if (const auto *problems = std::get_if<Diagnostics>(&loaded)) {
        showProblem(tr("Tour refused"),
                    tr("This tour cannot be presented; the current scenario is kept.\n\n%1").arg(toString(*problems)));
        return false;
    }
    m_tour = std::get<Tour>(std::move(loaded));
    updateActionTexts();
    return true;
}

void PresentModeActions::openTourFile()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Tour"), QDir::homePath(),
                                                      tr("Headroom tours (*.json);;All files (*)"));
    if (!path.isEmpty() && openTour(path))
        present();
}

PresentMode *PresentModeActions::presentMode()
{
    if (!m_presentMode) {
        m_presentMode = new PresentMode(m_controller, m_service, m_catalog, m_window);
        m_presentMode->setWindowFlag(Qt::Window); // its own full-screen window, owned by the main window
        m_presentMode->setTheme(m_theme);
    }
    return m_presentMode;
}

void PresentModeActions::present()
{
    if (m_tour.steps.isEmpty())
        return;
    presentMode()->present(m_tour);
}

void PresentModeActions::setTheme(Theme theme)
{
    m_theme = theme;
    if (m_presentMode)
        m_presentMode->setTheme(theme);
}

bool PresentModeActions::exportTour(const QString &output)
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Tour deck = withLiveCaptions(m_tour, m_catalog);
    const DeckResult result = exportDeck(deck, chartInputsFor(deck, m_catalog), output);
    QApplication::restoreOverrideCursor();
    if (!result.ok()) {
        showProblem(tr("Export failed"), result.error);
        return false;
    }
    return true;
}

void PresentModeActions::chooseExportPdf()
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Tour as PDF"), QDir::home().filePath(m_tour.name + QStringLiteral(".pdf")),
        tr("PDF deck (*.pdf)"));
    if (!path.isEmpty())
        exportTour(path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive) ? path : path + QStringLiteral(".pdf"));
}

void PresentModeActions::chooseExportFrames()
{
    const QString directory = QFileDialog::getExistingDirectory(m_window, tr("Export Tour as PNG Frames"),
                                                                QDir::homePath());
    if (!directory.isEmpty())
        exportTour(directory + QLatin1Char('/'));
}

void PresentModeActions::showProblem(const QString &title, const QString &message)
{
    m_lastProblem = message;
    // Window-modal but not blocking, so the event loop (and headless tests) keep running.
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace headroom
