// The scenario file's "advisor" object <-> AdvisorRequirements (names as in SPEC §5 `advise`).
#include "scenario/AdvisorRequirementsJson.h"

#include "core/RequirementRanges.h"

#include "core/ScenarioJsonReader.h"

#include <QJsonArray>

namespace headroom {
namespace {

constexpr int MaxLimit = 10'000;

const QString MinSpeedKey = QStringLiteral("min_decode_tps_per_user");
const QString MaxTtftKey = QStringLiteral("max_ttft_s");
const QString BudgetKey = QStringLiteral("budget_usd");
const QString MaxPowerKey = QStringLiteral("max_power_w");
const QString PlatformsKey = QStringLiteral("platforms");
const QString RankByKey = QStringLiteral("rank_by");
const QString LimitKey = QStringLiteral("limit");
const QString YearsKey = QStringLiteral("amortization_years");
const QString UtilizationKey = QStringLiteral("utilization");
const QString ElectricityKey = QStringLiteral("electricity_usd_per_kwh");
const QString CloudKey = QStringLiteral("cloud_usd_per_million_tokens");
const QString AutoQuantKey = QStringLiteral("auto_quant");
const QString RuntimesKey = QStringLiteral("runtimes");
const QString QuotesKey = QStringLiteral("quotes_usd");

const QString RuntimeNames = QStringLiteral("auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang");

// A number within `range` (ranges::, shared with `advise`). null reads as "not set", as `advise` writes it.
std::optional<double> readPositive(ScenarioJsonReader &reader, const QJsonObject &object, const QString &key,
                                   const QString &parent, const ranges::Range &range, bool &present)
{
    present = object.contains(key) && !object.value(key).isNull();
    if (!present)
        return std::nullopt;
    return reader.number(object, key, jsonPath(parent, key), range.lowest, range.highest);
}

void readOptionalLimit(ScenarioJsonReader &reader, const QJsonObject &object, const QString &key,
                       const QString &parent, const ranges::Range &range, std::optional<double> &target)
{
    bool present = false;
    const std::optional<double> number = readPositive(reader, object, key, parent, range, present);
    if (!present)
        target.reset();
    else if (number)
        target = number;
}

void readPlatforms(ScenarioJsonReader &reader, const QJsonObject &object, const QString &parent,
                   QList<Platform> &platforms)
{
    if (!object.contains(PlatformsKey))
        return;
    const QString path = jsonPath(parent, PlatformsKey);
    const QJsonValue value = object.value(PlatformsKey);
    if (!value.isArray()) {
        reader.problem(path, QStringLiteral("must be an array of apple, nvidia, other, found ") % jsonTypeName(value));
        return;
    }
    QList<Platform> read;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemPath = path % QStringLiteral("[%1]").arg(i);
        const QJsonValue item = array.at(i);
        if (!item.isString()) {
            reader.problem(itemPath, QStringLiteral("must be a string, found ") % jsonTypeName(item));
            continue;
        }
        const QString name = item.toString();
        const Platform platform = platformFromString(name).value_or(Platform::Other);
        if (!platformFromString(name))
            reader.problem(itemPath, QStringLiteral("unknown platform \"%1\" (apple, nvidia, other)").arg(name));
        else if (read.contains(platform))
            reader.problem(itemPath, QStringLiteral("\"%1\" is listed twice").arg(name));
        else
            read.append(platform);
    }
    platforms = read;
}

void readRuntimes(ScenarioJsonReader &reader, const QJsonObject &object, const QString &parent,
                  AdvisorRequirements &requirements)
{
    if (!object.contains(RuntimesKey))
        return;
    const QString path = jsonPath(parent, RuntimesKey);
    const QJsonValue value = object.value(RuntimesKey);
    if (!value.isObject()) {
        reader.problem(path, QStringLiteral("must be an object {\"apple\": ..., \"nvidia\": ..., \"other\": ...}, found ")
                                 % jsonTypeName(value));
        return;
    }
    const QJsonObject runtimes = value.toObject();
    const std::pair<Platform, Runtime *> targets[] = {{Platform::Apple, &requirements.appleRuntime},
                                                      {Platform::Nvidia, &requirements.nvidiaRuntime},
                                                      {Platform::Other, &requirements.otherRuntime}};
    for (auto it = runtimes.begin(); it != runtimes.end(); ++it) {
        const QString itemPath = jsonPath(path, it.key());
        const std::optional<Platform> platform = platformFromString(it.key());
        if (!platform) {
            reader.problem(itemPath, QStringLiteral("unknown platform (apple, nvidia, other)"));
            continue;
        }
        const std::optional<QString> text = reader.string(runtimes, it.key(), itemPath);
        if (!text)
            continue;
        const std::optional<Runtime> runtime = runtimeFromString(*text);
        if (!runtime) {
            reader.problem(itemPath, QStringLiteral("unknown runtime \"%1\" (%2)").arg(*text, RuntimeNames));
            continue;
        }
        for (const auto &[target, field] : targets) {
            if (target == *platform)
                *field = *runtime;
        }
    }
}

// {"mac-studio-m3-ultra-512": 9499, "rtx-5090": 1850}: ids are not checked against the catalog
// here (a quote for an id the catalog lacks is kept and simply matches nothing).
void readQuotes(ScenarioJsonReader &reader, const QJsonObject &object, const QString &parent,
                QMap<QString, double> &quotes)
{
    if (!object.contains(QuotesKey))
        return;
    const QString path = jsonPath(parent, QuotesKey);
    const QJsonValue value = object.value(QuotesKey);
    if (!value.isObject()) {
        reader.problem(path, QStringLiteral("must be an object {\"system or device id\": price in US$}, found ")
                                 % jsonTypeName(value));
        return;
    }
    const QJsonObject entries = value.toObject();
    QMap<QString, double> read;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        bool present = false;
        if (it.key().isEmpty()) {
            reader.problem(path, QStringLiteral("a quote needs an id"));
            continue;
        }
        if (const auto price = readPositive(reader, entries, it.key(), path, ranges::kPriceUsd, present))
            read.insert(it.key(), *price);
    }
    quotes = read;
}

void readCost(ScenarioJsonReader &reader, const QJsonObject &object, const QString &parent, CostAssumptions &cost)
{
    bool present = false;
    if (const auto years = readPositive(reader, object, YearsKey, parent, ranges::kAmortizationYears, present))
        cost.amortizationYears = *years;
    if (const auto utilization = readPositive(reader, object, UtilizationKey, parent, ranges::kUtilization, present))
        cost.utilization = *utilization;
    if (const auto price = reader.number(object, ElectricityKey, jsonPath(parent, ElectricityKey),
                                         ranges::kElectricityUsdPerKwh.lowest, ranges::kElectricityUsdPerKwh.highest))
        cost.electricityUsdPerKwh = *price;
    readOptionalLimit(reader, object, CloudKey, parent, ranges::kCloudUsdPerMillionTokens, cost.cloudUsdPerMillionTokens);
}

} // namespace

QJsonObject advisorRequirementsToJson(const AdvisorRequirements &requirements)
{
    QJsonObject object;
    const auto insertOptional = [&object](const QString &key, const std::optional<double> &value) {
        if (value)
            object.insert(key, *value);
    };
    object.insert(AutoQuantKey, requirements.autoQuant);
    insertOptional(MinSpeedKey, requirements.minDecodeTpsPerUser);
    insertOptional(MaxTtftKey, requirements.maxTtftSeconds);
    insertOptional(BudgetKey, requirements.budgetUsd);
    insertOptional(MaxPowerKey, requirements.maxPowerW);
    QJsonArray platforms;
    for (Platform platform : requirements.platforms)
        platforms.append(toString(platform));
    object.insert(PlatformsKey, platforms);
    object.insert(RuntimesKey, QJsonObject{{toString(Platform::Apple), toString(requirements.appleRuntime)},
                                           {toString(Platform::Nvidia), toString(requirements.nvidiaRuntime)},
                                           {toString(Platform::Other), toString(requirements.otherRuntime)}});
    object.insert(RankByKey, toString(requirements.rankBy));
    object.insert(LimitKey, requirements.limit);
    object.insert(YearsKey, requirements.cost.amortizationYears);
    object.insert(UtilizationKey, requirements.cost.utilization);
    object.insert(ElectricityKey, requirements.cost.electricityUsdPerKwh);
    insertOptional(CloudKey, requirements.cost.cloudUsdPerMillionTokens);
    if (!requirements.quotesUsd.isEmpty()) {
        QJsonObject quotes;
        for (auto it = requirements.quotesUsd.cbegin(); it != requirements.quotesUsd.cend(); ++it)
            quotes.insert(it.key(), it.value());
        object.insert(QuotesKey, quotes);
    }
    return object;
}

void readAdvisorRequirements(ScenarioJsonReader &reader, const QJsonValue &value, const QString &path,
                             AdvisorRequirements &requirements)
{
    if (!value.isObject()) {
        reader.problem(path, QStringLiteral("must be an object, found ") % jsonTypeName(value));
        return;
    }
    const QJsonObject object = value.toObject();
    if (const auto autoQuant = reader.boolean(object, AutoQuantKey, jsonPath(path, AutoQuantKey)))
        requirements.autoQuant = *autoQuant;
    readOptionalLimit(reader, object, MinSpeedKey, path, ranges::kMinDecodeTps, requirements.minDecodeTpsPerUser);
    readOptionalLimit(reader, object, MaxTtftKey, path, ranges::kMaxTtftSeconds, requirements.maxTtftSeconds);
    readOptionalLimit(reader, object, BudgetKey, path, ranges::kBudgetUsd, requirements.budgetUsd);
    readOptionalLimit(reader, object, MaxPowerKey, path, ranges::kPowerW, requirements.maxPowerW);
    readPlatforms(reader, object, path, requirements.platforms);
    readRuntimes(reader, object, path, requirements);
    readQuotes(reader, object, path, requirements.quotesUsd);
    if (const auto rankBy = reader.string(object, RankByKey, jsonPath(path, RankByKey))) {
        if (const auto parsed = rankByFromString(*rankBy))
            requirements.rankBy = *parsed;
        else
            reader.problem(jsonPath(path, RankByKey),
                           QStringLiteral("unknown value \"%1\" (price, speed, tps_per_dollar, tps_per_watt)").arg(*rankBy));
    }
    if (const auto limit = reader.integer(object, LimitKey, jsonPath(path, LimitKey), 1, MaxLimit))
        requirements.limit = *limit;
    readCost(reader, object, path, requirements.cost);
}

} // namespace headroom
