#pragma once

#include "core/LanguageModel.h"

#include <QList>
#include <QString>

#include <optional>

namespace headroom {

// Where one imported number came from, for the window's "where each number came from".
struct ImportProvenance {
    QString field;  // catalog field: "params_b", "kv_heads", ...
    QString origin; // "config.json num_key_value_heads", "GGUF llama.attention.head_count_kv",
                    // "counted from tensor shapes", "default (not in file)"
    bool operator==(const ImportProvenance &) const = default;
};

struct ImportedModel {
    LanguageModel model;
    // From a GGUF: the file's own quantization (name from general.file_type or the dominant tensor
    // type, bits per weight = tensor bytes x 8 / parameters) and its tensor-data size in GB.
    std::optional<Quantization> quant;
    std::optional<double> fileSizeGB;
    QString architecture; // "llama", "qwen3moe", "deepseek2", ... as the file names it
    QList<ImportProvenance> provenance;
    bool operator==(const ImportedModel &) const = default;
};

} // namespace headroom
