#pragma once

#include "advisor/Advisor.h"

#include <QString>

namespace headroom::advisor {

// AdvisorResult::reason when some configurations qualify: "3 of 120 configurations meet every
// requirement; ranked by price" (and how many are shown when the limit cuts the list).
QString shortlistReason(qsizetype qualifying, int considered, const AdvisorRequirements &requirements);

// AdvisorResult::reason when none qualifies, in plain words: the binding requirement (the one that stops the
// configurations that got furthest down the checks, with the number asked for) and, among those, the one
// nearest to passing it ("it needs at least $3,030: the cheapest that meets every other requirement is …").
QString emptyReason(const AdvisorResult &result, const AdvisorRequirements &requirements, const Workload &workload);

} // namespace headroom::advisor
