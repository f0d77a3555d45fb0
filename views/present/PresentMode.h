#pragma once

#include "views/charts/ChartPalette.h"
#include "scenario/Scenario.h"
#include "scenario/Tour.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPropertyAnimation;
class QVBoxLayout;

namespace headroom {

class ChartBase;
class EstimateService;
struct EstimateSet;
class PresentModeControls;
class ScenarioController;
class TourPlayer;

// Full-screen presenting: large type for a projector, the step's title and caption, its chart big, a step
// counter, and a short cross-fade between steps. It drives the window's own ScenarioController and shows the
// window's EstimateService results: no second pipeline.
//
// Keys (keyboard and presentation clickers): Right, Space, Page Down, Down = next step; Left, Backspace,
// Page Up, Up = previous; Home / End = first / last; A = autoplay on or off; R = record the current scenario
// as a new step of the recording file; Esc = leave.
class PresentMode final : public QWidget
{
    Q_OBJECT
public:
    // A short fade keeps the audience oriented without slowing the presenter down.
    static constexpr int TransitionMs = 350;

    PresentMode(ScenarioController *controller, EstimateService *service, const Catalog &catalog,
                QWidget *parent = nullptr);
    ~PresentMode() override;

    TourPlayer *player() const { return m_player; }
    PresentModeControls *controls() const { return m_controls; }
    ChartBase *chart() const { return m_chart; }

    // Shows `tour` from step `firstStep` (0-based), full screen when `fullScreen`.
    void present(const Tour &tour, int firstStep = 0, bool fullScreen = true);

    // Where "Record step" (R) appends; empty = the tour's own file if it is a user file, else ask once.
    void setRecordingPath(const QString &path) { m_recordingPath = path; }
    QString recordingPath() const { return m_recordingPath; }
    // Appends the current scenario to the recording file; returns false (and says why on screen) on failure.
    bool recordStep();

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    // What the title, caption and counter show (tests, accessibility).
    QString titleText() const;
    QString captionText() const;
    QString counterText() const;
    bool isTransitionRunning() const;

Q_SIGNALS:
    void left(); // the presenter pressed Esc or closed the window

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void showStep(int index);
    void showAutoplay();
    void showEstimates(const EstimateSet &estimates);
    void showCaption(const EstimateSet &estimates);
    void ensureChart(ChartKind kind);
    void showAdvice(ChartBase *chart);
    void startTransition();
    void applyFonts();
    void applyTheme();
    QString chooseRecordingPath();

    ScenarioController *m_controller;
    EstimateService *m_service;
    const Catalog &m_catalog;
    TourPlayer *m_player;
    QWidget *m_content;
    QVBoxLayout *m_contentLayout;
    QLabel *m_tourTitle;
    QLabel *m_counter;
    QLabel *m_autoplay;
    QLabel *m_title;
    QLabel *m_caption;
    ChartBase *m_chart = nullptr;
    ChartKind m_chartKind = ChartKind::Speed;
    PresentModeControls *m_controls;
    QLabel *m_fade;
    QPointer<QPropertyAnimation> m_fadeAnimation;
    QString m_recordingPath;
    Theme m_theme = Theme::Light;
};

} // namespace headroom
