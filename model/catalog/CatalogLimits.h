#pragma once

// Private to the catalog loader: the plausibility limits every catalog value is checked against, and the
// defaults a partial (user) catalog's entries take. A value outside a limit is a typo or a unit mistake
// (MB for GB, MHz for GHz), never real hardware: the limits sit one to two orders of magnitude above the
// largest product on sale in 2026.

#include "catalog/CatalogFieldReader.h"

namespace headroom::catalog {

// The file format this build reads and writes: {"format": "headroom-catalog", "version": 1, ...}.
inline constexpr const char *kFormatName = "headroom-catalog";
inline constexpr int kFormatVersion = 1;

// Nesting deeper than this is refused before parsing (a catalog needs 5 levels), so hostile input
// cannot exhaust the stack. The file size limit is limits::kMaxCatalogBytes (FileLimits.h).
inline constexpr int kMaxNestingDepth = 64;

// Devices. The lower limits are as far below the smallest device anyone runs a model on (a 4 GB card with
// 100 GB/s and a few TFLOPS) as the upper ones are above the largest: a value under them is a unit mistake
// (TB/s for GB/s) and would give "fits" at 0 t/s.
inline constexpr NumberLimits kMemoryGBLimits{0.5, false, 10'000};         // HBM giants: 288 GB per card
inline constexpr NumberLimits kBandwidthGBsLimits{1, false, 100'000};      // B200: 8,000 GB/s
inline constexpr NumberLimits kTflopsLimits{0.01, false, 100'000};         // B200: 2,250 dense FP16
inline constexpr NumberLimits kInterconnectGBsLimits{0, false, 100'000};   // NVLink 5: 900 GB/s per direction
inline constexpr double kMinLinkGBs = 0.1; // a link other than "none": 1 GbE is 0.125 GB/s
inline constexpr NumberLimits kPowerWLimits{0, false, 100'000};            // 0 = unknown; 8-GPU servers ~14 kW
inline constexpr NumberLimits kPriceUsdLimits{1, false, 100'000'000};
inline constexpr int kMaxDevicesPerChassis = 64;

// Cluster links: 1 GbE (0.125 GB/s) up to NVLink Switch (900 GB/s); latency from RDMA's microseconds to a
// slow network's tens of milliseconds.
inline constexpr NumberLimits kClusterLinkGBsLimits{0, true, 10'000};
inline constexpr NumberLimits kLinkLatencyUsLimits{0, true, 100'000};

// Models.
// At least ten thousand parameters (the smallest language models are ~10 M; test models a few tens of
// thousands); largest open models: ~1,000 B.
inline constexpr NumberLimits kParamsBLimits{0.00001, false, 100'000};
inline constexpr int kMaxLayers = 1'000;
inline constexpr int kMaxHidden = 1'000'000;
inline constexpr int kMaxHeads = 10'000;
inline constexpr int kMaxHeadDim = 10'000;
inline constexpr int kMaxExperts = 100'000;
inline constexpr int kMaxContextTokens = 100'000'000;
inline constexpr int kMaxLatentDim = 1'000'000;
// Qwen3.5 397B keeps ~49 M elements of linear-attention state per sequence; twenty times that is absurd.
inline constexpr int kMaxLinearStateElements = 1'000'000'000;
// Bytes per state element: FP8 (1) to FP64 (8).
inline constexpr int kMaxStateBytesPerElement = 8;
// Multi-token-prediction layers: one or a few decoder layers (DeepSeek V3: ~12 B).
inline constexpr NumberLimits kMtpParamsBLimits{0, true, 10'000};
inline constexpr NumberLimits kFileSizeGBLimits{0, true, 1'000'000};

// Quantizations: more than 1 bit per weight (ternary models are 1.58) and at most FP32.
inline constexpr NumberLimits kBitsPerWeightLimits{1, true, 32};

// Defaults of a partial catalog (SPEC §4).
inline constexpr int kDefaultMaxCount = 1;
inline constexpr double kPcie4x16GBs = 32; // PCIe 4.0 x16, per direction: the default link of a discrete card
// 128K tokens: the context window most 2024-2026 open models (Llama 3.1+, Qwen3, gpt-oss) publish.
inline constexpr int kDefaultMaxContext = 131'072;

} // namespace headroom::catalog
