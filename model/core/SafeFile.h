#pragma once

#include <QByteArray>
#include <QString>

#include <variant>

class QFile;

// Reading and writing user files so that nothing hangs, nothing exhausts memory and nothing is lost.
//
// Reading: a path must name a regular file (a FIFO, a device or a directory is refused: it could block
// forever or never end), is opened without blocking and read in chunks up to a limit. "-" is standard input,
// read in chunks up to the same limit.
//
// Writing: a regular file (or a new one) is replaced atomically: the bytes go to a temporary file in the same
// folder, are flushed to the disk and checked, and only then renamed over the old file, so a full disk or an
// I/O error leaves the old file as it was. A device or FIFO (an existing non-regular file, or a path under
// /dev or /proc such as /dev/stdout) is written in place, never replaced. "-" is standard output. Folders
// are never created.
namespace headroom {

// The file's bytes, or the problem in words ("is a FIFO, not a regular file", "is larger than the
// 16777216-byte limit for a scenario"), without the path: callers put the path into their diagnostic.
using BytesOrProblem = std::variant<QByteArray, QString>;

// `kind` names the file in the limit message ("a scenario", "a catalog").
BytesOrProblem readLimitedFile(const QString &path, qint64 maxBytes, const QString &kind);

// Opens `path` for reading into `file` if it is a regular file, without blocking on a FIFO. Empty on
// success, else the problem (for readers that stream, such as the GGUF header reader).
QString openRegularFile(const QString &path, QFile &file);

// Empty on success, else the problem in words with the operating system's reason ("cannot write: No space
// left on device"), without the path.
QString writeFileSafely(const QString &path, const QByteArray &bytes);

// True when `path` is "-" or names something that must be written in place rather than replaced.
bool writesInPlace(const QString &path);

} // namespace headroom
