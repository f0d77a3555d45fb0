#include "engine/RunsOn.h"

#include "catalog/ClusterLinkLookup.h"
#include "engine/Estimator.h"

#include <QHash>

namespace headroom {
namespace {

bool fitsOnTheCards(Fit fit)
{
    return fit == Fit::Fits || fit == Fit::Tight; // offload runs, but not from the cards' memory
}

void markBestQuants(QList<RunsOnRow> &rows)
{
    QHash<QString, qsizetype> best; // model id -> row index
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!fitsOnTheCards(rows.at(i).fit))
            continue;
        const auto found = best.constFind(rows.at(i).modelId);
        if (found == best.constEnd() || rows.at(i).bitsPerWeight > rows.at(*found).bitsPerWeight)
            best.insert(rows.at(i).modelId, i);
    }
    for (const qsizetype index : std::as_const(best))
        rows[index].bestQuant = true;
}

} // namespace

std::optional<RunsOnReport> runsOn(const Catalog &catalog, const Configuration &configuration,
                                   const Workload &workload, double appleUsableFraction,
                                   const Calibration &calibration)
{
    const Device *device = catalog.device(configuration.deviceId);
    if (!device)
        return std::nullopt;
    EstimateInput input;
    input.device = *device;
    input.configuration = configuration;
    if (input.configuration.memoryGB <= 0)
        input.configuration.memoryGB = device->largestMemoryGB();
    input.link = lookUpClusterLink(catalog, configuration, *device).link;
    input.workload = workload;
    input.method = Method::Roofline;
    input.appleUsableFraction = appleUsableFraction;

    RunsOnReport report{device->id,         device->name,           configuration.count,
                        input.configuration.memoryGB, workload.contextTokens, workload.users, {}};
    report.nodes = std::max(1, configuration.nodes);
    report.linkId = configuration.isCluster() ? input.link.id : QString();
    report.rows.reserve(catalog.models().size() * catalog.quantizations().size());
    for (const LanguageModel &model : catalog.models()) {
        input.model = model;
        for (const Quantization &quant : catalog.quantizations()) {
            input.quant = quant;
            const Estimate result = estimate(input, calibration);
            report.rows.append({model.id, model.name, quant.name, quant.bitsPerWeight, result.fit,
                                result.runs() ? result.decodeTpsPerUser : 0, false});
        }
    }
    markBestQuants(report.rows);
    return report;
}

} // namespace headroom
