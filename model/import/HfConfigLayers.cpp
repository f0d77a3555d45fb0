// Layer kinds and experts of a config.json: attention per layer, linear-attention and Mamba-2 blocks, MoE layers.
#include "import/HfConfigLayers.h"

#include <QList>
#include <QString>

#include <algorithm>

namespace headroom::hfconfig {
namespace {

// Llama 4: 3 chunked-attention layers for each global (NoPE) layer (Llama4TextConfig.no_rope_layer_interval).
constexpr int kLlama4GlobalPeriod = 4;

// DeepSeek V4's compress_ratios: per layer 0 (the sliding window only) or the tokens per compressed entry.
void readCompressedAttention(ConfigFields &fields, Shape &shape, LanguageModel &model)
{
    QString path;
    const Json *ratios = fields.array("compress_ratios", &path);
    if (!ratios)
        return;
    // One ratio per layer (0: the window only); a trailing entry for the multi-token-prediction layer is not a layer.
    QList<int> perLayer;
    for (const Json &ratio : *ratios) {
        if (!ratio.is_number_integer() || ratio.get<std::int64_t>() < 0 || ratio.get<std::int64_t>() > kMaxShapeValue) {
            fields.reportInvalid(path, QStringLiteral("must list integer compression ratios (0 for none)"));
            return;
        }
        perLayer.append(int(ratio.get<std::int64_t>()));
    }
    if (perLayer.size() < model.layers) {
        fields.reportInvalid(path, QStringLiteral("must give a ratio for each of num_hidden_layers (%1) layers, got %2")
                                       .arg(model.layers).arg(perLayer.size()));
        return;
    }
    perLayer.resize(model.layers);
    QList<int> distinct;
    for (int ratio : std::as_const(perLayer)) {
        if (ratio > 0 && !distinct.contains(ratio))
            distinct.append(ratio);
    }
    std::sort(distinct.begin(), distinct.end());
    if (distinct.size() > 2) {
        fields.reportInvalid(path, QStringLiteral("has %1 different ratios; compressed attention has at most two").arg(distinct.size()));
        return;
    }
    model.attention = AttentionKind::Compressed;
    model.slidingLayers = 0;
    if (!distinct.isEmpty()) {
        model.compressRatio = distinct.constFirst();
        model.compressedLayers = int(perLayer.count(model.compressRatio));
        fields.record("compressed_layers", QStringLiteral("config.json %1: the smaller ratio").arg(path));
    }
    if (distinct.size() == 2) {
        model.heavyCompressRatio = distinct.constLast();
        model.heavilyCompressedLayers = int(perLayer.count(model.heavyCompressRatio));
        fields.record("heavily_compressed_layers", QStringLiteral("config.json %1: the larger ratio").arg(path));
    }
    if (model.slidingWindow == 0)
        fields.reportMissing("sliding_window");
    model.sparseTopK = int(fields.integer({"index_topk"}, "sparse_top_k").value_or(0));
    if (model.sparseTopK > 0) {
        model.indexerHeads = int(fields.integer({"index_n_heads"}, "indexer_heads", true).value_or(0));
        model.indexerKeyDim = int(fields.integer({"index_head_dim"}, "indexer_key_dim", true).value_or(0));
    }
    shape.qLoraRank = double(fields.integer({"q_lora_rank"}, nullptr, true).value_or(0));
    shape.outputGroups = double(fields.integer({"o_groups"}, nullptr, true).value_or(0));
    shape.outputLoraRank = double(fields.integer({"o_lora_rank"}, nullptr, true).value_or(0));
    shape.hyperConnections = double(fields.integer({"hc_mult"}, nullptr).value_or(0));
    shape.compressedLayers = model.compressedLayers;
    shape.heavilyCompressedLayers = model.heavilyCompressedLayers;
    shape.compressRatio = model.compressRatio;
    shape.heavyCompressRatio = model.heavyCompressRatio;
    shape.indexerHeads = model.indexerHeads;
    shape.indexerKeyDim = model.indexerKeyDim;
}

} // namespace

void readAttention(ConfigFields &fields, const Architecture &architecture, Shape &shape, LanguageModel &model)
{
    const int layers = model.layers;
    QString typesPath;
    const Json *layerTypes = fields.array("layer_types", &typesPath);
    if (layerTypes && int(layerTypes->size()) != layers)
        layerTypes = nullptr;
    if (layerTypes) {
        model.linearLayers = countEntries(*layerTypes, "linear_attention");
        model.slidingLayers = countEntries(*layerTypes, "sliding_attention") + countEntries(*layerTypes, "chunked_attention");
    } else if (const auto interval = fields.integer({"full_attention_interval"}, nullptr)) {
        model.linearLayers = layers - layers / int(*interval);
        fields.record("linear_layers", QStringLiteral("config.json full_attention_interval"));
    }
    if (layerTypes && model.linearLayers > 0)
        fields.record("linear_layers", QStringLiteral("config.json ") + typesPath);
    if (model.linearLayers > 0) {
        model.attention = AttentionKind::Linear;
        shape.linearLayers = model.linearLayers;
        shape.linearKeyHeads = double(fields.integer({"linear_num_key_heads"}, nullptr, true).value_or(0));
        shape.linearKeyDim = double(fields.integer({"linear_key_head_dim"}, nullptr, true).value_or(0));
        shape.linearValueHeads = double(fields.integer({"linear_num_value_heads"}, nullptr, true).value_or(0));
        shape.linearValueDim = double(fields.integer({"linear_value_head_dim"}, nullptr, true).value_or(0));
        shape.linearConvKernel = double(fields.integer({"linear_conv_kernel_dim"}, nullptr, true).value_or(0));
    }

    if (const auto chunk = fields.integer({"attention_chunk_size"}, "sliding_window")) {
        model.slidingWindow = int(*chunk);
        if (!layerTypes) {
            const Json *ropeLayers = fields.array("no_rope_layers");
            model.slidingLayers = ropeLayers && int(ropeLayers->size()) == layers
                                      ? int(std::count_if(ropeLayers->begin(), ropeLayers->end(), [](const Json &v) { return v.is_number() && v.get<double>() != 0; }))
                                      : layers - layers / kLlama4GlobalPeriod;
        }
        fields.record("sliding_layers", QStringLiteral("config.json no_rope_layers (chunked-attention layers)"));
    } else if (fields.flag("use_sliding_window", true)) {
        if (const auto window = fields.integer({"sliding_window"}, "sliding_window"); window && (model.maxContext == 0 || *window < model.maxContext)) {
            model.slidingWindow = int(*window);
            if (layerTypes) {
                fields.record("sliding_layers", QStringLiteral("config.json ") + typesPath);
            } else {
                const int period = int(fields.integerOr({"sliding_window_pattern"}, nullptr, architecture.defaults ? architecture.defaults->slidingPeriod : 0, QString()));
                model.slidingLayers = period > 0 ? layers - layers / period : layers;
                fields.record("sliding_layers", period > 0 ? QStringLiteral("1 full-attention layer in %1 (sliding_window_pattern)").arg(period)
                                                           : QStringLiteral("every layer (no sliding pattern in the file)"));
            }
        }
    }
    if (model.slidingWindow == 0)
        model.slidingLayers = 0;
    model.slidingLayers = std::clamp(model.slidingLayers, 0, layers - model.linearLayers);
    if (model.slidingLayers > 0 && model.linearLayers == 0)
        model.attention = AttentionKind::SlidingWindow;

    readCompressedAttention(fields, shape, model);
    if (const auto latent = fields.integer({"kv_lora_rank"}, nullptr)) {
        model.attention = AttentionKind::Mla;
        shape.kvLoraRank = double(*latent);
        shape.qLoraRank = double(fields.integer({"q_lora_rank"}, nullptr).value_or(0));
        shape.qkNopeDim = double(fields.integer({"qk_nope_head_dim"}, nullptr, true).value_or(0));
        shape.qkRopeDim = double(fields.integer({"qk_rope_head_dim"}, nullptr, true).value_or(0));
        shape.vHeadDim = double(fields.integer({"v_head_dim"}, "head_dim", true).value_or(0));
        model.mlaLatentDim = int(shape.kvLoraRank + shape.qkRopeDim);
        model.headDim = int(shape.vHeadDim);
        model.kvHeads = model.attentionHeads;
        fields.record("mla_latent_dim", QStringLiteral("config.json kv_lora_rank + qk_rope_head_dim"));
        fields.record("kv_heads", QStringLiteral("MLA: every head reads the shared latent"));
        if (const auto topK = fields.integer({"index_topk"}, nullptr)) {
            model.sparseTopK = int(*topK);
            // Absent from a config.json, they take the configuration class's defaults: GlmMoeDsaConfig 32 heads,
            // DeepSeek V3.2 64; both 128 wide.
            constexpr int glmIndexerHeads = 32;
            constexpr int deepSeekIndexerHeads = 64;
            constexpr int indexerKeyWidth = 128;
            const int defaultHeads = architecture.modelType == "deepseek_v32" ? deepSeekIndexerHeads : glmIndexerHeads;
            model.indexerHeads = int(fields.integer({"index_n_heads"}, nullptr).value_or(defaultHeads));
            model.indexerKeyDim = int(fields.integer({"index_head_dim"}, nullptr).value_or(indexerKeyWidth));
            shape.indexerHeads = model.indexerHeads;
            shape.indexerKeyDim = model.indexerKeyDim;
            fields.record("sparse_top_k", QStringLiteral("config.json index_topk: DeepSeek Sparse Attention"));
        }
    }
}

void readExperts(ConfigFields &fields, const Architecture &architecture, Shape &shape, LanguageModel &model, std::int64_t intermediate)
{
    const int layers = model.layers;
    model.experts = int(fields.integer({"num_local_experts", "num_experts", "n_routed_experts"}, "experts").value_or(0));
    if (model.experts == 0) {
        shape.denseLayers = layers;
        shape.denseIntermediate = double(intermediate);
        return;
    }
    model.expertsPerToken = int(fields.integer({"num_experts_per_tok", "experts_per_token", "moe_topk", "top_k_experts"}, "experts_per_token", true).value_or(0));
    shape.experts = model.experts;
    shape.expertsPerToken = model.expertsPerToken;
    const auto moeIntermediate = fields.integer({"moe_intermediate_size"}, nullptr);
    shape.expertIntermediate = double(moeIntermediate.value_or(intermediate));
    // LatentMoE (Nemotron 3 Super): the routed experts work in a narrower latent, entered and left through two
    // projections per MoE layer that every token uses.
    const auto latent = fields.integer({"moe_latent_size"}, nullptr);
    shape.expertWidth = double(latent.value_or(0));

    int moeLayers = layers;
    if (const auto firstDense = fields.integer({"first_k_dense_replace"}, nullptr)) {
        moeLayers = std::max(0, layers - int(*firstDense));
    } else if (const auto step = fields.integer({"interleave_moe_layer_step", "decoder_sparse_step"}, nullptr); step && *step > 1) {
        moeLayers = layers / int(*step);
    }
    if (const Json *denseList = fields.array("mlp_only_layers"))
        moeLayers = std::max(0, moeLayers - int(denseList->size()));
    shape.moeLayers = moeLayers;
    shape.denseLayers = layers - moeLayers;
    shape.denseIntermediate = double(fields.integer({"intermediate_size_mlp"}, nullptr).value_or(intermediate));

    const SharedExperts kind = architecture.defaults ? architecture.defaults->shared : SharedExperts::Count;
    const double expert = shape.mlpMatrices * shape.hidden * shape.expertIntermediate;
    if (kind == SharedExperts::OneOfMoe) {
        shape.sharedExpertParams = expert;
    } else if (kind == SharedExperts::DenseMlp) {
        shape.sharedExpertParams = shape.mlpMatrices * shape.hidden * double(intermediate);
    } else if (const auto sized = fields.integer({"shared_expert_intermediate_size"}, nullptr); sized || kind == SharedExperts::Sized) {
        shape.sharedExpertParams = shape.mlpMatrices * shape.hidden * double(sized.value_or(0)) + shape.hidden;
    } else if (const auto ownSize = fields.integer({"moe_shared_expert_intermediate_size"}, nullptr)) {
        const double count = double(fields.integer({"n_shared_experts"}, nullptr).value_or(1));
        shape.sharedExpertParams = count * shape.mlpMatrices * shape.hidden * double(*ownSize);
    } else if (const auto count = fields.integer({"n_shared_experts"}, nullptr)) {
        shape.sharedExpertParams = double(*count) * expert;
    }
    if (latent)
        shape.sharedExpertParams += 2 * shape.hidden * double(*latent);
}

void readGlobalAttention(ConfigFields &fields, Shape &shape, LanguageModel &model)
{
    const auto kvHeads = fields.integer({"num_global_key_value_heads"}, "global_kv_heads");
    const auto headDim = fields.integer({"global_head_dim"}, "global_head_dim");
    if (!kvHeads && !headDim)
        return;
    const int globalKvHeads = int(kvHeads.value_or(model.kvHeads));
    const int globalHeadDim = int(headDim.value_or(model.headDim));
    if (globalKvHeads == model.kvHeads && globalHeadDim == model.headDim)
        return;
    model.globalKvHeads = globalKvHeads;
    model.globalHeadDim = globalHeadDim;
    shape.globalLayers = std::max(0, model.layers - model.slidingLayers - model.linearLayers);
    shape.globalKvHeads = globalKvHeads;
    shape.globalHeadDim = globalHeadDim;
    shape.keyIsValue = fields.flag("attention_k_eq_v", false);
}

namespace {

// One letter per Nemotron-H block, as hybrid_override_pattern writes them.
constexpr char kMambaBlock = 'M';
constexpr char kAttentionBlock = '*';
constexpr char kMoeBlock = 'E';
constexpr char kMlpBlock = '-';

// The blocks as letters, from hybrid_override_pattern or a layers_block_type list; empty when neither is there.
std::string blockLetters(const ConfigFields &fields, QString &path)
{
    if (const Json *pattern = fields.find("hybrid_override_pattern", &path); pattern && pattern->is_string())
        return pattern->get<std::string>();
    const Json *list = fields.array("layers_block_type", &path);
    if (!list)
        return {};
    std::string letters;
    for (const Json &item : *list) {
        const std::string kind = item.is_string() ? item.get<std::string>() : std::string();
        letters += kind == "mamba" ? kMambaBlock : kind == "attention" ? kAttentionBlock : kind == "moe" ? kMoeBlock
                 : kind == "mlp"   ? kMlpBlock
                                   : '?';
    }
    return letters;
}

} // namespace

bool readHybridBlocks(ConfigFields &fields, Shape &shape, LanguageModel &model, std::int64_t intermediate)
{
    QString path;
    const std::string letters = blockLetters(fields, path);
    if (letters.empty())
        return false;
    const auto blocks = [&letters](char letter) { return int(std::count(letters.begin(), letters.end(), letter)); };
    const int known = blocks(kMambaBlock) + blocks(kAttentionBlock) + blocks(kMoeBlock) + blocks(kMlpBlock);
    if (int(letters.size()) != model.layers || known != model.layers) {
        fields.reportInvalid(path, QStringLiteral("must name num_hidden_layers (%1) blocks, each Mamba-2, attention, MoE or MLP")
                                       .arg(model.layers));
        return true;
    }
    const int attention = blocks(kAttentionBlock);
    shape.mambaLayers = blocks(kMambaBlock);
    shape.mixerFreeLayers = blocks(kMoeBlock) + blocks(kMlpBlock);
    shape.moeLayers = model.experts > 0 ? blocks(kMoeBlock) : 0;
    shape.denseLayers = model.layers - attention - shape.mambaLayers - shape.moeLayers;
    shape.denseIntermediate = double(intermediate);
    if (shape.mambaLayers > 0) {
        shape.mambaHeads = double(fields.integer({"mamba_num_heads"}, nullptr, true).value_or(0));
        shape.mambaHeadDim = double(fields.integer({"mamba_head_dim"}, nullptr, true).value_or(0));
        shape.mambaStateSize = double(fields.integer({"ssm_state_size"}, nullptr, true).value_or(0));
        shape.mambaGroups = double(fields.integer({"n_groups"}, nullptr, true).value_or(0));
        shape.mambaConvKernel = double(fields.integer({"conv_kernel"}, nullptr, true).value_or(0));
    }
    model.linearLayers = model.layers - attention;
    model.slidingLayers = 0;
    model.slidingWindow = 0;
    if (model.linearLayers > 0)
        model.attention = AttentionKind::Linear;
    fields.record("linear_layers", QStringLiteral("config.json %1: %2 Mamba-2 and %3 MoE or MLP blocks keep no growing cache")
                                       .arg(path).arg(shape.mambaLayers).arg(shape.mixerFreeLayers));
    return true;
}

} // namespace headroom::hfconfig
