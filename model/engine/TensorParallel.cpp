#include "engine/TensorParallel.h"

namespace headroom {

QString tensorParallelRefusal(const LanguageModel &model, int cards)
{
    if (cards <= 1 || model.attentionHeads <= 0)
        return {};
    if (model.attentionHeads % cards != 0) {
        return QStringLiteral("tensor parallel over %1 cards does not divide %2's %3 attention heads")
            .arg(cards)
            .arg(model.name)
            .arg(model.attentionHeads);
    }
    const int kvHeads = model.kvHeads > 0 ? model.kvHeads : model.attentionHeads;
    if (kvHeads % cards != 0 && cards % kvHeads != 0) {
        return QStringLiteral("tensor parallel over %1 cards does not divide %2's %3 KV heads")
            .arg(cards)
            .arg(model.name)
            .arg(kvHeads);
    }
    return {};
}

} // namespace headroom
