#include "catalog/ClusterLinkLookup.h"

namespace headroom {

ClusterLinkLookup lookUpClusterLink(const Catalog &catalog, const Configuration &configuration, const Device &device)
{
    ClusterLinkLookup lookup;
    if (!configuration.isCluster())
        return lookup;
    if (configuration.hasCustomLink()) {
        lookup.link = configuration.customLink;
        return lookup;
    }
    const QString id = configuration.linkId.isEmpty() ? device.clusterLinkId : configuration.linkId;
    if (id.isEmpty()) {
        lookup.problem = QStringLiteral("link: %1 names no cluster link: give one (a catalog link id or "
                                        "{\"name\", \"bandwidth_gbs\", \"latency_us\"})")
                             .arg(device.id);
        return lookup;
    }
    if (const ClusterLink *link = catalog.link(id))
        lookup.link = *link;
    else
        lookup.problem = QStringLiteral("link: unknown link '%1'").arg(id);
    return lookup;
}

QString nodeCountProblem(int nodes)
{
    if (nodes >= 1 && nodes <= kMaxClusterNodes)
        return {};
    return QStringLiteral("must be a whole number of machines from 1 to %1, got %2").arg(kMaxClusterNodes).arg(nodes);
}

} // namespace headroom
