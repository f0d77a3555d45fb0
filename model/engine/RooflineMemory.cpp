// Memory side of the roofline: weights + KV cache + runtime overhead against usable capacity,
// the fit verdict and the largest user count and context that fit.
#include "engine/Estimator.h"
#include "engine/RooflineConstants.h"
#include "engine/RooflineMemory.h"
#include "engine/RooflineShape.h"

#include <algorithm>
#include <cmath>

namespace headroom::roofline {
namespace {

bool isUnified(const Device &device)
{
    return device.kind == MemoryKind::Unified;
}

int machines(const EstimateInput &input)
{
    return std::max(1, input.configuration.nodes);
}

// Every machine of a cluster runs its own copy of the runtime.
double runtimeOverheadGB(const EstimateInput &input)
{
    if (isUnified(input.device))
        return machines(input) * kMetalRuntimeOverheadGB;
    return machines(input) * std::max(1, input.configuration.count) * kCudaRuntimeOverheadGBPerDevice;
}

double sharedPrefixGB(const KvLayout &layout, const Workload &workload, Runtime runtime)
{
    if (!holdsSharedPrefixOnce(runtime))
        return 0.0;
    return layout.prefixBytes(std::max(0, workload.sharedContextTokens), std::max(0, workload.contextTokens)) / kBytesPerGB;
}

KvLayout layoutFor(const EstimateInput &input, Runtime runtime)
{
    return kvLayout(input.model, input.workload.kvCache, linearStateBytesPerElement(runtime));
}

} // namespace

double sharedPrefixKvGB(const EstimateInput &input)
{
    const Runtime runtime = resolveRuntime(input.configuration.runtime, input.device);
    return sharedPrefixGB(layoutFor(input, runtime), input.workload, runtime);
}

double configuredMemoryGB(const EstimateInput &input)
{
    return input.configuration.memoryGB > 0 ? input.configuration.memoryGB : input.device.largestMemoryGB();
}

double usableMemoryGB(const EstimateInput &input)
{
    const double perDeviceGB = std::max(0.0, configuredMemoryGB(input)) * kMarketingGBToGB;
    if (isUnified(input.device))
        return machines(input) * perDeviceGB * std::clamp(input.appleUsableFraction, 0.0, 1.0);
    const int count = std::max(1, input.configuration.count);
    return machines(input) * count * std::max(0.0, perDeviceGB - kReservedGBPerDiscreteDevice);
}

MemoryPlan planMemory(const EstimateInput &input)
{
    MemoryPlan plan;
    const int users = std::max(1, input.workload.users);
    const int context = std::max(0, input.workload.contextTokens);
    const Runtime runtime = resolveRuntime(input.configuration.runtime, input.device);
    const KvLayout layout = layoutFor(input, runtime);
    const double kvPerUserGB = layout.bytes(context) / kBytesPerGB;
    const double sharedGB = sharedPrefixGB(layout, input.workload, runtime);

    MemoryBreakdown &memory = plan.memory;
    memory.mtpWeightsGB = mtpWeightSizeGB(input.model, input.quant);
    memory.weightsGB = weightSizeGB(input.model, input.quant) + memory.mtpWeightsGB;
    memory.kvCacheGB = users * kvPerUserGB - (users - 1) * sharedGB;
    memory.overheadGB = runtimeOverheadGB(input);
    memory.totalGB = memory.weightsGB + memory.kvCacheGB + memory.overheadGB;
    memory.usableGB = usableMemoryGB(input);
    memory.machines = machines(input);
    memory.usablePerMachineGB = memory.usableGB / memory.machines;

    if (memory.totalGB <= memory.usableGB * kTightShareOfUsable)
        plan.fit = Fit::Fits;
    else if (memory.totalGB <= memory.usableGB)
        plan.fit = Fit::Tight;
    else if (!isUnified(input.device) && memory.totalGB <= memory.usableGB + kHostMemoryGB)
        plan.fit = Fit::Offload;
    else
        plan.fit = Fit::DoesNotFit;
    if (plan.fit == Fit::Offload)
        plan.offloadedGB = std::min(memory.weightsGB, memory.totalGB - memory.usableGB);

    const double budgetGB = memory.usableGB - memory.weightsGB - memory.overheadGB;
    if (budgetGB > 0) {
        // The first user holds the shared prefix; each further one only its own tokens.
        const double ownGB = kvPerUserGB - sharedGB;
        const double fittingUsers = budgetGB < kvPerUserGB ? 0.0
            : ownGB > 0                                  ? 1.0 + std::floor((budgetGB - kvPerUserGB) / ownGB)
                                                         : double(kMaxUsersReported);
        plan.maxUsers = int(std::min(fittingUsers, double(kMaxUsersReported)));
        const int cap = input.model.maxContext > 0 ? std::min(input.model.maxContext, kMaxContextSearched)
                                                   : kMaxContextSearched;
        plan.maxContext = int(layout.largestTokensWithin(budgetGB / users * kBytesPerGB, cap));
    }
    return plan;
}

} // namespace headroom::roofline
