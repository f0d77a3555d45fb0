#pragma once

#include "import/GgufReader.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include <cstdint>
#include <optional>

class QIODevice;

namespace headroom::gguf {

// Read-ahead of the cursor; also the largest alignment a header may ask for.
inline constexpr qint64 kChunkBytes = 1024 * 1024;

// Reads little-endian values of a GGUF header through a read-ahead buffer, refusing to pass the end
// of the file. The first problem met is kept in error(), with the byte offset where it is.
class Cursor final
{
public:
    explicit Cursor(QIODevice &device);

    qint64 offset() const { return m_offset; }
    qint64 remaining() const { return m_size - m_offset; }
    const GgufError &error() const { return m_error; }

    // Records `problem` at `at` (the current offset by default) unless a problem is already recorded.
    bool fail(const QString &problem, qint64 at = -1);

    // Returns a pointer to `bytes` bytes at the current offset and advances, or nullptr after fail().
    const char *take(qint64 bytes, const char *what);

    template<typename T>
    std::optional<T> read(const char *what)
    {
        const char *data = take(sizeof(T), what);
        if (!data)
            return std::nullopt;
        return qFromLittleEndian<T>(data);
    }

    bool skip(std::uint64_t bytes, const char *what);

    // A length-prefixed string of at most `maxBytes`; `keep` false skips its bytes.
    std::optional<QString> string(const char *what, std::uint64_t maxBytes, bool keep = true);

private:
    QIODevice &m_device;
    qint64 m_start;
    qint64 m_size;
    qint64 m_offset = 0;
    QByteArray m_buffer;
    qint64 m_bufferStart = 0;
    GgufError m_error;
};

} // namespace headroom::gguf
