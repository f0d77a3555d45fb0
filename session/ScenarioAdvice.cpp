#include "session/ScenarioAdvice.h"

#include "scenario/ScenarioAdvisor.h"

namespace headroom {

ScenarioAdvice adviceFor(const Scenario &scenario, const Catalog &catalog)
{
    ScenarioAdvice advice;
    const AdvisorRequestOrProblem request = advisorRequestFor(scenario, catalog);
    if (const auto *problem = std::get_if<QString>(&request)) {
        advice.problem = *problem;
        return advice;
    }
    const AdvisorRequest &question = std::get<AdvisorRequest>(request);
    advice.requirements = question.requirements;
    advice.result = advise(question, catalog);
    return advice;
}

} // namespace headroom
