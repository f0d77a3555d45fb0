#include "engine/ScaledModel.h"

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

// Llama 3.1 8B, from its published config.json.
constexpr const char *LlamaShapeSource = "https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json";
constexpr double LlamaShapeParamsB = 8.03;
constexpr int LlamaShapeLayers = 32;
constexpr int LlamaShapeHidden = 4096;
constexpr int LlamaShapeHeads = 32;
constexpr int LlamaShapeKvHeads = 8;
constexpr int LlamaShapeHeadDim = 128;
constexpr int LlamaShapeMaxContext = 131072;

int scaledCount(int value, double factor)
{
    return value <= 0 ? value : std::max(1, static_cast<int>(std::lround(value * factor)));
}

QString formatParams(double paramsB)
{
    return paramsB >= 10 ? QString::number(std::round(paramsB)) : QString::number(paramsB, 'g', 2);
}

} // namespace

LanguageModel llamaLikeShape()
{
    LanguageModel model;
    model.id = QStringLiteral("llama-like-8b");
    model.name = QStringLiteral("Llama-like 8B");
    model.paramsB = LlamaShapeParamsB;
    model.activeParamsB = LlamaShapeParamsB;
    model.layers = LlamaShapeLayers;
    model.hidden = LlamaShapeHidden;
    model.attentionHeads = LlamaShapeHeads;
    model.kvHeads = LlamaShapeKvHeads;
    model.headDim = LlamaShapeHeadDim;
    model.maxContext = LlamaShapeMaxContext;
    model.source = QString::fromLatin1(LlamaShapeSource);
    return model;
}

LanguageModel scaledModel(const LanguageModel &base, double paramsB)
{
    LanguageModel model = base;
    const double ratio = base.paramsB > 0 ? paramsB / base.paramsB : 1.0;
    const double linear = std::cbrt(ratio);
    model.paramsB = paramsB;
    model.activeParamsB = base.activeParamsB > 0 ? base.activeParamsB * ratio : paramsB;
    model.layers = scaledCount(base.layers, linear);
    if (base.layers > 0) {
        const double layerShare = static_cast<double>(model.layers) / base.layers;
        model.slidingLayers = std::min(model.layers, scaledCount(base.slidingLayers, layerShare));
        model.linearLayers = std::min(model.layers, scaledCount(base.linearLayers, layerShare));
    }
    if (base.headDim > 0 && base.hidden > 0) {
        model.attentionHeads = scaledCount(std::max(1, base.hidden / base.headDim), linear);
        model.hidden = model.attentionHeads * base.headDim;
    } else {
        model.hidden = scaledCount(base.hidden, linear);
        model.attentionHeads = scaledCount(base.attentionHeads, linear);
    }
    model.kvHeads = std::min(base.kvHeads, std::max(model.attentionHeads, 1));
    if (base.globalKvHeads > 0)
        model.globalKvHeads = std::min(base.globalKvHeads, std::max(model.attentionHeads, 1));
    model.publishedSizes.clear();
    model.id = QStringLiteral("custom-") % formatParams(paramsB) % QStringLiteral("b");
    model.name = formatParams(paramsB) % QStringLiteral("B (") % base.name % QStringLiteral(" shape)");
    return model;
}

} // namespace headroom
