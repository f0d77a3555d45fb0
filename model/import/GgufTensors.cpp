// The tensor descriptions of a GGUF header and where their data lies.
#include "import/GgufTensors.h"

#include "import/GgufCursor.h"

#include <algorithm>
#include <limits>

namespace headroom::gguf {

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

} // namespace headroom::gguf
