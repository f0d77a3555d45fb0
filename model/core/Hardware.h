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

// Runtime::Auto resolves per platform: Metal llama.cpp on Apple, llama.cpp CUDA elsewhere.
enum class Runtime { Auto, LlamaCpp, Mlx, Vllm, Ollama, TensorRtLlm, Sglang };

// The serving engines (vLLM, SGLang, TensorRT-LLM): continuous batching, and tensor parallel when the
// split is left to them.
constexpr bool isServingRuntime(Runtime runtime)
{
    return runtime == Runtime::Vllm || runtime == Runtime::Sglang || runtime == Runtime::TensorRtLlm;
}

// Device x count x memory x split x runtime.
struct Configuration {
    QString deviceId;
    int count = 1;
    double memoryGB = 0; // per device; 0 = the device's largest option
    Split split = Split::Auto;
    Runtime runtime = Runtime::Auto;
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
QString toString(Segment segment);
std::optional<Split> splitFromString(const QString &text);
std::optional<Runtime> runtimeFromString(const QString &text);
std::optional<MemoryKind> memoryKindFromString(const QString &text);
std::optional<Segment> segmentFromString(const QString &text);

} // namespace headroom
