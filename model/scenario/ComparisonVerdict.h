#pragma once

#include "advisor/Advisor.h"
#include "advisor/ConfigurationPrice.h"

#include <QString>

#include <optional>

namespace headroom {

struct EstimateRow;

// One side of a verdict: a compared configuration with the figures the sentence quotes.
struct VerdictSide {
    int index = -1;               // EstimateRow::scenarioIndex (the query's index for `estimate`)
    QString label;
    bool runs = false;            // fits (in memory or offloaded) at the scenario's context and users
    double tpsPerUser = 0;        // decode t/s per user at the scenario's user count
    int usersAtMinTps = 0;        // most users served at minTpsPerUser each or faster
    ConfigurationPrice price;
    std::optional<double> paybackMonths; // against the cloud price; nullopt without one or without a price
    bool operator==(const VerdictSide &) const = default;
};

// The answer to "which of these should I buy?" for the compared configurations, in one sentence and
// in the numbers behind it. `lead` is the faster per user of the pair, `other` the configuration it
// is weighed against.
struct ComparisonVerdict {
    enum class Kind {
        None,     // nothing to compare (no configuration)
        Single,   // one configuration: what it does
        NoneRuns, // the model fits none of them
        OnlyOne,  // exactly one runs it
        Pair,     // lead against other
    };
    Kind kind = Kind::None;
    VerdictSide lead;
    VerdictSide other;
    double speedRatio = 0;                  // lead.tpsPerUser / other.tpsPerUser (Pair)
    std::optional<double> priceDifferenceUsd; // lead price - other price, when both are known (Pair)
    double minTpsPerUser = 0;
    std::optional<double> cloudUsdPerMillionTokens;
    QString text; // "2x RTX 5090: 2.8x faster per user, serves 18 users at ≥ 10 t/s (…: 6), costs $3,500 more …"
    bool operator==(const ComparisonVerdict &) const = default;
};

// Which pair a verdict weighs: for two configurations, those two, the faster leading; among more, the
// fastest per user that runs the model (of those within 5% of it, the cheapest) against the cheapest that
// runs it (when the fastest is also the cheapest, against the next fastest). `prices` holds one price per row; the cost assumptions supply the cloud price.
ComparisonVerdict compareConfigurations(const QList<EstimateRow> &rows, const QList<ConfigurationPrice> &prices,
                                        double minTpsPerUser, const CostAssumptions &cost);

// The verdict as one JSON object ("verdict" of `estimate` for a pair): kind, text, lead and other with their
// figures (index, label, decode_tps_per_user, users_at_min_tps, price_usd, price_covers, price_source,
// payback_months), speed_ratio, price_difference_usd, min_tps_per_user, cloud_usd_per_million_tokens.
QByteArray verdictJson(const ComparisonVerdict &verdict);

QString toString(ComparisonVerdict::Kind kind);

} // namespace headroom
