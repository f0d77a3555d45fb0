// The scenario file's "advisor" object <-> AdvisorRequirements (names as in SPEC §5 `advise`).
#include "scenario/AdvisorRequirementsJson.h"

#include "core/RequirementRanges.h"
#include "core/ScenarioJsonReader.h"

namespace headroom {
namespace {

constexpr int MaxLimit = 10'000;

constexpr const char *MinSpeedKey = "min_decode_tps_per_user";
constexpr const char *MaxTtftKey = "max_ttft_s";
constexpr const char *BudgetKey = "budget_usd";
constexpr const char *MaxPowerKey = "max_power_w";
constexpr const char *PlatformsKey = "platforms";
constexpr const char *RankByKey = "rank_by";
constexpr const char *LimitKey = "limit";
constexpr const char *YearsKey = "amortization_years";
constexpr const char *UtilizationKey = "utilization";
constexpr const char *ElectricityKey = "electricity_usd_per_kwh";
constexpr const char *CloudKey = "cloud_usd_per_million_tokens";
constexpr const char *AutoQuantKey = "auto_quant";
constexpr const char *RuntimesKey = "runtimes";
constexpr const char *QuotesKey = "quotes_usd";

const QString RuntimeNames = QStringLiteral("auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang");

using Json = nlohmann::json;

QString fieldPath(const QString &parent, const std::string &key)
{
    return jsonPath(parent, QString::fromStdString(key));
}

// A number within `range` (ranges::, shared with `advise`). null reads as "not set", as `advise` writes it.
std::optional<double> readPositive(ScenarioJsonReader &reader, const Json &object, const std::string &key,
                                   const QString &parent, const ranges::Range &range, bool &present)
{
    const auto it = object.find(key);
    present = it != object.end() && !it->is_null();
    if (!present)
        return std::nullopt;
    return reader.number(object, key, fieldPath(parent, key), range.lowest, range.highest);
}

void readOptionalLimit(ScenarioJsonReader &reader, const Json &object, const std::string &key,
                       const QString &parent, const ranges::Range &range, std::optional<double> &target)
{
    bool present = false;
    const std::optional<double> number = readPositive(reader, object, key, parent, range, present);
    if (!present)
        target.reset();
    else if (number)
        target = number;
}

void readPlatforms(ScenarioJsonReader &reader, const Json &object, const QString &parent, QList<Platform> &platforms)
{
    const auto value = object.find(PlatformsKey);
    if (value == object.end())
        return;
    const QString path = fieldPath(parent, PlatformsKey);
    if (!value->is_array()) {
        reader.problem(path, QStringLiteral("must be an array of apple, nvidia, other, found ") % jsonTypeName(*value));
        return;
    }
    QList<Platform> read;
    for (std::size_t i = 0; i < value->size(); ++i) {
        const QString itemPath = path % QStringLiteral("[%1]").arg(i);
        const Json &item = (*value)[i];
        if (!item.is_string()) {
            reader.problem(itemPath, QStringLiteral("must be a string, found ") % jsonTypeName(item));
            continue;
        }
        const QString name = QString::fromStdString(item.get_ref<const std::string &>());
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

void readRuntimes(ScenarioJsonReader &reader, const Json &object, const QString &parent,
                  AdvisorRequirements &requirements)
{
    const auto value = object.find(RuntimesKey);
    if (value == object.end())
        return;
    const QString path = fieldPath(parent, RuntimesKey);
    if (!value->is_object()) {
        reader.problem(path, QStringLiteral("must be an object {\"apple\": ..., \"nvidia\": ..., \"other\": ...}, found ")
                                 % jsonTypeName(*value));
        return;
    }
    const std::pair<Platform, Runtime *> targets[] = {{Platform::Apple, &requirements.appleRuntime},
                                                      {Platform::Nvidia, &requirements.nvidiaRuntime},
                                                      {Platform::Other, &requirements.otherRuntime}};
    for (auto it = value->cbegin(); it != value->cend(); ++it) {
        const QString itemPath = fieldPath(path, it.key());
        const std::optional<Platform> platform = platformFromString(QString::fromStdString(it.key()));
        if (!platform) {
            reader.problem(itemPath, QStringLiteral("unknown platform (apple, nvidia, other)"));
            continue;
        }
        const std::optional<QString> text = reader.string(*value, it.key(), itemPath);
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
void readQuotes(ScenarioJsonReader &reader, const Json &object, const QString &parent, QMap<QString, double> &quotes)
{
    const auto value = object.find(QuotesKey);
    if (value == object.end())
        return;
    const QString path = fieldPath(parent, QuotesKey);
    if (!value->is_object()) {
        reader.problem(path, QStringLiteral("must be an object {\"system or device id\": price in US$}, found ")
                                 % jsonTypeName(*value));
        return;
    }
    QMap<QString, double> read;
    for (auto it = value->cbegin(); it != value->cend(); ++it) {
        bool present = false;
        if (it.key().empty()) {
            reader.problem(path, QStringLiteral("a quote needs an id"));
            continue;
        }
        if (const auto price = readPositive(reader, *value, it.key(), path, ranges::kPriceUsd, present))
            read.insert(QString::fromStdString(it.key()), *price);
    }
    quotes = read;
}

void readCost(ScenarioJsonReader &reader, const Json &object, const QString &parent, CostAssumptions &cost)
{
    bool present = false;
    if (const auto years = readPositive(reader, object, YearsKey, parent, ranges::kAmortizationYears, present))
        cost.amortizationYears = *years;
    if (const auto utilization = readPositive(reader, object, UtilizationKey, parent, ranges::kUtilization, present))
        cost.utilization = *utilization;
    if (const auto price = reader.number(object, ElectricityKey, fieldPath(parent, ElectricityKey),
                                         ranges::kElectricityUsdPerKwh.lowest, ranges::kElectricityUsdPerKwh.highest))
        cost.electricityUsdPerKwh = *price;
    readOptionalLimit(reader, object, CloudKey, parent, ranges::kCloudUsdPerMillionTokens, cost.cloudUsdPerMillionTokens);
}

} // namespace

nlohmann::json advisorRequirementsToJson(const AdvisorRequirements &requirements)
{
    Json object = Json::object();
    const auto insertOptional = [&object](const char *key, const std::optional<double> &value) {
        if (value)
            object[key] = *value;
    };
    object[AutoQuantKey] = requirements.autoQuant;
    insertOptional(MinSpeedKey, requirements.minDecodeTpsPerUser);
    insertOptional(MaxTtftKey, requirements.maxTtftSeconds);
    insertOptional(BudgetKey, requirements.budgetUsd);
    insertOptional(MaxPowerKey, requirements.maxPowerW);
    Json platforms = Json::array();
    for (Platform platform : requirements.platforms)
        platforms.push_back(toString(platform).toStdString());
    object[PlatformsKey] = std::move(platforms);
    Json runtimes = Json::object();
    runtimes[toString(Platform::Apple).toStdString()] = toString(requirements.appleRuntime).toStdString();
    runtimes[toString(Platform::Nvidia).toStdString()] = toString(requirements.nvidiaRuntime).toStdString();
    runtimes[toString(Platform::Other).toStdString()] = toString(requirements.otherRuntime).toStdString();
    object[RuntimesKey] = std::move(runtimes);
    object[RankByKey] = toString(requirements.rankBy).toStdString();
    object[LimitKey] = requirements.limit;
    object[YearsKey] = requirements.cost.amortizationYears;
    object[UtilizationKey] = requirements.cost.utilization;
    object[ElectricityKey] = requirements.cost.electricityUsdPerKwh;
    insertOptional(CloudKey, requirements.cost.cloudUsdPerMillionTokens);
    if (!requirements.quotesUsd.isEmpty()) {
        Json quotes = Json::object();
        for (auto it = requirements.quotesUsd.cbegin(); it != requirements.quotesUsd.cend(); ++it)
            quotes[it.key().toStdString()] = it.value();
        object[QuotesKey] = std::move(quotes);
    }
    return object;
}

void readAdvisorRequirements(ScenarioJsonReader &reader, const nlohmann::json &value, const QString &path,
                             AdvisorRequirements &requirements)
{
    if (!value.is_object()) {
        reader.problem(path, QStringLiteral("must be an object, found ") % jsonTypeName(value));
        return;
    }
    if (const auto autoQuant = reader.boolean(value, AutoQuantKey, fieldPath(path, AutoQuantKey)))
        requirements.autoQuant = *autoQuant;
    readOptionalLimit(reader, value, MinSpeedKey, path, ranges::kMinDecodeTps, requirements.minDecodeTpsPerUser);
    readOptionalLimit(reader, value, MaxTtftKey, path, ranges::kMaxTtftSeconds, requirements.maxTtftSeconds);
    readOptionalLimit(reader, value, BudgetKey, path, ranges::kBudgetUsd, requirements.budgetUsd);
    readOptionalLimit(reader, value, MaxPowerKey, path, ranges::kPowerW, requirements.maxPowerW);
    readPlatforms(reader, value, path, requirements.platforms);
    readRuntimes(reader, value, path, requirements);
    readQuotes(reader, value, path, requirements.quotesUsd);
    if (const auto rankBy = reader.string(value, RankByKey, fieldPath(path, RankByKey))) {
        if (const auto parsed = rankByFromString(*rankBy))
            requirements.rankBy = *parsed;
        else
            reader.problem(fieldPath(path, RankByKey),
                           QStringLiteral("unknown value \"%1\" (price, speed, tps_per_dollar, tps_per_watt)").arg(*rankBy));
    }
    if (const auto limit = reader.integer(value, LimitKey, fieldPath(path, LimitKey), 1, MaxLimit))
        requirements.limit = *limit;
    readCost(reader, value, path, requirements.cost);
}

} // namespace headroom
