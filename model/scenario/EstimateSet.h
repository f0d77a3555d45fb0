#pragma once

#include "advisor/ConfigurationPrice.h"
#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "core/Defaults.h"
#include "core/Estimate.h"
#include "scenario/ComparisonVerdict.h"
#include "scenario/Scenario.h"

#include <QList>
#include <QString>

namespace headroom {

// Speeds of one configuration at one user count, for the concurrency curves.
struct SweepPoint {
    int users = 1;
    double decodeTpsPerUser = 0; // 0 when it does not fit at this user count
    double decodeTpsTotal = 0;
    Fit fit = Fit::DoesNotFit;
    double decodeTpsTotalLow = 0; // likely range of the total (Estimate::decodeTpsTotalLow/High)
    double decodeTpsTotalHigh = 0;
    Bottleneck bottleneck = Bottleneck::Capacity; // what limits the speed at this user count (Estimate::bottleneck)
    bool operator==(const SweepPoint &) const = default;
};

// User counts of the concurrency sweep: 1, 2, 4, ..., 64 (plus the scenario's own count, sorted in).
QList<int> sweepUserCounts(int scenarioUsers);

// One checked configuration of a scenario with its resolved input and its estimate.
struct EstimateRow {
    int scenarioIndex = -1; // index into Scenario::configurations
    QString label;          // "2x RTX 5090", "Mac Studio M3 Ultra 256 GB"
    EstimateInput input;
    Estimate estimate;
    QList<SweepPoint> sweep; // same input at sweepUserCounts(); computed with the estimate
    int usersAtMinTps = 0;   // most users served at EstimateSet::minTpsPerUser each or faster (usersAtMinTps())
    ConfigurationPrice price; // the system's or the cards' price, the scenario's quotes first
    bool operator==(const EstimateRow &) const = default;
};

// All estimates of one scenario, computed once per change and shared by the table,
// the details pane and every chart.
struct EstimateSet {
    QList<EstimateRow> rows;
    QString modelName;
    QString quantName;
    QString problem; // non-empty when the scenario could not be resolved (unknown model id, ...)
    ComparisonVerdict verdict; // over the rows, with the scenario's advisor cost assumptions
    // The speed every user must get for EstimateRow::usersAtMinTps: the Advisor's speed requirement when the
    // scenario sets one, else a comfortable reading pace (defaults::kMinTpsPerUser).
    double minTpsPerUser = defaults::kMinTpsPerUser;
    bool operator==(const EstimateSet &) const = default;
};

// Resolves the scenario against the catalog (unknown ids are reported in `problem`, never thrown)
// and runs the chosen estimator for every checked configuration.
EstimateSet computeEstimates(const Scenario &scenario, const Catalog &catalog,
                             const Calibration &calibration = Calibration::builtIn());

// Display label for a configuration: "Apple M3 Ultra (80-core GPU) 256 GB", "2x NVIDIA GeForce RTX 5090";
// a cluster "2× Apple M3 Ultra (80-core GPU) 512 GB (TB5 RDMA)".
QString configurationLabel(const Device &device, const Configuration &configuration, const ClusterLink &link = {});

} // namespace headroom
