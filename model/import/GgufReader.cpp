// Bounded GGUF header reader: see GgufReader.h. All multi-byte values are little-endian; the cursor
// (GgufCursor.h), the metadata (GgufMetadata.h) and the tensor descriptions (GgufTensors.h) each have a file.
#include "import/GgufReader.h"

#include "import/GgufCursor.h"
#include "import/GgufMetadata.h"
#include "import/GgufTensors.h"

#include <QIODevice>
#include <QSet>

namespace headroom::gguf {
namespace {

constexpr char kMagic[] = "GGUF";
constexpr qint64 kMagicBytes = 4;
constexpr std::uint32_t kOldestVersion = 2; // version 1 used 32-bit counts and is long gone
constexpr std::uint32_t kNewestVersion = 3;

// Smallest encodings, for checking a declared count against the bytes left before looping over it:
// a key/value is a length (8), a key byte, a type (4) and a one-byte value; a tensor info is a length
// (8), dimension count (4), a dimension (8), type (4) and offset (8).
constexpr std::uint64_t kMinMetadataEntryBytes = 8 + 1 + 4 + 1;
constexpr std::uint64_t kMinTensorInfoBytes = 8 + 4 + 8 + 4 + 8;

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

} // namespace

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
