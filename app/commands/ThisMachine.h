#pragma once

#include "detect/Detection.h"

#include <QObject>

#include <functional>

class QAction;

namespace headroom {

class ScenarioController;
class CatalogStore;

// View ▸ This Machine: reads this computer's accelerators off the window's thread and adds the
// configuration they make to the comparison (one undoable edit), or says why nothing was added.
class ThisMachine final : public QObject
{
    Q_OBJECT
public:
    using Probe = std::function<MachineReadings()>;

    ThisMachine(ScenarioController *controller, CatalogStore *catalog, QObject *parent = nullptr);
    QAction *action() const { return m_action; }
    // Tests give recorded readings instead of the real machine.
    void setProbe(Probe probe) { m_probe = std::move(probe); }

    // Label of the configuration this machine adds: "This machine: 2x NVIDIA GeForce RTX 4090".
    static QString labelFor(const Detection &detection);

public Q_SLOTS:
    void detect();

Q_SIGNALS:
    void message(const QString &text);
    void finished(const Detection &detection);

private:
    void apply(const MachineReadings &readings);

    ScenarioController *m_controller;
    CatalogStore *m_catalog;
    QAction *m_action;
    Probe m_probe = &probeThisMachine;
};

} // namespace headroom
