#include "session/ScenarioController.h"

#include <QUndoCommand>

#include <algorithm>

namespace headroom {

// Holds the scenario before and after one edit; merges with the next edit of the same kind.
class ScenarioEditCommand final : public QUndoCommand
{
public:
    // QUndoCommand::id(): -1 disables merging; all scenario edits share one id and merge by text.
    static constexpr int MergeableId = 1;

    ScenarioEditCommand(ScenarioController *controller, Scenario before, Scenario after, const QString &text)
        : QUndoCommand(text)
        , m_controller(controller)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

    void undo() override { m_controller->apply(m_before); }
    void redo() override { m_controller->apply(m_after); }
    int id() const override { return MergeableId; }

    bool mergeWith(const QUndoCommand *other) override
    {
        if (other->id() != id() || other->text() != text())
            return false;
        m_after = static_cast<const ScenarioEditCommand *>(other)->m_after;
        setObsolete(m_after == m_before);
        return true;
    }

private:
    ScenarioController *m_controller;
    Scenario m_before;
    Scenario m_after;
};

ScenarioController::ScenarioController(QObject *parent)
    : QObject(parent)
{
    m_notifyTimer.setSingleShot(true);
    connect(&m_notifyTimer, &QTimer::timeout, this, &ScenarioController::emitChanged);
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT dirtyChanged(!clean); });
    m_sinceLastNotify.start();
}

ScenarioController::~ScenarioController()
{
    // ~QUndoStack emits cleanChanged; nobody may hear it from a half-destroyed controller.
    m_undoStack.disconnect(this);
}

void ScenarioController::edit(const Scenario &requested, const QString &description)
{
    Scenario scenario = requested;
    // Whichever control shortened the context (its slider, a model's limit, Present mode), the shared prefix is
    // part of it: a scenario always holds what its file can.
    keepSharedWithinContext(scenario.workload);
    setChart(scenario.chart); // view state: never an undo step of its own, never undone
    if (scenario == m_scenario)
        return;
    m_undoStack.push(new ScenarioEditCommand(this, m_scenario, scenario, description));
}

void ScenarioController::setChart(ChartKind chart)
{
    if (chart == m_scenario.chart)
        return;
    m_scenario.chart = chart;
    Q_EMIT chartChanged(chart);
}

void ScenarioController::reset(const Scenario &scenario, const QString &filePath)
{
    m_undoStack.clear();
    m_undoStack.setClean();
    m_scenario = scenario;
    if (filePath != m_filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
    Q_EMIT dirtyChanged(false);
    scheduleChanged();
}

void ScenarioController::markSaved(const QString &filePath)
{
    m_undoStack.setClean();
    if (filePath != m_filePath) {
        m_filePath = filePath;
        Q_EMIT filePathChanged(m_filePath);
    }
}

void ScenarioController::apply(const Scenario &scenario)
{
    const ChartKind shown = m_scenario.chart;
    m_scenario = scenario;
    m_scenario.chart = shown; // undo and redo change the scenario, not the chart being looked at
    scheduleChanged();
}

void ScenarioController::scheduleChanged()
{
    if (m_notifyTimer.isActive())
        return;
    const int wait = FrameIntervalMs - static_cast<int>(std::min<qint64>(m_sinceLastNotify.elapsed(), FrameIntervalMs));
    m_notifyTimer.start(wait);
}

void ScenarioController::flush()
{
    if (m_notifyTimer.isActive()) {
        m_notifyTimer.stop();
        emitChanged();
    }
}

void ScenarioController::emitChanged()
{
    m_sinceLastNotify.restart();
    Q_EMIT scenarioChanged();
}

} // namespace headroom
