#pragma once

#include "core/Estimate.h"

namespace headroom::seed {

// The article keeps models of at most this size on one card: a second card adds nothing
// (its ** cells: Llama 3.1 8B at 4.9 GB), while Gemma 3 27B at 16.5 GB doubles on two cards.
inline constexpr double kSingleCardMaxModelGB = 8.0;

// Weights above this share of the configuration's memory leave little room for the KV cache
// and the OS: the article's * cell (Llama 70B, 42.5 of 64 GB on the M4 Pro).
inline constexpr double kTightShareOfMemory = 0.6;

// Per-device memory in GB (0 in the configuration = the device's largest option).
double memoryPerDeviceGB(const EstimateInput &input);

// Cards whose bandwidth adds up for this model under the article's rule.
int cardsSharingBandwidth(const EstimateInput &input);

// bandwidth / size x efficiency before rounding, in tokens per second.
double unroundedTokensPerSecond(const EstimateInput &input);

} // namespace headroom::seed
