// The typed key/values of a GGUF header: scalars, strings and (flat) arrays.
#include "import/GgufMetadata.h"

#include "import/GgufCursor.h"

#include <cstring>

namespace headroom::gguf {
namespace {

constexpr std::uint64_t kStringLengthBytes = 8;

std::uint64_t scalarBytes(ValueType type)
{
    switch (type) {
    case ValueType::UInt8: case ValueType::Int8: case ValueType::Bool: return 1;
    case ValueType::UInt16: case ValueType::Int16: return 2;
    case ValueType::UInt32: case ValueType::Int32: case ValueType::Float32: return 4;
    case ValueType::UInt64: case ValueType::Int64: case ValueType::Float64: return 8;
    case ValueType::String: return kStringLengthBytes; // the smallest: an empty string
    case ValueType::Array: return 0;
    }
    return 0;
}

bool isKnownType(std::uint32_t type)
{
    return type <= std::uint32_t(ValueType::Float64);
}

bool isSigned(ValueType type)
{
    return type == ValueType::Int8 || type == ValueType::Int16 || type == ValueType::Int32 || type == ValueType::Int64;
}

// Reads one scalar of `type` into `value` (unsigned, signed or float member).
bool readScalar(Cursor &cursor, ValueType type, MetadataValue &value)
{
    std::optional<std::uint64_t> bits;
    switch (type) {
    case ValueType::UInt8: case ValueType::Int8: case ValueType::Bool:
        bits = cursor.read<std::uint8_t>("value"); break;
    case ValueType::UInt16: case ValueType::Int16:
        bits = cursor.read<std::uint16_t>("value"); break;
    case ValueType::UInt32: case ValueType::Int32: case ValueType::Float32:
        bits = cursor.read<std::uint32_t>("value"); break;
    default:
        bits = cursor.read<std::uint64_t>("value"); break;
    }
    if (!bits)
        return false;
    switch (type) {
    case ValueType::Int8: value.signedValue = std::int8_t(*bits); break;
    case ValueType::Int16: value.signedValue = std::int16_t(*bits); break;
    case ValueType::Int32: value.signedValue = std::int32_t(*bits); break;
    case ValueType::Int64: value.signedValue = std::int64_t(*bits); break;
    case ValueType::Float32: {
        const auto raw = std::uint32_t(*bits);
        float number;
        std::memcpy(&number, &raw, sizeof number);
        value.floatValue = number;
        break;
    }
    case ValueType::Float64: {
        double number;
        std::memcpy(&number, &*bits, sizeof number);
        value.floatValue = number;
        break;
    }
    default: value.unsignedValue = *bits; break;
    }
    return true;
}

bool readArray(Cursor &cursor, MetadataValue &value)
{
    const qint64 at = cursor.offset();
    const std::optional<std::uint32_t> elementType = cursor.read<std::uint32_t>("array type");
    if (!elementType)
        return false;
    if (!isKnownType(*elementType))
        return cursor.fail(QStringLiteral("unknown array element type %1").arg(*elementType), at);
    value.elementType = ValueType(*elementType);
    if (value.elementType == ValueType::Array)
        return cursor.fail(QStringLiteral("nested arrays are not supported"), at);
    const qint64 countAt = cursor.offset();
    const std::optional<std::uint64_t> count = cursor.read<std::uint64_t>("array length");
    if (!count)
        return false;
    const std::uint64_t elementBytes = scalarBytes(value.elementType);
    if (*count > kMaxArrayElements || *count > std::uint64_t(cursor.remaining()) / elementBytes)
        return cursor.fail(QStringLiteral("array length %1 does not fit in the %2 bytes left in the file")
                               .arg(*count).arg(cursor.remaining()), countAt);
    value.arrayLength = *count;
    if (value.elementType == ValueType::String) {
        for (std::uint64_t i = 0; i < *count; ++i) {
            if (!cursor.string("array string", kMaxStringBytes, false))
                return false;
        }
        return true;
    }
    const bool keep = value.elementType != ValueType::Float32 && value.elementType != ValueType::Float64
                      && *count <= std::uint64_t(kMaxKeptArrayValues);
    if (!keep)
        return cursor.skip(*count * elementBytes, "array");
    value.integers.reserve(qsizetype(*count));
    for (std::uint64_t i = 0; i < *count; ++i) {
        MetadataValue element;
        if (!readScalar(cursor, value.elementType, element))
            return false;
        value.integers.append(isSigned(value.elementType) ? element.signedValue : std::int64_t(element.unsignedValue));
    }
    return true;
}

} // namespace

bool readMetadata(Cursor &cursor, std::uint64_t count, GgufHeader &header)
{
    for (std::uint64_t i = 0; i < count; ++i) {
        const qint64 keyAt = cursor.offset();
        const std::optional<QString> key = cursor.string("key", kMaxKeyBytes);
        if (!key)
            return false;
        if (key->isEmpty())
            return cursor.fail(QStringLiteral("metadata key %1 is empty").arg(i), keyAt);
        if (header.metadata.contains(*key))
            return cursor.fail(QStringLiteral("metadata key \"%1\" repeats").arg(key->left(80)), keyAt);
        const qint64 typeAt = cursor.offset();
        const std::optional<std::uint32_t> type = cursor.read<std::uint32_t>("value type");
        if (!type)
            return false;
        if (!isKnownType(*type))
            return cursor.fail(QStringLiteral("metadata \"%1\" has unknown value type %2").arg(key->left(80)).arg(*type), typeAt);
        MetadataValue value;
        value.type = ValueType(*type);
        bool ok;
        if (value.type == ValueType::String) {
            const std::optional<QString> text = cursor.string("string value", kMaxStringBytes);
            ok = text.has_value();
            if (ok)
                value.text = *text;
        } else if (value.type == ValueType::Array) {
            ok = readArray(cursor, value);
        } else {
            ok = readScalar(cursor, value.type, value);
        }
        if (!ok)
            return false;
        header.metadata.insert(*key, value);
        header.metadataValueOffsets.insert(*key, typeAt);
    }
    return true;
}

std::optional<std::uint64_t> MetadataValue::toUnsigned() const
{
    switch (type) {
    case ValueType::UInt8: case ValueType::UInt16: case ValueType::UInt32: case ValueType::UInt64: case ValueType::Bool:
        return unsignedValue;
    case ValueType::Int8: case ValueType::Int16: case ValueType::Int32: case ValueType::Int64:
        return signedValue >= 0 ? std::optional<std::uint64_t>(std::uint64_t(signedValue)) : std::nullopt;
    default:
        return std::nullopt;
    }
}

const MetadataValue *GgufHeader::value(const QString &key) const
{
    const auto found = metadata.constFind(key);
    return found == metadata.constEnd() ? nullptr : &found.value();
}

} // namespace headroom::gguf
