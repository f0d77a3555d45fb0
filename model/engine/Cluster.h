#pragma once

#include "core/Hardware.h"
#include "core/LanguageModel.h"

#include <QString>

namespace headroom {

// How a cluster's machines share the model when the configuration leaves it to the runtime:
// exo and MLX distributed shard every layer over an RDMA link and pipeline otherwise; vLLM, SGLang and
// TensorRT-LLM shard across single-GPU machines joined by RDMA (DGX Spark pairs) and otherwise run tensor
// parallel inside each machine and a pipeline across them; llama.cpp's RPC backend always pipelines.
NodeSplit resolveNodeSplit(NodeSplit requested, Runtime runtime, const ClusterLink &link, int devicesPerNode);

// Why a runtime cannot run one model across a configuration's machines, and the field to blame.
struct ClusterRefusal {
    QString field; // "nodes", "runtime" or "node_split"
    QString problem;
    bool isEmpty() const { return problem.isEmpty(); }
};

// Empty when `runtime` (resolved) can run `model` across the configuration's machines split as `split` (resolved).
ClusterRefusal clusterRefusal(Runtime runtime, NodeSplit split, const LanguageModel &model,
                              const Configuration &configuration, const ClusterLink &link);

// clusterRefusal() for a configuration as given: its runtime and node split resolved as the estimate resolves them.
ClusterRefusal clusterRefusalOf(const Device &device, const Configuration &configuration, const LanguageModel &model,
                                const ClusterLink &link);

// Exchanges of one all-reduce between `nodes` machines: reduce-scatter then all-gather, one exchange each when
// every machine is cabled to every other, nodes - 1 each around a ring through a switch.
int exchangesPerAllReduce(const ClusterLink &link, int nodes);

// "2× Mac Studio M3 Ultra (TB5 RDMA)": the label a chart gives a cluster of `machine`.
QString clusterLabel(const QString &machine, int nodes, const ClusterLink &link);

// The link's hardware for `nodes` machines in USD (cables, plus a switch past two machines when it needs one),
// or nothing when one of those prices is unknown.
std::optional<double> linkHardwareUsd(const ClusterLink &link, int nodes);

// How many cables `nodes` machines need: one per pair over a mesh, one per machine into a switch.
int linkCables(const ClusterLink &link, int nodes);

} // namespace headroom
