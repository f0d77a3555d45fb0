#pragma once

#include "catalog/Catalog.h"

#include <QString>

namespace headroom {

// The link joining a configuration's machines, or the problem that leaves it unknown.
struct ClusterLinkLookup {
    ClusterLink link;
    QString problem; // non-empty: the configuration cannot be estimated; names the field ("link: ...")
};

// One machine needs no link. Otherwise: the configuration's inline link, else the catalog link it names, else the
// device's default cluster link; a cluster of a device that names none must name one itself.
ClusterLinkLookup lookUpClusterLink(const Catalog &catalog, const Configuration &configuration, const Device &device);

// The largest machine count a configuration may have (a cluster of 64 machines is the largest any query takes).
inline constexpr int kMaxClusterNodes = 64;

// Empty when `nodes` is a machine count a configuration may have, else the problem.
QString nodeCountProblem(int nodes);

} // namespace headroom
