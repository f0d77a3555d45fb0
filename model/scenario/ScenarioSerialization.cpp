// parseScenario / serializeScenario: the `headroom-scenario` JSON document (SPEC §6).
#include "scenario/AdvisorRequirementsJson.h"
#include "core/FileLimits.h"
#include "catalog/InlineModelJson.h"
#include "scenario/ScenarioFile.h"
#include "core/ScenarioJsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <limits>

namespace headroom {
namespace {

const QString FormatName = QStringLiteral("headroom-scenario");

// Bounds that reject absurd values from a hand-edited or corrupted file.
constexpr int MaxDeviceCount = 1024;
constexpr double MaxMemoryGB = 1'000'000;
constexpr int MaxTokens = 100'000'000;
constexpr int MaxUsers = 1'000'000;
const QString AdvisorKey = QStringLiteral("advisor");
// The scenario's model was derived from this catalog model (the model-size slider); kept so a
// custom model round-trips with the pick it was scaled from.
const QString BaseModelKey = QStringLiteral("base_model");

// Every key this version understands; anything else goes to Scenario::extra.
const QSet<QString> &knownKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("format"),     QStringLiteral("version"), QStringLiteral("configurations"),
        QStringLiteral("model"),      BaseModelKey,              QStringLiteral("quant"),
        QStringLiteral("workload"),   QStringLiteral("method"),  QStringLiteral("efficiency"),
        QStringLiteral("apple_usable_fraction"), QStringLiteral("runtime"), QStringLiteral("chart"),
        AdvisorKey};
    return keys;
}

template<typename Enum>
void readEnum(ScenarioJsonReader &reader, const QJsonObject &object, const QString &key, const QString &path,
              std::optional<Enum> (*fromString)(const QString &), Enum &target, const char *allowed)
{
    const auto text = reader.string(object, key, path);
    if (!text)
        return;
    if (const auto value = fromString(*text))
        target = *value;
    else
        reader.problem(path, QStringLiteral("unknown value \"%1\" (%2)").arg(*text, QLatin1String(allowed)));
}

ScenarioConfiguration readConfiguration(ScenarioJsonReader &reader, const QJsonObject &object, const QString &path)
{
    ScenarioConfiguration entry;
    Configuration &configuration = entry.configuration;
    configuration.deviceId = reader.string(object, QStringLiteral("hardware"), jsonPath(path, QStringLiteral("hardware")), true)
                                 .value_or(QString());
    configuration.count = reader.integer(object, QStringLiteral("count"), jsonPath(path, QStringLiteral("count")), 1,
                                         MaxDeviceCount)
                              .value_or(1);
    configuration.memoryGB = reader.number(object, QStringLiteral("memory_gb"),
                                           jsonPath(path, QStringLiteral("memory_gb")), 0, MaxMemoryGB)
                                 .value_or(0);
    readEnum(reader, object, QStringLiteral("split"), jsonPath(path, QStringLiteral("split")), &splitFromString,
             configuration.split, "auto, layer, tensor");
    readEnum(reader, object, QStringLiteral("runtime"), jsonPath(path, QStringLiteral("runtime")),
             &runtimeFromString, configuration.runtime,
             "auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang");
    entry.checked = reader.boolean(object, QStringLiteral("checked"), jsonPath(path, QStringLiteral("checked"))).value_or(true);
    entry.label = reader.string(object, QStringLiteral("label"), jsonPath(path, QStringLiteral("label"))).value_or(QString());
    if (entry.label.size() > limits::kMaxNameLength) {
        reader.problem(jsonPath(path, QStringLiteral("label")),
                       QStringLiteral("is %1 characters long; at most %2").arg(entry.label.size()).arg(limits::kMaxNameLength));
        entry.label.clear();
    }
    entry.systemId = reader.string(object, QStringLiteral("system"), jsonPath(path, QStringLiteral("system"))).value_or(QString());
    return entry;
}

void readConfigurations(ScenarioJsonReader &reader, const QJsonObject &root, Scenario &scenario)
{
    const QString key = QStringLiteral("configurations");
    if (!root.contains(key))
        return;
    const QJsonValue value = root.value(key);
    if (!value.isArray()) {
        reader.problem(key, QStringLiteral("must be an array, found ") % jsonTypeName(value));
        return;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > limits::kMaxScenarioConfigurations) {
        reader.problem(key, QStringLiteral("holds %1 configurations; at most %2 are compared at once")
                                .arg(array.size()).arg(limits::kMaxScenarioConfigurations));
        return;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = key % QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject()) {
            reader.problem(path, QStringLiteral("must be an object, found ") % jsonTypeName(array.at(i)));
            continue;
        }
        scenario.configurations.append(readConfiguration(reader, array.at(i).toObject(), path));
    }
}

void readModel(ScenarioJsonReader &reader, const QJsonObject &root, Scenario &scenario)
{
    const QString key = QStringLiteral("model");
    if (root.contains(key)) {
        const QJsonValue value = root.value(key);
        if (value.isString()) {
            scenario.modelId = value.toString();
        } else if (value.isObject()) {
            scenario.customModel = inlineModelFromJson(value.toObject(), key, reader);
            if (scenario.customModel)
                scenario.modelId = scenario.customModel->id;
        } else {
            reader.problem(key, QStringLiteral("must be a model id or a model object, found ") % jsonTypeName(value));
        }
    }
    if (const auto base = reader.string(root, BaseModelKey, BaseModelKey))
        scenario.modelId = *base;
}

void readWorkload(ScenarioJsonReader &reader, const QJsonObject &root, Workload &workload)
{
    const QString key = QStringLiteral("workload");
    if (!root.contains(key))
        return;
    const QJsonValue value = root.value(key);
    if (!value.isObject()) {
        reader.problem(key, QStringLiteral("must be an object, found ") % jsonTypeName(value));
        return;
    }
    const QJsonObject object = value.toObject();
    auto readInt = [&](const char *name, int minimum, int maximum, int &target) {
        const QString field = QLatin1String(name);
        if (const auto number = reader.integer(object, field, jsonPath(key, field), minimum, maximum))
            target = *number;
    };
    readInt("context", 1, MaxTokens, workload.contextTokens);
    readInt("prompt_tokens", 0, MaxTokens, workload.promptTokens);
    readInt("output_tokens", 0, MaxTokens, workload.outputTokens);
    readInt("users", 1, MaxUsers, workload.users);
    readEnum(reader, object, QStringLiteral("kv_cache_type"), jsonPath(key, QStringLiteral("kv_cache_type")),
             &kvCacheTypeFromString, workload.kvCache, "f16, q8_0, q4_0, fp8");
}

// Minimum of a fraction field: a share of 0 would make every estimate meaningless.
constexpr double MinFraction = 0.01;

void readSettingsFields(ScenarioJsonReader &reader, const QJsonObject &root, Scenario &scenario)
{
    if (const auto quant = reader.string(root, QStringLiteral("quant"), QStringLiteral("quant")))
        scenario.quantName = *quant;
    readEnum(reader, root, QStringLiteral("method"), QStringLiteral("method"), &methodFromString, scenario.method,
             "roofline, seed");
    if (const auto efficiency = reader.number(root, QStringLiteral("efficiency"), QStringLiteral("efficiency"),
                                              MinFraction, 1))
        scenario.seedEfficiency = *efficiency;
    if (const auto fraction = reader.number(root, QStringLiteral("apple_usable_fraction"),
                                            QStringLiteral("apple_usable_fraction"), MinFraction, 1))
        scenario.appleUsableFraction = *fraction;
    readEnum(reader, root, QStringLiteral("runtime"), QStringLiteral("runtime"), &runtimeFromString, scenario.runtime,
             "auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang");
    readEnum(reader, root, QStringLiteral("chart"), QStringLiteral("chart"), &chartKindFromString, scenario.chart,
             "speed, memory, concurrency, roofline, value, accuracy");
}

} // namespace

ScenarioOrDiagnostics parseScenario(const QByteArray &json, const QString &origin)
{
    auto parsed = parseJsonObject(json, origin);
    if (auto *diagnostics = std::get_if<Diagnostics>(&parsed))
        return std::move(*diagnostics);
    const QJsonObject root = std::get<QJsonObject>(std::move(parsed));

    ScenarioJsonReader reader(origin);
    if (!reader.header(root, FormatName, ScenarioFormatVersion))
        return reader.diagnostics(); // the rest of an unknown document is not worth reading

    Scenario scenario;
    readConfigurations(reader, root, scenario);
    readModel(reader, root, scenario);
    readWorkload(reader, root, scenario.workload);
    readSettingsFields(reader, root, scenario);
    if (root.contains(AdvisorKey))
        readAdvisorRequirements(reader, root.value(AdvisorKey), AdvisorKey, scenario.advisor);
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (!knownKeys().contains(it.key()))
            scenario.extra.insert(it.key(), it.value());
    }
    if (!reader.ok())
        return reader.diagnostics();
    return scenario;
}

QByteArray serializeScenario(const Scenario &scenario)
{
    QJsonObject root = scenario.extra;
    root.insert(QStringLiteral("format"), FormatName);
    root.insert(QStringLiteral("version"), ScenarioFormatVersion);

    QJsonArray configurations;
    for (const ScenarioConfiguration &entry : scenario.configurations) {
        const Configuration &configuration = entry.configuration;
        configurations.append(QJsonObject{
            {QStringLiteral("hardware"), configuration.deviceId},
            {QStringLiteral("count"), configuration.count},
            {QStringLiteral("memory_gb"), configuration.memoryGB},
            {QStringLiteral("split"), toString(configuration.split)},
            {QStringLiteral("runtime"), toString(configuration.runtime)},
            {QStringLiteral("checked"), entry.checked},
            {QStringLiteral("label"), entry.label},
            {QStringLiteral("system"), entry.systemId},
        });
    }
    root.insert(QStringLiteral("configurations"), configurations);

    if (scenario.customModel) {
        root.insert(QStringLiteral("model"), inlineModelToJson(*scenario.customModel));
        root.insert(BaseModelKey, scenario.modelId);
    } else {
        root.insert(QStringLiteral("model"), scenario.modelId);
        root.remove(BaseModelKey);
    }
    root.insert(QStringLiteral("quant"), scenario.quantName);
    const Workload &workload = scenario.workload;
    root.insert(QStringLiteral("workload"),
                QJsonObject{{QStringLiteral("context"), workload.contextTokens},
                            {QStringLiteral("prompt_tokens"), workload.promptTokens},
                            {QStringLiteral("output_tokens"), workload.outputTokens},
                            {QStringLiteral("users"), workload.users},
                            {QStringLiteral("kv_cache_type"), toString(workload.kvCache)}});
    root.insert(QStringLiteral("method"), toString(scenario.method));
    root.insert(QStringLiteral("efficiency"), scenario.seedEfficiency);
    root.insert(QStringLiteral("apple_usable_fraction"), scenario.appleUsableFraction);
    root.insert(QStringLiteral("runtime"), toString(scenario.runtime));
    root.insert(QStringLiteral("chart"), toString(scenario.chart));
    root.insert(AdvisorKey, advisorRequirementsToJson(scenario.advisor));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace headroom
