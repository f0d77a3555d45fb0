#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>

namespace headroom {

// Writing what the charts export (PNG, SVG, PDF decks): atomically, so a failed export never leaves
// half a file behind, and with one-line errors that name the file.

// "cannot write '<path>': <problem>".
QString cannotWrite(const QString &path, const QString &problem);

// Writes `bytes` to `path`; empty on success, else "<path>: cannot write: <the system's reason>".
QString saveBytes(const QString &path, const QByteArray &bytes);

// Encodes `image` as PNG and writes it to `path`; empty on success, else the problem as above.
QString savePng(const QImage &image, const QString &path);

} // namespace headroom
