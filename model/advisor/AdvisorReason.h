#pragma once

#include "advisor/Advisor.h"

#include <QString>

namespace headroom::advisor {

// AdvisorResult::reason when some configurations qualify: "3 of 120 configurations meet every
// requirement; ranked by price" (and how many are shown when the limit cuts the list).
QString shortlistReason(qsizetype qualifying, int considered, const AdvisorRequirements &requirements);

// AdvisorResult::reason when none qualifies: the binding requirement (the one that rejects the most
// configurations) and the configuration nearest to qualifying in its terms.
QString emptyReason(const AdvisorResult &result);

} // namespace headroom::advisor
