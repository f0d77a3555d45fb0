#include "engine/Cluster.h"

#include "engine/Calibration.h"
#include "engine/TensorParallel.h"

namespace headroom {

NodeSplit resolveNodeSplit(NodeSplit requested, Runtime runtime, const ClusterLink &link, int devicesPerNode)
{
    if (requested != NodeSplit::Auto)
        return requested;
    switch (runtime) {
    case Runtime::Exo:
    case Runtime::Mlx:
        return link.rdma ? NodeSplit::Tensor : NodeSplit::Pipeline;
    case Runtime::Vllm:
    case Runtime::Sglang:
    case Runtime::TensorRtLlm:
        return link.rdma && devicesPerNode <= 1 ? NodeSplit::Tensor : NodeSplit::Pipeline;
    case Runtime::Auto:
    case Runtime::LlamaCpp:
    case Runtime::Ollama:
        break;
    }
    return NodeSplit::Pipeline;
}

ClusterRefusal clusterRefusal(Runtime runtime, NodeSplit split, const LanguageModel &model,
                              const Configuration &configuration, const ClusterLink &link)
{
    const int nodes = configuration.nodes;
    if (nodes <= 1)
        return {};
    if (nodes > link.maxNodes)
        return {QStringLiteral("nodes"), QStringLiteral("%1 joins at most %2 machines, got %3").arg(link.name).arg(link.maxNodes).arg(nodes)};
    if (runtime == Runtime::Ollama)
        return {QStringLiteral("runtime"), QStringLiteral("Ollama runs a model on one machine only (llama.cpp's RPC "
                                                          "backend or exo spread one over several)")};
    if (split == NodeSplit::Tensor && (runtime == Runtime::LlamaCpp || runtime == Runtime::Auto))
        return {QStringLiteral("node_split"), QStringLiteral("llama.cpp splits a model across machines by layers only "
                                                             "(its RPC backend): use pipeline")};
    if (split == NodeSplit::Tensor) {
        const int cards = nodes * std::max(1, configuration.count);
        if (const QString refusal = tensorParallelRefusal(model, cards); !refusal.isEmpty())
            return {QStringLiteral("node_split"), refusal};
    }
    return {};
}

ClusterRefusal clusterRefusalOf(const Device &device, const Configuration &configuration, const LanguageModel &model,
                                const ClusterLink &link)
{
    const Runtime runtime = resolveRuntime(configuration.runtime, device);
    const NodeSplit split = resolveNodeSplit(configuration.nodeSplit, runtime, link, configuration.count);
    return clusterRefusal(runtime, split, model, configuration, link);
}

int exchangesPerAllReduce(const ClusterLink &link, int nodes)
{
    return link.topology == LinkTopology::Mesh ? 2 : 2 * (nodes - 1);
}

QString clusterLabel(const QString &machine, int nodes, const ClusterLink &link)
{
    if (nodes <= 1)
        return machine;
    const QString linkName = link.shortName.isEmpty() ? link.name : link.shortName;
    QString label = QStringLiteral("%1× %2").arg(nodes).arg(machine);
    if (!linkName.isEmpty())
        label += QStringLiteral(" (%1)").arg(linkName);
    return label;
}

int linkCables(const ClusterLink &link, int nodes)
{
    if (nodes <= 1)
        return 0;
    if (link.topology == LinkTopology::Mesh)
        return nodes * (nodes - 1) / 2;
    return nodes == 2 ? 1 : nodes;
}

std::optional<double> linkHardwareUsd(const ClusterLink &link, int nodes)
{
    if (nodes <= 1)
        return 0.0;
    if (!link.cablePriceUsd)
        return std::nullopt;
    double total = linkCables(link, nodes) * *link.cablePriceUsd;
    if (link.topology == LinkTopology::Switch && nodes > 2) {
        if (!link.switchPriceUsd)
            return std::nullopt;
        total += *link.switchPriceUsd;
    }
    return total;
}

} // namespace headroom
