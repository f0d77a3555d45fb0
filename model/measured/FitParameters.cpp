// Which constants of a runtime profile a group of measured rows can identify, and their bounds.
#include "measured/FitParameters.h"

#include "engine/RooflineShape.h"

namespace headroom::fit {
namespace {

// Prompts at least this long (with what they follow in the cache) make the attention rate identifiable.
constexpr int kLongPromptTokens = 4096;
// Prompts this short, or read this fast, spend a noticeable share of their time on the fixed cost before the
// first token: an 8K-token prompt on a B200 is read in about 0.1 s, of which tens of ms are request handling.
constexpr int kShortPromptTokens = 320;
constexpr double kShortPromptSeconds = 0.25;
// Physical bounds: no kernel streams memory at its full spec rate or keeps every tensor core busy.
constexpr double kMaxBandwidthEfficiency = 0.95;
constexpr double kMaxFlopsEfficiency = 0.85;
constexpr double kMaxPerSequenceOverheadMs = 0.1;
// A score's softmax work, in FLOPs at the attention rate: beyond this it would outweigh a 512-dimension head.
constexpr double kMaxAttentionScoreFlops = 2048;

} // namespace

RowTraits traitsOf(const Rows &rows, Runtime runtime)
{
    RowTraits traits;
    traits.continuousBatching = isServingRuntime(runtime);
    for (const PreparedRow *row : rows) {
        if (row->section == ScoreSection::Prefill) {
            traits.prefill << row;
            const Workload &workload = row->input.workload;
            if (workload.promptTokens + workload.cachedTokens >= kLongPromptTokens) {
                traits.longPromptHeadDims.insert(roofline::resolvedShape(row->input.model).headDim);
                traits.longPromptPlatforms.insert(row->platform);
            }
            traits.moePrompts = traits.moePrompts || row->input.model.isMoe();
            const bool quantized = row->input.quant.isQuantized();
            traits.quantizedPrompts = traits.quantizedPrompts || quantized;
            traits.unquantizedPrompts = traits.unquantizedPrompts || !quantized;
            const bool quick = workload.promptTokens <= kShortPromptTokens
                || workload.promptTokens < kShortPromptSeconds * row->row.tokensPerSecond;
            traits.shortPrompts = traits.shortPrompts || (row->row.contextStated && quick);
            continue;
        }
        traits.speed << row;
        const bool multi = row->row.deviceCount > 1;
        traits.layerSplit = traits.layerSplit || (multi && row->input.configuration.split == Split::Layer);
        traits.tensorSplit = traits.tensorSplit || (multi && row->input.configuration.split == Split::Tensor);
        traits.concurrent = traits.concurrent || row->section == ScoreSection::Concurrency;
        traits.quantized = traits.quantized || row->input.quant.isQuantized();
        traits.endToEnd = traits.endToEnd || row->row.endToEnd;
        traits.moe = traits.moe || row->input.model.isMoe();
    }
    return traits;
}

QList<Parameter> decodeParameters(const RowTraits &traits)
{
    QList<Parameter> parameters{
        {&RuntimeProfile::bandwidthEfficiency, 0.2, kMaxBandwidthEfficiency, 0.1},
        {&RuntimeProfile::kernelCeilingGBs, 100.0, 20000.0, 2000.0},
        {&RuntimeProfile::perTokenOverheadMs, 0.0, 20.0, 1.0},
    };
    if (traits.quantized || traits.concurrent)
        parameters << Parameter{&RuntimeProfile::computeEfficiency, 0.01, kMaxFlopsEfficiency, 0.1};
    if (traits.quantized)
        parameters << Parameter{&RuntimeProfile::dequantOpsPerWeight, 0.0, 40.0, 4.0};
    if (traits.layerSplit)
        parameters << Parameter{&RuntimeProfile::layerSplitOverheadMs, 0.0, 10.0, 0.5};
    if (traits.tensorSplit)
        parameters << Parameter{&RuntimeProfile::tensorSyncUs, 0.0, 200.0, 20.0};
    if (traits.endToEnd) {
        parameters << Parameter{&RuntimeProfile::prefillEfficiency, 0.01, kMaxFlopsEfficiency, 0.1};
        parameters << Parameter{&RuntimeProfile::prefillCeilingTflops, 10.0, 5000.0, 200.0};
    }
    if (traits.moe)
        parameters << Parameter{&RuntimeProfile::moeLayerOverheadUs, 0.0, 1000.0, 50.0};
    if (traits.concurrent) {
        // Continuous batching reads each weight once per step for every running sequence, by construction
        // (one batched matmul); only llama.cpp-style batching is fitted for re-reads.
        if (!traits.continuousBatching)
            parameters << Parameter{&RuntimeProfile::batchEfficiency, 0.0, 1.0, 0.1};
        // Scheduling, sampling and detokenising one sequence costs tens of microseconds of CPU per step.
        parameters << Parameter{&RuntimeProfile::perSequenceOverheadMs, 0.0, kMaxPerSequenceOverheadMs, 0.01};
    }
    return parameters;
}

QList<Parameter> prefillParameters(const RowTraits &traits)
{
    QList<Parameter> parameters{{&RuntimeProfile::prefillEfficiency, 0.01, kMaxFlopsEfficiency, 0.1},
                                {&RuntimeProfile::prefillCeilingTflops, 10.0, 5000.0, 200.0}};
    if (traits.longPrompts())
        parameters << Parameter{&RuntimeProfile::attentionEfficiency, 0.005, kMaxFlopsEfficiency, 0.1};
    // A score's softmax against its head's multiply-adds shows only where the head sizes differ, and is one
    // platform's kernels': a pool of several platforms' prompts keeps none.
    if (traits.longPromptHeadDims.size() > 1 && traits.longPromptPlatforms.size() == 1)
        parameters << Parameter{&RuntimeProfile::attentionScoreFlops, 0.0, kMaxAttentionScoreFlops, 128.0};
    if (traits.shortPrompts)
        parameters << Parameter{&RuntimeProfile::promptOverheadMs, 0.0, 1000.0, 50.0};
    if (traits.moePrompts)
        parameters << Parameter{&RuntimeProfile::expertTokensAtHalfRate, 4.0, 512.0, 16.0};
    if (traits.quantizedPrompts && traits.unquantizedPrompts && !traits.continuousBatching)
        parameters << Parameter{&RuntimeProfile::quantizedPromptRate, 0.4, 2.0, 0.1};
    return parameters;
}

} // namespace headroom::fit
