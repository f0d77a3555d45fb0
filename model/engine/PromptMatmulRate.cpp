#include "engine/PromptMatmulRate.h"

#include "core/Platform.h"

#include <algorithm>

namespace headroom {
namespace {

// FP16-accumulate (and INT8) tensor math against the published FP32-accumulate figure on GeForce dies.
constexpr double kGeForceFullRateFactor = 2.0;
// FP8 tensor math against FP16 at the same accumulate, on every card that has it.
constexpr double kFp8RateFactor = 2.0;

bool accumulatesAtFullRate(Runtime runtime)
{
    return runtime == Runtime::LlamaCpp || runtime == Runtime::Ollama;
}

} // namespace

bool isFp8(const Quantization &quant)
{
    return quant.name.startsWith(QLatin1String("fp8"), Qt::CaseInsensitive);
}

double matmulTflops(const Device &device, Runtime runtime, const Quantization &quant)
{
    const double published = std::max(0.0, device.fp16Tflops);
    if (isServingRuntime(runtime))
        return device.fp8TensorCores && isFp8(quant) ? published * kFp8RateFactor : published;
    // GeForce-class dies: the consumer cards and DGX Spark's GB10, whose published FP16 figure is derived the
    // same way (a quarter of its FP4 rate at FP32 accumulate).
    const bool geForce = platformOf(device) == Platform::Nvidia
        && (device.segment == Segment::Consumer || device.segment == Segment::Other);
    return geForce && accumulatesAtFullRate(runtime) ? published * kGeForceFullRateFactor : published;
}

double reachedPromptTflops(double peakTflops, double efficiency, double ceilingTflops)
{
    const double rate = std::max(0.0, peakTflops) * std::max(0.0, efficiency);
    if (ceilingTflops <= 0 || rate <= 0)
        return rate;
    return 1.0 / (1.0 / rate + 1.0 / ceilingTflops);
}

double promptMicroBatch(int promptTokens, double microBatchTokens)
{
    return std::clamp(double(std::max(1, promptTokens)), 1.0, std::max(1.0, microBatchTokens));
}

double promptTokensPerExpert(const LanguageModel &model, double microBatch)
{
    return model.routedExperts() > 0 ? microBatch * model.routedExpertsPerToken() / double(model.routedExperts()) : 0.0;
}

double expertPromptRate(const LanguageModel &model, double halfRateTokens, double microBatch)
{
    if (model.routedExperts() <= 0)
        return 1.0;
    const double tokensPerExpert = promptTokensPerExpert(model, microBatch);
    return tokensPerExpert / (tokensPerExpert + std::max(1.0, halfRateTokens));
}

} // namespace headroom
