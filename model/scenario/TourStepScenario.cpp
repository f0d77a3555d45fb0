// A tour step's scenario: merge the step's fields into the previous scenario's document, parse it with
// the scenario parser, then check every id against the catalog.
#include "scenario/TourStepScenario.h"

#include "core/CardCount.h"
#include "core/JsonVariant.h"
#include "core/ScenarioJsonReader.h"
#include "scenario/ScenarioJson.h"

#include <QStringList>

namespace headroom {
namespace {

using Json = nlohmann::json;

const QString ConfigurationsKey = QStringLiteral("configurations");
const QString WorkloadKey = QStringLiteral("workload");
const QString ModelKey = QStringLiteral("model");
const QString BaseModelKey = QStringLiteral("base_model"); // written by serializeScenario for a custom model

// The scenario fields a step may change, in the order messages list them.
const QStringList &stepScenarioKeys()
{
    static const QStringList keys{ConfigurationsKey,
                                  ModelKey,
                                  BaseModelKey,
                                  QStringLiteral("quant"),
                                  WorkloadKey,
                                  QStringLiteral("method"),
                                  QStringLiteral("efficiency"),
                                  QStringLiteral("apple_usable_fraction"),
                                  QStringLiteral("runtime"),
                                  QStringLiteral("chart")};
    return keys;
}

Json articleConfigurationsJson()
{
    Scenario lineup;
    lineup.configurations = articleLineupConfigurations();
    return scenarioToJson(lineup).at("configurations");
}

QString memoryOptionsText(const Device &device)
{
    QStringList options;
    for (double memoryGB : device.memoryOptionsGB)
        options << QString::number(memoryGB);
    return options.join(QStringLiteral(", "));
}

// Unknown ids make a step unusable: the deck would show an empty chart and the window a problem.
void checkAgainstCatalog(const Scenario &scenario, const Catalog &catalog, const QString &origin,
                         const QString &scenarioPath, Diagnostics &problems)
{
    auto problem = [&](const QString &field, const QString &text) {
        problems.append(Diagnostic{origin, QString(), jsonPath(scenarioPath, field), text});
    };
    for (qsizetype i = 0; i < scenario.configurations.size(); ++i) {
        const ScenarioConfiguration &entry = scenario.configurations.at(i);
        const QString path = ConfigurationsKey % QStringLiteral("[%1]").arg(i);
        const Device *device = catalog.device(entry.configuration.deviceId);
        if (!device) {
            problem(jsonPath(path, QStringLiteral("hardware")),
                    QStringLiteral("unknown device \"%1\" (not in the catalog)").arg(entry.configuration.deviceId));
        } else if (const QString count = cardCountProblem(*device, entry.configuration.count); !count.isEmpty()) {
            problem(jsonPath(path, QStringLiteral("count")), count);
        } else if (entry.configuration.memoryGB != 0
                   && !device->memoryOptionsGB.contains(entry.configuration.memoryGB)) {
            problem(jsonPath(path, QStringLiteral("memory_gb")),
                    QStringLiteral("%1 GB is not an option of %2 (options: %3)")
                        .arg(entry.configuration.memoryGB)
                        .arg(device->name, memoryOptionsText(*device)));
        }
        if (!entry.systemId.isEmpty() && !catalog.system(entry.systemId))
            problem(jsonPath(path, QStringLiteral("system")),
                    QStringLiteral("unknown system \"%1\" (not in the catalog)").arg(entry.systemId));
    }
    if (!scenario.customModel && !catalog.model(scenario.modelId))
        problem(ModelKey, QStringLiteral("unknown model \"%1\" (not in the catalog)").arg(scenario.modelId));
    if (!catalog.quantization(scenario.quantName))
        problem(QStringLiteral("quant"),
                QStringLiteral("unknown quantization \"%1\" (not in the catalog)").arg(scenario.quantName));
}

} // namespace

QString articleConfigurationsKeyword()
{
    return QStringLiteral("article");
}

QVariantMap scenarioPatch(const Scenario &scenario)
{
    const Json document = scenarioToJson(scenario);
    QVariantMap patch;
    for (const QString &key : stepScenarioKeys()) {
        if (const auto it = document.find(key.toStdString()); it != document.end())
            patch.insert(key, variantFromJson(*it));
    }
    return patch;
}

ScenarioOrDiagnostics applyStepPatch(const Scenario &previous, const nlohmann::json &patch, const QString &origin,
                                     const QString &stepPath, const Catalog &catalog)
{
    const QString scenarioPath = jsonPath(stepPath, QStringLiteral("scenario"));
    Diagnostics problems;
    auto problem = [&](const QString &field, const QString &text) {
        problems.append(Diagnostic{origin, QString(), field.isEmpty() ? scenarioPath : jsonPath(scenarioPath, field),
                                   text});
    };
    if (!patch.is_object()) {
        problem(QString(), QStringLiteral("must be an object, found ") % jsonTypeName(patch));
        return problems;
    }
    Json merged = scenarioToJson(previous);
    for (auto it = patch.cbegin(); it != patch.cend(); ++it) {
        const QString key = QString::fromStdString(it.key());
        const Json &value = it.value();
        if (!stepScenarioKeys().contains(key)) {
            problem(key, QStringLiteral("unknown field (a step may set: %1)").arg(stepScenarioKeys().join(QStringLiteral(", "))));
        } else if (key == ConfigurationsKey && value.is_string()) {
            const QString text = QString::fromStdString(value.get_ref<const std::string &>());
            if (text == articleConfigurationsKeyword())
                merged[it.key()] = articleConfigurationsJson();
            else
                problem(key, QStringLiteral("must be an array of configurations or \"%1\", found \"%2\"")
                                 .arg(articleConfigurationsKeyword(), text));
        } else if (key == WorkloadKey && value.is_object()) {
            Json &workload = merged[it.key()];
            for (auto field = value.cbegin(); field != value.cend(); ++field)
                workload[field.key()] = field.value();
        } else {
            merged[it.key()] = value; // wrong types are reported by the scenario reader below
        }
    }
    // A new model replaces a custom model derived from the previous pick, unless the step names its base.
    if (patch.contains(ModelKey.toStdString()) && !patch.contains(BaseModelKey.toStdString()))
        merged.erase(BaseModelKey.toStdString());
    if (!problems.isEmpty())
        return problems;

    ScenarioOrDiagnostics parsed = scenarioFromJson(merged, origin);
    if (auto *diagnostics = std::get_if<Diagnostics>(&parsed)) {
        for (Diagnostic &diagnostic : *diagnostics) {
            diagnostic.file = origin;
            diagnostic.field = diagnostic.field.isEmpty() ? scenarioPath : jsonPath(scenarioPath, diagnostic.field);
        }
        return parsed;
    }
    checkAgainstCatalog(std::get<Scenario>(parsed), catalog, origin, scenarioPath, problems);
    if (!problems.isEmpty())
        return problems;
    return parsed;
}

} // namespace headroom
