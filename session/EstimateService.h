#pragma once

#include "scenario/EstimateSet.h"

#include <QObject>

namespace headroom {

class ScenarioController;

// Computes the estimates once per scenario change and publishes one EstimateSet that the table,
// the details pane and every chart share. Pure computation: no file I/O on this path.
class EstimateService final : public QObject
{
    Q_OBJECT
public:
    EstimateService(ScenarioController *controller, const Catalog &catalog, QObject *parent = nullptr);

    const EstimateSet &estimates() const { return m_estimates; }
    // Recomputes from the controller's current scenario and publishes.
    void refresh();

Q_SIGNALS:
    void estimatesChanged(const headroom::EstimateSet &estimates);

private:
    ScenarioController *m_controller;
    const Catalog &m_catalog;
    EstimateSet m_estimates;
};

} // namespace headroom
