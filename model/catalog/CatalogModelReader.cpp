// Reader for the "models" section of a catalog, with the architecture defaults of a partial catalog.
#include "catalog/CatalogEntryReaders.h"
#include "catalog/CatalogLimits.h"

#include <algorithm>
#include <cmath>

namespace headroom::catalog {
namespace {

// Architecture defaults for a user model that gives only its size: a dense Llama-like decoder.
// Per layer such a model holds ~12·hidden² weights (4·hidden² attention, ~8·hidden² gated MLP), and the
// Llama family keeps hidden ≈ 128·layers (Llama 3 8B: 32 layers × 4096, 405B: 126 × 16384). So
//   layers = cbrt(params / (12 · 128²)),  hidden = 128 · layers rounded to a multiple of 1024,
// with 128-wide heads and 8 grouped-query KV heads (1024 = 8 KV heads × 128, so the heads divide evenly).
// 8 B gives 34 layers × 4096, 70 B 71 × 9216. Given one of layers or hidden, the other follows from
// params ≈ 12 · layers · hidden². Given the head count but not the KV heads: the largest divisor ≤ 8.
constexpr double kWeightsPerLayerPerHiddenSquared = 12;
constexpr double kHiddenPerLayer = 128;
constexpr int kHiddenGranularity = 1024;
constexpr int kDefaultHeadDim = 128;
constexpr int kDefaultKvHeads = 8;

int largestDivisorAtMost(int number, int limit)
{
    for (int divisor = std::min(number, limit); divisor > 1; --divisor) {
        if (number % divisor == 0)
            return divisor;
    }
    return 1;
}

int roundToGranularity(double hidden)
{
    return std::max(kHiddenGranularity, int(std::lround(hidden / kHiddenGranularity)) * kHiddenGranularity);
}

void deriveShape(LanguageModel &model, bool hasLayers, bool hasHidden, bool hasHeads, bool hasKvHeads, bool hasHeadDim)
{
    const double params = model.paramsB * 1e9;
    if (!hasLayers && !hasHidden) {
        const double layers = std::cbrt(params / (kWeightsPerLayerPerHiddenSquared * kHiddenPerLayer * kHiddenPerLayer));
        model.layers = std::clamp(int(std::lround(layers)), 1, kMaxLayers);
        model.hidden = roundToGranularity(kHiddenPerLayer * model.layers);
    } else if (!hasHidden) {
        model.hidden = roundToGranularity(std::sqrt(params / (kWeightsPerLayerPerHiddenSquared * model.layers)));
    } else if (!hasLayers) {
        const double hidden = model.hidden;
        model.layers = std::clamp(int(std::lround(params / (kWeightsPerLayerPerHiddenSquared * hidden * hidden))), 1, kMaxLayers);
    }
    if (!hasHeadDim)
        model.headDim = hasHeads ? std::max(1, model.hidden / model.attentionHeads) : kDefaultHeadDim;
    if (!hasHeads)
        model.attentionHeads = std::max(1, model.hidden / model.headDim);
    if (!hasKvHeads)
        model.kvHeads = largestDivisorAtMost(model.attentionHeads, kDefaultKvHeads);
}

void readPublishedSizes(EntryReader &reader, const ReadContext &context, LanguageModel &model)
{
    const Json *sizes = reader.child("published_sizes", Presence::Optional, Json::value_t::array);
    if (!sizes)
        return;
    for (std::size_t i = 0; i < sizes->size(); ++i) {
        const Json &item = (*sizes)[i];
        const QString label = reader.entry() + QStringLiteral(".published_sizes[%1]").arg(i);
        if (!item.is_object()) {
            context.diagnostics.append({context.file, label, QString(),
                                        QStringLiteral("must be an object, got %1").arg(describe(item))});
            continue;
        }
        EntryReader sizeReader(item, context.diagnostics, context.file, label);
        const std::optional<QString> quant = sizeReader.identifier("quant", Presence::Required);
        const std::optional<double> sizeGB = sizeReader.number("size_gb", Presence::Required, kFileSizeGBLimits);
        const std::optional<QString> source = sizeReader.anyText("source", context.detail());
        if (!quant || !sizeGB)
            continue;
        if (model.publishedSizeGB(*quant)) {
            sizeReader.report(QStringLiteral("quant"), QStringLiteral("repeats \"%1\"").arg(*quant));
            continue;
        }
        model.publishedSizes.append(PublishedSize{*quant, *sizeGB, source.value_or(QString())});
    }
}

// Relations between fields, checked once every field on its own is valid.
// Compressed attention needs its window and, for each kind of compressed layer it counts, a ratio; other kinds
// have neither.
void checkCompressedAttention(EntryReader &reader, const LanguageModel &model)
{
    const bool compressed = model.attention == AttentionKind::Compressed;
    if (!compressed) {
        if (model.compressedLayers > 0 || model.heavilyCompressedLayers > 0)
            reader.report(model.compressedLayers > 0 ? QStringLiteral("compressed_layers") : QStringLiteral("heavily_compressed_layers"),
                          QStringLiteral("applies to compressed attention only"));
        return;
    }
    if (model.slidingWindow == 0)
        reader.report(QStringLiteral("sliding_window"), QStringLiteral("is required and positive for compressed attention"));
    if (model.compressedLayers > 0 && model.compressRatio == 0)
        reader.report(QStringLiteral("compress_ratio"), QStringLiteral("is required when compressed_layers is set"));
    if (model.heavilyCompressedLayers > 0 && model.heavyCompressRatio == 0)
        reader.report(QStringLiteral("heavy_compress_ratio"), QStringLiteral("is required when heavily_compressed_layers is set"));
    if (model.compressedLayers + model.heavilyCompressedLayers > model.layers)
        reader.report(QStringLiteral("compressed_layers"),
                      QStringLiteral("compressed_layers + heavily_compressed_layers must not exceed layers (%1), got %2")
                          .arg(model.layers)
                          .arg(model.compressedLayers + model.heavilyCompressedLayers));
}

void checkConsistency(EntryReader &reader, const LanguageModel &model)
{
    if (model.activeParamsB > model.paramsB)
        reader.report(QStringLiteral("active_params_b"), QStringLiteral("must not exceed params_b (%1), got %2")
                                                              .arg(formatNumber(model.paramsB), formatNumber(model.activeParamsB)));
    if (model.kvHeads > model.attentionHeads)
        reader.report(QStringLiteral("kv_heads"), QStringLiteral("must not exceed attention_heads (%1), got %2")
                                                       .arg(model.attentionHeads)
                                                       .arg(model.kvHeads));
    else if (model.attentionHeads % model.kvHeads != 0)
        reader.report(QStringLiteral("kv_heads"), QStringLiteral("must divide attention_heads (%1), got %2")
                                                       .arg(model.attentionHeads)
                                                       .arg(model.kvHeads));
    if (model.globalKvHeads > 0 && (model.globalKvHeads > model.attentionHeads || model.attentionHeads % model.globalKvHeads != 0))
        reader.report(QStringLiteral("global_kv_heads"), QStringLiteral("must divide attention_heads (%1), got %2")
                                                              .arg(model.attentionHeads)
                                                              .arg(model.globalKvHeads));
    if (model.expertsPerToken > model.experts)
        reader.report(QStringLiteral("experts_per_token"), QStringLiteral("must not exceed experts (%1), got %2")
                                                                .arg(model.experts)
                                                                .arg(model.expertsPerToken));
    else if (model.experts > 0 && model.expertsPerToken == 0)
        reader.report(QStringLiteral("experts_per_token"), QStringLiteral("must be at least 1 when experts is set"));
    if (model.attention == AttentionKind::SlidingWindow && model.slidingWindow == 0)
        reader.report(QStringLiteral("sliding_window"), QStringLiteral("is required and positive for sliding attention"));
    if (model.attention == AttentionKind::Mla && model.mlaLatentDim == 0)
        reader.report(QStringLiteral("mla_latent_dim"), QStringLiteral("is required and positive for mla attention"));
    if (model.sparseTopK > 0 && model.attention != AttentionKind::Mla && model.attention != AttentionKind::Compressed)
        reader.report(QStringLiteral("sparse_top_k"), QStringLiteral("applies to mla and compressed attention only"));
    checkCompressedAttention(reader, model);
    if ((model.sparseTopK > 0) != (model.indexerKeyDim > 0) || (model.sparseTopK > 0) != (model.indexerHeads > 0))
        reader.report(QStringLiteral("sparse_top_k"),
                      QStringLiteral("sparse_top_k, indexer_heads and indexer_key_dim go together"));
    if (model.linearStateElements > 0 && model.attention != AttentionKind::Linear)
        reader.report(QStringLiteral("linear_state_elements"), QStringLiteral("applies to linear attention only"));
    if (model.linearStateBytes > 0 && model.linearStateElements == 0)
        reader.report(QStringLiteral("linear_state_bytes"), QStringLiteral("needs linear_state_elements"));
    if (model.slidingLayers + model.linearLayers > model.layers)
        reader.report(model.linearLayers > 0 ? QStringLiteral("linear_layers") : QStringLiteral("sliding_layers"),
                      QStringLiteral("sliding_layers + linear_layers must not exceed layers (%1), got %2")
                          .arg(model.layers)
                          .arg(model.slidingLayers + model.linearLayers));
}

} // namespace

std::optional<LanguageModel> readModel(const Json &json, const ReadContext &context, const QString &entry)
{
    const qsizetype problemsBefore = context.diagnostics.size();
    EntryReader reader(json, context.diagnostics, context.file, entry);
    const Presence detail = context.detail();
    LanguageModel model;
    model.id = reader.identifier("id", Presence::Required).value_or(QString());
    model.name = reader.text("name", Presence::Required).value_or(QString());
    model.paramsB = reader.number("params_b", Presence::Required, kParamsBLimits).value_or(0);
    model.activeParamsB = reader.number("active_params_b", detail, kParamsBLimits).value_or(model.paramsB);
    const std::optional<int> layers = reader.integer("layers", detail, 1, kMaxLayers);
    const std::optional<int> hidden = reader.integer("hidden", detail, 1, kMaxHidden);
    const std::optional<int> heads = reader.integer("attention_heads", detail, 1, kMaxHeads);
    const std::optional<int> kvHeads = reader.integer("kv_heads", detail, 1, kMaxHeads);
    const std::optional<int> headDim = reader.integer("head_dim", detail, 1, kMaxHeadDim);
    model.attention = reader.choice("attention", detail, &attentionKindFromString, "full, sliding, mla, linear, compressed")
                          .value_or(AttentionKind::Full);
    model.slidingWindow = reader.integer("sliding_window", Presence::Optional, 1, kMaxContextTokens).value_or(0);
    model.slidingLayers = reader.integer("sliding_layers", Presence::Optional, 0, kMaxLayers).value_or(-1);
    model.linearLayers = reader.integer("linear_layers", Presence::Optional, 0, kMaxLayers).value_or(-1);
    model.mlaLatentDim = reader.integer("mla_latent_dim", Presence::Optional, 1, kMaxLatentDim).value_or(0);
    model.globalKvHeads = reader.integer("global_kv_heads", Presence::Optional, 1, kMaxHeads).value_or(0);
    model.globalHeadDim = reader.integer("global_head_dim", Presence::Optional, 1, kMaxHeadDim).value_or(0);
    model.sparseTopK = reader.integer("sparse_top_k", Presence::Optional, 1, kMaxContextTokens).value_or(0);
    model.indexerHeads = reader.integer("indexer_heads", Presence::Optional, 1, kMaxHeads).value_or(0);
    model.indexerKeyDim = reader.integer("indexer_key_dim", Presence::Optional, 1, kMaxHeadDim).value_or(0);
    model.linearStateElements = reader.integer("linear_state_elements", Presence::Optional, 1, kMaxLinearStateElements).value_or(0);
    model.linearStateBytes = reader.integer("linear_state_bytes", Presence::Optional, 1, kMaxStateBytesPerElement).value_or(0);
    model.mtpParamsB = reader.number("mtp_params_b", Presence::Optional, kMtpParamsBLimits).value_or(0);
    model.compressedLayers = reader.integer("compressed_layers", Presence::Optional, 0, kMaxLayers).value_or(0);
    model.compressRatio = reader.integer("compress_ratio", Presence::Optional, 2, kMaxContextTokens).value_or(0);
    model.heavilyCompressedLayers = reader.integer("heavily_compressed_layers", Presence::Optional, 0, kMaxLayers).value_or(0);
    model.heavyCompressRatio = reader.integer("heavy_compress_ratio", Presence::Optional, 2, kMaxContextTokens).value_or(0);
    model.experts = reader.integer("experts", detail, 0, kMaxExperts).value_or(0);
    model.expertsPerToken = reader.integer("experts_per_token", detail, 0, kMaxExperts).value_or(0);
    model.maxContext = reader.integer("max_context", detail, 1, kMaxContextTokens).value_or(kDefaultMaxContext);
    readPublishedSizes(reader, context, model);
    model.source = reader.anyText("source", detail).value_or(QString());
    reader.anyText("notes", Presence::Optional);
    if (context.diagnostics.size() != problemsBefore)
        return std::nullopt;

    model.layers = layers.value_or(0);
    model.hidden = hidden.value_or(0);
    model.attentionHeads = heads.value_or(0);
    model.kvHeads = kvHeads.value_or(0);
    model.headDim = headDim.value_or(0);
    deriveShape(model, layers.has_value(), hidden.has_value(), heads.has_value(), kvHeads.has_value(), headDim.has_value());
    // Without a count, a sliding model slides on every layer and a linear one is linear throughout.
    if (model.slidingLayers < 0)
        model.slidingLayers = model.attention == AttentionKind::SlidingWindow ? model.layers : 0;
    if (model.linearLayers < 0)
        model.linearLayers = model.attention == AttentionKind::Linear ? model.layers : 0;
    checkConsistency(reader, model);
    if (context.diagnostics.size() != problemsBefore)
        return std::nullopt;
    return model;
}

} // namespace headroom::catalog
