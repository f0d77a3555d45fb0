#pragma once

#include "core/LanguageModel.h"

namespace headroom {

// The model-size slider's custom model: `base` resized to `paramsB` billion parameters.
// Depth and width both grow with the cube root of the size ratio (parameters ~ layers x hidden^2),
// heads follow the width at the base's head size, the KV-head count and the attention pattern
// are kept, MoE models keep their expert layout with active parameters scaled alike.
// Published file sizes are dropped (they belong to the base model).
LanguageModel scaledModel(const LanguageModel &base, double paramsB);

// A Llama-like dense shape (Llama 3.1 8B) to scale when no catalog model is picked.
LanguageModel llamaLikeShape();

} // namespace headroom
