#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace headroom::gguf {

// One tensor storage type of the ggml/GGUF format: weights are stored in blocks of `blockSize`
// elements taking `bytesPerBlock` bytes (1 and the element size for the plain types).
struct GgmlType {
    std::uint32_t id = 0;
    const char *name = "";
    std::uint32_t blockSize = 1;
    std::uint32_t bytesPerBlock = 0;
    bool operator==(const GgmlType &) const = default;
};

// The type with this id (enum ggml_type of ggml/include/ggml.h), or nullopt for an id the format
// does not define (retired ids 4, 5, 31-33, 36-38 and anything past the table).
std::optional<GgmlType> ggmlType(std::uint32_t id);

// Bytes of `elements` values of `type`, or nullopt when `elements` is not a whole number of blocks
// or the size overflows 64 bits.
std::optional<std::uint64_t> ggmlTensorBytes(const GgmlType &type, std::uint64_t elements);

// Quantization name of a GGUF `general.file_type` (enum llama_ftype of include/llama.h), e.g.
// 15 -> "Q4_K_M"; nullopt for an unknown or retired value and for LLAMA_FTYPE_GUESSED.
std::optional<QString> fileTypeName(std::uint32_t fileType);

// Quantization name for a file whose weights are mostly `type` (no general.file_type): "Q4_K", "MXFP4".
QString quantNameOfType(const GgmlType &type);

} // namespace headroom::gguf
