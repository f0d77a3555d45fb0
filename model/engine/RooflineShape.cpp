// Model architecture arithmetic shared by the estimators: shapes, expert split, weight and KV sizes.
#include "engine/Estimator.h"
#include "engine/RooflineConstants.h"
#include "engine/RooflineShape.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace roofline {
namespace {

struct AttendingLayers {
    int full = 0;    // attend to the whole context
    int sliding = 0; // attend to the last slidingWindow tokens
};

// Layers whose attention grows with the context; linear-attention layers keep a fixed state.
AttendingLayers attendingLayers(const LanguageModel &model, const ModelShape &shape)
{
    int linear = std::clamp(model.linearLayers, 0, shape.layers);
    if (model.attention == AttentionKind::Linear && linear == 0)
        linear = shape.layers;
    int sliding = model.slidingWindow > 0 ? std::clamp(model.slidingLayers, 0, shape.layers - linear) : 0;
    if (model.attention == AttentionKind::SlidingWindow && sliding == 0 && model.slidingWindow > 0)
        sliding = shape.layers - linear;
    return {shape.layers - linear - sliding, sliding};
}

int globalKvHeads(const LanguageModel &model, const ModelShape &shape)
{
    return model.globalKvHeads > 0 ? model.globalKvHeads : shape.kvHeads;
}

int globalHeadDim(const LanguageModel &model, const ModelShape &shape)
{
    return model.globalHeadDim > 0 ? model.globalHeadDim : shape.headDim;
}

// How many layers of each kind compressed attention has, within the model's layers, and whether an indexer
// picks the compressed entries read.
struct CompressedLayers {
    int compressed = 0;
    int heavy = 0;
    bool sparse = false;
};

CompressedLayers compressedLayersOf(const LanguageModel &model, const ModelShape &shape)
{
    CompressedLayers layers;
    layers.compressed = model.compressRatio > 0 ? std::clamp(model.compressedLayers, 0, shape.layers) : 0;
    layers.heavy = model.heavyCompressRatio > 0 ? std::clamp(model.heavilyCompressedLayers, 0, shape.layers - layers.compressed) : 0;
    layers.sparse = layers.compressed > 0 && model.sparseTopK > 0 && model.indexerKeyDim > 0;
    return layers;
}

// DeepSeek V4: one kv_heads x head_dim vector per entry (the keys are the values); every layer keeps the window,
// compressed layers an entry and an indexer key per compressRatio tokens, heavily compressed layers an entry
// per heavyCompressRatio tokens.
KvLayout compressedLayout(const LanguageModel &model, const ModelShape &shape, double bytes)
{
    KvLayout layout;
    const double entry = double(shape.kvHeads) * shape.headDim * bytes;
    const auto [compressed, heavy, sparse] = compressedLayersOf(model, shape);
    const double indexerKey = sparse ? model.indexerKeyDim * bytes : 0;
    layout.compressedLayers = compressed;
    layout.heavilyCompressedLayers = heavy;
    layout.slidingLayers = shape.layers - compressed - heavy;
    layout.compressedBytesPerLayerPerToken = compressed > 0 ? (entry + indexerKey) / model.compressRatio : 0;
    layout.heavilyCompressedBytesPerLayerPerToken = heavy > 0 ? entry / model.heavyCompressRatio : 0;
    layout.growingBytesPerToken = compressed * layout.compressedBytesPerLayerPerToken
                                  + heavy * layout.heavilyCompressedBytesPerLayerPerToken;
    layout.indexerBytesPerToken = compressed > 0 ? compressed * indexerKey / model.compressRatio : 0;
    if (sparse) {
        layout.sparseTopK = model.sparseTopK;
        layout.sparseBytesPerToken = compressed * entry / model.compressRatio;
        layout.sparseSpanTokens = double(model.sparseTopK) * model.compressRatio;
    }
    layout.bytesPerSlidingLayerPerToken = entry;
    layout.windowedBytesPerToken = double(shape.layers) * entry;
    layout.window = model.slidingWindow;
    return layout;
}

// Attention of one new token at `depth` under compressed attention: 4 x heads x head_dim FLOPs per attended entry
// (the window in every layer, the top-k compressed entries, every heavily compressed entry), and the indexer's
// 2 x indexer heads x key width for every compressed entry it scores.
AttentionWork compressedAttentionWork(const LanguageModel &model, const ModelShape &shape, double tokens)
{
    const auto [compressed, heavy, sparse] = compressedLayersOf(model, shape);
    const double heads = double(shape.attentionHeads);
    const double window = std::min(tokens, double(model.slidingWindow));
    const double compressedEntries = compressed > 0 ? tokens / model.compressRatio : 0;
    const double attendedCompressed = sparse ? std::min(compressedEntries, double(model.sparseTopK)) : compressedEntries;
    const double heavyEntries = heavy > 0 ? tokens / model.heavyCompressRatio : 0;
    const double attended = shape.layers * window + compressed * attendedCompressed + heavy * heavyEntries;
    const double indexerScores = sparse ? double(model.indexerHeads) * compressedEntries : 0;
    return {4.0 * heads * shape.headDim * attended + compressed * 2.0 * model.indexerKeyDim * indexerScores,
            heads * attended + compressed * indexerScores};
}

} // namespace

ModelShape resolvedShape(const LanguageModel &model)
{
    ModelShape shape{model.layers, model.hidden, model.attentionHeads, model.kvHeads, model.headDim};
    const double params = std::max(model.paramsB, 0.0) * 1e9;
    if (shape.hidden <= 0) {
        const double hidden = std::cbrt(params / kLlamaLikeParamsPerHiddenCube);
        shape.hidden = std::max(kLlamaLikeHiddenPerLayer, int(std::lround(hidden)));
    }
    if (shape.layers <= 0)
        shape.layers = std::max(1, shape.hidden / kLlamaLikeHiddenPerLayer);
    if (shape.headDim <= 0)
        shape.headDim = shape.attentionHeads > 0 ? std::max(1, shape.hidden / shape.attentionHeads)
                                                 : kLlamaLikeHeadDim;
    if (shape.attentionHeads <= 0)
        shape.attentionHeads = std::max(1, shape.hidden / shape.headDim);
    if (shape.kvHeads <= 0)
        shape.kvHeads = std::min(kLlamaLikeKvHeads, shape.attentionHeads);
    return shape;
}

double activeParamsB(const LanguageModel &model)
{
    const double total = std::max(model.paramsB, 0.0);
    return model.activeParamsB > 0 ? std::min(model.activeParamsB, total) : total;
}

ExpertSplit expertSplit(const LanguageModel &model)
{
    const double total = std::max(model.paramsB, 0.0);
    const double active = activeParamsB(model);
    const int experts = model.routedExperts();
    const int perToken = model.routedExpertsPerToken();
    if (!model.isMoe() || experts <= perToken)
        return {total, 0.0};
    const double perExpert = (total - active) / double(experts - perToken);
    const double shared = std::max(0.0, active - perToken * perExpert);
    return {shared, perExpert};
}

double expertCoverage(const LanguageModel &model, int users)
{
    if (!model.isMoe() || model.routedExperts() <= 0)
        return 1.0;
    const double chosen = std::clamp(double(model.routedExpertsPerToken()) / model.routedExperts(), 0.0, 1.0);
    if (users <= 1)
        return chosen;
    return 1.0 - std::pow(1.0 - chosen, users);
}

double paramsReadPerStepB(const LanguageModel &model, int users)
{
    const ExpertSplit split = expertSplit(model);
    if (split.perExpertParamsB <= 0)
        return split.sharedParamsB;
    const double routed = expertCoverage(model, users) * model.routedExperts() * split.perExpertParamsB;
    return std::min(std::max(model.paramsB, 0.0), split.sharedParamsB + routed);
}

double linearStateBytesPerElement(Runtime runtime)
{
    constexpr double bf16Bytes = 2;
    return isServingRuntime(runtime) ? bf16Bytes : kLinearStateF32Bytes;
}

KvLayout kvLayout(const LanguageModel &model, KvCacheType type, double stateBytesPerElement)
{
    const ModelShape shape = resolvedShape(model);
    const double bytes = bytesPerElement(type);
    KvLayout layout;
    if (model.attention == AttentionKind::Mla && model.mlaLatentDim > 0) {
        const bool sparse = model.sparseTopK > 0 && model.indexerKeyDim > 0;
        const double indexerKey = sparse ? model.indexerKeyDim : 0;
        layout.indexerBytesPerToken = double(shape.layers) * indexerKey * bytes;
        layout.sparseTopK = sparse ? model.sparseTopK : 0;
        layout.growingBytesPerToken = double(shape.layers) * model.mlaLatentDim * bytes + layout.indexerBytesPerToken;
        layout.sparseBytesPerToken = sparse ? double(shape.layers) * model.mlaLatentDim * bytes : 0;
        layout.sparseSpanTokens = layout.sparseTopK;
        layout.fullLayers = shape.layers;
        layout.mla = true;
        layout.bytesPerFullLayerPerToken = (model.mlaLatentDim + indexerKey) * bytes;
        return layout;
    }
    if (model.attention == AttentionKind::Compressed)
        return compressedLayout(model, shape, bytes);
    const auto [full, sliding] = attendingLayers(model, shape);
    layout.fullLayers = full;
    layout.slidingLayers = sliding;
    layout.fixedStateLayers = shape.layers - full - sliding;
    if (layout.fixedStateLayers > 0)
        layout.fixedStateBytes = double(std::max(0, model.linearStateElements))
                                 * (model.linearStateBytes > 0 ? model.linearStateBytes : stateBytesPerElement);

    // K and V per layer and token; full-attention layers may have their own heads and width (Gemma 4).
    const double perLayerPerToken = 2.0 * shape.kvHeads * shape.headDim * bytes;
    const double perFullLayerPerToken = 2.0 * globalKvHeads(model, shape) * globalHeadDim(model, shape) * bytes;
    layout.bytesPerFullLayerPerToken = perFullLayerPerToken;
    layout.bytesPerSlidingLayerPerToken = perLayerPerToken;
    layout.growingBytesPerToken = perFullLayerPerToken * full;
    layout.windowedBytesPerToken = perLayerPerToken * sliding;
    layout.window = sliding > 0 ? model.slidingWindow : 0;
    return layout;
}

AttentionWork attentionWorkPerToken(const LanguageModel &model, double depth)
{
    const ModelShape shape = resolvedShape(model);
    const double tokens = std::max(0.0, depth);
    const double heads = double(shape.attentionHeads);
    if (model.attention == AttentionKind::Compressed)
        return compressedAttentionWork(model, shape, tokens);
    if (model.attention == AttentionKind::Mla && model.mlaLatentDim > 0) {
        if (model.sparseTopK > 0 && model.indexerKeyDim > 0) {
            const double attended = std::min(tokens, double(model.sparseTopK));
            const double indexerScores = double(model.indexerHeads) * tokens;
            return {shape.layers * (4.0 * heads * model.mlaLatentDim * attended + 2.0 * model.indexerKeyDim * indexerScores),
                    shape.layers * (heads * attended + indexerScores)};
        }
        return {4.0 * shape.layers * heads * model.mlaLatentDim * tokens, shape.layers * heads * tokens};
    }
    const auto [full, sliding] = attendingLayers(model, shape);
    const double windowed = std::min(tokens, double(model.slidingWindow));
    return {4.0 * heads * (globalHeadDim(model, shape) * full * tokens + shape.headDim * sliding * windowed),
            heads * (full * tokens + sliding * windowed)};
}

double attentionFlopsPerToken(const LanguageModel &model, double depth)
{
    return attentionWorkPerToken(model, depth).flops;
}

double KvLayout::bytes(double tokens) const
{
    return fixedStateBytes + growingBytesPerToken * tokens + windowedBytesPerToken * std::min(tokens, window);
}

double KvLayout::readBytes(double tokens) const
{
    constexpr double readAndWritten = 2;
    const double state = readAndWritten * fixedStateBytes;
    const double dense = growingBytesPerToken - sparseBytesPerToken;
    return state + dense * tokens + sparseBytesPerToken * std::min(tokens, sparseSpanTokens)
           + windowedBytesPerToken * std::min(tokens, window);
}

namespace {

// How many of the first `shared` tokens the sliding-window layers still hold at depth `tokens`.
double sharedWithinWindow(double shared, double tokens, double window)
{
    return std::max(0.0, std::clamp(shared, 0.0, tokens) - std::max(0.0, tokens - window));
}

} // namespace

double KvLayout::prefixBytes(double shared, double tokens) const
{
    return growingBytesPerToken * std::clamp(shared, 0.0, tokens)
        + windowedBytesPerToken * sharedWithinWindow(shared, tokens, window);
}

// Sparse attention picks its top-k entries per sequence, so only the dense share of the prefix is common.
double KvLayout::prefixReadBytes(double shared, double tokens) const
{
    const double dense = growingBytesPerToken - sparseBytesPerToken;
    return dense * std::clamp(shared, 0.0, tokens) + windowedBytesPerToken * sharedWithinWindow(shared, tokens, window);
}

double kvReadBytes(const LanguageModel &model, KvCacheType type, int depth, double stateBytesPerElement)
{
    return kvLayout(model, type, stateBytesPerElement).readBytes(std::max(0, depth));
}

double KvLayout::largestTokensWithin(double budgetBytes, double cap) const
{
    budgetBytes -= fixedStateBytes;
    if (budgetBytes <= 0 || cap <= 0)
        return 0;
    double tokens = cap;
    const double perTokenInWindow = growingBytesPerToken + windowedBytesPerToken;
    if (perTokenInWindow > 0 && budgetBytes < perTokenInWindow * window)
        tokens = budgetBytes / perTokenInWindow;
    else if (growingBytesPerToken > 0)
        tokens = (budgetBytes - windowedBytesPerToken * window) / growingBytesPerToken;
    tokens = std::clamp(std::floor(tokens), 0.0, cap);
    if (tokens > 0 && bytes(tokens) - fixedStateBytes > budgetBytes) // rounding of the division
        tokens -= 1;
    return tokens;
}

} // namespace roofline

double weightSizeGB(const LanguageModel &model, const Quantization &quant)
{
    if (const auto published = model.publishedSizeGB(quant.name); published && *published > 0)
        return *published;
    return std::max(model.paramsB, 0.0) * std::max(quant.bitsPerWeight, 0.0) / 8.0;
}

double mtpWeightSizeGB(const LanguageModel &model, const Quantization &quant)
{
    if (const auto published = model.publishedSizeGB(quant.name); published && *published > 0)
        return 0;
    return std::max(model.mtpParamsB, 0.0) * std::max(quant.bitsPerWeight, 0.0) / 8.0;
}

double kvCacheBytes(const LanguageModel &model, KvCacheType type, int contextTokens, double stateBytesPerElement)
{
    return roofline::kvLayout(model, type, stateBytesPerElement).bytes(std::max(0, contextTokens));
}

} // namespace headroom
