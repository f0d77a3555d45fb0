#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace headroom {

// How a layer keeps its attention state.
enum class AttentionKind {
    Full,          // KV cache grows with the whole context
    SlidingWindow, // KV cache capped at the window size
    Mla,           // multi-head latent attention: one compressed latent per token and layer
    Linear,        // linear attention / state-space: fixed-size state, no growing cache
    Compressed     // DeepSeek V4: a sliding window in every layer, plus one compressed entry per few tokens
};

// A published GGUF (or other) file size for one quantization; overrides the size computed from bits per weight.
struct PublishedSize {
    QString quant; // quantization name, e.g. "Q4_K_M"
    double sizeGB = 0;
    QString source;
    bool operator==(const PublishedSize &) const = default;
};

// A large language model's architecture: what the estimator needs to count bytes and FLOPs.
// Dense models leave experts at 0 and activeParamsB equal to paramsB. A mixture of experts is known either
// by its expert counts or only by its total and active parameters ("120B-A12B"): active below total is
// enough, and the expert counts then take the documented defaults below.
struct LanguageModel {
    QString id;
    QString name;
    double paramsB = 0;       // total parameters, billions
    double activeParamsB = 0; // parameters used per token (MoE); == paramsB for dense models
    int layers = 0;
    int hidden = 0;
    int attentionHeads = 0;
    int kvHeads = 0;
    int headDim = 0;
    AttentionKind attention = AttentionKind::Full;
    int slidingWindow = 0;      // tokens, for SlidingWindow layers
    int slidingLayers = 0;      // how many of `layers` use the sliding window (rest are full)
    int linearLayers = 0;       // how many of `layers` use linear attention (fixed state)
    int mlaLatentDim = 0;       // per-token latent width for MLA (kv_lora_rank + rope dim)
    int globalKvHeads = 0;      // KV heads of the full-attention layers when they differ from the sliding ones (Gemma 4); 0 = kvHeads
    int globalHeadDim = 0;      // head dimension of the full-attention layers when it differs (Gemma 4); 0 = headDim
    // Sparse attention over MLA (DeepSeek Sparse Attention: GLM-5, DeepSeek V3.2): a lightning indexer keeps one
    // small key per token and layer, scores every cached token with it, and the attention then reads only the
    // `sparseTopK` best latents. 0 = dense attention.
    int sparseTopK = 0;         // tokens each layer attends to (index_topk)
    int indexerHeads = 0;       // indexer query heads (index_n_heads)
    int indexerKeyDim = 0;      // width of the indexer's cached key per token and layer (index_head_dim)
    // The fixed state one sequence keeps in its linear-attention (Gated DeltaNet) and Mamba-2 layers: the
    // recurrent state and the convolution window, in elements over all those layers. 0 = not known.
    int linearStateElements = 0;
    // Bytes per element of that state when the model prescribes them (Nemotron-H's mamba_ssm_cache_dtype
    // "float32": 4); 0 = the runtime's own choice (roofline::linearStateBytesPerElement).
    int linearStateBytes = 0;
    // Compressed attention (DeepSeek V4): every layer keeps its last `slidingWindow` tokens as one
    // kv_heads x head_dim vector each (keys are the values); `compressedLayers` add one such entry per
    // `compressRatio` tokens, scored by the sparse-attention indexer (sparseTopK entries attended), and
    // `heavilyCompressedLayers` one per `heavyCompressRatio` tokens, all attended. The other layers keep only the window.
    int compressedLayers = 0;
    int compressRatio = 0;
    int heavilyCompressedLayers = 0;
    int heavyCompressRatio = 0;
    // Multi-token-prediction layers (DeepSeek, GLM, Qwen3.5): billions of parameters the checkpoint holds beside
    // params_b. They take memory; plain decoding never reads them (only speculative decoding does).
    double mtpParamsB = 0;
    int experts = 0;            // routed experts per MoE layer; 0 = dense
    int expertsPerToken = 0;    // routed experts chosen per token
    int maxContext = 0;
    QList<PublishedSize> publishedSizes;
    QString source;

    // Expert counts of a MoE given only by its parameter counts: 128 routed experts, 8 per token (Qwen3,
    // Qwen3.5/3.6, Qwen3-Next, GLM-4.5; gpt-oss has 128 and 4, DeepSeek V3 256 and 8), fewer per token when
    // the active share is below 8/128, so that the shared weights never come out negative.
    static constexpr int kDefaultExperts = 128;
    static constexpr int kDefaultExpertsPerToken = 8;

    bool isMoe() const
    {
        return (experts > 0 && expertsPerToken > 0) || (activeParamsB > 0 && activeParamsB < paramsB);
    }
    bool expertCountsGiven() const { return experts > 0 && expertsPerToken > 0; }
    int routedExperts() const;         // experts, or the default for a MoE known by its parameter counts
    int routedExpertsPerToken() const; // expertsPerToken, or the default (see above)
    std::optional<double> publishedSizeGB(const QString &quant) const;
    bool operator==(const LanguageModel &) const = default;
};

// KV cache element precision.
enum class KvCacheType { F16, Q8_0, Q4_0, Fp8 };

// Weight quantization: a name and its average bits per weight.
struct Quantization {
    QString name;
    double bitsPerWeight = 16;
    // Weights of at least 16 bits are read as plain floats (no unpacking).
    bool isQuantized() const { return bitsPerWeight < 16.0; }
    bool operator==(const Quantization &) const = default;
};

double bytesPerElement(KvCacheType type);
QString toString(AttentionKind kind);
QString toString(KvCacheType type);
std::optional<AttentionKind> attentionKindFromString(const QString &text);
std::optional<KvCacheType> kvCacheTypeFromString(const QString &text);

} // namespace headroom
