// Text explanation of an estimate: every number with its formula, inputs and units.
// Built on demand, off the estimator's hot path.
#include "core/NumberText.h"
#include "engine/Cluster.h"
#include "engine/Estimator.h"
#include "engine/PromptMatmulRate.h"
#include "engine/RooflineMemory.h"
#include "engine/RooflineShape.h"
#include "engine/SeedMethod.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

// Up to `decimals` decimals, trailing zeros dropped: 3584, 42.5, 0.65, 54.8.
QString number(double value, int decimals = 1)
{
    if (!std::isfinite(value))
        return QStringLiteral("n/a");
    const QString text = trimmedNumber(value, decimals);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

// Compressed attention (DeepSeek V4): the window every layer keeps, then each kind of compressed layer.
QString compressedKvBreakdown(const LanguageModel &model, const roofline::KvLayout &layout, int context)
{
    const int layers = layout.compressedLayers + layout.heavilyCompressedLayers + layout.slidingLayers;
    QStringList parts;
    parts << QStringLiteral("every one of %1 layers keeps its last %2 tokens x %3 KB = %4 MB")
                 .arg(layers)
                 .arg(number(layout.window, 0), number(layout.bytesPerSlidingLayerPerToken / 1e3, 3),
                      number(layout.windowedBytesPerToken * std::min<double>(context, layout.window) / 1e6, 1));
    if (layout.compressedLayers > 0) {
        parts << QStringLiteral("%1 compressed layers add one entry%2 per %3 tokens (%4 KB per token each) = %5 MB")
                     .arg(layout.compressedLayers)
                     .arg(layout.sparseTopK > 0 ? QStringLiteral(" and an indexer key") : QString(),
                          number(model.compressRatio, 0), number(layout.compressedBytesPerLayerPerToken / 1e3, 3),
                          number(layout.compressedLayers * layout.compressedBytesPerLayerPerToken * context / 1e6, 1));
    }
    if (layout.heavilyCompressedLayers > 0) {
        parts << QStringLiteral("%1 heavily compressed layers add one entry per %2 tokens (%3 KB per token each) = %4 MB")
                     .arg(layout.heavilyCompressedLayers)
                     .arg(number(model.heavyCompressRatio, 0), number(layout.heavilyCompressedBytesPerLayerPerToken / 1e3, 4),
                          number(layout.heavilyCompressedLayers * layout.heavilyCompressedBytesPerLayerPerToken * context / 1e6, 1));
    }
    if (layout.sparseTopK > 0) {
        parts << QStringLiteral("a decode step reads every indexer key but only the %1 best compressed entries, %2 MB of the %3 MB")
                     .arg(number(layout.sparseTopK, 0), number(layout.readBytes(context) / 1e6, 1),
                          number(layout.bytes(context) / 1e6, 1));
    }
    return QStringLiteral("KV cache of one user at %1 tokens: %2").arg(context).arg(parts.join(QStringLiteral("; ")));
}

// The KV cache of one sequence, layer kind by layer kind.
QString kvBreakdown(const EstimateInput &input, Runtime runtime)
{
    const double stateBytes = roofline::linearStateBytesPerElement(runtime);
    const roofline::KvLayout layout = roofline::kvLayout(input.model, input.workload.kvCache, stateBytes);
    const int context = std::max(0, input.workload.contextTokens);
    if (input.model.attention == AttentionKind::Compressed)
        return compressedKvBreakdown(input.model, layout, context);
    QStringList parts;
    if (layout.fullLayers > 0) {
        parts << QStringLiteral("%1 %2 layers x %3 KB per token = %4 MB")
                     .arg(layout.fullLayers)
                     .arg(layout.mla ? QStringLiteral("MLA (latent)") : QStringLiteral("full-attention"),
                          number(layout.bytesPerFullLayerPerToken / 1e3, 3),
                          number(layout.bytesPerFullLayerPerToken * layout.fullLayers * context / 1e6, 1));
    }
    if (layout.slidingLayers > 0) {
        parts << QStringLiteral("%1 sliding-window layers x %2 KB per token for at most %3 tokens = %4 MB")
                     .arg(layout.slidingLayers)
                     .arg(number(layout.bytesPerSlidingLayerPerToken / 1e3, 3), number(layout.window, 0),
                          number(layout.bytesPerSlidingLayerPerToken * layout.slidingLayers
                                     * std::min<double>(context, layout.window) / 1e6, 1));
    }
    if (layout.fixedStateLayers > 0 && layout.fixedStateBytes > 0)
        parts << QStringLiteral("%1 linear-attention or Mamba-2 layers: a fixed state of %2 MB (%3 elements x %4 bytes), "
                                "read and written back every step, not growing with the context")
                     .arg(layout.fixedStateLayers)
                     .arg(number(layout.fixedStateBytes / 1e6, 1), number(input.model.linearStateElements, 0),
                          number(layout.fixedStateBytes / input.model.linearStateElements, 0));
    else if (layout.fixedStateLayers > 0)
        parts << QStringLiteral("%1 linear-attention layers: a fixed state, not growing with the context (its size not known)")
                     .arg(layout.fixedStateLayers);
    if (layout.sparseTopK > 0) {
        parts << QStringLiteral("sparse attention: of each layer's %1 KB per token, %2 KB are the indexer's key, read for "
                                "every token; the latents are read for the %3 tokens attended, so a decode step reads "
                                "%4 MB of the %5 MB")
                     .arg(number(layout.bytesPerFullLayerPerToken / 1e3, 3),
                          number(layout.indexerBytesPerToken / std::max(1, layout.fullLayers) / 1e3, 3),
                          number(std::min<double>(context, layout.sparseTopK), 0), number(layout.readBytes(context) / 1e6, 1),
                          number(layout.bytes(context) / 1e6, 1));
    }
    return QStringLiteral("KV cache of one user at %1 tokens: %2").arg(context).arg(parts.join(QStringLiteral("; ")));
}

// Why the matmul rate differs from the card's published FP16 figure, if it does.
QString rateNote(const EstimateInput &input, const FormulaTerms &terms)
{
    if (!(terms.matmulTflops > input.device.fp16Tflops))
        return QString();
    if (isServingRuntime(terms.runtime) && isFp8(input.quant))
        return QStringLiteral(", FP8 weights on FP8 tensor cores: twice the FP16 figure");
    return QStringLiteral(", a GeForce card's full-rate FP16/INT8 accumulate: twice its published figure");
}


QString explainSeed(const EstimateInput &input, const Estimate &estimate)
{
    QStringList lines;
    const int cards = seed::cardsSharingBandwidth(input);
    const double bandwidth = input.device.bandwidthGBs * cards;
    const double size = estimate.memory.weightsGB;
    lines << QStringLiteral("seed method (the article's rule): t/s = bandwidth / model size x efficiency");
    if (estimate.runs()) {
        lines << QStringLiteral("t/s = %1 GB/s / %2 GB x %3 = %4 \u2192 %5")
                     .arg(number(bandwidth), number(size, 2), number(input.seedEfficiency, 2),
                          number(seed::unroundedTokensPerSecond(input)), number(estimate.decodeTpsPerUser, 0));
    }
    if (input.configuration.count > 1 && cards == 1)
        lines << QStringLiteral("a model of at most %1 GB stays on one card: the other cards add no bandwidth")
                     .arg(number(seed::kSingleCardMaxModelGB));
    lines << QStringLiteral("memory: weights %1 GB of %2 GB -> %3 (tight above %4% of memory)")
                 .arg(number(size, 2), number(estimate.memory.usableGB), toString(estimate.fit),
                      number(seed::kTightShareOfMemory * 100, 0));
    return lines.join(QLatin1Char('\n'));
}

// How a cluster's machines share the model and what the link costs them.
QString clusterLine(const EstimateInput &input, const Estimate &estimate)
{
    const FormulaTerms &terms = estimate.terms;
    const ClusterLink &link = input.link;
    const ClusterCosts &costs = Calibration::builtIn().clusterCosts();
    const int nodes = input.configuration.nodes;
    QString line = QStringLiteral("cluster: %1 machines joined by %2 (%3 GB/s per direction, %4 us, %5); memory pools "
                                  "across them, each paying its own runtime overhead; ")
                       .arg(QString::number(nodes), link.name, number(link.bandwidthGBs), number(link.latencyUs),
                            link.rdma ? QStringLiteral("RDMA") : QStringLiteral("TCP"));
    if (terms.nodeSplit == NodeSplit::Tensor) {
        line += QStringLiteral("tensor parallel across machines%1: each holds 1/%2 of every layer and all read at once; "
                               "two all-reduces per layer cross the link, each %3 exchanges x (%4 us latency + %5 us "
                               "software) plus the activations over the bandwidth: latency-bound for one user, "
                               "bandwidth-bound for many")
                    .arg(input.model.isMoe() && isServingRuntime(terms.runtime) ? QStringLiteral(" (experts spread too)")
                                                                                 : QString(),
                         QString::number(nodes),
                         QString::number(exchangesPerAllReduce(link, nodes)),
                         number(link.latencyUs), number(costs.exchangeSoftwareUs));
    } else {
        line += QStringLiteral("pipeline across machines: each holds consecutive layers and they run one after the "
                               "other, so one user goes no faster than on one machine; %1 hops per token, each %2 us "
                               "latency + %3 ms software + the activations; several users overlap on the machines")
                    .arg(QString::number(nodes - 1), number(link.latencyUs), number(costs.pipelineHopMs, 2));
    }
    line += QStringLiteral("; link time per decode step: %1 ms (in interconnect below)").arg(number(terms.linkMs, 3));
    return line;
}

// A context prefix common to all users, and what the runtime does with it.
QString sharedPrefixLine(const EstimateInput &input, Runtime runtime)
{
    const int shared = std::min(std::max(0, input.workload.sharedContextTokens), input.workload.contextTokens);
    if (shared <= 0 || input.workload.users <= 1)
        return {};
    const QString head = QStringLiteral("%1 of the %2 context tokens are the same for every user: ")
                             .arg(shared)
                             .arg(input.workload.contextTokens);
    if (!holdsSharedPrefixOnce(runtime))
        return head + QStringLiteral("%1 keeps a copy per user").arg(toString(runtime));
    const double sharedGB = roofline::sharedPrefixKvGB(input);
    return head
        + QStringLiteral("%1 holds their KV cache (%2 GB) once%3")
              .arg(toString(runtime), number(sharedGB, 2),
                   readsSharedPrefixOnce(runtime) ? QStringLiteral(" and reads it once per decode step (cascade attention)")
                                                  : QStringLiteral(", but reads it for every user at each decode step"));
}

QString explainRoofline(const EstimateInput &input, const Estimate &estimate)
{
    const FormulaTerms &terms = estimate.terms;
    const MemoryBreakdown &memory = estimate.memory;
    QStringList lines;
    lines << QStringLiteral("roofline method, %1 on %2x %3, %4 split")
                 .arg(toString(terms.runtime), QString::number(std::max(1, input.configuration.count)),
                      input.device.name.isEmpty() ? input.device.id : input.device.name, toString(terms.split));
    if (input.configuration.isCluster())
        lines << clusterLine(input, estimate);
    lines << QStringLiteral("memory: weights %1 GB + KV cache %2 GB (%3 users x %4 tokens, %5) + runtime %6 GB = %7 GB of %8 GB usable -> %9")
                 .arg(number(memory.weightsGB, 2), number(memory.kvCacheGB, 2),
                      QString::number(input.workload.users), QString::number(input.workload.contextTokens),
                      toString(input.workload.kvCache), number(memory.overheadGB, 2), number(memory.totalGB, 2),
                      number(memory.usableGB, 2))
                 .arg(toString(estimate.fit));
    lines << kvBreakdown(input, terms.runtime);
    if (const QString shared = sharedPrefixLine(input, terms.runtime); !shared.isEmpty())
        lines << shared;
    if (memory.mtpWeightsGB > 0)
        lines << QStringLiteral("of the weights, %1 GB are multi-token-prediction layers (%2 B parameters): held in memory, "
                                "not read by plain decoding")
                     .arg(number(memory.mtpWeightsGB, 2), number(input.model.mtpParamsB, 2));
    lines << QStringLiteral("largest context per user that fits: %1 tokens; largest user count: %2")
                 .arg(estimate.maxContext).arg(estimate.maxUsers);
    lines << QStringLiteral("bytes per decode step: weights %1 GB + KV %2 GB = %3 GB%4")
                 .arg(number(terms.weightBytesPerTokenGB, 3), number(terms.kvBytesPerTokenGB, 3),
                      number(terms.bytesPerTokenGB, 3),
                      input.model.isMoe() ? QStringLiteral(" (experts touched: %1%)").arg(number(terms.expertCoverage * 100))
                                          : QString());
    lines << QStringLiteral("memory time = %1 GB / (%2 GB/s x %3 efficiency%4) = %5 ms")
                 .arg(number(terms.bytesPerTokenGB, 3), number(input.device.bandwidthGBs),
                      number(terms.bandwidthEfficiency, 3),
                      terms.devicesSharingBytes > 1 ? QStringLiteral(", %1 cards in parallel").arg(terms.devicesSharingBytes)
                                                    : QString(),
                      number(terms.memoryTimeMs, 3));
    lines << QStringLiteral("compute time = %1 GFLOP per token x %2 users (+ dequantization) / (%3 TFLOPS x %4) = %5 ms")
                 .arg(number(terms.flopsPerToken / 1e9), QString::number(input.workload.users),
                      number(terms.matmulTflops), number(terms.computeEfficiency, 3), number(terms.computeTimeMs, 3));
    const QString gpuAndOverhead = terms.overheadOverlapsGpu
        ? QStringLiteral("max(%1, %2, overhead %3: prepared while the GPU runs the step before)")
        : QStringLiteral("max(%1, %2) + overhead %3");
    lines << QStringLiteral("step = %1 + interconnect %2 = %3 ms")
                 .arg(gpuAndOverhead.arg(number(terms.memoryTimeMs, 3), number(terms.computeTimeMs, 3),
                                         number(terms.overheadMs, 3)),
                      number(terms.interconnectMs, 3), number(terms.stepMs, 3));
    if (!estimate.runs()) {
        lines << QStringLiteral("does not fit: no speed");
        return lines.join(QLatin1Char('\n'));
    }
    lines << QStringLiteral("decode: %1 t/s per user (likely %2-%3), %4 t/s in total (likely %5-%6); bottleneck: %7")
                 .arg(number(estimate.decodeTpsPerUser), number(estimate.decodeTpsLow), number(estimate.decodeTpsHigh),
                      number(estimate.decodeTpsTotal), number(estimate.decodeTpsTotalLow),
                      number(estimate.decodeTpsTotalHigh), toString(estimate.bottleneck));
    const QString attentionScope = input.workload.cachedTokens > 0
        ? QStringLiteral("the prompt and %1 cached tokens").arg(input.workload.cachedTokens)
        : QStringLiteral("the prompt");
    lines << QStringLiteral("prefill: %1 t/s (likely %2-%3): matmuls at %4 TFLOPS per card (%5 x %6 TFLOPS%7%8), "
                            "attention over %11 at %9 of spec FLOPs%13, weights read once per %10-token micro-batch%12")
                 .arg(number(estimate.prefillTps), number(estimate.prefillTpsLow), number(estimate.prefillTpsHigh),
                      number(terms.reachedPromptTflops), number(terms.prefillEfficiency, 3),
                      number(terms.matmulTflops), rateNote(input, terms),
                      (terms.prefillCeilingTflops > 0
                           ? QStringLiteral(", these kernels' ceiling %1 TFLOPS").arg(number(terms.prefillCeilingTflops))
                           : QString())
                          + (std::abs(terms.quantizedPromptRate - 1.0) >= 0.005 // shown to two decimals
                                 ? QStringLiteral(", x %1 for quantized weights").arg(number(terms.quantizedPromptRate, 2))
                                 : QString()),
                      number(terms.attentionEfficiency, 3), number(terms.prefillMicroBatchTokens, 0), attentionScope,
                      terms.promptOverheadMs > 0
                          ? QStringLiteral(", %1 ms set-up per request").arg(number(terms.promptOverheadMs, 0))
                          : QString(),
                      terms.attentionScoreFlops >= 0.5
                          ? QStringLiteral(" (+%1 FLOPs of softmax per query-key score)").arg(number(terms.attentionScoreFlops, 0))
                          : QString());
    if (terms.promptPipelineSpeedup > 1.0)
        lines << QStringLiteral("prefill pipeline: llama.cpp's layer split keeps %1 micro-batches in flight through the %2 "
                                "cards: %3x one card (m n / (m + n - 1))")
                     .arg(number(terms.promptMicroBatchesInFlight, 0), QString::number(input.configuration.count),
                          number(terms.promptPipelineSpeedup, 2));
    if (input.model.isMoe() && terms.expertPromptRate < 1.0)
        lines << QStringLiteral("prefill experts: %1 tokens of each %2-token micro-batch reach each routed expert, whose "
                                "matmuls then run at %3% of that rate (m / (m + %4), half rate at %4 tokens)")
                     .arg(number(terms.promptTokensPerExpert),
                          number(promptMicroBatch(input.workload.promptTokens, terms.prefillMicroBatchTokens), 0),
                          number(terms.expertPromptRate * 100), number(terms.expertTokensAtHalfRate, 0));
    lines << QStringLiteral("time to first token: %1 s (likely %2-%3) for %4 prompt tokens x %5 users%6")
                 .arg(number(estimate.ttftSeconds, 2), number(estimate.ttftSecondsLow, 2), number(estimate.ttftSecondsHigh, 2),
                      QString::number(input.workload.promptTokens), QString::number(input.workload.users),
                      input.workload.users > 1 && terms.promptOverheadMs > 0
                          ? QStringLiteral(", one set-up for users arriving together")
                          : QString());
    lines << QStringLiteral("end to end: %1 output t/s in total (likely %2-%3; %4 output tokens per request)")
                 .arg(number(estimate.outputTpsTotal), number(estimate.outputTpsTotalLow), number(estimate.outputTpsTotalHigh),
                      QString::number(input.workload.outputTokens));
    lines << QStringLiteral("likely ranges: where the measurements of this runtime and platform class fell when their "
                            "source was left out of the fit");
    lines << QStringLiteral("constants: %1").arg(terms.provenance);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString explain(const EstimateInput &input, const Estimate &estimate)
{
    return estimate.method == Method::Seed ? explainSeed(input, estimate) : explainRoofline(input, estimate);
}

} // namespace headroom
