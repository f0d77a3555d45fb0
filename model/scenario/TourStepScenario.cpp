// A tour step's scenario: merge the step's fields into the previous scenario's document, parse it with
// the scenario parser, then check every id against the catalog.
#include "scenario/TourStepScenario.h"

#include "core/CardCount.h"

#include "core/ScenarioJsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace headroom {
namespace {

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

QJsonObject scenarioDocument(const Scenario &scenario)
{
    return QJsonDocument::fromJson(serializeScenario(scenario)).object();
}

QJsonValue articleConfigurationsJson()
{
    Scenario lineup;
    lineup.configurations = articleLineupConfigurations();
    return scenarioDocument(lineup).value(ConfigurationsKey);
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

QJsonObject scenarioPatch(const Scenario &scenario)
{
    const QJsonObject document = scenarioDocument(scenario);
    QJsonObject patch;
    for (const QString &key : stepScenarioKeys()) {
        if (document.contains(key))
            patch.insert(key, document.value(key));
    }
    return patch;
}

ScenarioOrDiagnostics applyStepPatch(const Scenario &previous, const QJsonValue &patchValue, const QString &origin,
                                     const QString &stepPath, const Catalog &catalog)
{
    const QString scenarioPath = jsonPath(stepPath, QStringLiteral("scenario"));
    Diagnostics problems;
    auto problem = [&](const QString &field, const QString &text) {
        problems.append(Diagnostic{origin, QString(), field.isEmpty() ? scenarioPath : jsonPath(scenarioPath, field),
                                   text});
    };
    if (!patchValue.isObject()) {
        problem(QString(), QStringLiteral("must be an object, found ") % jsonTypeName(patchValue));
        return problems;
    }
    const QJsonObject patch = patchValue.toObject();
    QJsonObject merged = scenarioDocument(previous);
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue &value = it.value();
        if (!stepScenarioKeys().contains(key)) {
            problem(key, QStringLiteral("unknown field (a step may set: %1)").arg(stepScenarioKeys().join(QStringLiteral(", "))));
        } else if (key == ConfigurationsKey && value.isString()) {
            if (value.toString() == articleConfigurationsKeyword())
                merged.insert(key, articleConfigurationsJson());
            else
                problem(key, QStringLiteral("must be an array of configurations or \"%1\", found \"%2\"")
                                 .arg(articleConfigurationsKeyword(), value.toString()));
        } else if (key == WorkloadKey && value.isObject()) {
            QJsonObject workload = merged.value(WorkloadKey).toObject();
            const QJsonObject changes = value.toObject();
            for (auto field = changes.begin(); field != changes.end(); ++field)
                workload.insert(field.key(), field.value());
            merged.insert(key, workload);
        } else {
            merged.insert(key, value); // wrong types are reported by parseScenario below
        }
    }
    // A new model replaces a custom model derived from the previous pick, unless the step names its base.
    if (patch.contains(ModelKey) && !patch.contains(BaseModelKey))
        merged.remove(BaseModelKey);
    if (!problems.isEmpty())
        return problems;

    ScenarioOrDiagnostics parsed = parseScenario(QJsonDocument(merged).toJson(QJsonDocument::Compact), origin);
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
