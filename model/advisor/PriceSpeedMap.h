#pragma once

#include "advisor/Advisor.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace headroom {

// One configuration of an advisor's answer placed at its price and its decode speed per user.
struct PricedCandidate {
    AdvisorCandidate candidate;
    bool qualifies = true; // false: left out only for the budget or the power cap
    QString rejection;     // why, when it does not qualify
    bool quoted = false;   // a named system priced by the user's quote
    bool operator==(const PricedCandidate &) const = default;
};

// An advisor's answer as price against speed: every configuration that runs and has a price, those
// that meet every requirement first (shortlist order), then those left out only for the budget or the
// power cap, then the quoted systems not placed yet (past the limit, or left out by another requirement);
// the front of best speed for the price over the qualifying ones; and the configurations
// that cannot be placed for want of a public price.
struct PriceSpeedMap {
    QList<PricedCandidate> points;
    QList<int> front;     // indexes into points, cheapest first (paretoFront of the qualifying points)
    QStringList unpriced; // labels of the shortlisted and rejected configurations without a price
    bool operator==(const PriceSpeedMap &) const = default;
};

PriceSpeedMap priceSpeedMap(const AdvisorResult &result);

} // namespace headroom
