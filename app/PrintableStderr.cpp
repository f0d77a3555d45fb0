#include "PrintableStderr.h"

#include <QByteArray>

#include <cstdio>

namespace headroom {

PrintableStderr::PrintableStderr()
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 PrintableStderr::writeData(const char *data, qint64 size)
{
    QByteArray bytes(data, size);
    for (char &c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7f)
            c = '?';
    }
    // UTF-8 encoded C1 controls (U+0080..U+009F: 0xC2 0x80..0x9F) act as escapes on some terminals too.
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        if (static_cast<unsigned char>(bytes[i]) == 0xC2 && static_cast<unsigned char>(bytes[i + 1]) >= 0x80
            && static_cast<unsigned char>(bytes[i + 1]) <= 0x9F) {
            bytes[i] = '?';
            bytes[i + 1] = '?';
        }
    }
    const bool written = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr) == size_t(bytes.size());
    std::fflush(stderr);
    return written ? size : -1;
}

} // namespace headroom
