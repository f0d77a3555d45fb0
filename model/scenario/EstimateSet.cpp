// computeEstimates: resolves a scenario against the catalog and runs the estimator once per
// checked configuration (plus the concurrency sweep), for the table, details and charts to share.
#include "scenario/EstimateSet.h"

#include "core/Defaults.h"
#include "engine/UsersAtSpeed.h"

#include "core/CardCount.h"

#include "engine/Estimator.h"
#include "engine/Cluster.h"
#include "catalog/ClusterLinkLookup.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

// Concurrency sweep: powers of two from one user up to this many.
constexpr int SweepMaxUsers = 64;

QString formatMemoryGB(double memoryGB)
{
    return QString::number(memoryGB, 'g', 6) % QStringLiteral(" GB");
}

// The memory option closest to the requested one (0 = the largest); nullopt when the device has none.
std::optional<double> resolveMemoryGB(const Device &device, double requestedGB)
{
    if (device.memoryOptionsGB.isEmpty())
        return std::nullopt;
    if (requestedGB <= 0)
        return device.largestMemoryGB();
    double best = device.memoryOptionsGB.first();
    for (double option : device.memoryOptionsGB) {
        if (std::abs(option - requestedGB) < std::abs(best - requestedGB))
            best = option;
    }
    return best;
}

// A scenario-wide runtime only applies where it exists: MLX runs on Apple silicon only, and the
// CUDA-only servers (vLLM, TensorRT-LLM, SGLang) do not run on Apple. Elsewhere the platform default is used.
Runtime applicableRuntime(Runtime runtime, const Device &device)
{
    switch (runtime) {
    case Runtime::Mlx:
    case Runtime::Exo:
        return device.isApple() ? runtime : Runtime::Auto;
    case Runtime::Vllm:
    case Runtime::TensorRtLlm:
    case Runtime::Sglang:
        return device.isApple() ? Runtime::Auto : runtime;
    case Runtime::Auto:
    case Runtime::LlamaCpp:
    case Runtime::Ollama:
        break;
    }
    return runtime;
}

} // namespace

QList<int> sweepUserCounts(int scenarioUsers)
{
    QList<int> counts;
    for (int users = 1; users <= SweepMaxUsers; users *= 2)
        counts.append(users);
    const int own = std::max(1, scenarioUsers);
    if (!counts.contains(own)) {
        counts.append(own);
        std::sort(counts.begin(), counts.end());
    }
    return counts;
}

QString configurationLabel(const Device &device, const Configuration &configuration, const ClusterLink &link)
{
    if (configuration.isCluster()) {
        Configuration machine = configuration;
        machine.nodes = 1;
        return clusterLabel(configurationLabel(device, machine), configuration.nodes, link);
    }
    QString label = device.name;
    // Macs and multi-memory cards are bought by memory size; a single-option card needs no suffix.
    const double memoryGB = configuration.memoryGB > 0 ? configuration.memoryGB : device.largestMemoryGB();
    if (device.isApple() || device.memoryOptionsGB.size() > 1)
        label += QLatin1Char(' ') % formatMemoryGB(memoryGB);
    if (configuration.count > 1)
        label = QString::number(configuration.count) % QStringLiteral("x ") % label;
    return label;
}

EstimateSet computeEstimates(const Scenario &scenario, const Catalog &catalog, const Calibration &calibration)
{
    EstimateSet set;
    set.quantName = scenario.quantName;
    set.minTpsPerUser = scenario.advisor.minDecodeTpsPerUser.value_or(defaults::kMinTpsPerUser);
    QStringList problems;

    const LanguageModel *model = scenario.customModel ? &*scenario.customModel : catalog.model(scenario.modelId);
    if (!model)
        problems << QStringLiteral("unknown model \"%1\"").arg(scenario.modelId);
    else
        set.modelName = model->name;
    const Quantization *quant = catalog.quantization(scenario.quantName);
    if (!quant)
        problems << QStringLiteral("unknown quantization \"%1\"").arg(scenario.quantName);
    else
        set.quantName = quant->name;
    if (!model || !quant) {
        set.problem = problems.join(QStringLiteral("; "));
        return set;
    }

    const QList<int> sweepCounts = sweepUserCounts(scenario.workload.users);
    for (qsizetype index = 0; index < scenario.configurations.size(); ++index) {
        const ScenarioConfiguration &entry = scenario.configurations.at(index);
        if (!entry.checked)
            continue;
        const Device *device = catalog.device(entry.configuration.deviceId);
        if (!device) {
            problems << QStringLiteral("unknown hardware \"%1\"").arg(entry.configuration.deviceId);
            continue;
        }
        if (const QString count = cardCountProblem(*device, entry.configuration.count); !count.isEmpty()) {
            problems << QStringLiteral("hardware \"%1\": count %2").arg(device->id, count);
            continue;
        }
        const std::optional<double> memoryGB = resolveMemoryGB(*device, entry.configuration.memoryGB);
        if (!memoryGB) {
            problems << QStringLiteral("hardware \"%1\" has no memory options").arg(device->id);
            continue;
        }
        if (entry.configuration.memoryGB > 0 && *memoryGB != entry.configuration.memoryGB) {
            problems << QStringLiteral("%1 has no %2 option, using %3")
                            .arg(device->name, formatMemoryGB(entry.configuration.memoryGB), formatMemoryGB(*memoryGB));
        }

        const ClusterLinkLookup link = lookUpClusterLink(catalog, entry.configuration, *device);
        if (!link.problem.isEmpty()) {
            problems << QStringLiteral("hardware \"%1\": %2").arg(device->id, link.problem);
            continue;
        }
        if (const QString nodes = nodeCountProblem(entry.configuration.nodes); !nodes.isEmpty()) {
            problems << QStringLiteral("hardware \"%1\": nodes %2").arg(device->id, nodes);
            continue;
        }

        EstimateRow row;
        row.scenarioIndex = static_cast<int>(index);
        EstimateInput &input = row.input;
        input.device = *device;
        input.configuration = entry.configuration;
        input.configuration.memoryGB = *memoryGB;
        if (input.configuration.runtime == Runtime::Auto)
            input.configuration.runtime = applicableRuntime(scenario.runtime, *device);
        input.link = link.link;
        input.model = *model;
        input.quant = *quant;
        input.workload = scenario.workload;
        input.method = scenario.method;
        input.seedEfficiency = scenario.seedEfficiency;
        input.appleUsableFraction = scenario.appleUsableFraction;
        if (const ClusterRefusal refusal = clusterRefusalOf(*device, input.configuration, *model, input.link);
            !refusal.isEmpty()) {
            problems << QStringLiteral("hardware \"%1\": %2: %3").arg(device->id, refusal.field, refusal.problem);
            continue;
        }
        row.label = entry.label.isEmpty() ? configurationLabel(*device, input.configuration, input.link) : entry.label;
        row.estimate = estimate(input, calibration);

        row.sweep.reserve(sweepCounts.size());
        EstimateInput sweepInput = input;
        for (int users : sweepCounts) {
            sweepInput.workload.users = users;
            const Estimate point = users == input.workload.users ? row.estimate : estimate(sweepInput, calibration);
            row.sweep.append(SweepPoint{users, point.decodeTpsPerUser, point.decodeTpsTotal, point.fit,
                                        point.decodeTpsTotalLow, point.decodeTpsTotalHigh, point.bottleneck});
        }
        row.usersAtMinTps = usersAtMinTps(input, set.minTpsPerUser, calibration);
        row.price = configurationPrice(catalog, *device, input.configuration, catalog.system(entry.systemId),
                                       scenario.advisor.quotesUsd);
        set.rows.append(row);
    }
    QList<ConfigurationPrice> prices;
    for (const EstimateRow &row : std::as_const(set.rows))
        prices << row.price;
    set.verdict = compareConfigurations(set.rows, prices, set.minTpsPerUser, scenario.advisor.cost);
    set.problem = problems.join(QStringLiteral("; "));
    return set;
}

} // namespace headroom
