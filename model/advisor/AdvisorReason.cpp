// The one-line reason an advisor's answer gives for its shortlist, or for having none.
#include "advisor/AdvisorReason.h"

#include "advisor/AdvisorFormat.h"
#include "advisor/AdvisorRanking.h"
#include "advisor/AdvisorRequirementCheck.h"

#include <algorithm>
#include <array>

namespace headroom::advisor {
namespace {

// The configuration nearest to qualifying, in the terms of the binding requirement.
QString closestText(const AdvisorResult &result, Requirement binding)
{
    const AdvisorCandidate *best = nullptr;
    if (binding == Requirement::Budget || binding == Requirement::Power) {
        for (const AdvisorRejection &rejection : result.rejected) {
            if (rejection.requirement != binding)
                continue;
            const AdvisorCandidate &candidate = rejection.candidate;
            const bool better = binding == Requirement::Budget
                ? !best || *candidate.priceUsd < *best->priceUsd
                : candidate.powerW > 0 && (!best || candidate.powerW < best->powerW);
            if (better)
                best = &candidate;
        }
        if (!best)
            return {};
        return binding == Requirement::Budget
            ? QStringLiteral("the cheapest that meets the other requirements costs ") + dollars(*best->priceUsd)
                  + QStringLiteral(": ") + best->label
            : QStringLiteral("the lowest-power one that meets the other requirements draws ")
                  + grouped(best->powerW, 0) + QStringLiteral(" W: ") + best->label;
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        const AdvisorCandidate &candidate = rejection.candidate;
        if (rejection.requirement != Requirement::Platform && fitsInMemory(candidate.estimate.fit)
            && (!best || candidate.estimate.decodeTpsPerUser > best->estimate.decodeTpsPerUser))
            best = &candidate;
    }
    if (best) {
        QString text = QStringLiteral("the fastest that fits reaches ") + speed(best->estimate.decodeTpsPerUser)
            + QStringLiteral(" t/s per user: ") + best->label + QStringLiteral(" (") + best->quant.name + QLatin1Char(')');
        if (binding == Requirement::PriceUnknown && !best->priceUsd)
            text += QStringLiteral(", price unknown");
        return text;
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        const AdvisorCandidate &candidate = rejection.candidate;
        if (rejection.requirement != Requirement::Platform
            && (!best || candidate.estimate.memory.usableGB > best->estimate.memory.usableGB))
            best = &candidate;
    }
    if (!best)
        return {};
    return QStringLiteral("nothing fits; the largest, ") + best->label + QStringLiteral(", has ")
        + grouped(best->estimate.memory.usableGB, 1) + QStringLiteral(" GB usable, the model needs ")
        + grouped(best->estimate.memory.totalGB, 1) + QStringLiteral(" GB at ") + best->quant.name;
}

} // namespace

QString shortlistReason(qsizetype qualifying, int considered, const AdvisorRequirements &requirements)
{
    QString reason = QString::number(qualifying) + QStringLiteral(" of ") + QString::number(considered)
        + QStringLiteral(" configurations meet every requirement; ranked by ") + rankByText(requirements.rankBy);
    if (qualifying > requirements.limit)
        reason += QStringLiteral("; the first ") + QString::number(requirements.limit) + QStringLiteral(" shown");
    return reason;
}

QString emptyReason(const AdvisorResult &result)
{
    if (result.considered == 0)
        return QStringLiteral("No configuration to consider: the catalog lists no devices or systems");
    std::array<int, 8> rejections{};
    for (const AdvisorRejection &rejection : result.rejected)
        ++rejections[std::size_t(rejection.requirement)];
    const auto binding = Requirement(std::max_element(rejections.begin(), rejections.end()) - rejections.begin());
    QString reason = QStringLiteral("No configuration meets every requirement; the binding requirement is ")
        + toString(binding) + QStringLiteral(" (it rejects ") + QString::number(rejections[std::size_t(binding)])
        + QStringLiteral(" of ") + QString::number(result.considered) + QStringLiteral(" configurations)");
    const QString closest = closestText(result, binding);
    return closest.isEmpty() ? reason : reason + QStringLiteral(": ") + closest;
}

} // namespace headroom::advisor
