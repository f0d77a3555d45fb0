#pragma once

#include "core/Estimate.h"

namespace headroom::roofline {

// Where the model's bytes go on a configuration and what that allows.
struct MemoryPlan {
    MemoryBreakdown memory;
    Fit fit = Fit::DoesNotFit;
    double offloadedGB = 0; // weights left in host RAM when fit == Offload
    int maxUsers = 0;
    int maxContext = 0;
};

// Per-device memory of the configuration in GB as the vendor quotes it (0 = the largest option).
double configuredMemoryGB(const EstimateInput &input);

// Memory the model may use, in GB: discrete cards pool their VRAM (minus a reserve each);
// Apple chips give the GPU `appleUsableFraction` of unified memory; a cluster's machines pool theirs.
double usableMemoryGB(const EstimateInput &input);

// KV cache of the context's shared prefix (Workload::sharedContextTokens) that a prefix-caching engine holds
// once for all users, in GB; 0 where each user keeps a copy.
double sharedPrefixKvGB(const EstimateInput &input);

MemoryPlan planMemory(const EstimateInput &input);

} // namespace headroom::roofline
