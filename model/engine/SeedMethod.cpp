// The article's rule: t/s = bandwidth / model size x efficiency, reproducing its table cell for cell.
#include "engine/Estimator.h"
#include "engine/SeedMethod.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace seed {

double memoryPerDeviceGB(const EstimateInput &input)
{
    return input.configuration.memoryGB > 0 ? input.configuration.memoryGB : input.device.largestMemoryGB();
}

int cardsSharingBandwidth(const EstimateInput &input)
{
    const int count = std::max(1, input.configuration.count);
    return weightSizeGB(input.model, input.quant) <= kSingleCardMaxModelGB ? 1 : count;
}

double unroundedTokensPerSecond(const EstimateInput &input)
{
    const double sizeGB = weightSizeGB(input.model, input.quant);
    if (sizeGB <= 0)
        return 0;
    const double bandwidth = std::max(0.0, input.device.bandwidthGBs) * cardsSharingBandwidth(input);
    return bandwidth / sizeGB * std::max(0.0, input.seedEfficiency);
}

} // namespace seed

Estimate seedEstimate(const EstimateInput &input)
{
    Estimate estimate;
    estimate.method = Method::Seed;
    // A cluster's machines pool their memory; the rule's one stream still reads the weights at one machine's pace.
    const int devices = std::max(1, input.configuration.count) * std::max(1, input.configuration.nodes);
    const double sizeGB = weightSizeGB(input.model, input.quant);
    const double memoryGB = devices * std::max(0.0, seed::memoryPerDeviceGB(input));

    estimate.memory.weightsGB = sizeGB;
    estimate.memory.totalGB = sizeGB;
    estimate.memory.usableGB = memoryGB;
    estimate.memory.machines = std::max(1, input.configuration.nodes);
    estimate.memory.usablePerMachineGB = memoryGB / estimate.memory.machines;

    if (sizeGB > memoryGB)
        estimate.fit = Fit::DoesNotFit;
    else if (sizeGB > memoryGB * seed::kTightShareOfMemory)
        estimate.fit = Fit::Tight;
    else
        estimate.fit = Fit::Fits;

    const int cards = seed::cardsSharingBandwidth(input);
    FormulaTerms &terms = estimate.terms;
    terms.bytesPerTokenGB = sizeGB;
    terms.weightBytesPerTokenGB = sizeGB;
    terms.bandwidthEfficiency = input.seedEfficiency;
    terms.effectiveBandwidthGBs = std::max(0.0, input.device.bandwidthGBs) * cards * input.seedEfficiency;
    terms.devicesSharingBytes = cards;
    terms.runtime = resolveRuntime(input.configuration.runtime, input.device);
    terms.split = input.configuration.split;

    if (!estimate.runs()) {
        estimate.bottleneck = Bottleneck::Capacity;
        return estimate;
    }
    // The article prints whole tokens per second, rounding half up.
    const double raw = seed::unroundedTokensPerSecond(input);
    const double rounded = std::isfinite(raw) ? std::floor(raw + 0.5) : 0.0;
    terms.memoryTimeMs = raw > 0 ? 1000.0 / raw : 0.0;
    estimate.bottleneck = Bottleneck::Bandwidth;
    // The rule describes one stream; it has no notion of concurrency, KV cache or prefill.
    estimate.decodeTpsPerUser = rounded;
    estimate.decodeTpsTotal = rounded;
    estimate.outputTpsTotal = rounded;
    // The rule states one number, not a range.
    estimate.decodeTpsLow = estimate.decodeTpsHigh = rounded;
    estimate.decodeTpsTotalLow = estimate.decodeTpsTotalHigh = rounded;
    estimate.outputTpsTotalLow = estimate.outputTpsTotalHigh = rounded;
    estimate.maxUsers = 1;
    estimate.maxContext = input.model.maxContext;
    return estimate;
}

} // namespace headroom
