#pragma once

#include "engine/Calibration.h"
#include "core/Estimate.h"

#include <QString>

namespace headroom {

// Pure functions: no I/O, no allocation on the hot path. `explain` builds the text lazily.

// The article's rule: t/s = bandwidth / model size x efficiency, reproducing its table.
Estimate seedEstimate(const EstimateInput &input);

// Physically grounded: bytes and FLOPs per token against bandwidth and compute, KV cache,
// MoE coverage, multi-GPU split, concurrency, prefill; calibrated per runtime and platform.
Estimate rooflineEstimate(const EstimateInput &input, const Calibration &calibration = Calibration::builtIn());

// Dispatches on input.method.
Estimate estimate(const EstimateInput &input, const Calibration &calibration = Calibration::builtIn());

// Weight bytes of the whole model in GB for a quantization (published size if the model has one), without its
// multi-token-prediction layers.
double weightSizeGB(const LanguageModel &model, const Quantization &quant);

// Weight bytes in GB of the multi-token-prediction layers the checkpoint holds beside the model: 0 for a model
// without them, and 0 when a published file size already counts whatever the file holds.
double mtpWeightSizeGB(const LanguageModel &model, const Quantization &quant);

// KV cache of one sequence holding `contextTokens` tokens, in bytes (GQA, sliding window, MLA, linear aware):
// 2 x layers x kv_heads x head_dim x tokens x bytes per element for full attention; sliding-window
// layers stop growing at their window; linear-attention layers add their fixed state (linear_state_elements x
// `stateBytesPerElement`, 4 for F32). For a model without linear layers contextTokens = 1 gives the bytes per
// token (327,680 for Llama 3 70B at F16).
double kvCacheBytes(const LanguageModel &model, KvCacheType type, int contextTokens, double stateBytesPerElement = 4);

// Human-readable explanation of every number of `estimate`: formula, inputs and units.
QString explain(const EstimateInput &input, const Estimate &estimate);

} // namespace headroom
