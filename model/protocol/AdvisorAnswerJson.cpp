// Writing an `advise` answer (SPEC §5): the shortlist, the rejections, the quoted systems, the reason.
#include "protocol/AdvisorJson.h"

#include "protocol/QueryJson.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace headroom {
namespace {

using OrderedJson = nlohmann::ordered_json;

// Decimals kept in the answer: cents per million tokens to a hundredth, months to a day or so.
constexpr int usdPerMillionDecimals = 4;
constexpr int monthsDecimals = 2;
constexpr int memoryDecimals = 3;

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

OrderedJson numberOrNull(std::optional<double> value, int decimals)
{
    if (!value || !std::isfinite(*value))
        return nullptr;
    return rounded(*value, decimals);
}

// What price_usd pays for: "whole system", "cards only", "cards + typical host"; a cluster says how many
// machines and whether the link's hardware is in it.
OrderedJson priceCovers(const AdvisorCandidate &candidate)
{
    if (!candidate.priceUsd)
        return OrderedJson(nullptr);
    std::string covers = candidate.priceCardsOnly ? "cards only"
        : candidate.hostUsd                       ? "cards + typical host"
                                                  : "whole system";
    if (candidate.configuration.isCluster()) {
        covers = std::to_string(candidate.configuration.nodes) + " x (" + covers + ")"
            + (candidate.linkUsd ? " + link hardware" : "; link hardware not included (price unknown)");
    }
    return OrderedJson(covers);
}

OrderedJson shortlistEntry(const AdvisorCandidate &candidate, int rank)
{
    OrderedJson entry = OrderedJson::object();
    entry["rank"] = rank;
    entry["hardware"] = candidate.configuration.deviceId.toStdString();
    entry["label"] = candidate.label.toStdString();
    entry["count"] = candidate.configuration.count;
    entry["memory_gb"] = rounded(candidate.configuration.memoryGB, memoryDecimals);
    entry["split"] = toString(candidate.configuration.split).toStdString();
    entry["runtime"] = toString(candidate.estimate.terms.runtime).toStdString();
    entry["system"] = candidate.systemId.isEmpty() ? OrderedJson(nullptr) : OrderedJson(candidate.systemId.toStdString());
    entry["platform"] = toString(candidate.platform).toStdString();
    entry["quant"] = candidate.quant.name.toStdString();
    entry["price_usd"] = numberOrNull(candidate.priceUsd, 2);
    entry["price_covers"] = priceCovers(candidate);
    entry["host_usd"] = numberOrNull(candidate.hostUsd, 2);
    entry["price_source"] = candidate.priceSource.isEmpty() ? OrderedJson(nullptr) : OrderedJson(candidate.priceSource.toStdString());
    if (candidate.configuration.isCluster()) {
        entry["nodes"] = candidate.configuration.nodes;
        entry["link"] = candidate.input.link.id.toStdString();
        entry["link_usd"] = numberOrNull(candidate.linkUsd, 2);
    }
    entry["power_w"] = numberOrNull(candidate.powerW > 0 ? std::optional<double>(candidate.powerW) : std::nullopt, 1);
    entry["usd_per_million_tokens"] = numberOrNull(candidate.cost.usdPerMillionTokens, usdPerMillionDecimals);
    entry["breakeven_months"] = numberOrNull(candidate.cost.breakevenMonths, monthsDecimals);
    entry["cost_unknown_because"] = candidate.cost.unknownBecause.isEmpty()
        ? OrderedJson(nullptr) : OrderedJson(candidate.cost.unknownBecause.toStdString());
    const ParsedQuery query{QString(), QByteArray(), candidate.input, QString()};
    entry["estimate"] = OrderedJson::parse(serializeResult(query, candidate.estimate).toStdString());
    return entry;
}

OrderedJson rejectedEntry(const AdvisorRejection &rejection)
{
    const AdvisorCandidate &candidate = rejection.candidate;
    OrderedJson entry = OrderedJson::object();
    entry["hardware"] = candidate.configuration.deviceId.toStdString();
    entry["label"] = candidate.label.toStdString();
    entry["count"] = candidate.configuration.count;
    entry["memory_gb"] = rounded(candidate.configuration.memoryGB, memoryDecimals);
    entry["split"] = toString(candidate.configuration.split).toStdString();
    entry["system"] = candidate.systemId.isEmpty() ? OrderedJson(nullptr) : OrderedJson(candidate.systemId.toStdString());
    entry["quant"] = candidate.quant.name.toStdString();
    entry["requirement"] = toString(rejection.requirement).toStdString();
    entry["reason"] = rejection.reason.toStdString();
    return entry;
}

// A quoted system as a shortlist entry whatever became of it: its rank (null past the limit or left out),
// whether it meets every requirement, and the requirement that left it out.
OrderedJson quotedEntry(const AdvisorCandidate &candidate, const AdvisorResult &result)
{
    const qsizetype ranked = shortlistIndexOf(result, candidate);
    const AdvisorRejection *rejection = rejectionOf(result, candidate);
    OrderedJson entry = shortlistEntry(candidate, 0);
    entry["rank"] = ranked < 0 ? OrderedJson(nullptr) : OrderedJson(int(ranked) + 1);
    entry["qualifies"] = rejection == nullptr;
    entry["requirement"] = rejection ? OrderedJson(toString(rejection->requirement).toStdString()) : OrderedJson(nullptr);
    entry["reason"] = rejection ? OrderedJson(rejection->reason.toStdString()) : OrderedJson(nullptr);
    return entry;
}

void appendList(QByteArray &out, const char *key, const QList<OrderedJson> &entries)
{
    out += '"';
    out += key;
    out += "\":[";
    for (qsizetype i = 0; i < entries.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        out += QByteArray::fromStdString(entries.at(i).dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
    }
    out += entries.isEmpty() ? "]" : "\n]";
}

} // namespace

QByteArray serializeAdvice(const AdvisorResult &result)
{
    QList<OrderedJson> shortlist;
    shortlist.reserve(result.shortlist.size());
    for (qsizetype i = 0; i < result.shortlist.size(); ++i)
        shortlist.append(shortlistEntry(result.shortlist.at(i), int(i + 1)));
    QList<OrderedJson> rejected;
    rejected.reserve(result.rejected.size());
    for (const AdvisorRejection &rejection : result.rejected)
        rejected.append(rejectedEntry(rejection));
    QList<OrderedJson> quoted;
    quoted.reserve(result.quoted.size());
    for (const AdvisorCandidate &candidate : result.quoted)
        quoted.append(quotedEntry(candidate, result));
    QByteArray out = "{";
    appendList(out, "shortlist", shortlist);
    out += ",\n";
    appendList(out, "rejected", rejected);
    out += ",\n";
    appendList(out, "quoted", quoted);
    out += ",\n\"considered\":" + QByteArray::number(result.considered) + ",\n\"reason\":";
    out += QByteArray::fromStdString(OrderedJson(result.reason.toStdString()).dump(-1, ' ', false,
                                                                                   OrderedJson::error_handler_t::replace));
    out += "}\n";
    return out;
}

} // namespace headroom
