#pragma once

#include "catalog/Catalog.h"
#include "engine/Calibration.h"
#include "measured/MeasuredData.h"

#include <QHash>

namespace headroom {

// The link model's software costs, fitted on the cluster rows (several machines) of `rows` on top of `base`'s
// runtime profiles: each cost by a one-dimensional search that minimises the mean |log(predicted / measured)| of
// the decode rows it shapes (tensor-split rows for the all-reduce exchange, pipeline rows for the hop). The likely
// range comes from the same fit held out by source. `base`'s costs when there are no cluster rows.
ClusterCosts fitClusterCosts(const MeasuredRows &rows, const Catalog &catalog, const Calibration &base);

// For each source with cluster rows: the costs fitted without that source (its rows' held-out estimates).
QHash<QString, ClusterCosts> clusterCostsHeldOut(const MeasuredRows &rows, const Catalog &catalog,
                                                 const Calibration &base);

} // namespace headroom
