#include "advisor/AdvisorRanking.h"

#include <algorithm>

namespace headroom::advisor {
namespace {

// <0: a first, >0: b first, 0: tie. Unknown values always go last.
int compareKnownFirst(std::optional<double> a, std::optional<double> b, bool ascending)
{
    if (a && !b)
        return -1;
    if (!a && b)
        return 1;
    if (!a || *a == *b)
        return 0;
    return (*a < *b) == ascending ? -1 : 1;
}

int compareSpeed(const AdvisorCandidate &a, const AdvisorCandidate &b)
{
    return compareKnownFirst(rankValue(a, RankBy::Speed), rankValue(b, RankBy::Speed), false);
}

} // namespace

std::optional<double> rankValue(const AdvisorCandidate &candidate, RankBy rankBy)
{
    const Estimate &estimate = candidate.estimate;
    switch (rankBy) {
    case RankBy::Price:
        return candidate.priceUsd;
    case RankBy::Speed:
        return estimate.runs() ? std::optional<double>(estimate.decodeTpsPerUser) : std::nullopt;
    case RankBy::TpsPerDollar:
        if (!estimate.runs() || !candidate.priceUsd || *candidate.priceUsd <= 0)
            return std::nullopt;
        return estimate.decodeTpsTotal / *candidate.priceUsd;
    case RankBy::TpsPerWatt:
        if (!estimate.runs() || candidate.powerW <= 0)
            return std::nullopt;
        return estimate.decodeTpsTotal / candidate.powerW;
    }
    return std::nullopt;
}

void rankCandidates(QList<AdvisorCandidate> &candidates, RankBy rankBy)
{
    std::stable_sort(candidates.begin(), candidates.end(), [rankBy](const AdvisorCandidate &a, const AdvisorCandidate &b) {
        int order = compareKnownFirst(rankValue(a, rankBy), rankValue(b, rankBy), rankBy == RankBy::Price);
        if (order == 0 && rankBy == RankBy::Price && !a.priceUsd && !b.priceUsd)
            order = compareSpeed(a, b);
        if (order == 0)
            order = a.configuration.count - b.configuration.count;
        if (order == 0)
            order = a.label.compare(b.label);
        return order < 0;
    });
}

QString rankByText(RankBy rankBy)
{
    switch (rankBy) {
    case RankBy::Price: return QStringLiteral("price");
    case RankBy::Speed: return QStringLiteral("speed");
    case RankBy::TpsPerDollar: return QStringLiteral("t/s per dollar");
    case RankBy::TpsPerWatt: return QStringLiteral("t/s per watt");
    }
    return {};
}

} // namespace headroom::advisor
