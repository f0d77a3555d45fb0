#pragma once

#include "core/Hardware.h"
#include "core/Platform.h"

#include <QList>
#include <QString>

namespace headroom {

// Calibrated behaviour of one runtime on one platform family. Every fitted constant comes from
// fitCalibration() (model/measured/CalibrationFit.h) over resources/measured.csv and is guarded by tst_calibration.
struct RuntimeProfile {
    Runtime runtime = Runtime::LlamaCpp;
    PlatformClass platform = PlatformClass::Other;
    double bandwidthEfficiency = 0.65;   // share of spec bandwidth reached while decoding
    double computeEfficiency = 0.5;      // share of spec FLOPs reached by batched decode matmuls
    double prefillEfficiency = 0.5;      // share of spec FLOPs reached by prompt-processing matmuls
    double perTokenOverheadMs = 0;       // fixed cost per decode step (kernel launches, sampling) of a 32-layer model; scales with layers
    double layerSplitOverheadMs = 0;     // extra per decode step for each additional card, layer split
    double tensorSyncUs = 0;             // per layer all-reduce latency, tensor split
    double batchEfficiency = 1;          // how well the runtime batches concurrent users (1 = ideal)
    int rowsFitted = 0;                  // calibration rows behind this profile
    QString provenance;                  // how the constants were obtained
    // Highest rate (GB/s) at which the runtime's one-token mat-vec kernels stream weights, however
    // fast the memory: keeping HBM busy needs more loads in flight than these kernels issue.
    // 0 = no ceiling. Combined with the device bandwidth as a smooth minimum (RooflineConstants.h).
    double kernelCeilingGBs = 0;
    // Share of spec FLOPs the prompt's attention reaches (flash-attention kernels differ by platform far
    // more than matmuls do): what makes a 64K-token prompt slow.
    double attentionEfficiency = 0.5;
    // Work each query-key score costs beyond its head's multiply-adds (scaling, masking, the softmax's
    // exponential and running maximum), in FLOPs at the attention's rate: what makes heads of 64 dimensions
    // slower per FLOP than heads of 256. Fitted where long prompts of two head sizes were measured; 0 elsewhere.
    double attentionScoreFlops = 0;
    // Arithmetic a decode kernel spends unpacking each quantized weight (shift, mask, scale, convert)
    // on top of the multiply-add; it runs on the shader ALUs at computeEfficiency.
    double dequantOpsPerWeight = 8;
    // Scheduler and sampling cost per running sequence per decode step (continuous batching), ms.
    double perSequenceOverheadMs = 0;
    // Extra cost per MoE layer per decode step (router, top-k, token scatter and gather, one grouped matmul
    // launch per expert group), microseconds: what makes a MoE slower than the bytes of its active experts.
    double moeLayerOverheadUs = 0;
    // Prompt tokens processed per forward pass: llama.cpp's -ub, MLX's prefill step, vLLM's chunked
    // prefill budget. Weights are read once per micro-batch; a MoE's experts see ubatch x k / E tokens each.
    double prefillMicroBatchTokens = 512;
    // Highest matmul rate (TFLOPS per card) the runtime's prompt kernels reach at their micro-batch, however
    // fast the card: joined harmonically with prefillEfficiency x the card's rate (PromptMatmulRate.h). 0 = none.
    double prefillCeilingTflops = 0;
    // Fixed time before a request's first token beyond its prompt's arithmetic (building the graph, first
    // kernel launches, sampling, the server's request handling), ms: what makes a 20-token prompt on MLX read
    // as 100-300 t/s. Only prompts of a few hundred tokens identify it; llama-bench's warmed-up runs show none.
    double promptOverheadMs = 0;
    // A MoE's grouped expert matmuls in a prompt: an expert that sees m tokens of a micro-batch reaches
    // m / (m + this) of the dense matmul rate (too few rows to fill the tensor-core tiles). 64 is the usual tile
    // height of the grouped-GEMM kernels; a runtime whose MoE prompts were measured fits its own.
    double expertTokensAtHalfRate = 64;
    // A prompt's matmuls on quantized weights against the same model in F16, for the runtimes that unpack the
    // weights in their own kernels (llama.cpp, Ollama, MLX): unpacking costs time, while llama.cpp's int8
    // tensor-core kernels on NVIDIA cards run faster than F16. Fitted where a platform's prompts were measured
    // in both; 1 elsewhere. Serving engines take their quantized rates from PromptMatmulRate.h.
    double quantizedPromptRate = 1;
    bool operator==(const RuntimeProfile &) const = default;
};

// The three kinds of speed the estimator predicts, each with its own measured error.
enum class SpeedClass { Decode, Concurrency, Prefill };
QString toString(SpeedClass speed);

// What the held-out measurements of one class say about the estimator's error: measured / predicted lies
// between lowRatio and highRatio for about 80% of the measurements left out of the fit (leave-one-source-out).
// runtime Auto = any runtime; anyPlatform = every platform class.
struct ErrorBand {
    SpeedClass speed = SpeedClass::Decode;
    Runtime runtime = Runtime::Auto;
    PlatformClass platform = PlatformClass::Other;
    bool anyPlatform = true;
    double lowRatio = 0.6;
    double highRatio = 1.5;
    double mape = 0.3; // held-out mean absolute percentage error, as a fraction
    int rows = 0;
    bool anyModel = true; // false: only for dense (moe false) or only for mixture-of-experts models
    bool moe = false;
    bool operator==(const ErrorBand &) const = default;
};

// What joining machines costs beyond the link's wire (latency and bandwidth come from the catalog): the software
// of one exchange of a cross-machine all-reduce and of one pipeline hop per decode step, fitted on the cluster rows
// of measured.csv; and the range of cluster estimates, from their leave-one-source-out error.
struct ClusterCosts {
    double exchangeSoftwareUs = 20;
    double pipelineHopMs = 1;
    double lowRatio = 0.6; // measured / predicted: the likely range of a cluster estimate
    double highRatio = 1.5;
    double holdOutMape = 0.3;
    int rows = 0; // cluster measurements fitted
    bool operator==(const ClusterCosts &) const = default;
};

class Calibration final
{
public:
    // The constants compiled into the binary.
    static const Calibration &builtIn();

    // Exact (runtime, platform) match, else the runtime's closest family, else a neutral default.
    const RuntimeProfile &profile(Runtime runtime, PlatformClass platform) const;
    // The narrowest class that was measured: runtime and platform, then the runtime, then the platform, then
    // the whole speed class; a wide default where nothing was.
    // The narrowest band measured for this class: runtime x platform x dense/MoE first, then without the
    // model class, then any platform, then any runtime.
    ErrorBand errorBand(SpeedClass speed, Runtime runtime, PlatformClass platform, bool moe = false) const;
    const QList<ErrorBand> &errorBands() const { return m_bands; }

    const QList<RuntimeProfile> &profiles() const { return m_profiles; }
    void setProfiles(const QList<RuntimeProfile> &profiles);
    void setErrorBands(const QList<ErrorBand> &bands);

    const ClusterCosts &clusterCosts() const { return m_clusterCosts; }
    void setClusterCosts(const ClusterCosts &costs) { m_clusterCosts = costs; }

private:
    QList<RuntimeProfile> m_profiles;
    QList<ErrorBand> m_bands;
    ClusterCosts m_clusterCosts;
};

// Runtime::Auto resolved for a device: llama.cpp (Metal on Apple, CUDA elsewhere).
Runtime resolveRuntime(Runtime runtime, const Device &device);

} // namespace headroom
