#include "session/EstimateService.h"

#include "session/ScenarioController.h"

namespace headroom {

EstimateService::EstimateService(ScenarioController *controller, const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_catalog(catalog)
{
    connect(controller, &ScenarioController::scenarioChanged, this, &EstimateService::refresh);
}

void EstimateService::refresh()
{
    m_estimates = computeEstimates(m_controller->scenario(), m_catalog);
    Q_EMIT estimatesChanged(m_estimates);
}

} // namespace headroom
