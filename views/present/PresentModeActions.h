#pragma once

#include "catalog/Catalog.h"
#include "views/charts/ChartPalette.h"
#include "scenario/Tour.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace headroom {

class EstimateService;
class PresentMode;
class ScenarioController;

// The window's demo-mode actions, ready to put in its menus:
//   View ▸ Present (F5)            presents the current tour (the built-in "article" until another is chosen)
//   View ▸ Present Tour ▸ …         each built-in tour, and "Open Tour File…"
//   File ▸ Export Tour as PDF…     the current tour as a deck (DeckExporter), and "…as PNG Frames…"
// A tour that does not load is refused with a message naming file, step and field; the scenario on screen
// is kept. Present mode drives the window's own controller and estimate service.
class PresentModeActions final : public QObject
{
    Q_OBJECT
public:
    PresentModeActions(QWidget *window, ScenarioController *controller, EstimateService *service,
                       const Catalog &catalog);
    ~PresentModeActions() override;

    QAction *presentAction() const { return m_present; }
    QMenu *tourMenu() const { return m_tourMenu; }
    QList<QAction *> fileActions() const { return {m_exportPdf, m_exportFrames}; }
    // Adds Present and the Present Tour submenu to `view`.
    void addToViewMenu(QMenu *view) const;

    // Loads a built-in tour by name or a tour file and makes it current. On failure shows the diagnostics,
    // keeps the current tour and scenario, and returns false.
    bool openTour(const QString &nameOrPath);
    const Tour &currentTour() const { return m_tour; }
    // Presents the current tour from its first step.
    void present();
    PresentMode *presentMode(); // created on first use
    void setTheme(Theme theme);

    // The last refusal or export problem (empty if none); also shown to the user.
    QString lastProblem() const { return m_lastProblem; }
    // Exports the current tour to `output` (deck.pdf or DIR/); returns false after showing the problem.
    bool exportTour(const QString &output);

private:
    void rebuildTourMenu();
    void updateActionTexts();
    void showProblem(const QString &title, const QString &message);
    void openTourFile();
    void chooseExportPdf();
    void chooseExportFrames();

    QWidget *m_window;
    ScenarioController *m_controller;
    EstimateService *m_service;
    const Catalog &m_catalog;
    Tour m_tour;
    PresentMode *m_presentMode = nullptr;
    QAction *m_present;
    QMenu *m_tourMenu;
    QAction *m_exportPdf;
    QAction *m_exportFrames;
    QString m_lastProblem;
    Theme m_theme = Theme::Light;
};

} // namespace headroom
