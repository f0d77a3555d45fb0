#pragma once

#include "BenchPaintWitness.h"
#include "BenchReport.h"
#include "scenario/Scenario.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

class QComboBox;
class QSlider;

namespace headroom {

class ChartBase;
class MainWindow;

// Positions a slider visits in `moves` moves from `start`: one step at a time towards
// `maximum`, back to `minimum`, and so on, so every move changes the value. Empty when the
// range has a single position.
QList<int> pingPongPositions(int start, int minimum, int maximum, int moves);

// How long each part of one move took, in milliseconds.
struct MoveTiming {
    double updateMs = 0; // value change -> estimates computed and handed to the chart on screen, the table, details
    double postedMs = 0; // deferred layouts and the window's repaint of what changed (posted events)
    double forcedMs = 0; // views the window's repaint missed, repainted by the bench
    double totalMs() const { return updateMs + postedMs + forcedMs; }
};

// Drives the real MainWindow as a user would: slider handles dragged (pressed, moved one step
// per frame, released), the quantization picker stepped with the arrow keys. Each move is timed
// from the value change until the estimates have reached the chart on screen, the table and the
// details pane and they have been repainted: the window repaints what changed as it would on a
// display (its posted UpdateRequest), and any of the visible chart, table and details that did
// not repaint is repainted then.
//
// The charts share one tab widget, and a chart catches up with the estimates when its tab is
// shown (ChartTabs). So each slider's moves are shared out between the charts that a move
// changes, one run of moves with each chart on screen, and the tab switches between runs are
// timed on their own.
//
// Moves are one frame (ScenarioController::FrameIntervalMs) apart, as a drag delivers them; the
// wait between moves is not timed. So the controller's per-frame coalescing never holds a move
// back, and what is timed is the work of one update.
class BenchSliderDriver final : public QObject
{
    Q_OBJECT
public:
    explicit BenchSliderDriver(MainWindow &window, QObject *parent = nullptr);

    // Replaces the window's scenario and waits until it is shown and painted (not timed).
    // Returns an empty string, or why the window never showed it.
    QString showScenario(const Scenario &scenario);
    // Moves model size, quantization, context, users and efficiency `moves` times each.
    std::variant<LineupLatency, QString> measureSliders(int moves);
    // Every move's timing since construction, in order (tab switches not included).
    const QList<MoveTiming> &timings() const { return m_timings; }
    int forcedRepaints() const { return m_witness.forcedRepaints(); }

private:
    std::variant<QList<double>, QString> dragSlider(QSlider *slider, int moves);
    std::variant<QList<double>, QString> stepCombo(QComboBox *combo, int moves);
    std::variant<QList<double>, QString> measureEfficiency(int moves);
    // The chart tabs whose content a slider move changes, in tab order.
    QList<ChartBase *> chartsMovesChange() const;
    // Shows `chart`'s tab; its milliseconds until the window is painted, nullopt when the tab could not
    // be shown.
    std::optional<double> showChart(ChartBase *chart);
    // Makes `change`, waits for its estimates and paints the window (not timed).
    bool changeAndSettle(const std::function<void()> &change);
    // Times one move and records it; nullopt when it did not lead to new estimates.
    std::optional<double> measureMove(const std::function<void()> &move);
    // Times one change: one frame after the last, until its estimates are on screen and painted.
    std::optional<MoveTiming> timeChange(const std::function<void()> &change);
    bool waitForEstimates();
    void waitForNextFrame();
    void paintWindow();
    QComboBox *quantizationCombo() const;
    void watchVisibleViews();

    MainWindow &m_window;
    BenchPaintWitness m_witness;
    qsizetype m_chartsShown = 0; // runs of moves so far: the next run shows the next chart
    bool m_estimatesArrived = false;
    QElapsedTimer m_sinceEstimates;
    QList<MoveTiming> m_timings;
};

} // namespace headroom
