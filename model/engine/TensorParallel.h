#pragma once

#include "core/LanguageModel.h"

#include <QString>

namespace headroom {

// Why `model` cannot be sharded over `cards` by tensor parallelism, or an empty string when it can.
// Tensor parallel engines (vLLM, SGLang, TensorRT-LLM, MLX distributed) give each card a whole number of
// attention heads: the card count must divide the attention heads, and the KV heads must divide by it or
// divide it (vLLM replicates KV heads when there are fewer than cards). A model whose head counts are not
// known is not refused.
QString tensorParallelRefusal(const LanguageModel &model, int cards);

} // namespace headroom
