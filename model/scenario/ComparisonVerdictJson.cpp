// The verdict in `estimate`'s JSON.
#include "scenario/ComparisonVerdict.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace headroom {
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson numberOrNull(const std::optional<double> &value, int decimals)
{
    if (!value || !std::isfinite(*value))
        return nullptr;
    const double scale = std::pow(10.0, decimals);
    return std::round(*value * scale) / scale;
}

OrderedJson sideJson(const VerdictSide &side)
{
    OrderedJson out;
    out["index"] = side.index;
    out["label"] = side.label.toStdString();
    out["runs"] = side.runs;
    out["decode_tps_per_user"] = side.runs ? numberOrNull(side.tpsPerUser, 3) : OrderedJson(nullptr);
    out["users_at_min_tps"] = side.usersAtMinTps;
    out["price_usd"] = numberOrNull(side.price.usd, 2);
    out["price_covers"] = !side.price.usd     ? OrderedJson(nullptr)
        : side.price.cardsOnly                ? OrderedJson("cards only")
        : side.price.hostUsd                  ? OrderedJson("cards + typical host")
                                              : OrderedJson("whole system");
    out["host_usd"] = numberOrNull(side.price.hostUsd, 2);
    out["price_source"] = side.price.source.isEmpty() ? OrderedJson(nullptr) : OrderedJson(side.price.source.toStdString());
    out["payback_months"] = numberOrNull(side.paybackMonths, 1);
    return out;
}

} // namespace

QString toString(ComparisonVerdict::Kind kind)
{
    switch (kind) {
    case ComparisonVerdict::Kind::None: return QStringLiteral("none");
    case ComparisonVerdict::Kind::Single: return QStringLiteral("single");
    case ComparisonVerdict::Kind::NoneRuns: return QStringLiteral("none-runs");
    case ComparisonVerdict::Kind::OnlyOne: return QStringLiteral("only-one-runs");
    case ComparisonVerdict::Kind::Pair: return QStringLiteral("pair");
    }
    return {};
}

QByteArray verdictJson(const ComparisonVerdict &verdict)
{
    OrderedJson out;
    out["kind"] = toString(verdict.kind).toStdString();
    out["text"] = verdict.text.toStdString();
    const bool hasLead = verdict.kind == ComparisonVerdict::Kind::Single || verdict.kind == ComparisonVerdict::Kind::OnlyOne
        || verdict.kind == ComparisonVerdict::Kind::Pair;
    out["lead"] = hasLead ? sideJson(verdict.lead) : OrderedJson(nullptr);
    const bool pair = verdict.kind == ComparisonVerdict::Kind::Pair;
    out["other"] = pair ? sideJson(verdict.other) : OrderedJson(nullptr);
    out["speed_ratio"] = pair ? numberOrNull(verdict.speedRatio, 3) : OrderedJson(nullptr);
    out["price_difference_usd"] = numberOrNull(verdict.priceDifferenceUsd, 2);
    out["min_tps_per_user"] = verdict.minTpsPerUser;
    out["cloud_usd_per_million_tokens"] = numberOrNull(verdict.cloudUsdPerMillionTokens, 4);
    return QByteArray::fromStdString(out.dump());
}

} // namespace headroom
