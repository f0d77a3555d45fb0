#pragma once

#include "core/Hardware.h"
#include "core/Defaults.h"
#include "core/LanguageModel.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <optional>

namespace headroom {

enum class Method { Roofline, Seed };

// What the users ask of a configuration.
struct Workload {
    int contextTokens = 4096; // KV depth per user
    int promptTokens = 512;
    int outputTokens = 256;
    int users = 1; // concurrent sequences
    KvCacheType kvCache = KvCacheType::F16;
    // Tokens already in the user's KV cache when the prompt arrives (a follow-up turn with its prefix cached,
    // llama-bench's -d): the prompt's attention spans them too.
    int cachedTokens = 0;
    // Leading tokens of the context that every user has in common (one document or system prompt sent to all):
    // an engine with a prefix cache holds them once, and vLLM's cascade attention reads them once a step.
    int sharedContextTokens = 0;
    bool operator==(const Workload &) const = default;
};

// The shared prefix is part of the context: whatever shortens the context shortens it too.
inline void keepSharedWithinContext(Workload &workload)
{
    workload.sharedContextTokens = std::min(workload.sharedContextTokens, workload.contextTokens);
}

// Everything an estimator needs, already resolved against the catalog: no ids left to look up.
struct EstimateInput {
    Device device;
    Configuration configuration; // configuration.memoryGB already resolved to an option of the device
    ClusterLink link;            // what joins the configuration's machines, resolved (empty for one machine)
    LanguageModel model;
    Quantization quant;
    Workload workload;
    Method method = Method::Roofline;
    double seedEfficiency = defaults::kSeedEfficiency;          // seed method only, in (0, 1]
    double appleUsableFraction = defaults::kAppleUsableFraction; // share of unified memory the GPU may wire
    bool operator==(const EstimateInput &) const = default;
};

enum class Fit { Fits, Tight, Offload, DoesNotFit };
enum class Bottleneck { Bandwidth, Compute, Interconnect, Capacity };

struct MemoryBreakdown {
    double weightsGB = 0;    // every weight held, multi-token-prediction layers included
    double mtpWeightsGB = 0; // of weightsGB, the multi-token-prediction layers (never read by plain decoding)
    double kvCacheGB = 0;
    double overheadGB = 0;
    double totalGB = 0;  // weights + kv + overhead
    double usableGB = 0; // what the configuration can give the model
    int machines = 1;    // machines pooling usableGB (Configuration::nodes; 1 = not a cluster)
    double usablePerMachineGB = 0; // one machine's share of usableGB (usableGB / machines)
    bool operator==(const MemoryBreakdown &) const = default;
};

// The terms of the formula, kept so every number can be explained after the fact
// (the explanation text itself is built lazily by explain(), off the hot path).
struct FormulaTerms {
    double bytesPerTokenGB = 0;      // weights + KV read per decode step, whole configuration
    double weightBytesPerTokenGB = 0;
    double kvBytesPerTokenGB = 0;
    double flopsPerToken = 0;        // per user
    double effectiveBandwidthGBs = 0; // bandwidth x efficiency, as used
    double effectiveTflops = 0;       // compute x efficiency, as used
    double bandwidthEfficiency = 0;
    double computeEfficiency = 0;
    double memoryTimeMs = 0;   // per decode step
    double computeTimeMs = 0;  // per decode step
    double overheadMs = 0;     // fixed per-step overhead
    double interconnectMs = 0; // per decode step, cards and machines together
    double linkMs = 0;         // the part of interconnectMs spent on the link between machines
    int nodes = 1;
    NodeSplit nodeSplit = NodeSplit::Auto; // resolved when nodes > 1
    double expertCoverage = 1; // share of routed experts read per step (MoE)
    int devicesSharingBytes = 1; // cards that read weights in parallel for one token
    Runtime runtime = Runtime::Auto; // resolved
    Split split = Split::Auto;       // resolved
    double prefillEfficiency = 0;    // share of spec FLOPs of the prompt's matmuls
    double attentionEfficiency = 0;  // share of spec FLOPs of the prompt's attention
    double attentionScoreFlops = 0;  // its cost per query-key score beyond the head's multiply-adds, in FLOPs
    double prefillMicroBatchTokens = 0;
    double matmulTflops = 0;         // per card, the rate the runtime's matmul kernels draw on (PromptMatmulRate.h)
    double prefillCeilingTflops = 0; // highest rate those kernels reach per card (0 = none)
    double reachedPromptTflops = 0;  // what they reach per card: efficiency x rate, joined with the ceiling, x quantizedPromptRate
    double quantizedPromptRate = 1;  // quantized weights' prompt matmuls against F16 (1 for F16 and serving engines)
    double promptOverheadMs = 0;     // fixed time per request before its first token
    double expertPromptRate = 1;     // share of the matmul rate a MoE's routed experts reach in a prompt
    double expertTokensAtHalfRate = 0; // tokens per expert at which they reach half of it
    double promptTokensPerExpert = 0;  // tokens of one prompt micro-batch routed to each expert
    double promptPipelineSpeedup = 1;  // a llama.cpp layer split's prompt against one card: m n / (m + n - 1)
    double promptMicroBatchesInFlight = 1; // m: micro-batches of one batch in the cards' pipeline at once
    // The host's per-step work (scheduling, sampling, launches) runs while the GPU works on the step before
    // (serving runtimes' CUDA graphs and asynchronous scheduling): the step takes the longer of the two.
    bool overheadOverlapsGpu = false;
    double stepMs = 0; // one decode step, all terms joined
    QString provenance;              // where the runtime profile's constants come from
    bool operator==(const FormulaTerms &) const = default;
};

struct Estimate {
    Method method = Method::Roofline;
    Fit fit = Fit::DoesNotFit;
    MemoryBreakdown memory;
    // Speeds are 0 when the model does not fit (written as null: check runs()).
    double decodeTpsPerUser = 0;
    double decodeTpsTotal = 0;
    double outputTpsTotal = 0;
    double prefillTps = 0;
    double ttftSeconds = 0;
    // Likely ranges, from the held-out error of this estimate's class (runtime x platform x speed class):
    // the measured value lay within them for about 80% of the measurements the fit did not see.
    double decodeTpsLow = 0;
    double decodeTpsHigh = 0;
    double decodeTpsTotalLow = 0;
    double decodeTpsTotalHigh = 0;
    double outputTpsTotalLow = 0;
    double outputTpsTotalHigh = 0;
    double prefillTpsLow = 0;
    double prefillTpsHigh = 0;
    double ttftSecondsLow = 0;
    double ttftSecondsHigh = 0;
    Bottleneck bottleneck = Bottleneck::Capacity;
    int maxContext = 0; // largest context per user that fits with the requested users
    int maxUsers = 0;   // largest user count that fits at the requested context
    FormulaTerms terms;

    bool runs() const { return fit != Fit::DoesNotFit; }
    bool operator==(const Estimate &) const = default;
};

QString toString(Method method);
QString toString(Fit fit);
QString toString(Bottleneck bottleneck);
std::optional<Method> methodFromString(const QString &text);

} // namespace headroom
