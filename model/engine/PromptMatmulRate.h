#pragma once

#include "core/Hardware.h"
#include "core/LanguageModel.h"

namespace headroom {

// The dense matmul rate (TFLOPS) one card offers a runtime's kernels for weights in `quant`.
//
// NVIDIA publishes a GeForce card's FP16 tensor rate at FP32 accumulate, which consumer dies run at half
// speed; workstation and datacenter dies run it at full speed. llama.cpp's prompt kernels accumulate
// quantized weights in INT8 and F16 weights in FP16, both at the full rate, so on a GeForce-class die
// (the consumer cards, DGX Spark's GB10) they
// draw on twice the published figure. Other runtimes accumulate in FP32 and get the published figure.
// vLLM, SGLang and TensorRT-LLM multiply FP8 weights on FP8 tensor cores, at twice the FP16 rate where
// the card has them; llama.cpp converts them and multiplies in FP16 or INT8.
double matmulTflops(const Device &device, Runtime runtime, const Quantization &quant);

// Whether `quant` stores weights as FP8 (E4M3/E5M2), the format FP8 tensor cores multiply natively.
bool isFp8(const Quantization &quant);

// The rate a prompt's matmuls reach on one card: the share `efficiency` of `peakTflops`, joined
// harmonically with the highest rate the runtime's kernels reach at their micro-batch on any card
// (`ceilingTflops`, 0 = none): a large GPU's many SMs are harder to fill with one micro-batch's tiles.
double reachedPromptTflops(double peakTflops, double efficiency, double ceilingTflops);

// The tokens of a prompt one forward pass takes: the whole prompt, at most the runtime's micro-batch.
double promptMicroBatch(int promptTokens, double microBatchTokens);

// A MoE's routed experts in a prompt micro-batch: each sees micro-batch x k / E tokens (0 for a dense model) and
// reaches m / (m + halfRateTokens) of the dense matmul rate (1 for a dense model).
double promptTokensPerExpert(const LanguageModel &model, double microBatch);
double expertPromptRate(const LanguageModel &model, double halfRateTokens, double microBatch);

} // namespace headroom
