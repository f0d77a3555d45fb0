// Architecture defaults from transformers' configuration classes (src/transformers/models/*/configuration_*.py,
// https://github.com/huggingface/transformers) and the parameter count of a decoder from its shapes.
#include "import/HfConfigArchitectures.h"

#include <array>

namespace headroom::hfconfig {
namespace {

constexpr int kGemmaVocab = 256'000;      // Gemma2Config.vocab_size
constexpr int kGemma3Vocab = 262'208;     // Gemma3TextConfig.vocab_size
constexpr int kGemma2Context = 8'192;     // Gemma2Config.max_position_embeddings
constexpr int kGemma3Context = 131'072;   // Gemma3TextConfig.max_position_embeddings
constexpr int kGemma4Vocab = 262'144;     // Gemma4TextConfig.vocab_size
constexpr int kGemma2SlidingPeriod = 2;   // local and global layers alternate
constexpr int kGemma3SlidingPeriod = 6;   // Gemma3TextConfig.sliding_window_pattern: 5 local : 1 global
constexpr int kLlama4Vocab = 202'048;     // Llama4TextConfig.vocab_size
constexpr int kLlama4Context = 131'072;   // Llama4TextConfig.max_position_embeddings (4096 x 32)

constexpr int kGemmaHeadDim = 256;       // GemmaConfig, Gemma2Config, Gemma3TextConfig.head_dim
constexpr int kSquaredReluMatrices = 2;   // up and down projections (NemotronHConfig.mlp_hidden_act relu2)
constexpr int kOneNormPerBlock = 1;       // a Nemotron-H block is one mixer (Mamba-2, attention, MoE or MLP)

constexpr std::array kArchitectures{
    ArchitectureDefaults{"llama"},
    ArchitectureDefaults{"mistral"},
    ArchitectureDefaults{"mixtral"},
    ArchitectureDefaults{"qwen2"},
    ArchitectureDefaults{"qwen3"},
    ArchitectureDefaults{"qwen2_moe", false, 0, 0, 0, false, SharedExperts::Sized},
    ArchitectureDefaults{"qwen3_moe"},
    ArchitectureDefaults{"qwen3_next", false, 0, 0, 0, true, SharedExperts::Sized},
    ArchitectureDefaults{"qwen3_5_text", false, 0, 0, 0, true, SharedExperts::Sized},
    ArchitectureDefaults{"qwen3_5_moe_text", false, 0, 0, 0, true, SharedExperts::Sized},
    ArchitectureDefaults{.modelType = "gemma", .tiedEmbeddings = true, .vocabSize = kGemmaVocab, .maxContext = kGemma2Context,
                         .headDim = kGemmaHeadDim},
    ArchitectureDefaults{.modelType = "gemma2", .tiedEmbeddings = true, .vocabSize = kGemmaVocab, .maxContext = kGemma2Context,
                         .slidingPeriod = kGemma2SlidingPeriod, .headDim = kGemmaHeadDim},
    ArchitectureDefaults{.modelType = "gemma3_text", .tiedEmbeddings = true, .vocabSize = kGemma3Vocab, .maxContext = kGemma3Context,
                         .slidingPeriod = kGemma3SlidingPeriod, .headDim = kGemmaHeadDim},
    ArchitectureDefaults{.modelType = "gemma4_text", .tiedEmbeddings = true, .vocabSize = kGemma4Vocab, .shared = SharedExperts::DenseMlp,
                         .headDim = kGemmaHeadDim},
    ArchitectureDefaults{"gpt_oss"},
    ArchitectureDefaults{"deepseek_v2"},
    ArchitectureDefaults{"deepseek_v3"},
    ArchitectureDefaults{"deepseek_v32"},
    ArchitectureDefaults{"deepseek_v4"},
    ArchitectureDefaults{"glm_moe_dsa"},
    ArchitectureDefaults{"kimi_k2"},
    ArchitectureDefaults{"glm4_moe"},
    ArchitectureDefaults{"llama4_text", false, kLlama4Vocab, kLlama4Context, 0, false, SharedExperts::OneOfMoe},
    ArchitectureDefaults{"minimax_m2"},
    ArchitectureDefaults{"mistral4"},
    ArchitectureDefaults{.modelType = "nemotron_h", .mlpMatrices = kSquaredReluMatrices, .normsPerLayer = kOneNormPerBlock},
};

double mlp(const Shape &s, double intermediate)
{
    return s.mlpMatrices * s.hidden * intermediate;
}

// DeepSeek V4 (DeepseekV4Attention): the query through its low-rank projection and norm, one head_dim-wide
// key-is-value projection and norm, the grouped low-rank output (o_groups blocks of o_lora_rank) and one
// attention sink per head.
double keyIsValueAttentionParams(const Shape &s)
{
    const double queryWidth = s.heads * s.headDim;
    const double query = s.hidden * s.qLoraRank + s.qLoraRank + s.qLoraRank * queryWidth;
    const double keyValue = s.hidden * s.headDim + s.headDim;
    const double groupedRank = s.outputGroups * s.outputLoraRank;
    const double output = groupedRank * queryWidth / s.outputGroups + s.hidden * groupedRank;
    return query + keyValue + output + s.heads;
}

// A DeepSeek V4 compressor: gated projections of the hidden state to `overlap` x `width` features, a learned
// position bias over its `ratio` tokens and a norm.
double compressorParams(const Shape &s, double width, double ratio, double overlap)
{
    return 2 * s.hidden * overlap * width + ratio * overlap * width + width;
}

// What DeepSeek V4's compressed layers add beside attention: their compressors, and on the sparse ones the
// indexer's query projection, per-head weights and its own compressor.
double compressionParams(const Shape &s)
{
    constexpr double overlapping = 2; // compressed layers' windows overlap: 2 x ratio tokens each
    const double indexer = s.indexerKeyDim > 0
        ? s.qLoraRank * s.indexerHeads * s.indexerKeyDim + s.hidden * s.indexerHeads
            + compressorParams(s, s.indexerKeyDim, s.compressRatio, overlapping)
        : 0;
    return s.compressedLayers * (compressorParams(s, s.headDim, s.compressRatio, overlapping) + indexer)
           + s.heavilyCompressedLayers * compressorParams(s, s.headDim, s.heavyCompressRatio, 1);
}

// Hyper-connections (DeepSeek V4's mHC): per layer, before attention and before the MLP, a mapping from the
// hc-times-wide residual stream to (2 + hc) x hc mixing weights.
double hyperConnectionParams(const Shape &s)
{
    if (s.hyperConnections <= 0)
        return 0;
    constexpr double perLayer = 2;
    return perLayer * (2 + s.hyperConnections) * s.hyperConnections * s.hyperConnections * s.hidden;
}

double attentionParams(const Shape &s)
{
    if (s.outputLoraRank > 0)
        return keyIsValueAttentionParams(s);
    if (s.kvLoraRank > 0) {
        const double qHeadDim = s.qkNopeDim + s.qkRopeDim;
        const double query = s.qLoraRank > 0 ? s.hidden * s.qLoraRank + s.qLoraRank + s.qLoraRank * s.heads * qHeadDim
                                             : s.hidden * s.heads * qHeadDim;
        const double latent = s.hidden * (s.kvLoraRank + s.qkRopeDim) + s.kvLoraRank
                              + s.kvLoraRank * s.heads * (s.qkNopeDim + s.vHeadDim);
        // The sparse-attention indexer: its query from the query latent, one key, the key's LayerNorm and the
        // per-head weights (GlmMoeDsaIndexer, DeepSeek V3.2's Indexer).
        const double indexer = s.indexerKeyDim > 0
            ? s.qLoraRank * s.indexerHeads * s.indexerKeyDim + s.hidden * s.indexerKeyDim + 2 * s.indexerKeyDim
                + s.hidden * s.indexerHeads
            : 0;
        return query + latent + s.heads * s.vHeadDim * s.hidden + indexer;
    }
    const double queryWidth = s.heads * s.headDim * (s.gatedQuery ? 2 : 1);
    const double kvWidth = s.kvHeads * s.headDim;
    double params = s.hidden * queryWidth + 2 * s.hidden * kvWidth + s.heads * s.headDim * s.hidden;
    if (s.attentionBias)
        params += queryWidth + 2 * kvWidth;
    return params;
}

// A full-attention layer with its own KV heads and width; no value projection when the values are the keys.
double globalAttentionParams(const Shape &s)
{
    const double keyWidth = s.globalKvHeads * s.globalHeadDim;
    return s.hidden * s.heads * s.globalHeadDim * 2 + s.hidden * keyWidth * (s.keyIsValue ? 1 : 2);
}

// Gated DeltaNet (Qwen3-Next): q, k, v, z and b, a input projections, a causal convolution over q, k, v,
// per-head decay and step, a gated norm and the output projection.
double linearAttentionParams(const Shape &s)
{
    const double keyWidth = s.linearKeyHeads * s.linearKeyDim;
    const double valueWidth = s.linearValueHeads * s.linearValueDim;
    const double inputs = s.hidden * (2 * keyWidth + 2 * valueWidth) + s.hidden * 2 * s.linearValueHeads;
    const double convolution = (2 * keyWidth + valueWidth) * s.linearConvKernel;
    return inputs + convolution + 2 * s.linearValueHeads + s.linearValueDim + valueWidth * s.hidden;
}

// Mamba-2 (Nemotron-H): one input projection to the gate, x, B, C and per-head step, a causal convolution
// with bias over x, B and C, per-head decay, skip and step bias, a gated norm and the output projection.
double mambaParams(const Shape &s)
{
    const double inner = s.mambaHeads * s.mambaHeadDim;
    const double groupStates = 2 * s.mambaGroups * s.mambaStateSize;
    const double convolved = inner + groupStates;
    const double inputs = s.hidden * (2 * inner + groupStates + s.mambaHeads);
    return inputs + convolved * (s.mambaConvKernel + 1) + 3 * s.mambaHeads + inner + inner * s.hidden;
}

} // namespace

double routedExpertParams(const Shape &s)
{
    return s.mlpMatrices * (s.expertWidth > 0 ? s.expertWidth : s.hidden) * s.expertIntermediate;
}

const ArchitectureDefaults *findArchitecture(const std::string &modelType)
{
    for (const ArchitectureDefaults &architecture : kArchitectures) {
        if (modelType == architecture.modelType)
            return &architecture;
    }
    return nullptr;
}

ParamCount countParams(const Shape &s)
{
    const double embeddings = s.vocab * s.hidden * (s.tiedEmbeddings ? 1 : 2);
    const double fullLayers = s.layers - s.linearLayers - s.mambaLayers - s.mixerFreeLayers;
    const double attention = (fullLayers - s.globalLayers) * attentionParams(s) + s.globalLayers * globalAttentionParams(s)
                             + s.linearLayers * linearAttentionParams(s) + s.mambaLayers * mambaParams(s);
    const double norms = s.normsPerLayer * s.hidden * s.layers + s.hidden;
    const double extras = compressionParams(s) + s.layers * hyperConnectionParams(s);
    const double dense = s.denseLayers * mlp(s, s.denseIntermediate);
    const double expert = routedExpertParams(s);
    const double router = s.hidden * s.experts;
    const double moeAlways = s.moeLayers * (s.sharedExpertParams + router);

    ParamCount count;
    const double common = embeddings + attention + norms + dense + moeAlways + extras;
    count.total = common + s.moeLayers * s.experts * expert;
    count.active = common + s.moeLayers * s.expertsPerToken * expert;
    return count;
}

double linearStateElements(const Shape &s)
{
    const double keyWidth = s.linearKeyHeads * s.linearKeyDim;
    const double valueWidth = s.linearValueHeads * s.linearValueDim;
    const double deltaNet = s.linearValueHeads * s.linearKeyDim * s.linearValueDim
                            + (s.linearConvKernel - 1) * (2 * keyWidth + valueWidth);
    const double inner = s.mambaHeads * s.mambaHeadDim;
    const double mamba = inner * s.mambaStateSize + (s.mambaConvKernel - 1) * (inner + 2 * s.mambaGroups * s.mambaStateSize);
    return (s.linearLayers > 0 ? s.linearLayers * deltaNet : 0) + (s.mambaLayers > 0 ? s.mambaLayers * mamba : 0);
}

double mtpParams(const Shape &s)
{
    if (s.mtpLayers <= 0)
        return 0;
    const double feedForward = s.moeLayers > 0
        ? s.experts * routedExpertParams(s) + s.sharedExpertParams + s.hidden * s.experts
        : mlp(s, s.denseIntermediate);
    constexpr double normsPerMtpLayer = 4; // embedding, hidden, and the layer's two
    const double projection = 2 * s.hidden * s.hidden;
    return s.mtpLayers * (attentionParams(s) + feedForward + projection + normsPerMtpLayer * s.hidden);
}

} // namespace headroom::hfconfig
