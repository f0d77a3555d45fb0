// Each requirement of an advisor request checked against one estimated candidate, in order.
#include "advisor/AdvisorRequirementCheck.h"

#include "advisor/AdvisorFormat.h"

namespace headroom::advisor {

bool fitsInMemory(Fit fit)
{
    return fit == Fit::Fits || fit == Fit::Tight; // offload runs, but from system memory: not for the advisor
}

bool failsQuantIndependent(const AdvisorCandidate &candidate, const AdvisorRequirements &requirements)
{
    if (requirements.budgetUsd && (!candidate.priceUsd || *candidate.priceUsd > *requirements.budgetUsd))
        return true;
    return requirements.maxPowerW && (candidate.powerW <= 0 || candidate.powerW > *requirements.maxPowerW);
}

std::optional<Failure> firstFailure(const AdvisorCandidate &candidate, const AdvisorRequest &request)
{
    const AdvisorRequirements &requirements = request.requirements;
    const Estimate &e = candidate.estimate;
    if (!fitsInMemory(e.fit)) {
        const double shortfall = e.memory.usableGB > 0 ? e.memory.totalGB / e.memory.usableGB - 1 : 1;
        QString reason = QStringLiteral("needs ") + grouped(e.memory.totalGB, 1) + QStringLiteral(" GB, ")
            + grouped(e.memory.usableGB, 1) + QStringLiteral(" GB usable");
        if (e.fit == Fit::Offload)
            reason += QStringLiteral("; runs only by offloading to system memory, which the advisor counts as not fitting");
        return Failure{Requirement::Fit, reason + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" over)"),
                       shortfall};
    }
    const int users = request.workload.users;
    if (e.maxUsers < users) {
        const double shortfall = 1 - double(e.maxUsers) / users;
        return Failure{Requirement::Users,
                       QStringLiteral("fits ") + QString::number(e.maxUsers) + QStringLiteral(" users at ")
                           + grouped(request.workload.contextTokens, 0) + QStringLiteral(" tokens of context, needs ")
                           + QString::number(users) + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" short)"),
                       shortfall};
    }
    if (const auto &minimum = requirements.minDecodeTpsPerUser; minimum && e.decodeTpsPerUser < *minimum) {
        const double shortfall = 1 - e.decodeTpsPerUser / *minimum;
        return Failure{Requirement::Speed,
                       QStringLiteral("reaches ") + speed(e.decodeTpsPerUser) + QStringLiteral(" t/s per user, needs ")
                           + plain(*minimum) + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" short)"),
                       shortfall};
    }
    if (const auto &maximum = requirements.maxTtftSeconds; maximum && e.ttftSeconds > *maximum) {
        const double shortfall = e.ttftSeconds / *maximum - 1;
        return Failure{Requirement::Ttft,
                       QStringLiteral("first token after ") + plain(e.ttftSeconds) + QStringLiteral(" s, limit ")
                           + plain(*maximum) + QStringLiteral(" s (") + percent(shortfall) + QStringLiteral(" over)"),
                       shortfall};
    }
    if (const auto &budget = requirements.budgetUsd) {
        if (!candidate.priceUsd)
            return Failure{Requirement::PriceUnknown, QStringLiteral("price unknown, budget ") + dollars(*budget), 0};
        if (*candidate.priceUsd > *budget) {
            const double shortfall = *candidate.priceUsd / *budget - 1;
            return Failure{Requirement::Budget,
                           QStringLiteral("costs ") + dollars(*candidate.priceUsd) + QStringLiteral(", budget ")
                               + dollars(*budget) + QStringLiteral(" (") + percent(shortfall) + QStringLiteral(" over)"),
                           shortfall};
        }
    }
    if (const auto &limit = requirements.maxPowerW) {
        if (candidate.powerW <= 0)
            return Failure{Requirement::Power, QStringLiteral("power unknown, limit ") + grouped(*limit, 0)
                                                   + QStringLiteral(" W"), 0};
        if (candidate.powerW > *limit) {
            const double shortfall = candidate.powerW / *limit - 1;
            return Failure{Requirement::Power,
                           QStringLiteral("draws ") + grouped(candidate.powerW, 0) + QStringLiteral(" W, limit ")
                               + grouped(*limit, 0) + QStringLiteral(" W (") + percent(shortfall) + QStringLiteral(" over)"),
                           shortfall};
        }
    }
    return std::nullopt;
}

} // namespace headroom::advisor
