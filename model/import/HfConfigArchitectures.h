#pragma once

// Private to the config.json importer: per-architecture defaults and the parameter count from shapes.

#include <cstdint>
#include <string>

namespace headroom::hfconfig {

// How an architecture's shared (always active) experts are sized.
enum class SharedExperts {
    Count,     // n_shared_experts x moe_intermediate_size (DeepSeek V3, Kimi K2, GLM-4.x MoE)
    Sized,     // one expert of shared_expert_intermediate_size and a 1-wide gate (Qwen2-MoE, Qwen3-Next)
    OneOfMoe,  // one expert of intermediate_size (Llama 4)
    DenseMlp,  // a dense MLP of intermediate_size beside the experts (Gemma 4)
};

// What transformers assumes when a published config.json leaves a field out (the *Config class
// defaults), and the facts of the architecture that the file never states.
struct ArchitectureDefaults {
    const char *modelType = "";
    bool tiedEmbeddings = false;    // PretrainedConfig.tie_word_embeddings default of the class
    int vocabSize = 0;              // 0: the file must give it
    int maxContext = 0;             // 0: the file must give it
    int slidingPeriod = 0;          // 1 full-attention layer in this many when a window is set (Gemma)
    bool gatedQuery = false;        // q_proj also produces an output gate (Qwen3-Next)
    SharedExperts shared = SharedExperts::Count;
    int headDim = 0;                // 0: hidden_size / num_attention_heads when the file has no head_dim
    int mlpMatrices = 3;            // gate, up, down; 2 for a non-gated (squared ReLU) MLP
    int normsPerLayer = 2;          // before attention and before the MLP; 1 for one-mixer blocks (Nemotron-H)
};

// nullptr for an architecture without a table entry (imported as a generic decoder if the fields are there).
const ArchitectureDefaults *findArchitecture(const std::string &modelType);

// The shapes that decide the parameter count; layer counts split by kind.
struct Shape {
    double layers = 0, hidden = 0, heads = 0, kvHeads = 0, headDim = 0, vocab = 0;
    bool tiedEmbeddings = false;
    bool gatedQuery = false;
    bool attentionBias = false;
    // Full-attention layers with their own KV heads and width (Gemma 4; 0 = as the other layers), and whether
    // their values are their keys (attention_k_eq_v: no value projection).
    double globalLayers = 0, globalKvHeads = 0, globalHeadDim = 0;
    bool keyIsValue = false;
    // Multi-head latent attention (0 = standard attention).
    double qLoraRank = 0, kvLoraRank = 0, qkNopeDim = 0, qkRopeDim = 0, vHeadDim = 0;
    double indexerHeads = 0, indexerKeyDim = 0; // DeepSeek Sparse Attention's lightning indexer (0 = none)
    // DeepSeek V4: one key-is-value vector per token, a grouped low-rank output projection, compressor layers
    // (compressed: overlapping windows of 2 x ratio tokens, with the indexer; heavily compressed: 1 x ratio) and
    // hyper-connections that widen the residual stream hcMult times.
    double outputGroups = 0, outputLoraRank = 0;
    double compressedLayers = 0, heavilyCompressedLayers = 0, compressRatio = 0, heavyCompressRatio = 0;
    double hyperConnections = 0;
    // Linear-attention layers (Gated DeltaNet): count and projection shapes.
    double linearLayers = 0, linearKeyHeads = 0, linearKeyDim = 0, linearValueHeads = 0, linearValueDim = 0,
           linearConvKernel = 0;
    // Mamba-2 layers (Nemotron-H): count, heads x head dim, state size, groups, convolution kernel.
    double mambaLayers = 0, mambaHeads = 0, mambaHeadDim = 0, mambaStateSize = 0, mambaGroups = 0, mambaConvKernel = 0;
    // Blocks with neither attention nor a state-space mixer (a Nemotron-H MoE or MLP block).
    double mixerFreeLayers = 0;
    double mlpMatrices = 3;   // per dense MLP or expert
    double normsPerLayer = 2;
    // Feed-forward: dense layers and MoE layers.
    double denseLayers = 0, denseIntermediate = 0;
    double moeLayers = 0, experts = 0, expertsPerToken = 0, expertIntermediate = 0;
    double expertWidth = 0; // routed experts' input and output width: the hidden size, or a latent (Nemotron 3 Super)
    double sharedExpertParams = 0; // per MoE layer, always active
    double mtpLayers = 0;          // multi-token-prediction layers beside the decoder (num_nextn_predict_layers)
};

// One routed expert: its MLP over expertWidth (the hidden size unless a latent is given).
double routedExpertParams(const Shape &shape);

struct ParamCount {
    double total = 0;
    double active = 0;
};

// Embeddings, output head unless tied, attention (standard, MLA, linear or Mamba-2), norms, dense MLPs
// (gated: 3 x hidden x intermediate, squared ReLU: 2 x), routed and shared experts, routers. Active drops the routed
// experts a token does not use.
ParamCount countParams(const Shape &shape);

// Elements of the fixed state one sequence keeps: per Gated DeltaNet layer the value heads' key x value
// matrices, per Mamba-2 layer heads x head dim x state size, and in both the causal convolution's last
// kernel - 1 inputs (the layout of llama.cpp's and vLLM's state caches).
double linearStateElements(const Shape &shape);

// Parameters of the multi-token-prediction layers (DeepSeek V3's MTP module, Qwen3.5's mtp layers): per layer
// a full-attention decoder layer with its MoE (or dense MLP), the projection of [embedding; hidden] to hidden
// and four norms; they share the model's embeddings and output head.
double mtpParams(const Shape &shape);

} // namespace headroom::hfconfig
