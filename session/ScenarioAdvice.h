#pragma once

#include "advisor/Advisor.h"
#include "catalog/Catalog.h"
#include "scenario/Scenario.h"

#include <QString>

#include <optional>

namespace headroom {

// The advisor's answer to a scenario's question (advisorRequestFor + advise), for the views that show it
// without an AdvisorService: exports, decks, present mode. `problem` says why there is no answer (an
// unknown model).
struct ScenarioAdvice {
    std::optional<AdvisorResult> result;
    AdvisorRequirements requirements;
    QString problem;
};

ScenarioAdvice adviceFor(const Scenario &scenario, const Catalog &catalog);

} // namespace headroom
