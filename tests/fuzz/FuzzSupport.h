#pragma once

// Shared helpers for the libFuzzer targets: turning the fuzzer's bytes into Qt types and failing loudly
// (abort, which libFuzzer records as a crash with its input) when a contract is broken.

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace headroom::fuzz {

// Copies, so that reads past the end of the fuzzer's buffer stay visible to AddressSanitizer.
inline QByteArray toByteArray(const std::uint8_t *data, std::size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

[[noreturn]] inline void contractBroken(const char *what, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz contract broken: %s\n%s\n", what, detail.toLocal8Bit().constData());
    std::abort();
}

} // namespace headroom::fuzz
