#pragma once

#include "BenchPaintWitness.h"
#include "BenchReport.h"
#include "Scenario.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <variant>

class QComboBox;
class QSlider;

namespace headroom {

class MainWindow;

// Positions a slider visits in `moves` moves from `start`: one step at a time towards
// `maximum`, back to `minimum`, and so on, so every move changes the value. Empty when the
// range has a single position.
QList<int> pingPongPositions(int start, int minimum, int maximum, int moves);

// How long each part of one move took, in milliseconds.
struct MoveTiming {
    double updateMs = 0; // value change -> estimates computed and handed to every chart, the table, details
    double postedMs = 0; // deferred layouts and the window's repaint of what changed (posted events)
    double grabMs = 0;   // views the repaint missed, repainted now, plus the chart tabs not on screen
    double totalMs() const { return updateMs + postedMs + grabMs; }
};

// Drives the real MainWindow as a user would: slider handles dragged (pressed, moved one step
// per frame, released), the quantization picker stepped with the arrow keys. Each move is timed
// from the value change until the estimates have reached every chart, the table and the details
// pane and they have been repainted: the window repaints what changed as it would on a display
// (its posted UpdateRequest), any of the visible chart, table and details that did not repaint is
// repainted then, and the chart tabs that are not on screen are grabbed, so every move paints
// every chart.
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
    // The same for the window's first scenario, except that only what is on screen is painted:
    // the start-up time ends with the first painted window, not with the chart tabs behind it.
    QString showFirstScenario(const Scenario &scenario);
    // Moves model size, quantization, context, users and efficiency `moves` times each.
    std::variant<LineupLatency, QString> measureSliders(int moves);
    // Every move's timing since construction, in order.
    const QList<MoveTiming> &timings() const { return m_timings; }
    int hiddenChartPaints() const { return m_hiddenPaints; }
    int forcedRepaints() const { return m_witness.forcedRepaints(); }

private:
    std::variant<QList<double>, QString> dragSlider(QSlider *slider, int moves);
    std::variant<QList<double>, QString> stepCombo(QComboBox *combo, int moves);
    std::variant<QList<double>, QString> measureEfficiency(int moves);
    // Makes `change`, waits for its estimates and paints everything (not timed).
    enum class Paint { Window, Everything };
    bool changeAndSettle(const std::function<void()> &change, Paint paint = Paint::Everything);
    // Times one move; nullopt when it did not lead to new estimates.
    std::optional<double> measureMove(const std::function<void()> &move);
    bool waitForEstimates();
    void waitForNextFrame();
    void paintEverything();
    void paintWindow();
    void paintHiddenCharts();
    QComboBox *quantizationCombo() const;
    void watchVisibleViews();
    void watchChartScenes();

    MainWindow &m_window;
    BenchPaintWitness m_witness;
    QSet<QWidget *> m_changedPages; // chart tabs whose scene changed since they were last painted
    int m_hiddenPaints = 0;
    bool m_estimatesArrived = false;
    QElapsedTimer m_sinceEstimates;
    QList<MoveTiming> m_timings;
};

} // namespace headroom
