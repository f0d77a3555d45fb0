// String forms of the model layer's enums: the spellings of the catalog, the CLI and the scenario files.
#include "core/Diagnostic.h"
#include "core/EnumTable.h"
#include "core/Estimate.h"
#include "core/Hardware.h"
#include "core/LanguageModel.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <array>
#include <utility>

namespace headroom {
namespace {

constexpr std::array splitNames{std::pair{Split::Auto, "auto"}, std::pair{Split::Layer, "layer"},
                                std::pair{Split::Tensor, "tensor"}};
constexpr std::array runtimeNames{
    std::pair{Runtime::Auto, "auto"},     std::pair{Runtime::LlamaCpp, "llama.cpp"},
    std::pair{Runtime::Mlx, "mlx"},       std::pair{Runtime::Vllm, "vllm"},
    std::pair{Runtime::Ollama, "ollama"}, std::pair{Runtime::TensorRtLlm, "tensorrt-llm"},
    std::pair{Runtime::Sglang, "sglang"}, std::pair{Runtime::Exo, "exo"}};
constexpr std::array nodeSplitNames{std::pair{NodeSplit::Auto, "auto"}, std::pair{NodeSplit::Tensor, "tensor"},
                                    std::pair{NodeSplit::Pipeline, "pipeline"}};
constexpr std::array topologyNames{std::pair{LinkTopology::Mesh, "mesh"}, std::pair{LinkTopology::Switch, "switch"}};
constexpr std::array memoryKindNames{std::pair{MemoryKind::Unified, "unified"},
                                     std::pair{MemoryKind::Discrete, "discrete"}};
constexpr std::array segmentNames{
    std::pair{Segment::Apple, "apple"},           std::pair{Segment::Consumer, "consumer"},
    std::pair{Segment::Workstation, "workstation"}, std::pair{Segment::Datacenter, "datacenter"},
    std::pair{Segment::Other, "other"}};
constexpr std::array attentionNames{
    std::pair{AttentionKind::Full, "full"}, std::pair{AttentionKind::SlidingWindow, "sliding"},
    std::pair{AttentionKind::Mla, "mla"}, std::pair{AttentionKind::Linear, "linear"},
    std::pair{AttentionKind::Compressed, "compressed"}};
constexpr std::array kvNames{std::pair{KvCacheType::F16, "f16"}, std::pair{KvCacheType::Q8_0, "q8_0"},
                             std::pair{KvCacheType::Q4_0, "q4_0"}, std::pair{KvCacheType::Fp8, "fp8"}};
constexpr std::array methodNames{std::pair{Method::Roofline, "roofline"}, std::pair{Method::Seed, "seed"}};
constexpr std::array fitNames{std::pair{Fit::Fits, "fits"}, std::pair{Fit::Tight, "tight"},
                              std::pair{Fit::Offload, "offload"}, std::pair{Fit::DoesNotFit, "does-not-fit"}};
constexpr std::array bottleneckNames{
    std::pair{Bottleneck::Bandwidth, "bandwidth"}, std::pair{Bottleneck::Compute, "compute"},
    std::pair{Bottleneck::Interconnect, "interconnect"}, std::pair{Bottleneck::Capacity, "capacity"}};

} // namespace

QString toString(Split value) { return nameOf(splitNames, value); }
QString toString(Runtime value) { return nameOf(runtimeNames, value); }
QString toString(MemoryKind value) { return nameOf(memoryKindNames, value); }
QString toString(NodeSplit value) { return nameOf(nodeSplitNames, value); }
QString toString(LinkTopology value) { return nameOf(topologyNames, value); }
QString toString(Segment value) { return nameOf(segmentNames, value); }
QString toString(AttentionKind value) { return nameOf(attentionNames, value); }
QString toString(KvCacheType value) { return nameOf(kvNames, value); }
QString toString(Method value) { return nameOf(methodNames, value); }
QString toString(Fit value) { return nameOf(fitNames, value); }
QString toString(Bottleneck value) { return nameOf(bottleneckNames, value); }

std::optional<Split> splitFromString(const QString &text) { return valueOf(splitNames, text); }
std::optional<Runtime> runtimeFromString(const QString &text) { return valueOf(runtimeNames, text); }
std::optional<NodeSplit> nodeSplitFromString(const QString &text) { return valueOf(nodeSplitNames, text); }
std::optional<LinkTopology> linkTopologyFromString(const QString &text) { return valueOf(topologyNames, text); }
std::optional<MemoryKind> memoryKindFromString(const QString &text) { return valueOf(memoryKindNames, text); }
std::optional<Segment> segmentFromString(const QString &text) { return valueOf(segmentNames, text); }
std::optional<AttentionKind> attentionKindFromString(const QString &text) { return valueOf(attentionNames, text); }
std::optional<KvCacheType> kvCacheTypeFromString(const QString &text) { return valueOf(kvNames, text); }
std::optional<Method> methodFromString(const QString &text) { return valueOf(methodNames, text); }

QString Diagnostic::toString() const
{
    QStringList parts;
    if (!file.isEmpty())
        parts << file;
    if (!entry.isEmpty())
        parts << entry;
    if (!field.isEmpty())
        parts << field;
    parts << problem;
    return printableLine(parts.join(QStringLiteral(": ")));
}

QString printableLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (!c.isPrint() || c == QChar::ReplacementCharacter)
            c = QLatin1Char('?');
    }
    return line;
}

QString toString(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (qsizetype i = 0; i < std::min(diagnostics.size(), kMaxDiagnosticLines); ++i)
        lines << diagnostics.at(i).toString();
    if (diagnostics.size() > kMaxDiagnosticLines)
        lines << QStringLiteral("...and %L1 more").arg(diagnostics.size() - kMaxDiagnosticLines);
    return lines.join(QLatin1Char('\n'));
}

double bytesPerElement(KvCacheType type)
{
    switch (type) {
    case KvCacheType::F16: return 2.0;
    case KvCacheType::Q8_0: return 34.0 / 32.0; // 32 int8 values + one f16 scale per block
    case KvCacheType::Q4_0: return 18.0 / 32.0; // 32 4-bit values + one f16 scale per block
    case KvCacheType::Fp8: return 1.0;
    }
    return 2.0;
}

double Device::largestMemoryGB() const
{
    double largest = 0;
    for (double option : memoryOptionsGB)
        largest = std::max(largest, option);
    return largest;
}

int LanguageModel::routedExperts() const
{
    if (expertCountsGiven())
        return experts;
    return isMoe() ? kDefaultExperts : 0;
}

int LanguageModel::routedExpertsPerToken() const
{
    if (expertCountsGiven())
        return expertsPerToken;
    if (!isMoe())
        return 0;
    // At most the share of the experts that the active parameters could hold with no shared weights.
    const int fitting = int(std::floor(double(kDefaultExperts) * activeParamsB / paramsB));
    return std::clamp(fitting, 1, kDefaultExpertsPerToken);
}

std::optional<double> LanguageModel::publishedSizeGB(const QString &quant) const
{
    for (const PublishedSize &size : publishedSizes) {
        if (size.quant.compare(quant, Qt::CaseInsensitive) == 0)
            return size.sizeGB;
    }
    return std::nullopt;
}

} // namespace headroom
