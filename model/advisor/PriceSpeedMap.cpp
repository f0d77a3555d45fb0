#include "advisor/PriceSpeedMap.h"

#include "advisor/ParetoFront.h"

#include <QPointF>

namespace headroom {
namespace {

bool overBudgetOrPower(const AdvisorRejection &rejection)
{
    return (rejection.requirement == Requirement::Budget || rejection.requirement == Requirement::Power)
        && rejection.candidate.priceUsd.has_value() && rejection.candidate.estimate.runs();
}

} // namespace

PriceSpeedMap priceSpeedMap(const AdvisorResult &result)
{
    PriceSpeedMap map;
    for (const AdvisorCandidate &candidate : result.shortlist) {
        if (candidate.priceUsd && candidate.estimate.runs())
            map.points << PricedCandidate{candidate, true, QString()};
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        if (overBudgetOrPower(rejection))
            map.points << PricedCandidate{rejection.candidate, false, rejection.reason};
    }
    // The front is drawn over the configurations that meet every requirement: the ones to buy.
    QList<QPointF> pricesAndSpeeds;
    QList<int> qualifying;
    for (int i = 0; i < map.points.size(); ++i) {
        const AdvisorCandidate &candidate = map.points.at(i).candidate;
        if (map.points.at(i).qualifies) {
            pricesAndSpeeds << QPointF(*candidate.priceUsd, candidate.estimate.decodeTpsPerUser);
            qualifying << i;
        }
    }
    for (int index : paretoFront(pricesAndSpeeds))
        map.front << qualifying.at(index);

    for (const AdvisorCandidate &candidate : result.shortlist) {
        if (!candidate.priceUsd)
            map.unpriced << candidate.label;
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        if (rejection.requirement == Requirement::PriceUnknown)
            map.unpriced << rejection.candidate.label;
    }
    return map;
}

} // namespace headroom
