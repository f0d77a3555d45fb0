#pragma once

// Test helper: writes GGUF files byte by byte (ggml/docs/gguf.md): valid ones with chosen metadata and
// tensors, and, through the overrides, each corrupt case the reader must refuse. Header-only.

#include "import/GgmlTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtEndian>

#include <cstdint>
#include <cstring>
#include <optional>

namespace headroom::test {

class GgufTestWriter final
{
public:
    static constexpr std::uint32_t kAlignment = 32;

    enum Type : std::uint32_t { UInt8 = 0, Int32 = 5, UInt32 = 4, Float32 = 6, Bool = 7, String = 8, Array = 9, UInt64 = 10 };

    // Offsets of the fixed header fields.
    static constexpr qsizetype kVersionOffset = 4;
    static constexpr qsizetype kTensorCountOffset = 8;
    static constexpr qsizetype kMetadataCountOffset = 16;
    static constexpr qsizetype kFirstKeyOffset = 24;

    QByteArray magic = "GGUF";
    std::uint32_t version = 3;
    std::optional<std::uint64_t> tensorCountOverride;
    std::optional<std::uint64_t> metadataCountOverride;

    void addString(const QString &key, const QString &value)
    {
        beginEntry(key, String);
        putString(m_metadata, value.toUtf8());
    }
    void addUInt32(const QString &key, std::uint32_t value)
    {
        beginEntry(key, UInt32);
        put(m_metadata, value);
    }
    void addUInt64(const QString &key, std::uint64_t value)
    {
        beginEntry(key, UInt64);
        put(m_metadata, value);
    }
    void addFloat32(const QString &key, float value)
    {
        std::uint32_t bits;
        std::memcpy(&bits, &value, sizeof bits);
        beginEntry(key, Float32);
        put(m_metadata, bits);
    }
    void addBool(const QString &key, bool value)
    {
        beginEntry(key, Bool);
        m_metadata.append(char(value ? 1 : 0));
    }
    void addInt32Array(const QString &key, const QList<std::int32_t> &values)
    {
        beginEntry(key, Array);
        put(m_metadata, std::uint32_t(Int32));
        put(m_metadata, std::uint64_t(values.size()));
        for (const std::int32_t value : values)
            put(m_metadata, std::uint32_t(value));
    }
    void addStringArray(const QString &key, const QList<QByteArray> &values)
    {
        beginEntry(key, Array);
        put(m_metadata, std::uint32_t(String));
        put(m_metadata, std::uint64_t(values.size()));
        for (const QByteArray &value : values)
            putString(m_metadata, value);
    }
    // Raw bytes appended to the metadata section, counted as one entry (for corrupt values).
    void addRawEntry(const QByteArray &bytes)
    {
        m_metadata.append(bytes);
        ++m_metadataCount;
    }

    // A tensor of ggml type `typeId`; its data offset follows the previous tensor's, aligned.
    void addTensor(const QString &name, const QList<std::uint64_t> &dimensions, std::uint32_t typeId)
    {
        putString(m_tensors, name.toUtf8());
        put(m_tensors, std::uint32_t(dimensions.size()));
        std::uint64_t elements = 1;
        for (const std::uint64_t size : dimensions) {
            put(m_tensors, size);
            elements *= size;
        }
        put(m_tensors, typeId);
        put(m_tensors, m_dataBytes);
        ++m_tensorCount;
        const auto type = gguf::ggmlType(typeId);
        const std::uint64_t bytes = type ? elements / type->blockSize * type->bytesPerBlock : 0;
        m_dataBytes = align(m_dataBytes + bytes);
    }
    // A tensor description with raw dimension and type fields (for corrupt shapes and types).
    void addRawTensor(const QByteArray &bytes)
    {
        m_tensors.append(bytes);
        ++m_tensorCount;
    }

    // Header through the alignment padding: where the tensor data starts.
    QByteArray header() const
    {
        QByteArray bytes = magic;
        put(bytes, version);
        put(bytes, tensorCountOverride.value_or(m_tensorCount));
        put(bytes, metadataCountOverride.value_or(m_metadataCount));
        bytes += m_metadata;
        bytes += m_tensors;
        bytes.append(QByteArray(qsizetype(align(std::uint64_t(bytes.size())) - std::uint64_t(bytes.size())), '\0'));
        return bytes;
    }
    // The whole file: the header and zero-filled tensor data.
    QByteArray file() const { return header() + QByteArray(qsizetype(m_dataBytes), '\0'); }
    std::uint64_t dataBytes() const { return m_dataBytes; }

    template<typename T>
    static void put(QByteArray &bytes, T value)
    {
        char buffer[sizeof(T)];
        qToLittleEndian(value, buffer);
        bytes.append(buffer, sizeof(T));
    }
    static void putString(QByteArray &bytes, const QByteArray &text)
    {
        put(bytes, std::uint64_t(text.size()));
        bytes.append(text);
    }

private:
    static std::uint64_t align(std::uint64_t offset) { return (offset + kAlignment - 1) / kAlignment * kAlignment; }

    void beginEntry(const QString &key, Type type)
    {
        putString(m_metadata, key.toUtf8());
        put(m_metadata, std::uint32_t(type));
        ++m_metadataCount;
    }

    QByteArray m_metadata;
    QByteArray m_tensors;
    std::uint64_t m_metadataCount = 0;
    std::uint64_t m_tensorCount = 0;
    std::uint64_t m_dataBytes = 0;
};

} // namespace headroom::test
