#pragma once

#include "core/Hardware.h"
#include "core/LanguageModel.h"

namespace headroom::roofline {

// Architecture numbers the roofline needs, with the documented Llama-like estimate
// (RooflineConstants.h) filling whatever the catalog leaves at 0.
struct ModelShape {
    int layers = 0;
    int hidden = 0;
    int attentionHeads = 0;
    int kvHeads = 0;
    int headDim = 0;
};

ModelShape resolvedShape(const LanguageModel &model);

// Parameters (billions) a token is computed with: the active ones of a MoE, all of a dense model.
double activeParamsB(const LanguageModel &model);

// Parameters (billions) always read per token and the size of one routed expert (billions).
// Dense models: shared = active params, perExpert = 0.
struct ExpertSplit {
    double sharedParamsB = 0;
    double perExpertParamsB = 0;
};

ExpertSplit expertSplit(const LanguageModel &model);

// Share of a layer's routed experts touched by `users` sequences decoding together:
// 1 - (1 - k/E)^users; 1 for dense models.
double expertCoverage(const LanguageModel &model, int users);

// Parameters (billions) whose weights one decode step reads for `users` sequences.
double paramsReadPerStepB(const LanguageModel &model, int users);

// Bytes per element of the linear-attention / Mamba-2 state: llama.cpp, Ollama and MLX keep it in F32, the
// serving runtimes (vLLM, SGLang, TensorRT-LLM) in the model's BF16 unless the model prescribes its own
// (LanguageModel::linearStateBytes, which kvLayout applies). The KV cache type does not apply to it.
inline constexpr double kLinearStateF32Bytes = 4;
double linearStateBytesPerElement(Runtime runtime);

// KV cache of one sequence: bytes(C) = fixedStateBytes + growingBytesPerToken x C + windowedBytesPerToken x min(C, window).
struct KvLayout {
    double growingBytesPerToken = 0;  // full-attention (or MLA) layers
    double windowedBytesPerToken = 0; // sliding-window layers, until the window is full
    double window = 0;                // tokens
    // Where those bytes come from, for the explanation: layers by kind, per-token bytes of one layer.
    int fullLayers = 0;     // full attention, or MLA
    int slidingLayers = 0;
    int fixedStateLayers = 0; // linear attention (Gated DeltaNet, Mamba-2): a state that does not grow
    double fixedStateBytes = 0; // that state, per sequence (0 when the model does not give its size)
    bool mla = false;
    double bytesPerFullLayerPerToken = 0;
    double bytesPerSlidingLayerPerToken = 0;
    // Sparse attention (LanguageModel::sparseTopK): of growingBytesPerToken, the indexer's keys, read for every
    // cached token, and the top-k entries attended.
    double indexerBytesPerToken = 0;
    double sparseTopK = 0; // 0 = dense
    // Of growingBytesPerToken, the bytes a decode step reads only within the last sparseSpanTokens tokens' worth
    // (the top-k latents; under compressed attention top-k entries of compressRatio tokens each).
    double sparseBytesPerToken = 0;
    double sparseSpanTokens = 0;
    // Compressed attention (DeepSeek V4), for the explanation: layers by kind and bytes per token of context.
    int compressedLayers = 0;
    int heavilyCompressedLayers = 0;
    double compressedBytesPerLayerPerToken = 0;      // entry + indexer key, per compressRatio tokens
    double heavilyCompressedBytesPerLayerPerToken = 0; // entry per heavyCompressRatio tokens

    // What the cache holds for `tokens` tokens of one user.
    double bytes(double tokens) const;
    // What one decode step of one user moves at depth `tokens`: all of the growing cache, or under sparse
    // attention every indexer key and the top-k latents; the fixed state is read and written back.
    double readBytes(double tokens) const;
    // Of bytes(tokens) and readBytes(tokens), the share of the first `shared` tokens: what sequences with a
    // common prefix can hold, or read, once between them.
    double prefixBytes(double shared, double tokens) const;
    double prefixReadBytes(double shared, double tokens) const;
    // Largest token count whose bytes stay within `budgetBytes` (closed form), at most `cap`.
    double largestTokensWithin(double budgetBytes, double cap) const;
};

KvLayout kvLayout(const LanguageModel &model, KvCacheType type, double stateBytesPerElement = kLinearStateF32Bytes);

// KV cache bytes one decode step of one user moves at `depth` tokens (KvLayout::readBytes).
double kvReadBytes(const LanguageModel &model, KvCacheType type, int depth, double stateBytesPerElement = kLinearStateF32Bytes);

// The attention of one new token that attends to `depth` earlier tokens.
struct AttentionWork {
    // FLOPs of the scores and the weighted sum: 4 x heads x head_dim per layer and attended token;
    // sliding-window layers attend at most their window, linear-attention layers a fixed state (ignored),
    // MLA layers over the latent width (under sparse attention over the top-k tokens, plus 2 x indexer
    // heads x indexer key width for every cached token).
    double flops = 0;
    // Query-key scores (one per head, layer and attended token, the indexer's included): each also pays the
    // scaling, masking and softmax that no head dimension shares (RuntimeProfile::attentionScoreFlops).
    double scores = 0;
};
AttentionWork attentionWorkPerToken(const LanguageModel &model, double depth);
double attentionFlopsPerToken(const LanguageModel &model, double depth); // attentionWorkPerToken(...).flops

} // namespace headroom::roofline
