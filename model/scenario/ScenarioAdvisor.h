#pragma once

#include "advisor/Advisor.h"
#include "scenario/Scenario.h"

#include <QString>

#include <variant>

namespace headroom {

// The advisor's question for what the window shows: the scenario's model (its custom model, else
// the catalog model of modelId), quantization, workload and Apple usable-memory share, with the
// scenario's advisor requirements. A scenario runtime other than Auto becomes the runtime of each
// platform that runs it and has no runtime of its own in the requirements.
// Returns the reason instead when the model or the quantization is not in the catalog
// (with auto quantization the quantization is not needed).
using AdvisorRequestOrProblem = std::variant<AdvisorRequest, QString>;
AdvisorRequestOrProblem advisorRequestFor(const Scenario &scenario, const Catalog &catalog);

// Whether the picks join the configurations being compared or take their place.
enum class PickMode { Add, Replace };

// The scenario with the first `maxCount` shortlisted configurations (checked, labelled, system id set,
// runtime and split as estimated) after its own (Add; a pick already there is ticked, not repeated) or
// instead of them (Replace), so that computeEstimates() gives the shortlist's numbers. With auto
// quantization the scenario takes the top pick's quantization.
Scenario scenarioWithPicks(const Scenario &scenario, const AdvisorResult &result, int maxCount,
                           PickMode mode = PickMode::Replace);

} // namespace headroom
