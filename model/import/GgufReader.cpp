// Bounded GGUF header reader: see GgufReader.h. All multi-byte values are little-endian.
#include "import/GgufReader.h"

#include <QIODevice>
#include <QSet>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

namespace headroom::gguf {
namespace {

constexpr char kMagic[] = "GGUF";
constexpr qint64 kMagicBytes = 4;
constexpr std::uint32_t kOldestVersion = 2; // version 1 used 32-bit counts and is long gone
constexpr std::uint32_t kNewestVersion = 3;
constexpr qint64 kChunkBytes = 1024 * 1024; // read-ahead of the cursor

// Smallest encodings, for checking a declared count against the bytes left before looping over it:
// a key/value is a length (8), a key byte, a type (4) and a one-byte value; a tensor info is a length
// (8), dimension count (4), a dimension (8), type (4) and offset (8).
constexpr std::uint64_t kMinMetadataEntryBytes = 8 + 1 + 4 + 1;
constexpr std::uint64_t kMinTensorInfoBytes = 8 + 4 + 8 + 4 + 8;
constexpr std::uint64_t kStringLengthBytes = 8;

// Reads little-endian values through a read-ahead buffer, refusing to pass the end of the file.
class Cursor final
{
public:
    explicit Cursor(QIODevice &device)
        : m_device(device), m_start(device.pos()), m_size(device.size() - device.pos())
    {}

    qint64 offset() const { return m_offset; }
    qint64 remaining() const { return m_size - m_offset; }
    const GgufError &error() const { return m_error; }

    bool fail(const QString &problem, qint64 at = -1)
    {
        if (m_error.problem.isEmpty())
            m_error = GgufError{at < 0 ? m_offset : at, problem};
        return false;
    }

    // Returns a pointer to `bytes` bytes at the current offset and advances, or nullptr after fail().
    const char *take(qint64 bytes, const char *what)
    {
        if (bytes < 0 || bytes > remaining()) {
            fail(QStringLiteral("truncated: %1 needs %2 bytes, %3 left in the file").arg(QLatin1String(what)).arg(bytes).arg(remaining()));
            return nullptr;
        }
        const qint64 end = m_offset + bytes;
        if (m_offset < m_bufferStart || end > m_bufferStart + m_buffer.size()) {
            if (!m_device.seek(m_start + m_offset)) {
                fail(QStringLiteral("cannot seek: %1").arg(m_device.errorString()));
                return nullptr;
            }
            m_buffer = m_device.read(std::max(bytes, std::min(kChunkBytes, remaining())));
            m_bufferStart = m_offset;
            if (m_buffer.size() < bytes) {
                fail(QStringLiteral("read error: %1").arg(m_device.errorString()));
                return nullptr;
            }
        }
        const char *data = m_buffer.constData() + (m_offset - m_bufferStart);
        m_offset = end;
        return data;
    }

    template<typename T>
    std::optional<T> read(const char *what)
    {
        const char *data = take(sizeof(T), what);
        if (!data)
            return std::nullopt;
        return qFromLittleEndian<T>(data);
    }

    bool skip(std::uint64_t bytes, const char *what)
    {
        if (bytes > std::uint64_t(remaining()))
            return fail(QStringLiteral("truncated: %1 needs %2 bytes, %3 left in the file").arg(QLatin1String(what)).arg(bytes).arg(remaining()));
        m_offset += qint64(bytes);
        return true;
    }

    // A length-prefixed string of at most `maxBytes`; `keep` false skips its bytes.
    std::optional<QString> string(const char *what, std::uint64_t maxBytes, bool keep = true)
    {
        const qint64 at = m_offset;
        const std::optional<std::uint64_t> length = read<std::uint64_t>(what);
        if (!length)
            return std::nullopt;
        if (*length > maxBytes) {
            fail(QStringLiteral("%1 length %2 exceeds the limit of %3 bytes").arg(QLatin1String(what)).arg(*length).arg(maxBytes), at);
            return std::nullopt;
        }
        if (*length > std::uint64_t(remaining())) {
            fail(QStringLiteral("%1 length %2 is longer than the %3 bytes left in the file").arg(QLatin1String(what)).arg(*length).arg(remaining()), at);
            return std::nullopt;
        }
        if (!keep) {
            skip(*length, what);
            return QString();
        }
        const char *data = take(qint64(*length), what);
        if (!data)
            return std::nullopt;
        return QString::fromUtf8(data, qsizetype(*length));
    }

private:
    QIODevice &m_device;
    qint64 m_start;
    qint64 m_size;
    qint64 m_offset = 0;
    QByteArray m_buffer;
    qint64 m_bufferStart = 0;
    GgufError m_error;
};

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

bool readTensorInfo(Cursor &cursor, TensorInfo &tensor)
{
    const std::optional<QString> name = cursor.string("tensor name", kMaxTensorNameBytes);
    if (!name)
        return false;
    tensor.name = *name;
    const qint64 dimsAt = cursor.offset();
    const std::optional<std::uint32_t> dimensions = cursor.read<std::uint32_t>("dimension count");
    if (!dimensions)
        return false;
    if (*dimensions == 0 || *dimensions > kMaxDimensions)
        return cursor.fail(QStringLiteral("tensor \"%1\" has %2 dimensions (1 to %3 allowed)").arg(tensor.name).arg(*dimensions).arg(kMaxDimensions), dimsAt);
    std::uint64_t elements = 1;
    for (std::uint32_t d = 0; d < *dimensions; ++d) {
        const qint64 at = cursor.offset();
        const std::optional<std::uint64_t> size = cursor.read<std::uint64_t>("dimension");
        if (!size)
            return false;
        if (*size > std::uint64_t(std::numeric_limits<std::int64_t>::max())
            || (*size != 0 && elements > std::uint64_t(std::numeric_limits<std::int64_t>::max()) / *size))
            return cursor.fail(QStringLiteral("tensor \"%1\" dimensions overflow 63 bits").arg(tensor.name), at);
        elements *= *size;
        tensor.dimensions.append(*size);
    }
    const qint64 typeAt = cursor.offset();
    const std::optional<std::uint32_t> typeId = cursor.read<std::uint32_t>("tensor type");
    if (!typeId)
        return false;
    const std::optional<GgmlType> type = ggmlType(*typeId);
    if (!type)
        return cursor.fail(QStringLiteral("tensor \"%1\" has unknown type %2").arg(tensor.name).arg(*typeId), typeAt);
    tensor.type = *type;
    if (tensor.dimensions.first() % type->blockSize != 0)
        return cursor.fail(QStringLiteral("tensor \"%1\" row of %2 is not a multiple of the %3 block size %4")
                               .arg(tensor.name).arg(tensor.dimensions.first()).arg(QLatin1String(type->name)).arg(type->blockSize), typeAt);
    const std::optional<std::uint64_t> bytes = ggmlTensorBytes(*type, elements);
    if (!bytes)
        return cursor.fail(QStringLiteral("tensor \"%1\" size overflows").arg(tensor.name), typeAt);
    const std::optional<std::uint64_t> offset = cursor.read<std::uint64_t>("tensor offset");
    if (!offset)
        return false;
    tensor.elements = elements;
    tensor.bytes = *bytes;
    tensor.offset = *offset;
    return true;
}

std::optional<std::uint64_t> alignmentOf(const GgufHeader &header, Cursor &cursor)
{
    const MetadataValue *value = header.value(QStringLiteral("general.alignment"));
    if (!value)
        return kDefaultAlignment;
    const std::optional<std::uint64_t> alignment = value->toUnsigned();
    if (!alignment || *alignment == 0 || (*alignment & (*alignment - 1)) != 0 || *alignment > std::uint64_t(kChunkBytes)) {
        cursor.fail(QStringLiteral("general.alignment must be a power of two, got %1").arg(alignment.value_or(0)),
                    header.metadataValueOffsets.value(QStringLiteral("general.alignment"), 0));
        return std::nullopt;
    }
    return alignment;
}

// Tensor data must lie inside the file: a partial download fails here, naming the first missing tensor.
bool checkTensorPlacement(Cursor &cursor, GgufHeader &header, std::uint64_t fileBytes)
{
    const std::uint64_t dataBytes = fileBytes >= header.dataOffset ? fileBytes - header.dataOffset : 0;
    // As ggml's gguf reader: tensors follow each other, each padded to the alignment, so sizes cannot
    // overlap and their sum is bounded by the file.
    std::uint64_t expectedOffset = 0;
    for (const TensorInfo &tensor : std::as_const(header.tensors)) {
        if (tensor.offset != expectedOffset)
            return cursor.fail(QStringLiteral("tensor \"%1\" data offset %2, expected %3 (tensors must follow each other)")
                                   .arg(tensor.name).arg(tensor.offset).arg(expectedOffset));
        if (tensor.offset > dataBytes || tensor.bytes > dataBytes - tensor.offset)
            return cursor.fail(QStringLiteral("tensor \"%1\" data (%2 bytes at data offset %3) extends past the end of the "
                                              "file (%4 bytes): truncated download?")
                                   .arg(tensor.name).arg(tensor.bytes).arg(tensor.offset).arg(fileBytes),
                               qint64(std::min(header.dataOffset + std::min(tensor.offset, dataBytes), fileBytes)));
        if (header.totalTensorBytes > std::numeric_limits<std::uint64_t>::max() - tensor.bytes)
            return cursor.fail(QStringLiteral("tensor sizes overflow"));
        header.totalTensorBytes += tensor.bytes;
        const std::uint64_t padded = (tensor.bytes + header.alignment - 1) / header.alignment * header.alignment;
        expectedOffset = tensor.offset + padded;
        header.totalElements += tensor.elements;
    }
    return true;
}

} // namespace

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

std::variant<GgufHeader, GgufError> readGgufHeader(QIODevice &device)
{
    Cursor cursor(device);
    GgufHeader header;
    const char *magic = cursor.take(kMagicBytes, "magic");
    if (!magic)
        return cursor.error();
    if (QByteArray(magic, kMagicBytes) != QByteArray(kMagic, kMagicBytes))
        return GgufError{0, QStringLiteral("not a GGUF file (magic is not \"GGUF\")")};
    const std::optional<std::uint32_t> version = cursor.read<std::uint32_t>("version");
    if (!version)
        return cursor.error();
    if (*version < kOldestVersion || *version > kNewestVersion)
        return GgufError{kMagicBytes, QStringLiteral("GGUF version %1 is not supported (versions %2 and %3 are)")
                                          .arg(*version).arg(kOldestVersion).arg(kNewestVersion)};
    header.version = *version;
    const qint64 tensorCountAt = cursor.offset();
    const std::optional<std::uint64_t> tensorCount = cursor.read<std::uint64_t>("tensor count");
    const std::optional<std::uint64_t> metadataCount = cursor.read<std::uint64_t>("metadata count");
    if (!tensorCount || !metadataCount)
        return cursor.error();
    const auto left = std::uint64_t(cursor.remaining());
    if (*tensorCount > kMaxTensors || *tensorCount > left / kMinTensorInfoBytes)
        return GgufError{tensorCountAt, QStringLiteral("tensor count %1 cannot fit in the %2 bytes left in the file")
                                            .arg(*tensorCount).arg(left)};
    if (*metadataCount > kMaxMetadataEntries || *metadataCount > left / kMinMetadataEntryBytes)
        return GgufError{tensorCountAt + 8, QStringLiteral("metadata count %1 cannot fit in the %2 bytes left in the file")
                                                .arg(*metadataCount).arg(left)};
    if (!readMetadata(cursor, *metadataCount, header))
        return cursor.error();
    if (std::uint64_t(cursor.remaining()) / kMinTensorInfoBytes < *tensorCount)
        return GgufError{tensorCountAt, QStringLiteral("tensor count %1 cannot fit in the %2 bytes left after the metadata")
                                            .arg(*tensorCount).arg(cursor.remaining())};
    // Appended one by one, so a lying count costs nothing before the bytes run out.
    QSet<QString> names;
    for (std::uint64_t i = 0; i < *tensorCount; ++i) {
        const qint64 tensorAt = cursor.offset();
        TensorInfo tensor;
        if (!readTensorInfo(cursor, tensor))
            return cursor.error();
        if (names.contains(tensor.name))
            return GgufError{tensorAt, QStringLiteral("tensor name \"%1\" repeats (ggml refuses such files)").arg(tensor.name)};
        names.insert(tensor.name);
        header.tensors.append(std::move(tensor));
    }
    const std::optional<std::uint64_t> alignment = alignmentOf(header, cursor);
    if (!alignment)
        return cursor.error();
    header.alignment = *alignment;
    const auto infoEnd = std::uint64_t(cursor.offset());
    header.dataOffset = (infoEnd + header.alignment - 1) / header.alignment * header.alignment;
    if (!checkTensorPlacement(cursor, header, infoEnd + std::uint64_t(cursor.remaining())))
        return cursor.error();
    return header;
}

} // namespace headroom::gguf
