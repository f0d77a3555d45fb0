// What owning a configuration costs per million output tokens, and when it beats a cloud API.
#include "advisor/Advisor.h"
#include "advisor/AdvisorFormat.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace headroom {
namespace {

constexpr double daysPerYear = 365.25; // Julian year: leap years included
constexpr double hoursPerDay = 24;
constexpr double secondsPerHour = 3600;
constexpr double hoursPerYear = daysPerYear * hoursPerDay;
constexpr double secondsPerYear = hoursPerYear * secondsPerHour;
constexpr double monthsPerYear = 12;
constexpr double wattsPerKilowatt = 1000;
constexpr double tokensPerMillion = 1e6;

} // namespace

CostPerToken costPerToken(std::optional<double> priceUsd, double powerW, double outputTpsTotal,
                          const CostAssumptions &assumptions)
{
    CostPerToken cost;
    cost.priceKnown = priceUsd.has_value();
    cost.tokensPerYear = std::max(0.0, outputTpsTotal) * assumptions.utilization * secondsPerYear;
    cost.amortizedUsdPerYear = priceUsd && assumptions.amortizationYears > 0 ? *priceUsd / assumptions.amortizationYears : 0;
    cost.electricityUsdPerYear = powerW / wattsPerKilowatt * hoursPerYear * assumptions.utilization
        * assumptions.electricityUsdPerKwh;
    const double millionsPerYear = cost.tokensPerYear / tokensPerMillion;
    QStringList unknown;
    if (!priceUsd)
        unknown << QStringLiteral("price");
    if (!(powerW > 0))
        unknown << QStringLiteral("power");
    if (!unknown.isEmpty())
        cost.unknownBecause = unknown.join(QStringLiteral(" and ")) + QStringLiteral(" unknown");
    else if (!(millionsPerYear > 0))
        cost.unknownBecause = QStringLiteral("no tokens produced");
    else
        cost.usdPerMillionTokens = (cost.amortizedUsdPerYear + cost.electricityUsdPerYear) / millionsPerYear;
    if (priceUsd && powerW > 0 && assumptions.cloudUsdPerMillionTokens) {
        const double cloudUsdPerMonth = millionsPerYear / monthsPerYear * *assumptions.cloudUsdPerMillionTokens;
        const double savingsUsdPerMonth = cloudUsdPerMonth - cost.electricityUsdPerYear / monthsPerYear;
        if (savingsUsdPerMonth > 0)
            cost.breakevenMonths = *priceUsd / savingsUsdPerMonth;
    }
    return cost;
}

QString explainCost(const AdvisorCandidate &candidate, const CostAssumptions &assumptions)
{
    using namespace advisor;
    const CostPerToken cost = costPerToken(candidate.priceUsd, candidate.powerW, candidate.estimate.outputTpsTotal,
                                           assumptions);
    QStringList lines;
    lines << QStringLiteral("Cost per million output tokens for ") + candidate.label + QLatin1Char(':');
    QString price = QStringLiteral("unknown");
    if (candidate.priceUsd) {
        price = dollars(*candidate.priceUsd);
        if (candidate.priceCardsOnly)
            price += QStringLiteral(" (cards only, host not included)");
        if (candidate.hostUsd) {
            price += QStringLiteral(" = cards ") + dollars(*candidate.priceUsd - *candidate.hostUsd) + QStringLiteral(" + ")
                + candidate.hostName + QLatin1Char(' ') + dollars(*candidate.hostUsd) + QStringLiteral(" (")
                + candidate.hostSource + QLatin1Char(')');
        }
        if (!candidate.systemId.isEmpty())
            price += QStringLiteral(" (system ") + candidate.systemId + QLatin1Char(')');
        if (!candidate.priceSource.isEmpty())
            price += QStringLiteral(", source ") + candidate.priceSource;
    }
    lines << QStringLiteral("  price = ") + price;
    lines << QStringLiteral("  power = ")
            + (candidate.powerW > 0 ? grouped(candidate.powerW, 0) + QStringLiteral(" W") : QStringLiteral("unknown"));
    lines << QStringLiteral("  tokens per year = output t/s (all users) x utilisation x seconds per year = ")
            + plain(candidate.estimate.outputTpsTotal, 3) + QStringLiteral(" x ") + plain(assumptions.utilization)
            + QStringLiteral(" x ") + grouped(secondsPerYear, 0) + QStringLiteral(" = ") + grouped(cost.tokensPerYear, 0);
    lines << QStringLiteral("  amortised price per year = price / years = ")
            + (candidate.priceUsd ? dollars(*candidate.priceUsd) : QStringLiteral("$0")) + QStringLiteral(" / ")
            + plain(assumptions.amortizationYears) + QStringLiteral(" = $") + grouped(cost.amortizedUsdPerYear, 2);
    lines << QStringLiteral("  electricity per year = power / 1000 x hours per year x utilisation x $/kWh = ")
            + plain(candidate.powerW, 1) + QStringLiteral(" / 1000 x ") + grouped(hoursPerYear, 0) + QStringLiteral(" x ")
            + plain(assumptions.utilization) + QStringLiteral(" x ") + plain(assumptions.electricityUsdPerKwh, 4)
            + QStringLiteral(" = $") + grouped(cost.electricityUsdPerYear, 2);
    lines << QStringLiteral("  $ per million tokens = (amortised + electricity) / (tokens per year / 1,000,000) = ")
            + (cost.usdPerMillionTokens ? QString(QStringLiteral("$") + grouped(*cost.usdPerMillionTokens, 4))
                                        : QString(QStringLiteral("unknown (") + cost.unknownBecause + QLatin1Char(')')));
    if (!assumptions.cloudUsdPerMillionTokens) {
        lines << QStringLiteral("  break-even: no cloud price given");
    } else if (!cost.breakevenMonths) {
        lines << QStringLiteral("  break-even: never (")
                + (candidate.priceUsd ? QStringLiteral("electricity costs at least the cloud price of $")
                                            + plain(*assumptions.cloudUsdPerMillionTokens, 4)
                                            + QStringLiteral(" per million tokens")
                                      : QStringLiteral("price unknown"))
                + QLatin1Char(')');
    } else {
        lines << QStringLiteral("  break-even months = price / (cloud $ per month - electricity $ per month), cloud $ per month = tokens per month x $")
                + plain(*assumptions.cloudUsdPerMillionTokens, 4) + QStringLiteral(" / 1,000,000 = ")
                + grouped(*cost.breakevenMonths, 1) + QStringLiteral(" months");
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace headroom
