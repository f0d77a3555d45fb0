#pragma once

// Private to the config.json importer: the layer kinds (attention, linear attention, sliding window, MLA,
// Mamba-2 blocks) and the experts of a config.json, into the model and the shapes that count parameters.

#include "core/LanguageModel.h"
#include "import/HfConfigArchitectures.h"
#include "import/HfConfigFields.h"

#include <cstdint>

namespace headroom::hfconfig {

// Attention kinds per layer: layer_types lists, Gemma's sliding pattern, Qwen3-Next's interval,
// Llama 4's chunked layers, MLA.
void readAttention(ConfigFields &fields, const Architecture &architecture, Shape &shape, LanguageModel &model);

// Gemma 4's full-attention layers: their own KV heads and head width (num_global_key_value_heads,
// global_head_dim), and keys that are also the values (attention_k_eq_v). Call after readAttention.
void readGlobalAttention(ConfigFields &fields, Shape &shape, LanguageModel &model);

// Which layers are MoE, expert sizes, shared experts.
void readExperts(ConfigFields &fields, const Architecture &architecture, Shape &shape, LanguageModel &model, std::int64_t intermediate);

// Nemotron-H blocks (hybrid_override_pattern or layers_block_type): Mamba-2, attention, MoE and MLP blocks.
// Returns false when the file has no block list. Only the attention blocks keep a growing cache.
bool readHybridBlocks(ConfigFields &fields, Shape &shape, LanguageModel &model, std::int64_t intermediate);

} // namespace headroom::hfconfig
