#pragma once

// Physical constants and documented defaults of the roofline method. Fitted runtime constants
// live in CalibrationConstants.cpp; these are the ones that are not fitted.

namespace headroom::roofline {

inline constexpr double kBytesPerGB = 1e9;
inline constexpr double kMsPerSecond = 1000.0;
inline constexpr double kMicrosecondsPerMs = 1000.0;

// Vendors quote VRAM and unified memory in binary units: a "24 GB" RTX 3090 holds 24 GiB.
inline constexpr double kMarketingGBToGB = 1.073741824;

// Left free on every discrete card (display, driver, fragmentation), in GB.
inline constexpr double kReservedGBPerDiscreteDevice = 0.5;
// CUDA context, cuBLAS workspace and llama.cpp compute buffers per card, in GB.
inline constexpr double kCudaRuntimeOverheadGBPerDevice = 0.8;
// Metal command buffers and compute buffers on an Apple GPU, in GB.
inline constexpr double kMetalRuntimeOverheadGB = 0.5;

// Estimated total above this share of usable memory leaves little room for longer contexts:
// the verdict is "tight" (marks the article's M4 Pro + 70B cell).
inline constexpr double kTightShareOfUsable = 0.85;

// Offload: a documented default host (workstation with 128 GB DDR5, dual channel ~80 GB/s).
inline constexpr double kHostMemoryGB = 128.0;
inline constexpr double kHostBandwidthGBs = 80.0;

// Shape used when a model's architecture is unknown: Llama-like, params ~ 12 x layers x hidden^2,
// hidden = layers x 128, grouped-query attention with 8 KV heads of 128 dimensions.
inline constexpr double kLlamaLikeParamsPerHiddenCube = 12.0 / 128.0;
inline constexpr int kLlamaLikeHiddenPerLayer = 128;
inline constexpr int kLlamaLikeKvHeads = 8;
inline constexpr int kLlamaLikeHeadDim = 128;

// Tensor split: two all-reduces per layer (after attention and after the MLP).
inline constexpr double kAllReducesPerLayer = 2.0;
inline constexpr double kActivationBytesPerElement = 2.0;
// llama.cpp gathers a tensor split's matmul outputs in FP32.
inline constexpr double kGatheredBytesPerElement = 4.0;
// llama.cpp's layer split pipelines the micro-batches of one batch through the cards: a batch of 2,048
// tokens (its default n_batch) holds four micro-batches of 512, and its scheduler keeps four copies of
// each stage's inputs in flight (GGML_SCHED_MAX_COPIES).
inline constexpr int kPipelinedMicroBatches = 4;
// Latency of one small all-reduce (NCCL/RCCL, two cards): tens of microseconds across PCIe, a few over NVLink or
// AMD's Infinity Fabric.
inline constexpr double kPcieAllReduceLatencyUs = 25.0;
inline constexpr double kNvlinkAllReduceLatencyUs = 5.0;
// All-reduce over PCIe when the catalog does not give the interconnect bandwidth, GB/s per direction.
inline constexpr double kDefaultInterconnectGBs = 32.0;

// Sharpness of the smooth minimum between device bandwidth and the runtime's kernel ceiling:
// rate = b / (1 + (b / ceiling)^4)^(1/4), close to min(b, ceiling) but smooth for the fit.
// (The exponent 4 is computed with two square roots: pow() dominated the estimator's profile.)

// The fixed cost of a decode step is mostly kernel launches and synchronisation, a few per layer:
// profiles give it for a model of this many layers (Llama 3 8B) and it scales with the layer count.
inline constexpr double kOverheadReferenceLayers = 32.0;

// Clamps that keep extreme inputs finite.
inline constexpr int kMaxUsersReported = 1000000;
inline constexpr int kMaxContextSearched = 100000000;

} // namespace headroom::roofline
