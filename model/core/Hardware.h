#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace headroom {

// Memory architecture: Apple chips share one pool between CPU and GPU, discrete cards own their VRAM.
enum class MemoryKind { Unified, Discrete };

// Market segment, used for calibration classes and for grouping in the window.
enum class Segment { Apple, Consumer, Workstation, Datacenter, Other };

// How cards of one configuration talk to each other.
struct Interconnect {
    QString name;          // "pcie4", "pcie5", "nvlink4", "nvlink5", "none"
    double bandwidthGBs = 0; // per direction, per card
    bool operator==(const Interconnect &) const = default;
};

// What joins the machines of a cluster (catalog section "links"): Thunderbolt 5 with RDMA, 10 GbE, InfiniBand...
// A cluster of n machines buys either one cable per pair ("mesh": Thunderbolt, which has no switches) or one
// cable per machine into a switch ("switch"; two machines need only one cable between them).
enum class LinkTopology { Mesh, Switch };

struct ClusterLink {
    QString id;
    QString name;
    QString shortName;       // for chart labels: "TB5 RDMA"
    double bandwidthGBs = 0; // per direction, per machine
    double latencyUs = 0;    // one small message, one way, as the runtimes see it
    bool rdma = false;       // the runtimes' tensor-parallel all-reduce runs over it without the kernel's TCP stack
    LinkTopology topology = LinkTopology::Switch;
    int maxNodes = 64;       // a mesh ends where the machines run out of ports
    std::optional<double> cablePriceUsd;
    std::optional<double> switchPriceUsd;
    QString priceDate;
    QString priceSource;
    QString source; // URL for the bandwidth and latency

    bool operator==(const ClusterLink &) const = default;
};

// One accelerator or Apple chip. GB = 10^9 bytes.
struct Device {
    QString id;
    QString name;
    QString vendor; // "apple", "nvidia", "amd", ...
    MemoryKind kind = MemoryKind::Discrete;
    Segment segment = Segment::Other;
    QList<double> memoryOptionsGB;
    double bandwidthGBs = 0;
    double fp16Tflops = 0; // dense tensor/matrix throughput, no sparsity
    bool fp8TensorCores = false; // FP8 matrix math at twice fp16Tflops (NVIDIA Ada, Hopper, Blackwell; AMD CDNA 3+, RDNA 4)
    Interconnect interconnect;
    int maxCount = 1;  // cards per chassis for this product line
    QString clusterLinkId; // the link its machines are usually joined by ("" = none: a cluster must name one)
    double powerW = 0; // board power or system power for Apple chips; 0 = unknown
    std::optional<double> priceUsd;
    QString priceDate;
    QString priceSource;
    QString source; // URL for the specs

    bool isApple() const { return vendor == QLatin1String("apple"); }
    double largestMemoryGB() const;
    bool operator==(const Device &) const = default;
};

enum class Split { Auto, Layer, Tensor };

// How the machines of a cluster share a model: every machine a slice of every layer (tensor; an all-reduce over
// the link twice per layer), or consecutive layers per machine (pipeline; one activation hop per boundary).
enum class NodeSplit { Auto, Tensor, Pipeline };

// Runtime::Auto resolves per platform: Metal llama.cpp on Apple, llama.cpp CUDA elsewhere.
// Exo runs MLX across a cluster of Macs.
enum class Runtime { Auto, LlamaCpp, Mlx, Vllm, Ollama, TensorRtLlm, Sglang, Exo };

// The serving engines (vLLM, SGLang, TensorRT-LLM): continuous batching, and tensor parallel when the
// split is left to them.
constexpr bool isServingRuntime(Runtime runtime)
{
    return runtime == Runtime::Vllm || runtime == Runtime::Sglang || runtime == Runtime::TensorRtLlm;
}

// Engines whose prefix cache (vLLM's automatic prefix caching, SGLang's radix cache, TensorRT-LLM's KV reuse)
// keeps one copy of the KV cache of a prompt prefix that several sequences share.
constexpr bool holdsSharedPrefixOnce(Runtime runtime)
{
    return isServingRuntime(runtime);
}

// vLLM's cascade attention attends to a prefix shared by the whole batch once per step, then to each
// sequence's own tokens; the others read every sequence's blocks, shared or not.
constexpr bool readsSharedPrefixOnce(Runtime runtime)
{
    return runtime == Runtime::Vllm;
}

// Device x count x memory x split x runtime, on one machine or on `nodes` identical machines joined by a link.
struct Configuration {
    QString deviceId;
    int count = 1;       // devices per machine
    double memoryGB = 0; // per device; 0 = the device's largest option
    Split split = Split::Auto;
    Runtime runtime = Runtime::Auto;
    int nodes = 1;       // identical machines; more than one is a cluster
    QString linkId {};   // catalog link joining them ("" = customLink when it has a bandwidth, else the device's)
    ClusterLink customLink {}; // a link given inline, not from the catalog

    NodeSplit nodeSplit = NodeSplit::Auto;

    bool isCluster() const { return nodes > 1; }
    bool hasCustomLink() const { return linkId.isEmpty() && customLink.bandwidthGBs > 0; }
    bool operator==(const Configuration &) const = default;
};

// A named preset: "BIZON X5500 G2 with 2x RTX 5090", "Mac Studio M3 Ultra 256 GB".
struct NamedSystem {
    QString id;
    QString name;
    QString vendor;
    Configuration configuration;
    QStringList compatibleDeviceIds; // cards this chassis accepts (empty = only configuration.deviceId)
    int maxCards = 1;
    std::optional<double> priceUsd;
    QString priceDate;
    QString priceSource;
    bool cardsOnly = false; // priceUsd covers the cards only, not the host (chassis, CPU, board, RAM, PSU)
    double powerW = 0;
    QString source;
    bool operator==(const NamedSystem &) const = default;
};

QString toString(Split split);
QString toString(Runtime runtime);
QString toString(MemoryKind kind);
QString toString(NodeSplit split);
QString toString(LinkTopology topology);
std::optional<NodeSplit> nodeSplitFromString(const QString &text);
std::optional<LinkTopology> linkTopologyFromString(const QString &text);
QString toString(Segment segment);
std::optional<Split> splitFromString(const QString &text);
std::optional<Runtime> runtimeFromString(const QString &text);
std::optional<MemoryKind> memoryKindFromString(const QString &text);
std::optional<Segment> segmentFromString(const QString &text);

} // namespace headroom
