#pragma once

#include "import/GgmlTypes.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <variant>

class QIODevice;

namespace headroom::gguf {

// A bounded reader of a GGUF file's header: magic "GGUF", version 2 or 3, the typed metadata
// key/values and the tensor descriptions; never the tensor data. Every count and length is checked
// against the bytes left in the file (and a hard cap) before anything is allocated, so a hostile
// header costs at most a few megabytes and milliseconds. Format: ggml/docs/gguf.md of
// https://github.com/ggml-org/ggml.

// GGUF metadata value types (enum gguf_type).
enum class ValueType : std::uint32_t {
    UInt8 = 0, Int8 = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6, Bool = 7,
    String = 8, Array = 9, UInt64 = 10, Int64 = 11, Float64 = 12
};

struct MetadataValue {
    ValueType type = ValueType::UInt8;
    std::uint64_t unsignedValue = 0; // unsigned integers and bool
    std::int64_t signedValue = 0;    // signed integers
    double floatValue = 0;           // Float32, Float64
    QString text;                    // String
    ValueType elementType = ValueType::UInt8; // Array
    std::uint64_t arrayLength = 0;            // Array
    QList<std::int64_t> integers; // integer and bool array elements, kept for short arrays (per-layer values)

    // The value as a non-negative integer (any integer type or bool); nullopt otherwise.
    std::optional<std::uint64_t> toUnsigned() const;
    bool operator==(const MetadataValue &) const = default;
};

struct TensorInfo {
    QString name;
    QList<std::uint64_t> dimensions;
    GgmlType type;
    std::uint64_t offset = 0;   // from the start of the tensor data
    std::uint64_t elements = 0;
    std::uint64_t bytes = 0;
    bool operator==(const TensorInfo &) const = default;
};

struct GgufHeader {
    std::uint32_t version = 0;
    QHash<QString, MetadataValue> metadata;
    QHash<QString, qint64> metadataValueOffsets; // byte offset of each key's value type, for messages
    QList<TensorInfo> tensors;
    std::uint64_t alignment = 0;
    std::uint64_t dataOffset = 0;      // where the tensor data starts
    std::uint64_t totalElements = 0;   // parameters: sum of the tensors' element counts
    std::uint64_t totalTensorBytes = 0;
    const MetadataValue *value(const QString &key) const;
    bool operator==(const GgufHeader &) const = default;
};

struct GgufError {
    qint64 offset = 0; // byte offset in the file where the problem is
    QString problem;
    bool operator==(const GgufError &) const = default;
};

// Hard caps on what a header may declare, far above any real file (tokenizers: ~260,000 tokens and
// merges; chat templates: tens of kilobytes; models: a few thousand tensors).
inline constexpr std::uint64_t kMaxKeyBytes = 65'535;             // the format's own limit
inline constexpr std::uint64_t kMaxStringBytes = 64 * 1024 * 1024;
inline constexpr std::uint64_t kMaxArrayElements = 64 * 1024 * 1024;
inline constexpr std::uint64_t kMaxTensorNameBytes = 64;          // GGML_MAX_NAME
inline constexpr std::uint32_t kMaxDimensions = 4;                // GGML_MAX_DIMS
inline constexpr std::uint64_t kMaxTensors = 65'536;
inline constexpr std::uint64_t kMaxMetadataEntries = 65'536;
inline constexpr std::uint64_t kDefaultAlignment = 32;            // GGUF_DEFAULT_ALIGNMENT
inline constexpr qsizetype kMaxKeptArrayValues = 4096;            // per-layer arrays: up to 4,096 layers

// Reads from the device's current position (the file's first byte). Never throws.
std::variant<GgufHeader, GgufError> readGgufHeader(QIODevice &device);

} // namespace headroom::gguf
