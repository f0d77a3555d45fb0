#include "ThisMachine.h"

#include "catalog/CatalogStore.h"
#include "session/ScenarioController.h"

#include <QAction>
#include <QPointer>
#include <QThread>

namespace headroom {

ThisMachine::ThisMachine(ScenarioController *controller, CatalogStore *catalog, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_catalog(catalog)
    , m_action(new QAction(tr("This &Machine"), this))
{
    m_action->setObjectName(QStringLiteral("thisMachineAction"));
    m_action->setToolTip(tr("Add this computer's GPU (or Apple chip) to the comparison"));
    connect(m_action, &QAction::triggered, this, &ThisMachine::detect);
}

QString ThisMachine::labelFor(const Detection &detection)
{
    if (!detection.configuration)
        return {};
    const int count = detection.configuration->count;
    return tr("This machine: %1").arg(count > 1 ? QStringLiteral("%1x %2").arg(count).arg(detection.deviceName)
                                                : detection.deviceName);
}

void ThisMachine::detect()
{
    m_action->setEnabled(false);
    Q_EMIT message(tr("Reading this machine…"));
    // The tools may take up to two seconds each: never on the window's thread.
    auto readings = std::make_shared<MachineReadings>();
    QThread *thread = QThread::create([probe = m_probe, readings] { *readings = probe(); });
    connect(thread, &QThread::finished, this, [this, thread, readings] {
        thread->deleteLater();
        m_action->setEnabled(true);
        apply(*readings);
    });
    thread->start();
}

void ThisMachine::apply(const MachineReadings &readings)
{
    const Detection detection = detectFrom(readings, m_catalog->catalog());
    if (!detection.configuration) {
        Q_EMIT message(tr("This machine: %1").arg((readings.notes + detection.notes).join(QStringLiteral("; "))));
        Q_EMIT finished(detection);
        return;
    }
    Scenario scenario = m_controller->scenario();
    const QString label = labelFor(detection);
    const auto same = std::find_if(scenario.configurations.begin(), scenario.configurations.end(),
                                   [&](const ScenarioConfiguration &entry) { return entry.label == label; });
    if (same != scenario.configurations.end()) {
        same->checked = true;
    } else {
        ScenarioConfiguration entry;
        entry.configuration = *detection.configuration;
        entry.label = label;
        entry.checked = true;
        scenario.configurations.append(entry);
    }
    m_controller->edit(scenario, tr("Add this machine"));
    Q_EMIT message(tr("Added %1 (%2 GB)").arg(label).arg(detection.configuration->memoryGB));
    Q_EMIT finished(detection);
}

} // namespace headroom
