#include "measured/ClusterFit.h"

#include "engine/Estimator.h"
#include "measured/Quantile.h"
#include "measured/Validation.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

// Search grids: an all-reduce exchange costs from nothing to a slow TCP round trip's software; a pipeline hop
// from nothing to the tens of milliseconds of an RPC backend on a busy network.
constexpr double kExchangeStepUs = 2.5;
constexpr double kExchangeMaxUs = 500;
constexpr double kHopStepMs = 0.1;
constexpr double kHopMaxMs = 30;
// The likely range leaves this share of held-out ratios below and above it.
constexpr double kTailShare = 0.1;

struct ClusterRow {
    MeasuredRow row;
    EstimateInput input;
};

QList<ClusterRow> clusterRows(const MeasuredRows &rows, const Catalog &catalog)
{
    QList<ClusterRow> result;
    for (const MeasuredRow &row : rows) {
        if (row.nodes > 1 && catalog.link(row.link))
            result.append({row, inputForRow(row, catalog)});
    }
    return result;
}

double predicted(const ClusterRow &row, const Calibration &calibration)
{
    return predictedValue(row.row, rooflineEstimate(row.input, calibration));
}

NodeSplit splitOf(const ClusterRow &row, const Calibration &calibration)
{
    return rooflineEstimate(row.input, calibration).terms.nodeSplit;
}

double meanLogError(const QList<ClusterRow> &rows, const Calibration &calibration)
{
    double sum = 0;
    int count = 0;
    for (const ClusterRow &row : rows) {
        const double value = predicted(row, calibration);
        if (value > 0) {
            sum += std::abs(std::log(value / row.row.tokensPerSecond));
            ++count;
        }
    }
    return count > 0 ? sum / count : 0.0;
}

// The grid value of one cost that best explains `rows`, the other costs held.
template<typename Set>
double bestOnGrid(const QList<ClusterRow> &rows, Calibration calibration, double step, double maximum, Set set)
{
    double best = 0;
    double bestError = std::numeric_limits<double>::infinity();
    for (double value = 0; value <= maximum + step / 2; value += step) {
        ClusterCosts costs = calibration.clusterCosts();
        set(costs, value);
        calibration.setClusterCosts(costs);
        const double error = meanLogError(rows, calibration);
        if (error < bestError - 1e-12) {
            bestError = error;
            best = value;
        }
    }
    return best;
}

ClusterCosts fitCosts(const QList<ClusterRow> &rows, const Calibration &base)
{
    ClusterCosts costs = base.clusterCosts();
    QList<ClusterRow> tensor;
    QList<ClusterRow> pipeline;
    for (const ClusterRow &row : rows) {
        if (row.row.metric == MeasuredMetric::Pp)
            continue;
        (splitOf(row, base) == NodeSplit::Tensor ? tensor : pipeline).append(row);
    }
    if (!tensor.isEmpty())
        costs.exchangeSoftwareUs = bestOnGrid(tensor, base, kExchangeStepUs, kExchangeMaxUs,
                                              [](ClusterCosts &c, double value) { c.exchangeSoftwareUs = value; });
    if (!pipeline.isEmpty())
        costs.pipelineHopMs = bestOnGrid(pipeline, base, kHopStepMs, kHopMaxMs,
                                         [](ClusterCosts &c, double value) { c.pipelineHopMs = value; });
    costs.rows = int(tensor.size() + pipeline.size());
    return costs;
}

QHash<QString, ClusterCosts> heldOut(const QList<ClusterRow> &rows, const Calibration &base)
{
    QSet<QString> sources;
    for (const ClusterRow &row : rows)
        sources.insert(row.row.sourceId);
    QHash<QString, ClusterCosts> folds;
    for (const QString &source : std::as_const(sources)) {
        QList<ClusterRow> others;
        for (const ClusterRow &row : rows) {
            if (row.row.sourceId != source)
                others.append(row);
        }
        folds.insert(source, fitCosts(others, base));
    }
    return folds;
}

} // namespace

QHash<QString, ClusterCosts> clusterCostsHeldOut(const MeasuredRows &rows, const Catalog &catalog,
                                                 const Calibration &base)
{
    return heldOut(clusterRows(rows, catalog), base);
}

ClusterCosts fitClusterCosts(const MeasuredRows &rows, const Catalog &catalog, const Calibration &base)
{
    const QList<ClusterRow> cluster = clusterRows(rows, catalog);
    if (cluster.isEmpty())
        return base.clusterCosts();
    ClusterCosts costs = fitCosts(cluster, base);

    const QHash<QString, ClusterCosts> folds = heldOut(cluster, base);
    QList<double> ratios;
    double errorSum = 0;
    for (const ClusterRow &row : cluster) {
        Calibration fold = base;
        fold.setClusterCosts(folds.value(row.row.sourceId, costs));
        const double value = predicted(row, fold);
        if (value > 0) {
            ratios << row.row.tokensPerSecond / value;
            errorSum += std::abs(value / row.row.tokensPerSecond - 1.0);
        }
    }
    if (!ratios.isEmpty()) {
        std::sort(ratios.begin(), ratios.end());
        costs.lowRatio = std::min(1.0, quantileOfSorted(ratios, kTailShare));
        costs.highRatio = std::max(1.0, quantileOfSorted(ratios, 1.0 - kTailShare));
        costs.holdOutMape = errorSum / ratios.size();
    }
    return costs;
}

} // namespace headroom
