// The roofline method: bytes and FLOPs of one decode step against bandwidth and compute,
// with KV cache, MoE expert coverage, multi-GPU split, concurrency, prefill and fit.
#include "engine/Cluster.h"
#include "engine/Estimator.h"
#include "engine/PromptMatmulRate.h"
#include "engine/RooflineConstants.h"
#include "engine/RooflineMemory.h"
#include "engine/RooflineShape.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

using namespace roofline;

Split resolveSplit(Split split, Runtime runtime, int count)
{
    if (count <= 1)
        return Split::Layer;
    if (split != Split::Auto)
        return split;
    return isServingRuntime(runtime) ? Split::Tensor : Split::Layer;
}

double safeRatio(double numerator, double denominator)
{
    return denominator > 0 && std::isfinite(denominator) ? numerator / denominator : 0.0;
}

// The request's fixed set-up before its first token (graph building, first launches, the server's handling).
double requestSetupSeconds(const RuntimeProfile &profile)
{
    return std::max(0.0, profile.promptOverheadMs) / kMsPerSecond;
}

// Batched prompts: the last user waits for every prompt of the batch. The request set-up before the first
// token (`setupSeconds`, inside one request's prompt time at `prefillTps`) runs once for users arriving
// together: the engine reads their prompts in the same forward passes.
double firstTokenSeconds(const Workload &workload, double prefillTps, double setupSeconds)
{
    const double oneRequest = safeRatio(double(std::max(0, workload.promptTokens)), prefillTps);
    const double reading = std::max(0.0, oneRequest - setupSeconds);
    return oneRequest + (std::max(1, workload.users) - 1) * reading;
}

// Output tokens per second over whole requests: each user's prompt wait, then its output.
double endToEndOutputTps(const Workload &workload, double ttftSeconds, double decodeTpsPerUser)
{
    const double output = std::max(0, workload.outputTokens);
    return safeRatio(std::max(1, workload.users) * output, ttftSeconds + safeRatio(output, decodeTpsPerUser));
}

// Weight-streaming rate of one device: spec bandwidth x efficiency, softly capped by the kernels.
double streamingGBs(const Device &device, const RuntimeProfile &profile)
{
    const double bandwidth = std::max(0.0, device.bandwidthGBs) * profile.bandwidthEfficiency;
    if (profile.kernelCeilingGBs <= 0 || bandwidth <= 0)
        return bandwidth;
    const double ratio = bandwidth / profile.kernelCeilingGBs;
    const double ratioSquared = ratio * ratio;
    return bandwidth / std::sqrt(std::sqrt(1.0 + ratioSquared * ratioSquared));
}

double tensorLinkGBs(const Device &device)
{
    return device.interconnect.bandwidthGBs > 0 ? device.interconnect.bandwidthGBs : kDefaultInterconnectGBs;
}

struct DecodeTiming {
    double memoryMs = 0;
    double computeMs = 0;
    double overheadMs = 0;
    double interconnectMs = 0;
    double linkMs = 0;
    double weightGB = 0;
    double kvGB = 0;
    double flopsPerToken = 0;
    double coverage = 1;
    int parallelDevices = 1;
};

// How a configuration's devices share one decode step: `tensorWays` devices read and compute a slice of every
// layer at once; `stages` groups of them hold consecutive layers and run one after the other.
struct Parallelism {
    int tensorWays = 1;
    int stages = 1;
};

// A prompt's matmuls on quantized weights against F16, in the runtimes that unpack them in their own kernels.
double quantizedPromptRate(const RuntimeProfile &profile, Runtime runtime, const Quantization &quant)
{
    return !isServingRuntime(runtime) && quant.isQuantized() ? profile.quantizedPromptRate : 1.0;
}

// A prompt's micro-batches overlapping in a layer split's cards.
struct LayerPipeline {
    double microBatchesInFlight = 1;
    double speedup = 1;
};

Parallelism parallelismOf(const EstimateInput &input, Split split, NodeSplit nodeSplit)
{
    const int count = std::max(1, input.configuration.count);
    const int nodes = std::max(1, input.configuration.nodes);
    Parallelism parallelism;
    parallelism.tensorWays = (split == Split::Tensor ? count : 1) * (nodeSplit == NodeSplit::Tensor ? nodes : 1);
    parallelism.stages = (split == Split::Tensor ? 1 : count) * (nodeSplit == NodeSplit::Tensor ? 1 : nodes);
    return parallelism;
}

// Time per decode step on the link between machines: a tensor split all-reduces every layer's output twice
// (latency-bound for one user, bandwidth-bound for many); a pipeline hands the activations on at each boundary.
double clusterLinkMs(const EstimateInput &input, const ClusterCosts &costs, NodeSplit nodeSplit, int users,
                     const ModelShape &shape)
{
    const int nodes = std::max(1, input.configuration.nodes);
    if (nodes <= 1)
        return 0.0;
    const ClusterLink &link = input.link;
    const double linkGBs = link.bandwidthGBs > 0 ? link.bandwidthGBs : kDefaultInterconnectGBs;
    const double activationGB = users * double(shape.hidden) * kActivationBytesPerElement / kBytesPerGB;
    if (nodeSplit == NodeSplit::Tensor) {
        const double exchanges = exchangesPerAllReduce(link, nodes);
        const double latencyMs = exchanges * (link.latencyUs + costs.exchangeSoftwareUs) / kMicrosecondsPerMs;
        const double transferMs = activationGB * 2.0 * (nodes - 1) / nodes / linkGBs * kMsPerSecond;
        return kAllReducesPerLayer * shape.layers * (latencyMs + transferMs);
    }
    const double hopMs = link.latencyUs / kMicrosecondsPerMs + costs.pipelineHopMs + activationGB / linkGBs * kMsPerSecond;
    return (nodes - 1) * hopMs;
}

DecodeTiming decodeTiming(const EstimateInput &input, const RuntimeProfile &profile, const ClusterCosts &costs,
                          Split split, NodeSplit nodeSplit, const MemoryPlan &plan)
{
    const Device &device = input.device;
    const LanguageModel &model = input.model;
    const int count = std::max(1, input.configuration.count);
    const int users = std::max(1, input.workload.users);
    const int depth = std::max(0, input.workload.contextTokens);
    const ModelShape shape = resolvedShape(model);

    const double weightsGB = plan.memory.weightsGB - plan.memory.mtpWeightsGB;
    const double bytesPerParam = model.paramsB > 0 ? weightsGB / model.paramsB : input.quant.bitsPerWeight / 8.0;
    const double oneUserParamsB = paramsReadPerStepB(model, 1);
    const double batchParamsB = paramsReadPerStepB(model, users);
    // A runtime that batches imperfectly re-reads part of the weights for every extra sequence.
    const double rereadShare = std::clamp(1.0 - profile.batchEfficiency, 0.0, 1.0);
    const double weightReadGB = (batchParamsB + (users - 1) * rereadShare * oneUserParamsB) * bytesPerParam;
    const Runtime runtime = resolveRuntime(input.configuration.runtime, device);
    const double stateBytes = linearStateBytesPerElement(runtime);
    const KvLayout layout = kvLayout(model, input.workload.kvCache, stateBytes);
    const double sharedReadGB = readsSharedPrefixOnce(runtime)
        ? layout.prefixReadBytes(std::max(0, input.workload.sharedContextTokens), depth) / kBytesPerGB
        : 0.0;
    const double kvReadGB = users * layout.readBytes(depth) / kBytesPerGB - (users - 1) * sharedReadGB;

    const double flopsPerToken = 2.0 * activeParamsB(model) * 1e9 + attentionFlopsPerToken(model, depth);
    const double dequantOps = input.quant.isQuantized()
        ? std::max(0.0, profile.dequantOpsPerWeight) * batchParamsB * 1e9
        : 0.0;

    DecodeTiming timing;
    timing.weightGB = weightReadGB;
    timing.kvGB = kvReadGB;
    timing.flopsPerToken = flopsPerToken;
    timing.coverage = expertCoverage(model, users);

    const double bandwidth = streamingGBs(device, profile);
    const double flopsPerSecond = matmulTflops(device, runtime, input.quant) * 1e12 * profile.computeEfficiency;
    const double stepFlops = users * flopsPerToken + dequantOps;

    // Tensor-parallel devices each read 1/n of every layer and compute 1/n of every matmul. Pipeline stages
    // run one after the other: with several sequences llama.cpp pipelines micro-batches, keeping
    // min(users, stages) stages busy: each micro-batch re-reads the weights (no gain there) while KV traffic
    // and FLOPs spread out.
    const Parallelism parallelism = parallelismOf(input, split, nodeSplit);
    const int busy = std::min(users, parallelism.stages);
    timing.parallelDevices = parallelism.tensorWays * busy;
    timing.memoryMs = (busy == 1 ? safeRatio(weightReadGB + kvReadGB, bandwidth * parallelism.tensorWays)
                                 : safeRatio(weightReadGB, bandwidth * parallelism.tensorWays)
                                       + safeRatio(kvReadGB, bandwidth * parallelism.tensorWays * busy))
        * kMsPerSecond;
    timing.computeMs = safeRatio(stepFlops, flopsPerSecond * parallelism.tensorWays * busy) * kMsPerSecond;

    if (split == Split::Tensor && count > 1) {
        const double linkGBs = tensorLinkGBs(device);
        const double allReduceGB = users * double(shape.hidden) * kActivationBytesPerElement / kBytesPerGB;
        // NVLink and AMD's Infinity Fabric join the GPUs directly; PCIe goes through the host.
        const QString &linkName = device.interconnect.name;
        const bool directLink = linkName.startsWith(QLatin1String("nvlink"), Qt::CaseInsensitive)
            || linkName.compare(QLatin1String("infinityfabric"), Qt::CaseInsensitive) == 0;
        // A ring all-reduce passes 2(n-1) messages one after the other; tensorSyncUs is the software cost of the
        // two exchanges of a pair of cards.
        const double ringSteps = count - 1.0;
        const double latencyUs = (directLink ? kNvlinkAllReduceLatencyUs : kPcieAllReduceLatencyUs)
            + profile.tensorSyncUs * ringSteps;
        const double perAllReduceMs = latencyUs / 1000.0 + allReduceGB / linkGBs * kMsPerSecond;
        timing.interconnectMs = kAllReducesPerLayer * shape.layers * perAllReduceMs;
    } else {
        timing.interconnectMs = (count - 1) * profile.layerSplitOverheadMs;
    }
    timing.linkMs = clusterLinkMs(input, costs, nodeSplit, users, shape);
    timing.interconnectMs += timing.linkMs;

    if (plan.fit == Fit::Offload) {
        // Layers that do not fit stay in host RAM and stream over the host memory bus every step.
        const double offloadedShare = std::clamp(safeRatio(plan.offloadedGB, weightsGB), 0.0, 1.0);
        const double hostMs = safeRatio(weightReadGB * offloadedShare, kHostBandwidthGBs * profile.bandwidthEfficiency)
            * kMsPerSecond;
        timing.memoryMs = timing.memoryMs * (1.0 - offloadedShare) + hostMs;
    }
    timing.overheadMs = std::max(0.0, profile.perTokenOverheadMs) * shape.layers / kOverheadReferenceLayers
        + std::max(0.0, profile.perSequenceOverheadMs) * users
        + (model.isMoe() ? std::max(0.0, profile.moeLayerOverheadUs) * shape.layers / kMicrosecondsPerMs : 0.0);
    return timing;
}

// Bytes one prompt token sends over the link between the cards of a tensor split. vLLM, SGLang and
// TensorRT-LLM all-reduce the hidden state twice per layer (ring: 2(n-1)/n of it per card). llama.cpp's
// tensor split instead gathers every matmul's FP32 output on the main card: about active params / hidden
// values per token (each matmul's outputs), of which (n-1)/n come from the other cards.
double tensorSplitPromptBytesPerToken(const LanguageModel &model, Runtime runtime, double cards)
{
    const ModelShape shape = resolvedShape(model);
    if (shape.hidden <= 0 || cards <= 1)
        return 0.0;
    const double remoteShare = (cards - 1.0) / cards;
    if (isServingRuntime(runtime))
        return kAllReducesPerLayer * shape.layers * shape.hidden * kActivationBytesPerElement * 2.0 * remoteShare;
    const double outputsPerToken = activeParamsB(model) * 1e9 / shape.hidden;
    return outputsPerToken * kGatheredBytesPerElement * remoteShare;
}

// llama.cpp's layer split on the cards of one machine: while card 2 runs micro-batch 1 through its layers, card 1
// starts micro-batch 2. With m micro-batches in flight on n cards the batch takes m + n - 1 stage times of
// 1/n of the model each, against m whole-model times on one card. A prompt of one micro-batch (llama-bench's
// pp512) gains nothing; a 2,048-token batch on four cards runs 16/7 = 2.3x as fast as one card.
LayerPipeline layerPipeline(const EstimateInput &input, Runtime runtime, Split split, NodeSplit nodeSplit,
                            double microBatch)
{
    const double cards = std::max(1, input.configuration.count);
    if (runtime != Runtime::LlamaCpp || split != Split::Layer || cards <= 1
        || (input.configuration.nodes > 1 && nodeSplit != NodeSplit::Tensor))
        return {};
    LayerPipeline pipeline;
    pipeline.microBatchesInFlight = std::min(double(kPipelinedMicroBatches),
                                             std::ceil(std::max(1, input.workload.promptTokens) / std::max(1.0, microBatch)));
    pipeline.speedup = pipeline.microBatchesInFlight * cards / (pipeline.microBatchesInFlight + cards - 1.0);
    return pipeline;
}

// Prompt processing, per token: the matmuls at the prefill rate (a MoE's experts slower, each seeing only
// micro-batch x k / E tokens), attention over the prompt so far at the attention rate, and a memory floor of
// one read of all the weights per micro-batch (a long prompt touches every expert); a tensor split then
// sends its activations over the link; and the runtime's fixed set-up per request, spread over the prompt.
double prefillTokensPerSecond(const EstimateInput &input, const RuntimeProfile &profile, const ClusterCosts &costs,
                              Runtime runtime, Split split, NodeSplit nodeSplit, const MemoryPlan &plan)
{
    const LanguageModel &model = input.model;
    const double prompt = std::max(1, input.workload.promptTokens);
    const double microBatch = promptMicroBatch(input.workload.promptTokens, profile.prefillMicroBatchTokens);
    // Tensor split shares every matmul among the n cards. A layer split (and a pipeline of machines) runs the
    // prompt's micro-batches through the cards one after another; only llama.cpp's layer split within one
    // machine overlaps them (see layerPipeline).
    const double cards = std::max(1, input.configuration.count);
    const double parallel = parallelismOf(input, split, nodeSplit).tensorWays
        * layerPipeline(input, runtime, split, nodeSplit, microBatch).speedup;

    const double activeB = activeParamsB(model);
    const ExpertSplit experts = expertSplit(model);
    const double routedB = experts.perExpertParamsB > 0 ? std::max(0.0, activeB - experts.sharedParamsB) : 0.0;
    const double expertRate = routedB > 0 ? expertPromptRate(model, profile.expertTokensAtHalfRate, microBatch) : 1.0;
    const double matmulFlops = reachedPromptTflops(matmulTflops(input.device, runtime, input.quant), profile.prefillEfficiency,
                                                   profile.prefillCeilingTflops)
        * quantizedPromptRate(profile, runtime, input.quant) * 1e12 * parallel;
    const double peakFlops = std::max(0.0, input.device.fp16Tflops) * 1e12 * parallel;
    const double matmulSeconds = safeRatio(2e9 * (activeB - routedB + routedB / expertRate), matmulFlops);
    // The prompt's tokens attend to every cached token and, on average, to half of the prompt.
    const double attentionSpan = std::max(0, input.workload.cachedTokens) + prompt / 2.0;
    const AttentionWork attention = attentionWorkPerToken(model, attentionSpan);
    const double attentionSeconds = safeRatio(attention.flops + attention.scores * std::max(0.0, profile.attentionScoreFlops),
                                              peakFlops * profile.attentionEfficiency);
    const double bandwidth = streamingGBs(input.device, profile) * parallel;
    const double memorySeconds = safeRatio(plan.memory.weightsGB - plan.memory.mtpWeightsGB, bandwidth * microBatch);
    double linkSeconds = split == Split::Tensor && cards > 1
        ? safeRatio(tensorSplitPromptBytesPerToken(model, runtime, cards) / kBytesPerGB, tensorLinkGBs(input.device))
        : 0.0;
    // Between machines a micro-batch pays the link's bytes per token and its latency once.
    linkSeconds += clusterLinkMs(input, costs, nodeSplit, int(microBatch), resolvedShape(model)) / kMsPerSecond / microBatch;
    // The request's fixed set-up before its first token, shared by its prompt's tokens.
    const double overheadSeconds = requestSetupSeconds(profile) / prompt;
    const double secondsPerToken = std::max(matmulSeconds + attentionSeconds, memorySeconds) + linkSeconds + overheadSeconds;
    return secondsPerToken > 0 ? 1.0 / secondsPerToken : 0.0;
}

// Every speed and time within the measured error of its class: measured / predicted lay between the band's
// ratios for about 80% of the measurements the fit did not see.
void setLikelyRanges(Estimate &estimate, const ErrorBand &decode, const ErrorBand &prefill)
{
    estimate.decodeTpsLow = estimate.decodeTpsPerUser * decode.lowRatio;
    estimate.decodeTpsHigh = estimate.decodeTpsPerUser * decode.highRatio;
    estimate.decodeTpsTotalLow = estimate.decodeTpsTotal * decode.lowRatio;
    estimate.decodeTpsTotalHigh = estimate.decodeTpsTotal * decode.highRatio;
    estimate.prefillTpsLow = estimate.prefillTps * prefill.lowRatio;
    estimate.prefillTpsHigh = estimate.prefillTps * prefill.highRatio;
    estimate.ttftSecondsLow = safeRatio(estimate.ttftSeconds, prefill.highRatio);
    estimate.ttftSecondsHigh = safeRatio(estimate.ttftSeconds, prefill.lowRatio);
    // Serving benchmarks measure this figure itself: its class's held-out ratios apply to it directly.
    estimate.outputTpsTotalLow = estimate.outputTpsTotal * decode.lowRatio;
    estimate.outputTpsTotalHigh = estimate.outputTpsTotal * decode.highRatio;
}

} // namespace

Estimate rooflineEstimate(const EstimateInput &input, const Calibration &calibration)
{
    Estimate estimate;
    estimate.method = Method::Roofline;

    const Runtime runtime = resolveRuntime(input.configuration.runtime, input.device);
    const int count = std::max(1, input.configuration.count);
    const Split split = resolveSplit(input.configuration.split, runtime, count);
    const NodeSplit nodeSplit = input.configuration.nodes > 1
        ? resolveNodeSplit(input.configuration.nodeSplit, runtime, input.link, count)
        : NodeSplit::Auto;
    const PlatformClass platform = platformClassOf(input.device);
    const RuntimeProfile &profile = calibration.profile(runtime, platform);

    const MemoryPlan plan = planMemory(input);
    estimate.fit = plan.fit;
    estimate.memory = plan.memory;
    estimate.maxUsers = plan.maxUsers;
    estimate.maxContext = plan.maxContext;

    const ClusterCosts &costs = calibration.clusterCosts();
    const DecodeTiming timing = decodeTiming(input, profile, costs, split, nodeSplit, plan);
    FormulaTerms &terms = estimate.terms;
    terms.weightBytesPerTokenGB = timing.weightGB;
    terms.kvBytesPerTokenGB = timing.kvGB;
    terms.bytesPerTokenGB = timing.weightGB + timing.kvGB;
    terms.flopsPerToken = timing.flopsPerToken;
    terms.bandwidthEfficiency = profile.bandwidthEfficiency;
    terms.computeEfficiency = profile.computeEfficiency;
    terms.effectiveBandwidthGBs = streamingGBs(input.device, profile);
    terms.matmulTflops = matmulTflops(input.device, runtime, input.quant);
    terms.effectiveTflops = terms.matmulTflops * profile.computeEfficiency;
    terms.memoryTimeMs = timing.memoryMs;
    terms.computeTimeMs = timing.computeMs;
    terms.overheadMs = timing.overheadMs;
    // llama.cpp, MLX and Ollama wait for each token before preparing the next step; serving runtimes prepare
    // it while the GPU runs the current one.
    terms.overheadOverlapsGpu = isServingRuntime(runtime);
    const double gpuMs = std::max(timing.memoryMs, timing.computeMs);
    terms.stepMs = (terms.overheadOverlapsGpu ? std::max(gpuMs, timing.overheadMs) : gpuMs + timing.overheadMs)
        + timing.interconnectMs;
    terms.interconnectMs = timing.interconnectMs;
    terms.linkMs = timing.linkMs;
    terms.nodes = std::max(1, input.configuration.nodes);
    terms.nodeSplit = nodeSplit;
    terms.expertCoverage = timing.coverage;
    terms.devicesSharingBytes = timing.parallelDevices;
    terms.runtime = runtime;
    terms.split = split;
    terms.prefillEfficiency = profile.prefillEfficiency;
    terms.attentionEfficiency = profile.attentionEfficiency;
    terms.attentionScoreFlops = profile.attentionScoreFlops;
    terms.prefillMicroBatchTokens = profile.prefillMicroBatchTokens;
    terms.prefillCeilingTflops = profile.prefillCeilingTflops;
    terms.quantizedPromptRate = quantizedPromptRate(profile, runtime, input.quant);
    terms.reachedPromptTflops = reachedPromptTflops(terms.matmulTflops, profile.prefillEfficiency,
                                                    profile.prefillCeilingTflops)
        * terms.quantizedPromptRate;
    terms.promptOverheadMs = profile.promptOverheadMs;
    const double promptBatch = promptMicroBatch(input.workload.promptTokens, profile.prefillMicroBatchTokens);
    terms.expertPromptRate = expertPromptRate(input.model, profile.expertTokensAtHalfRate, promptBatch);
    terms.expertTokensAtHalfRate = profile.expertTokensAtHalfRate;
    terms.promptTokensPerExpert = promptTokensPerExpert(input.model, promptBatch);
    const LayerPipeline pipeline = layerPipeline(input, runtime, split, nodeSplit, promptBatch);
    terms.promptPipelineSpeedup = pipeline.speedup;
    terms.promptMicroBatchesInFlight = pipeline.microBatchesInFlight;
    terms.provenance = profile.provenance;

    if (!estimate.runs()) {
        estimate.bottleneck = Bottleneck::Capacity;
        return estimate;
    }

    const double stepMs = terms.stepMs;
    const int users = std::max(1, input.workload.users);
    if (stepMs > 0 && std::isfinite(stepMs)) {
        estimate.decodeTpsPerUser = kMsPerSecond / stepMs;
        estimate.decodeTpsTotal = estimate.decodeTpsPerUser * users;
    }

    if (timing.interconnectMs > std::max(timing.memoryMs, timing.computeMs))
        estimate.bottleneck = Bottleneck::Interconnect;
    else if (timing.computeMs > timing.memoryMs)
        estimate.bottleneck = Bottleneck::Compute;
    else
        estimate.bottleneck = Bottleneck::Bandwidth;

    estimate.prefillTps = prefillTokensPerSecond(input, profile, costs, runtime, split, nodeSplit, plan);
    estimate.ttftSeconds = firstTokenSeconds(input.workload, estimate.prefillTps, requestSetupSeconds(profile));
    estimate.outputTpsTotal = endToEndOutputTps(input.workload, estimate.ttftSeconds, estimate.decodeTpsPerUser);

    const bool moe = input.model.isMoe();
    ErrorBand decodeBand = calibration.errorBand(users > 1 ? SpeedClass::Concurrency : SpeedClass::Decode, runtime,
                                                 platform, moe);
    ErrorBand prefillBand = calibration.errorBand(SpeedClass::Prefill, runtime, platform, moe);
    if (input.configuration.isCluster()) {
        // A cluster adds the link model's own error to the single machine's.
        for (ErrorBand *band : {&decodeBand, &prefillBand}) {
            band->lowRatio = std::min(band->lowRatio, costs.lowRatio);
            band->highRatio = std::max(band->highRatio, costs.highRatio);
        }
    }
    setLikelyRanges(estimate, decodeBand, prefillBand);
    return estimate;
}

Estimate estimate(const EstimateInput &input, const Calibration &calibration)
{
    return input.method == Method::Seed ? seedEstimate(input) : rooflineEstimate(input, calibration);
}

} // namespace headroom
