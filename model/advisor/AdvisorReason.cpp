// The one-line reason an advisor's answer gives for its shortlist, or for having none.
#include "advisor/AdvisorReason.h"

#include "advisor/AdvisorFormat.h"
#include "advisor/AdvisorRanking.h"
#include "advisor/AdvisorRequirementCheck.h"

#include <algorithm>
#include <array>

namespace headroom::advisor {
namespace {

// The requirement in a buyer's words, with the number asked for.
QString requirementText(Requirement requirement, const AdvisorRequirements &requirements, const Workload &workload)
{
    switch (requirement) {
    case Requirement::Platform: return QStringLiteral("the platforms chosen");
    case Requirement::Fit: return QStringLiteral("memory (the model, its context and its users must fit)");
    case Requirement::Users:
        return QStringLiteral("room for %1 %2").arg(workload.users).arg(workload.users == 1 ? QStringLiteral("user") : QStringLiteral("users"));
    case Requirement::Speed:
        return QStringLiteral("the speed of %1 t/s per user").arg(speed(requirements.minDecodeTpsPerUser.value_or(0)));
    case Requirement::Ttft:
        return QStringLiteral("a first token within %1 s").arg(plain(requirements.maxTtftSeconds.value_or(0), 3));
    case Requirement::PriceUnknown: return QStringLiteral("a known price (under a budget)");
    case Requirement::Budget: return QStringLiteral("the budget of %1").arg(dollars(requirements.budgetUsd.value_or(0)));
    case Requirement::Power:
        return QStringLiteral("the power limit of %1 W").arg(grouped(requirements.maxPowerW.value_or(0), 0));
    }
    return {};
}

// Among the configurations stopped by `binding` (they met every requirement checked before it), the one
// nearest to passing it, in its terms.
QString closestText(const AdvisorResult &result, Requirement binding)
{
    const AdvisorCandidate *best = nullptr;
    for (const AdvisorRejection &rejection : result.rejected) {
        if (rejection.requirement != binding)
            continue;
        const AdvisorCandidate &c = rejection.candidate;
        bool better = !best;
        switch (binding) {
        case Requirement::Budget: better = better || *c.priceUsd < *best->priceUsd; break;
        case Requirement::Power: better = c.powerW > 0 && (better || c.powerW < best->powerW); break;
        case Requirement::Ttft: better = better || c.estimate.ttftSeconds < best->estimate.ttftSeconds; break;
        case Requirement::Users: better = better || c.estimate.maxUsers > best->estimate.maxUsers; break;
        case Requirement::Fit: better = better || c.estimate.memory.usableGB > best->estimate.memory.usableGB; break;
        case Requirement::Speed:
        case Requirement::PriceUnknown:
        case Requirement::Platform:
            better = better || c.estimate.decodeTpsPerUser > best->estimate.decodeTpsPerUser;
            break;
        }
        if (better)
            best = &c;
    }
    if (!best)
        return {};
    const QString label = best->label + QStringLiteral(" (") + best->quant.name + QLatin1Char(')');
    switch (binding) {
    case Requirement::Budget:
        return QStringLiteral("it needs at least ") + dollars(*best->priceUsd) + QStringLiteral(": the cheapest that meets "
               "every other requirement is ") + label + (best->priceCardsOnly ? QStringLiteral(", cards only") : QString());
    case Requirement::Power:
        return QStringLiteral("it needs at least ") + grouped(best->powerW, 0) + QStringLiteral(" W: the lowest-power one that "
               "meets every other requirement is ") + label;
    case Requirement::Ttft:
        return QStringLiteral("the quickest first token among those that meet the other requirements takes ")
            + plain(best->estimate.ttftSeconds) + QStringLiteral(" s: ") + label;
    case Requirement::Users:
        return QStringLiteral("the roomiest holds ") + QString::number(best->estimate.maxUsers) + QStringLiteral(" at this context: ")
            + label;
    case Requirement::Speed:
        return QStringLiteral("the fastest that fits reaches ") + speed(best->estimate.decodeTpsPerUser)
            + QStringLiteral(" t/s per user: ") + label;
    case Requirement::PriceUnknown:
        return QStringLiteral("those that meet every other requirement have no public price (the fastest, ") + label
            + QStringLiteral(", reaches ") + speed(best->estimate.decodeTpsPerUser)
            + QStringLiteral(" t/s per user): enter a quote for it");
    case Requirement::Fit:
        return QStringLiteral("nothing fits; the largest, ") + best->label + QStringLiteral(", has ")
            + grouped(best->estimate.memory.usableGB, 1) + QStringLiteral(" GB usable, the model needs ")
            + grouped(best->estimate.memory.totalGB, 1) + QStringLiteral(" GB at ") + best->quant.name;
    case Requirement::Platform: return QStringLiteral("no configuration of the chosen platforms");
    }
    return {};
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

QString emptyReason(const AdvisorResult &result, const AdvisorRequirements &requirements, const Workload &workload)
{
    if (result.considered == 0)
        return QStringLiteral("No configuration to consider: the catalog lists no devices or systems");
    // What binds is what stopped the configurations that got furthest: a rejection names the first
    // requirement failed, so those that fail a later requirement met every earlier one.
    std::array<int, 8> rejections{};
    auto binding = Requirement::Platform;
    for (const AdvisorRejection &rejection : result.rejected) {
        ++rejections[std::size_t(rejection.requirement)];
        binding = std::max(binding, rejection.requirement);
    }
    QString reason = QStringLiteral("No configuration meets every requirement; what binds is ")
        + requirementText(binding, requirements, workload) + QStringLiteral(" (it stops ")
        + QString::number(rejections[std::size_t(binding)]) + QStringLiteral(" of ") + QString::number(result.considered)
        + QStringLiteral(" configurations that meet the requirements before it)");
    const QString closest = closestText(result, binding);
    return closest.isEmpty() ? reason : reason + QStringLiteral("; ") + closest;
}

} // namespace headroom::advisor
