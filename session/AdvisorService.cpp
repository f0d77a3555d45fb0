#include "session/AdvisorService.h"

#include "scenario/ScenarioAdvisor.h"
#include "session/ScenarioController.h"

#include <QLoggingCategory>

namespace headroom {

Q_LOGGING_CATEGORY(lcAdvisor, "headroom.advisor", QtInfoMsg)

AdvisorService::AdvisorService(ScenarioController *controller, const Catalog &catalog, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_catalog(catalog)
{
    connect(controller, &ScenarioController::scenarioChanged, this, [this] {
        if (m_active)
            refresh();
    });
}

void AdvisorService::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (m_active)
        refresh();
}

void AdvisorService::reloadCatalog()
{
    m_computed = false;
    if (m_active)
        refresh();
}

void AdvisorService::refresh()
{
    const AdvisorRequestOrProblem question = advisorRequestFor(m_controller->scenario(), m_catalog);
    if (const auto *problem = std::get_if<QString>(&question)) {
        if (m_computed && m_problem == *problem)
            return;
        m_problem = *problem;
        m_request = AdvisorRequest{};
        m_request.requirements = m_controller->scenario().advisor;
        m_result = AdvisorResult{};
        m_result.reason = *problem;
    } else {
        const AdvisorRequest &request = std::get<AdvisorRequest>(question);
        if (m_computed && m_problem.isEmpty() && request == m_request)
            return;
        m_problem.clear();
        m_request = request;
        m_result = advise(m_request, m_catalog);
        ++m_searches;
        qCDebug(lcAdvisor) << "searched" << m_result.considered << "configurations," << m_result.shortlist.size()
                           << "shortlisted";
    }
    m_computed = true;
    Q_EMIT adviceChanged(m_result);
}

} // namespace headroom
