#pragma once

#include "advisor/Advisor.h"

#include <QList>
#include <QString>

#include <optional>

namespace headroom::advisor {

// The value a candidate is ranked by (higher is better except for price); nullopt = unknown (ranked last).
std::optional<double> rankValue(const AdvisorCandidate &candidate, RankBy rankBy);

// Sorts best first: price ascending (unknown last, those by speed), speed descending, t/s per dollar
// or per watt descending (unknown last). Ties: fewer cards, then label.
void rankCandidates(QList<AdvisorCandidate> &candidates, RankBy rankBy);

// "price", "speed", "t/s per dollar", "t/s per watt": how the reason names the ranking.
QString rankByText(RankBy rankBy);

} // namespace headroom::advisor
