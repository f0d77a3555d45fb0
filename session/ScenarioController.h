#pragma once

#include "scenario/Scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <QUndoStack>

namespace headroom {

// Owns the scenario on screen. Every change is an undoable edit; listeners hear about changes
// through scenarioChanged, coalesced so a burst of edits (a slider drag) yields at most one
// notification per frame. Also tracks the scenario's file and whether it has unsaved changes.
class ScenarioController final : public QObject
{
    Q_OBJECT
public:
    // One frame at 60 Hz: the shortest interval between two scenarioChanged notifications.
    static constexpr int FrameIntervalMs = 16;

    explicit ScenarioController(QObject *parent = nullptr);
    ~ScenarioController() override;

    const Scenario &scenario() const { return m_scenario; }
    QString filePath() const { return m_filePath; }
    bool isDirty() const { return !m_undoStack.isClean(); }
    QUndoStack *undoStack() { return &m_undoStack; }

    // An undoable change; consecutive edits with the same description merge into one undo step
    // (a slider drag is one step). No-op when nothing changes.
    void edit(const Scenario &scenario, const QString &description);
    // The chart on screen: view state, saved with the scenario but never undoable and never a modification.
    void setChart(ChartKind chart);
    // Replaces the scenario without undo history (New, Open): clean, bound to `filePath`.
    void reset(const Scenario &scenario, const QString &filePath = {});
    // The scenario was written to `filePath`: it becomes the clean state.
    void markSaved(const QString &filePath);

    // Emits scenarioChanged now if one is pending (tests, export before the next frame).
    void flush();

Q_SIGNALS:
    void scenarioChanged();
    void dirtyChanged(bool dirty);
    void filePathChanged(const QString &filePath);
    void chartChanged(headroom::ChartKind chart);

private:
    friend class ScenarioEditCommand;
    void apply(const Scenario &scenario); // used by the undo commands
    void scheduleChanged();
    void emitChanged();

    Scenario m_scenario;
    QString m_filePath;
    QUndoStack m_undoStack;
    QTimer m_notifyTimer;
    QElapsedTimer m_sinceLastNotify;
};

} // namespace headroom
