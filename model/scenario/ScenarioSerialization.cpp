// parseScenario / serializeScenario: the `headroom-scenario` JSON document (SPEC §6).
#include "scenario/ScenarioJson.h"

#include "catalog/ClusterLinkLookup.h"
#include "catalog/InlineLinkJson.h"
#include "catalog/InlineModelJson.h"
#include "core/FileLimits.h"
#include "core/JsonVariant.h"
#include "core/ScenarioJsonReader.h"
#include "scenario/AdvisorRequirementsJson.h"

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
using Json = nlohmann::json;

constexpr const char *AdvisorKey = "advisor";
// The scenario's model was derived from this catalog model (the model-size slider); kept so a
// custom model round-trips with the pick it was scaled from.
constexpr const char *BaseModelKey = "base_model";
constexpr const char *RuntimeNames = "auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang, exo";


// Every key this version understands; anything else goes to Scenario::extra.
bool isKnownKey(const std::string &key)
{
    static const QSet<QString> keys{
        QStringLiteral("format"),     QStringLiteral("version"), QStringLiteral("configurations"),
        QStringLiteral("model"),      QLatin1String(BaseModelKey), QStringLiteral("quant"),
        QStringLiteral("workload"),   QStringLiteral("method"),  QStringLiteral("efficiency"),
        QStringLiteral("apple_usable_fraction"), QStringLiteral("runtime"), QStringLiteral("chart"),
        QLatin1String(AdvisorKey)};
    return keys.contains(QString::fromStdString(key));
}

// `key` under `path`: "configurations[0]" + "count" -> "configurations[0].count".
QString at(const QString &path, const char *key)
{
    return jsonPath(path, QLatin1String(key));
}

template<typename Enum>
void readEnum(ScenarioJsonReader &reader, const Json &object, const char *key, const QString &path,
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

// nodes, link (a catalog id or an inline {"name", "bandwidth_gbs", "latency_us", "rdma", "topology"}), node_split.
void readCluster(ScenarioJsonReader &reader, const Json &object, const QString &path, Configuration &configuration)
{
    configuration.nodes = reader.integer(object, "nodes", at(path, "nodes"), 1, kMaxClusterNodes).value_or(1);
    readEnum(reader, object, "node_split", at(path, "node_split"), &nodeSplitFromString, configuration.nodeSplit,
             "auto, tensor, pipeline");
    const auto link = object.find("link");
    if (link == object.end() || link->is_null())
        return;
    const QString linkPath = at(path, "link");
    if (link->is_string()) {
        configuration.linkId = reader.string(object, "link", linkPath).value_or(QString());
        return;
    }
    std::variant<ClusterLink, InlineLinkProblem> custom = inlineLinkFromJson(*link);
    if (const InlineLinkProblem *problem = std::get_if<InlineLinkProblem>(&custom))
        reader.problem(problem->field.isEmpty() ? linkPath : jsonPath(linkPath, problem->field), problem->problem);
    else
        configuration.customLink = std::get<ClusterLink>(std::move(custom));
}

Json linkJson(const Configuration &configuration)
{
    if (!configuration.hasCustomLink())
        return configuration.linkId.isEmpty() ? Json(nullptr) : Json(configuration.linkId.toStdString());
    return inlineLinkToJson(configuration.customLink);
}

ScenarioConfiguration readConfiguration(ScenarioJsonReader &reader, const Json &object, const QString &path)
{
    ScenarioConfiguration entry;
    Configuration &configuration = entry.configuration;
    configuration.deviceId = reader.string(object, "hardware", at(path, "hardware"), true).value_or(QString());
    configuration.count = reader.integer(object, "count", at(path, "count"), 1, MaxDeviceCount).value_or(1);
    configuration.memoryGB = reader.number(object, "memory_gb", at(path, "memory_gb"), 0, MaxMemoryGB).value_or(0);
    readEnum(reader, object, "split", at(path, "split"), &splitFromString, configuration.split, "auto, layer, tensor");
    readEnum(reader, object, "runtime", at(path, "runtime"), &runtimeFromString, configuration.runtime, RuntimeNames);
    entry.checked = reader.boolean(object, "checked", at(path, "checked")).value_or(true);
    entry.label = reader.string(object, "label", at(path, "label")).value_or(QString());
    if (entry.label.size() > limits::kMaxNameLength) {
        reader.problem(at(path, "label"),
                       QStringLiteral("is %1 characters long; at most %2").arg(entry.label.size()).arg(limits::kMaxNameLength));
        entry.label.clear();
    }
    entry.systemId = reader.string(object, "system", at(path, "system")).value_or(QString());
    readCluster(reader, object, path, configuration);
    return entry;
}

void readConfigurations(ScenarioJsonReader &reader, const Json &root, Scenario &scenario)
{
    const QString key = QStringLiteral("configurations");
    const auto value = root.find("configurations");
    if (value == root.end())
        return;
    if (!value->is_array()) {
        reader.problem(key, QStringLiteral("must be an array, found ") % jsonTypeName(*value));
        return;
    }
    if (value->size() > std::size_t(limits::kMaxScenarioConfigurations)) {
        reader.problem(key, QStringLiteral("holds %1 configurations; at most %2 are compared at once")
                                .arg(value->size()).arg(limits::kMaxScenarioConfigurations));
        return;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
        const QString path = key % QStringLiteral("[%1]").arg(i);
        const Json &item = (*value)[i];
        if (!item.is_object()) {
            reader.problem(path, QStringLiteral("must be an object, found ") % jsonTypeName(item));
            continue;
        }
        scenario.configurations.append(readConfiguration(reader, item, path));
    }
}

void readModel(ScenarioJsonReader &reader, const Json &root, Scenario &scenario)
{
    const QString key = QStringLiteral("model");
    if (const auto value = root.find("model"); value != root.end()) {
        if (value->is_string()) {
            scenario.modelId = QString::fromStdString(value->get_ref<const std::string &>());
        } else if (value->is_object()) {
            scenario.customModel = inlineModelFromJson(*value, key, reader);
            if (scenario.customModel)
                scenario.modelId = scenario.customModel->id;
        } else {
            reader.problem(key, QStringLiteral("must be a model id or a model object, found ") % jsonTypeName(*value));
        }
    }
    if (const auto base = reader.string(root, BaseModelKey, QLatin1String(BaseModelKey)))
        scenario.modelId = *base;
}

void readWorkload(ScenarioJsonReader &reader, const Json &root, Workload &workload)
{
    const QString key = QStringLiteral("workload");
    const auto value = root.find("workload");
    if (value == root.end())
        return;
    if (!value->is_object()) {
        reader.problem(key, QStringLiteral("must be an object, found ") % jsonTypeName(*value));
        return;
    }
    auto readInt = [&](const char *name, int minimum, int maximum, int &target) {
        if (const auto number = reader.integer(*value, name, at(key, name), minimum, maximum))
            target = *number;
    };
    readInt("context", 1, MaxTokens, workload.contextTokens);
    readInt("prompt_tokens", 0, MaxTokens, workload.promptTokens);
    readInt("output_tokens", 0, MaxTokens, workload.outputTokens);
    readInt("users", 1, MaxUsers, workload.users);
    readInt("shared_context_tokens", 0, MaxTokens, workload.sharedContextTokens);
    if (workload.sharedContextTokens > workload.contextTokens) {
        reader.problem(at(key, "shared_context_tokens"),
                       QStringLiteral("must be at most context (%1 tokens); got %2")
                           .arg(workload.contextTokens)
                           .arg(workload.sharedContextTokens));
    }
    readEnum(reader, *value, "kv_cache_type", at(key, "kv_cache_type"), &kvCacheTypeFromString, workload.kvCache,
             "f16, q8_0, q4_0, fp8");
}

// Minimum of a fraction field: a share of 0 would make every estimate meaningless.
constexpr double MinFraction = 0.01;

void readSettingsFields(ScenarioJsonReader &reader, const Json &root, Scenario &scenario)
{
    if (const auto quant = reader.string(root, "quant", QStringLiteral("quant")))
        scenario.quantName = *quant;
    readEnum(reader, root, "method", QStringLiteral("method"), &methodFromString, scenario.method, "roofline, seed");
    if (const auto efficiency = reader.number(root, "efficiency", QStringLiteral("efficiency"), MinFraction, 1))
        scenario.seedEfficiency = *efficiency;
    if (const auto fraction = reader.number(root, "apple_usable_fraction", QStringLiteral("apple_usable_fraction"),
                                            MinFraction, 1))
        scenario.appleUsableFraction = *fraction;
    readEnum(reader, root, "runtime", QStringLiteral("runtime"), &runtimeFromString, scenario.runtime, RuntimeNames);
    readEnum(reader, root, "chart", QStringLiteral("chart"), &chartKindFromString, scenario.chart,
             "speed, memory, concurrency, roofline, value, accuracy");
}

Json configurationJson(const ScenarioConfiguration &entry)
{
    const Configuration &configuration = entry.configuration;
    Json json{{"hardware", configuration.deviceId.toStdString()},
              {"count", configuration.count},
              {"memory_gb", configuration.memoryGB},
              {"split", toString(configuration.split).toStdString()},
              {"runtime", toString(configuration.runtime).toStdString()},
              {"checked", entry.checked},
              {"label", entry.label.toStdString()},
              {"system", entry.systemId.toStdString()}};
    // One machine is written as it always was.
    if (configuration.isCluster() || !configuration.linkId.isEmpty() || configuration.hasCustomLink()) {
        json["nodes"] = configuration.nodes;
        json["link"] = linkJson(configuration);
        json["node_split"] = toString(configuration.nodeSplit).toStdString();
    }
    return json;
}

} // namespace

ScenarioOrDiagnostics scenarioFromJson(const nlohmann::json &root, const QString &origin)
{
    ScenarioJsonReader reader(origin);
    if (!reader.header(root, FormatName, ScenarioFormatVersion))
        return reader.diagnostics(); // the rest of an unknown document is not worth reading

    Scenario scenario;
    readConfigurations(reader, root, scenario);
    readModel(reader, root, scenario);
    readWorkload(reader, root, scenario.workload);
    readSettingsFields(reader, root, scenario);
    if (const auto advisor = root.find(AdvisorKey); advisor != root.end())
        readAdvisorRequirements(reader, *advisor, QLatin1String(AdvisorKey), scenario.advisor);
    for (auto it = root.cbegin(); it != root.cend(); ++it) {
        if (!isKnownKey(it.key()))
            scenario.extra.insert(QString::fromStdString(it.key()), variantFromJson(it.value()));
    }
    if (!reader.ok())
        return reader.diagnostics();
    return scenario;
}

nlohmann::json scenarioToJson(const Scenario &scenario)
{
    Json root = jsonFromVariant(scenario.extra);
    root["format"] = FormatName.toStdString();
    root["version"] = ScenarioFormatVersion;

    Json configurations = Json::array();
    for (const ScenarioConfiguration &entry : scenario.configurations)
        configurations.push_back(configurationJson(entry));
    root["configurations"] = std::move(configurations);

    if (scenario.customModel) {
        root["model"] = inlineModelToJson(*scenario.customModel);
        root[BaseModelKey] = scenario.modelId.toStdString();
    } else {
        root["model"] = scenario.modelId.toStdString();
        root.erase(BaseModelKey);
    }
    root["quant"] = scenario.quantName.toStdString();
    const Workload &workload = scenario.workload;
    root["workload"] = Json{{"context", workload.contextTokens},
                            {"prompt_tokens", workload.promptTokens},
                            {"output_tokens", workload.outputTokens},
                            {"users", workload.users},
                            {"shared_context_tokens", workload.sharedContextTokens},
                            {"kv_cache_type", toString(workload.kvCache).toStdString()}};
    root["method"] = toString(scenario.method).toStdString();
    root["efficiency"] = scenario.seedEfficiency;
    root["apple_usable_fraction"] = scenario.appleUsableFraction;
    root["runtime"] = toString(scenario.runtime).toStdString();
    root["chart"] = toString(scenario.chart).toStdString();
    root[AdvisorKey] = advisorRequirementsToJson(scenario.advisor);
    return root;
}

ScenarioOrDiagnostics parseScenario(const QByteArray &json, const QString &origin)
{
    auto parsed = parseJsonObject(json, origin);
    if (auto *diagnostics = std::get_if<Diagnostics>(&parsed))
        return std::move(*diagnostics);
    return scenarioFromJson(std::get<nlohmann::json>(parsed), origin);
}

QByteArray serializeScenario(const Scenario &scenario)
{
    return indentedJson(scenarioToJson(scenario));
}

} // namespace headroom
