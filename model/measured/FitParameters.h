#pragma once

#include "measured/MeasuredData.h"
#include "measured/ProfileSearch.h"
#include "measured/Validation.h"

#include <QList>
#include <QSet>

#include <optional>

namespace headroom::fit {

// A measured row resolved against the catalog once, for the many estimates of a fit.
struct PreparedRow {
    MeasuredRow row;
    EstimateInput input;
    ScoreSection section = ScoreSection::Decode;
    PlatformClass platform = PlatformClass::Other;
    std::optional<Runtime> runtime; // nullopt: an engine Headroom does not model (scored, never fitted)
};
using Rows = QList<const PreparedRow *>;

// What a group of rows can tell apart: its speed and prompt rows, and which effects they exercise.
struct RowTraits {
    Rows speed;
    Rows prefill;
    bool layerSplit = false;
    bool tensorSplit = false;
    bool concurrent = false;
    bool quantized = false;
    QSet<int> longPromptHeadDims; // head sizes of the models of the long prompts (none: no long prompts)
    QSet<PlatformClass> longPromptPlatforms; // and the platforms they ran on
    bool longPrompts() const { return !longPromptHeadDims.isEmpty(); }
    bool moePrompts = false;   // prompts of MoE models: how the grouped expert matmuls fill shows
    bool quantizedPrompts = false;   // prompts of quantized weights ...
    bool unquantizedPrompts = false; // ... and of F16/BF16 ones: what unpacking costs a prompt shows
    bool shortPrompts = false; // prompts read in a few hundred tokens or ms: the fixed cost before the first token shows
    bool endToEnd = false; // some speeds include their requests' prompt processing
    bool moe = false;
    bool continuousBatching = false; // the profile is a serving engine's (vLLM, SGLang, TensorRT-LLM)
};

RowTraits traitsOf(const Rows &rows, Runtime runtime);

// The constants the decode and concurrency rows identify (bandwidth, kernel ceiling and per-token
// overhead always; the others only where the rows exercise them), within physical bounds.
QList<Parameter> decodeParameters(const RowTraits &traits);
// The constants the prompt rows identify: prefill, and attention with long prompts.
QList<Parameter> prefillParameters(const RowTraits &traits);

} // namespace headroom::fit
