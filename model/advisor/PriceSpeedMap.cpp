#include "advisor/PriceSpeedMap.h"

#include "advisor/ParetoFront.h"

#include <QPointF>

#include <algorithm>

namespace headroom {
namespace {

bool overBudgetOrPower(const AdvisorRejection &rejection)
{
    return (rejection.requirement == Requirement::Budget || rejection.requirement == Requirement::Power)
        && rejection.candidate.priceUsd.has_value() && rejection.candidate.estimate.runs();
}

// Marks the quoted systems already placed and adds the others: past the limit they qualify, otherwise they
// carry the requirement that left them out.
void placeQuoted(const AdvisorResult &result, PriceSpeedMap &map)
{
    for (const AdvisorCandidate &quoted : result.quoted) {
        const auto placed = std::find_if(map.points.begin(), map.points.end(), [&quoted](const PricedCandidate &point) {
            return sameConfiguration(point.candidate, quoted);
        });
        if (placed != map.points.end()) {
            placed->quoted = true;
            continue;
        }
        if (const AdvisorRejection *rejection = rejectionOf(result, quoted))
            map.points << PricedCandidate{quoted, false, rejection->reason, true};
        else
            map.points << PricedCandidate{quoted, true, QString(), true};
    }
}

} // namespace

PriceSpeedMap priceSpeedMap(const AdvisorResult &result)
{
    PriceSpeedMap map;
    for (const AdvisorCandidate &candidate : result.shortlist) {
        if (candidate.priceUsd && candidate.estimate.runs())
            map.points << PricedCandidate{candidate, true, QString(), false};
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        if (overBudgetOrPower(rejection))
            map.points << PricedCandidate{rejection.candidate, false, rejection.reason, false};
    }
    placeQuoted(result, map);
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
