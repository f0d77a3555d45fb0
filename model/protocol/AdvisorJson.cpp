// Reading an `advise` request (SPEC §5); its answer is written in AdvisorAnswerJson.cpp. Untrusted input: nesting is bounded
// before nlohmann sees the bytes, every field is type- and range-checked, nothing escapes as an exception.
#include "protocol/AdvisorJson.h"

#include "advisor/HostPlatform.h"

#include "core/RequirementRanges.h"
#include "core/JsonNesting.h"
#include "protocol/QueryJson.h"

#include <nlohmann/json.hpp>

#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace headroom {
namespace {

using Json = nlohmann::json;

// Largest shortlist a request may ask for: every configuration of the catalog fits in it.
constexpr int maxLimit = 100'000;
// Bits per weight given to `estimate`'s reader when the quantization is `auto`: any valid value
// does, the search replaces it; a literal keeps a catalog without Q4_K_M usable.
constexpr double placeholderBitsPerWeight = 16;

// Fields resolved by `estimate`'s reader (the same names, defaults and checks as an estimate query).
constexpr std::array<std::string_view, 10> queryFields{"model",         "quant",         "context",
                                                       "concurrency",   "prompt_tokens", "output_tokens",
                                                       "kv_cache_type", "apple_usable_fraction", "cached_tokens",
                                                       "shared_context_tokens"};
constexpr std::array<std::string_view, 13> adviceFields{
    "min_decode_tps_per_user", "max_ttft_s", "budget_usd",  "max_power_w",
    "platforms",               "runtime",    "rank_by",     "limit",
    "amortization_years",      "utilization", "electricity_usd_per_kwh", "cloud_usd_per_million_tokens",
    "quotes_usd"};

struct RequestError {
    QString message;
};

[[noreturn]] void fail(std::string_view field, const QString &problem)
{
    throw RequestError{QString::fromUtf8(field.data(), qsizetype(field.size())) + QStringLiteral(": ") + problem};
}

bool isOneOf(std::string_view key, const auto &fields)
{
    return std::find(fields.begin(), fields.end(), key) != fields.end();
}

const Json *find(const Json &object, std::string_view field)
{
    const auto it = object.find(field);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

QString rangeText(const ranges::Range &range)
{
    return QStringLiteral("must be a number from %1 to %2").arg(range.lowest).arg(range.highest);
}

// A number within `range`, or nullopt when absent or null.
std::optional<double> readInRange(const Json &request, std::string_view field, const ranges::Range &range)
{
    const Json *value = find(request, field);
    if (!value)
        return std::nullopt;
    if (!value->is_number())
        fail(field, rangeText(range));
    const double number = value->get<double>();
    if (!std::isfinite(number) || !ranges::contains(range, number))
        fail(field, rangeText(range) + QStringLiteral(", got ") + printableJsonText(value->dump()));
    return number;
}

QString readString(const Json &value, std::string_view field, const QString &expected)
{
    if (!value.is_string())
        fail(field, expected);
    return QString::fromStdString(value.get_ref<const std::string &>());
}

Runtime readRuntime(const Json &value, std::string_view field)
{
    const QString choices = QStringLiteral("auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang");
    const QString text = readString(value, field, QStringLiteral("must be a runtime name (") + choices + QLatin1Char(')'));
    const std::optional<Runtime> runtime = runtimeFromString(text);
    if (!runtime)
        fail(field, QStringLiteral("unknown value '") + text + QStringLiteral("' (expected ") + choices + QLatin1Char(')'));
    return *runtime;
}

void readRuntimes(const Json &request, AdvisorRequirements &requirements)
{
    constexpr std::string_view field = "runtime";
    const Json *value = find(request, field);
    if (!value)
        return;
    if (value->is_string()) {
        const Runtime runtime = readRuntime(*value, field);
        requirements.appleRuntime = requirements.nvidiaRuntime = requirements.otherRuntime = runtime;
        return;
    }
    if (!value->is_object())
        fail(field, QStringLiteral("must be a runtime name or {\"apple\": ..., \"nvidia\": ..., \"other\": ...}"));
    for (const auto &item : value->items()) {
        const std::optional<Platform> platform = platformFromString(QString::fromStdString(item.key()));
        if (!platform)
            fail(field, printableJsonText(item.key()) + QStringLiteral(": unknown platform (expected apple, nvidia, other)"));
        const Runtime runtime = readRuntime(item.value(), field);
        (*platform == Platform::Apple ? requirements.appleRuntime
         : *platform == Platform::Nvidia ? requirements.nvidiaRuntime
                                         : requirements.otherRuntime) = runtime;
    }
}

QList<Platform> readPlatforms(const Json &request)
{
    constexpr std::string_view field = "platforms";
    const Json *value = find(request, field);
    if (!value)
        return {};
    const QString expected = QStringLiteral("must be a non-empty list of apple, nvidia, other");
    if (!value->is_array() || value->empty())
        fail(field, expected);
    QList<Platform> platforms;
    for (const Json &item : *value) {
        const QString text = readString(item, field, expected);
        const std::optional<Platform> platform = platformFromString(text);
        if (!platform)
            fail(field, QStringLiteral("unknown platform '") + text + QStringLiteral("' (expected apple, nvidia, other)"));
        if (!platforms.contains(*platform))
            platforms.append(*platform);
    }
    return platforms;
}

// "quotes_usd": {"mac-studio-m3-ultra-512": 9499, "rtx-5090": 1850}: a customer's prices by named
// system or device id, replacing the list price.
bool isHostPlatform(const QString &id)
{
    return std::any_of(hostPlatforms().cbegin(), hostPlatforms().cend(),
                       [&id](const HostPlatform &host) { return host.id == id; });
}

// A quote prices a named system, a device or a host platform; an id that is none of them is a typo.
void readQuotes(const Json &request, const Catalog &catalog, QMap<QString, double> &quotes)
{
    constexpr std::string_view field = "quotes_usd";
    const Json *value = find(request, field);
    if (!value)
        return;
    if (!value->is_object())
        fail(field, QStringLiteral("must be an object {\"system, device or host id\": price in US$}"));
    for (const auto &item : value->items()) {
        const QString id = QString::fromStdString(item.key());
        const QString where = QStringLiteral("quotes_usd.") + printableJsonText(item.key());
        if (id.isEmpty())
            fail(field, QStringLiteral("a quote needs an id"));
        if (!catalog.system(id) && !catalog.device(id) && !isHostPlatform(id))
            throw RequestError{where + QStringLiteral(": no named system, device or host platform has this id")};
        if (!item.value().is_number() || !std::isfinite(item.value().get<double>())
            || !ranges::contains(ranges::kPriceUsd, item.value().get<double>()))
            throw RequestError{where + QStringLiteral(": must be a price from $%1 to $%2, got ")
                                          .arg(ranges::kPriceUsd.lowest).arg(ranges::kPriceUsd.highest)
                               + printableJsonText(item.value().dump())};
        quotes.insert(id, item.value().get<double>());
    }
}

void readRequirements(const Json &request, const Catalog &catalog, AdvisorRequirements &requirements)
{
    requirements.minDecodeTpsPerUser = readInRange(request, "min_decode_tps_per_user", ranges::kMinDecodeTps);
    requirements.maxTtftSeconds = readInRange(request, "max_ttft_s", ranges::kMaxTtftSeconds);
    requirements.budgetUsd = readInRange(request, "budget_usd", ranges::kBudgetUsd);
    requirements.maxPowerW = readInRange(request, "max_power_w", ranges::kPowerW);
    requirements.platforms = readPlatforms(request);
    readRuntimes(request, requirements);
    if (const Json *value = find(request, "rank_by")) {
        const QString expected = QStringLiteral("price, speed, tps_per_dollar, tps_per_watt");
        const QString text = readString(*value, "rank_by", QStringLiteral("must be one of ") + expected);
        const std::optional<RankBy> rankBy = rankByFromString(text);
        if (!rankBy)
            fail("rank_by", QStringLiteral("unknown value '") + text + QStringLiteral("' (expected ") + expected + QLatin1Char(')'));
        requirements.rankBy = *rankBy;
    }
    if (const Json *value = find(request, "limit")) {
        const QString expected = QStringLiteral("must be a whole number from 1 to ") + QString::number(maxLimit);
        if (!value->is_number())
            fail("limit", expected);
        const double limit = value->get<double>();
        if (!std::isfinite(limit) || limit != std::floor(limit) || limit < 1 || limit > maxLimit)
            fail("limit", expected + QStringLiteral(", got ") + printableJsonText(value->dump()));
        requirements.limit = int(limit);
    }
    CostAssumptions &cost = requirements.cost;
    cost.amortizationYears = readInRange(request, "amortization_years", ranges::kAmortizationYears)
                                 .value_or(cost.amortizationYears);
    cost.utilization = readInRange(request, "utilization", ranges::kUtilization).value_or(cost.utilization);
    cost.electricityUsdPerKwh = readInRange(request, "electricity_usd_per_kwh", ranges::kElectricityUsdPerKwh)
                                    .value_or(cost.electricityUsdPerKwh);
    cost.cloudUsdPerMillionTokens = readInRange(request, "cloud_usd_per_million_tokens", ranges::kCloudUsdPerMillionTokens);
    readQuotes(request, catalog, requirements.quotesUsd);
}

bool isAuto(const Json &request)
{
    const auto quant = request.find("quant");
    return quant != request.end() && quant->is_string()
        && QString::fromStdString(quant->get<std::string>()).compare(QLatin1String("auto"), Qt::CaseInsensitive) == 0;
}

// Model, quantization and workload through `estimate`'s own reader, so both commands agree.
void readModelAndWorkload(const Json &request, const Catalog &catalog, AdvisorRequest &advice)
{
    if (catalog.devices().isEmpty())
        throw RequestError{QStringLiteral("catalog: lists no devices")};
    Json query = Json::object();
    query["hardware"] = catalog.devices().front().id.toStdString();
    for (const std::string_view field : queryFields) {
        if (const auto it = request.find(field); it != request.end())
            query[std::string(field)] = *it;
    }
    advice.requirements.autoQuant = isAuto(request);
    if (advice.requirements.autoQuant)
        query["quant"] = Json{{"bits_per_weight", placeholderBitsPerWeight}};
    const Json batch = {{"queries", Json::array({std::move(query)})}};
    const ParsedBatch parsed = parseQueries(QByteArray::fromStdString(batch.dump(-1, ' ', false, Json::error_handler_t::replace)),
                                            catalog);
    if (!parsed.fatalError.isEmpty())
        throw RequestError{parsed.fatalError};
    const ParsedQuery &resolved = parsed.queries.front();
    if (!resolved.error.isEmpty())
        throw RequestError{resolved.error};
    advice.model = resolved.input.model;
    advice.quant = resolved.input.quant;
    advice.workload = resolved.input.workload;
    advice.appleUsableFraction = resolved.input.appleUsableFraction;
}


} // namespace

ParsedAdviseRequest parseAdviseRequest(const QByteArray &json, const Catalog &catalog)
{
    ParsedAdviseRequest parsed;
    if (const qsizetype deepAt = jsonNestingExceededAt(json, MaxJsonNestingDepth); deepAt >= 0) {
        parsed.error = QStringLiteral("byte ") + QString::number(deepAt + 1) + QStringLiteral(": nested deeper than ")
            + QString::number(MaxJsonNestingDepth) + QStringLiteral(" levels");
        return parsed;
    }
    try {
        const Json request = Json::parse(json.cbegin(), json.cend());
        if (!request.is_object())
            throw RequestError{QStringLiteral("request: must be a JSON object")};
        for (const auto &item : request.items()) {
            if (!isOneOf(item.key(), queryFields) && !isOneOf(item.key(), adviceFields))
                throw RequestError{printableJsonText(item.key()) + QStringLiteral(": unknown field")};
        }
        readModelAndWorkload(request, catalog, parsed.request);
        readRequirements(request, catalog, parsed.request.requirements);
    } catch (const RequestError &error) {
        parsed.error = error.message;
    } catch (const Json::parse_error &error) {
        parsed.error = QStringLiteral("byte ") + QString::number(error.byte) + QStringLiteral(": not valid JSON: ")
            + jsonExceptionText(error.what());
    } catch (const Json::exception &error) {
        parsed.error = QStringLiteral("not valid JSON: ") + jsonExceptionText(error.what());
    } catch (const std::bad_alloc &) {
        parsed.error = QStringLiteral("input too large to hold in memory");
    }
    return parsed;
}

} // namespace headroom
