// The one-line verdict over the compared configurations: speed per user, users served, price, payback.
#include "scenario/ComparisonVerdict.h"

#include "advisor/AdvisorFormat.h"
#include "core/Units.h"
#include "scenario/EstimateSet.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

using advisor::dollars;
using advisor::grouped;

// Below this ratio two speeds are "about as fast": the estimates' own ranges are wider than that.
constexpr double aboutTheSameSpeed = 1.05;
constexpr double aboutTheSamePriceUsd = 1;

VerdictSide sideOf(const EstimateRow &row, const ConfigurationPrice &price, const CostAssumptions &cost)
{
    VerdictSide side;
    side.index = row.scenarioIndex;
    side.label = row.label;
    side.runs = row.estimate.runs();
    side.tpsPerUser = side.runs ? row.estimate.decodeTpsPerUser : 0;
    side.usersAtMinTps = row.usersAtMinTps;
    side.price = price;
    if (price.usd && side.runs) {
        const double powerW = row.input.device.powerW * row.input.configuration.count;
        side.paybackMonths = costPerToken(price.usd, powerW, row.estimate.outputTpsTotal, cost).breakevenMonths;
    }
    return side;
}

QString priceText(const ConfigurationPrice &price)
{
    if (!price.usd)
        return QStringLiteral("price unknown");
    QString text = dollars(*price.usd);
    if (price.cardsOnly)
        text += QStringLiteral(" for the cards alone");
    else if (price.hostUsd)
        text += QStringLiteral(" with a typical host");
    return text;
}

QString usersText(int users, double minTps)
{
    return QStringLiteral("%1 %2 at ≥ %3 t/s each")
        .arg(users)
        .arg(users == 1 ? QStringLiteral("user") : QStringLiteral("users"))
        .arg(formatSpeedNumber(minTps));
}

QString paybackText(const VerdictSide &side, const std::optional<double> &cloudUsdPerMillionTokens)
{
    if (!cloudUsdPerMillionTokens || !side.price.usd)
        return {};
    const QString cloud = QStringLiteral("$%1/M tokens").arg(advisor::plain(*cloudUsdPerMillionTokens));
    if (!side.paybackMonths)
        return QStringLiteral("never pays back against the cloud at %1").arg(cloud);
    return QStringLiteral("pays back in %1 months against the cloud at %2")
        .arg(grouped(*side.paybackMonths, *side.paybackMonths < 10 ? 1 : 0), cloud);
}

QString pairText(const ComparisonVerdict &verdict)
{
    const VerdictSide &lead = verdict.lead;
    const VerdictSide &other = verdict.other;
    QStringList clauses;
    if (verdict.speedRatio < aboutTheSameSpeed) {
        clauses << QStringLiteral("about as fast per user as %1 (%2 vs %3)")
                       .arg(other.label, formatTokensPerSecond(lead.tpsPerUser), formatTokensPerSecond(other.tpsPerUser));
    } else {
        clauses << QStringLiteral("%1× faster per user (%2 vs %3)")
                       .arg(grouped(verdict.speedRatio, 1), formatTokensPerSecond(lead.tpsPerUser),
                            formatTokensPerSecond(other.tpsPerUser));
    }
    clauses << QStringLiteral("serves %1 (%2: %3)")
                   .arg(usersText(lead.usersAtMinTps, verdict.minTpsPerUser), other.label)
                   .arg(other.usersAtMinTps);
    if (verdict.priceDifferenceUsd) {
        const double difference = *verdict.priceDifferenceUsd;
        const QString prices = QStringLiteral("%1 vs %2").arg(priceText(lead.price), priceText(other.price));
        QString clause = std::abs(difference) < aboutTheSamePriceUsd
            ? QStringLiteral("costs the same (%1)").arg(prices)
            : QStringLiteral("costs %1 %2 (%3)")
                  .arg(dollars(std::abs(difference)), difference > 0 ? QStringLiteral("more") : QStringLiteral("less"), prices);
        // Cards against a whole machine is not a fair price comparison: say so where it is made.
        if (lead.price.cardsOnly != other.price.cardsOnly)
            clause += QStringLiteral(", before the host the cards need");
        clauses << clause;
    } else {
        clauses << QStringLiteral("price comparison unknown (%1 vs %2)").arg(priceText(lead.price), priceText(other.price));
    }
    if (const QString payback = paybackText(lead, verdict.cloudUsdPerMillionTokens); !payback.isEmpty())
        clauses << payback;
    return lead.label + QStringLiteral(": ") + clauses.join(QStringLiteral(", ")) + QLatin1Char('.');
}

QString singleText(const ComparisonVerdict &verdict, const QString &modelName, int others)
{
    const VerdictSide &lead = verdict.lead;
    QStringList clauses;
    clauses << QStringLiteral("%1 per user").arg(formatTokensPerSecond(lead.tpsPerUser));
    clauses << QStringLiteral("serves %1").arg(usersText(lead.usersAtMinTps, verdict.minTpsPerUser));
    clauses << priceText(lead.price);
    if (const QString payback = paybackText(lead, verdict.cloudUsdPerMillionTokens); !payback.isEmpty())
        clauses << payback;
    QString text = lead.label + QStringLiteral(": ") + clauses.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (others > 0) {
        text = QStringLiteral("Only ") + lead.label + QStringLiteral(" runs ") + modelName + QStringLiteral(" (")
            + QString::number(others) + (others == 1 ? QStringLiteral(" other does not fit). ") : QStringLiteral(" others do not fit). "))
            + text;
    }
    return text;
}

} // namespace

ComparisonVerdict compareConfigurations(const QList<EstimateRow> &rows, const QList<ConfigurationPrice> &prices,
                                        double minTpsPerUser, const CostAssumptions &cost)
{
    ComparisonVerdict verdict;
    verdict.minTpsPerUser = minTpsPerUser;
    verdict.cloudUsdPerMillionTokens = cost.cloudUsdPerMillionTokens;
    if (rows.isEmpty() || prices.size() != rows.size())
        return verdict;
    const QString modelName = rows.constFirst().input.model.name;

    QList<int> running;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).estimate.runs())
            running << i;
    }
    std::stable_sort(running.begin(), running.end(), [&rows](int a, int b) {
        return rows.at(a).estimate.decodeTpsPerUser > rows.at(b).estimate.decodeTpsPerUser;
    });

    if (running.isEmpty()) {
        verdict.kind = ComparisonVerdict::Kind::NoneRuns;
        const Workload &workload = rows.constFirst().input.workload;
        verdict.text = QStringLiteral("%1 fits none of the %2 configurations at %3 context with %4 %5.")
                           .arg(modelName)
                           .arg(rows.size())
                           .arg(formatContextTokens(workload.contextTokens))
                           .arg(workload.users)
                           .arg(workload.users == 1 ? QStringLiteral("user") : QStringLiteral("users"));
        return verdict;
    }

    if (rows.size() == 1 || running.size() == 1) {
        const int only = running.constFirst();
        verdict.lead = sideOf(rows.at(only), prices.at(only), cost);
        verdict.kind = rows.size() == 1 ? ComparisonVerdict::Kind::Single : ComparisonVerdict::Kind::OnlyOne;
        verdict.text = singleText(verdict, modelName, int(rows.size()) - 1);
        return verdict;
    }

    int lead = running.constFirst();
    int other = running.at(1);
    if (rows.size() > 2) {
        // Speeds within the estimates' own spread of the fastest are a tie; the cheapest known price wins it.
        const double fastestTps = rows.at(lead).estimate.decodeTpsPerUser;
        for (int i : std::as_const(running)) {
            const bool tied = rows.at(i).estimate.decodeTpsPerUser * aboutTheSameSpeed >= fastestTps;
            if (tied && prices.at(i).usd && (!prices.at(lead).usd || *prices.at(i).usd < *prices.at(lead).usd))
                lead = i;
        }
        int cheapest = -1;
        for (int i : std::as_const(running)) {
            if (prices.at(i).usd && (cheapest < 0 || *prices.at(i).usd < *prices.at(cheapest).usd))
                cheapest = i;
        }
        const int nextFastest = running.constFirst() == lead ? running.at(1) : running.constFirst();
        other = cheapest >= 0 && cheapest != lead ? cheapest : nextFastest;
    }
    verdict.lead = sideOf(rows.at(lead), prices.at(lead), cost);
    verdict.kind = ComparisonVerdict::Kind::Pair;
    verdict.other = sideOf(rows.at(other), prices.at(other), cost);
    if (verdict.other.tpsPerUser > 0)
        verdict.speedRatio = verdict.lead.tpsPerUser / verdict.other.tpsPerUser;
    if (verdict.lead.price.usd && verdict.other.price.usd)
        verdict.priceDifferenceUsd = *verdict.lead.price.usd - *verdict.other.price.usd;
    verdict.text = pairText(verdict);
    return verdict;
}

} // namespace headroom
