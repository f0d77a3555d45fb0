// Bounded little-endian reading of a GGUF header: see GgufCursor.h.
#include "import/GgufCursor.h"

#include <QIODevice>

#include <algorithm>

namespace headroom::gguf {

Cursor::Cursor(QIODevice &device)
    : m_device(device), m_start(device.pos()), m_size(device.size() - device.pos())
{}

bool Cursor::fail(const QString &problem, qint64 at)
{
    if (m_error.problem.isEmpty())
        m_error = GgufError{at < 0 ? m_offset : at, problem};
    return false;
}

const char *Cursor::take(qint64 bytes, const char *what)
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

bool Cursor::skip(std::uint64_t bytes, const char *what)
{
    if (bytes > std::uint64_t(remaining()))
        return fail(QStringLiteral("truncated: %1 needs %2 bytes, %3 left in the file").arg(QLatin1String(what)).arg(bytes).arg(remaining()));
    m_offset += qint64(bytes);
    return true;
}

std::optional<QString> Cursor::string(const char *what, std::uint64_t maxBytes, bool keep)
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

} // namespace headroom::gguf
