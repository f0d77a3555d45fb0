#include "core/SafeFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace headroom {
namespace {

constexpr qint64 kReadChunkBytes = 64 * 1024;

QString systemError(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), qt_error_string(error));
}

QString notRegularProblem(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("is a directory, not a file");
    if (S_ISFIFO(mode))
        return QStringLiteral("is a FIFO (named pipe), not a regular file");
    if (S_ISCHR(mode))
        return QStringLiteral("is a character device, not a regular file");
    if (S_ISBLK(mode))
        return QStringLiteral("is a block device, not a regular file");
    if (S_ISSOCK(mode))
        return QStringLiteral("is a socket, not a regular file");
    return QStringLiteral("is not a regular file");
}

QString tooLarge(qint64 maxBytes, const QString &kind)
{
    return QStringLiteral("is larger than the %1-byte limit for %2").arg(maxBytes).arg(kind);
}

bool clearNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    return flags != -1 && ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != -1;
}

// Opens a file for reading without blocking (a FIFO with no writer would block in open()) and refuses
// anything but a regular file. Returns the descriptor, or -1 with the problem in `problem`.
int openRegularForReading(const QString &path, QString &problem)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        problem = systemError("cannot open", errno);
        return -1;
    }
    struct stat status {};
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || !clearNonBlocking(fd)) {
        problem = S_ISREG(status.st_mode) ? systemError("cannot open", errno) : notRegularProblem(status.st_mode);
        ::close(fd);
        return -1;
    }
    return fd;
}

BytesOrProblem readChunks(int fd, qint64 maxBytes, const QString &kind)
{
    QByteArray bytes;
    for (;;) {
        const qint64 before = bytes.size();
        bytes.resize(before + kReadChunkBytes);
        const ssize_t got = ::read(fd, bytes.data() + before, kReadChunkBytes);
        if (got < 0) {
            bytes.resize(before);
            if (errno == EINTR)
                continue;
            return systemError("read failed", errno);
        }
        bytes.resize(before + got);
        if (got == 0)
            return bytes;
        if (bytes.size() > maxBytes)
            return tooLarge(maxBytes, kind);
    }
}

QString writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qint64 left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return systemError("cannot write", errno);
        }
        data += written;
        left -= written;
    }
    return {};
}

bool isSystemPath(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    return absolute.startsWith(QLatin1String("/dev/")) || absolute.startsWith(QLatin1String("/proc/"));
}

// A device, FIFO or /dev path: written where it is, never replaced by a regular file.
QString writeInPlace(const QString &path, const QByteArray &bytes)
{
    // O_NONBLOCK: a FIFO with no reader fails at once (ENXIO) instead of blocking in open().
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENXIO)
            return QStringLiteral("cannot write: it is a FIFO that nobody reads");
        return systemError("cannot write", errno);
    }
    QString problem = clearNonBlocking(fd) ? writeAll(fd, bytes) : systemError("cannot write", errno);
    if (::close(fd) != 0 && problem.isEmpty())
        problem = systemError("cannot write", errno);
    return problem;
}

QString replaceAtomically(const QString &path, const QByteArray &bytes, const struct stat *existing)
{
    const QFileInfo target(existing ? QFileInfo(path).canonicalFilePath() : QFileInfo(path).absoluteFilePath());
    const QDir folder = target.absoluteDir();
    if (!folder.exists())
        return QStringLiteral("cannot write: the folder %1 does not exist").arg(QDir::toNativeSeparators(folder.path()));

    QString temporaryPath;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temporaryPath = folder.filePath(QStringLiteral(".%1.%2.tmp")
                                            .arg(target.fileName())
                                            .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
        fd = ::open(QFile::encodeName(temporaryPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            return systemError("cannot write", errno);
    }
    if (fd < 0)
        return QStringLiteral("cannot write: no free temporary name in %1").arg(folder.path());

    QString problem;
    if (existing && ::fchmod(fd, existing->st_mode & 07777) != 0)
        problem = systemError("cannot write", errno);
    if (problem.isEmpty())
        problem = writeAll(fd, bytes);
    // fsync reports the errors a file system defers past write() (a full disk under delayed allocation).
    if (problem.isEmpty() && ::fsync(fd) != 0)
        problem = systemError("cannot write", errno);
    if (::close(fd) != 0 && problem.isEmpty())
        problem = systemError("cannot write", errno);
    if (problem.isEmpty()
        && ::rename(QFile::encodeName(temporaryPath).constData(), QFile::encodeName(target.filePath()).constData())
               != 0)
        problem = systemError("cannot save", errno);
    if (!problem.isEmpty())
        ::unlink(QFile::encodeName(temporaryPath).constData());
    return problem;
}

} // namespace

BytesOrProblem readLimitedFile(const QString &path, qint64 maxBytes, const QString &kind)
{
    if (path == QLatin1String("-"))
        return readChunks(STDIN_FILENO, maxBytes, kind);
    if (path.startsWith(QLatin1Char(':'))) { // compiled-in resources: the product's own files
        QFile resource(path);
        if (!resource.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot open: %1").arg(resource.errorString());
        if (resource.size() > maxBytes)
            return tooLarge(maxBytes, kind);
        return resource.readAll();
    }
    QString problem;
    const int fd = openRegularForReading(path, problem);
    if (fd < 0)
        return problem;
    struct stat status {};
    BytesOrProblem result = ::fstat(fd, &status) == 0 && status.st_size > maxBytes
                                ? BytesOrProblem(tooLarge(maxBytes, kind))
                                : readChunks(fd, maxBytes, kind);
    ::close(fd);
    return result;
}

QString openRegularFile(const QString &path, QFile &file)
{
    QString problem;
    const int fd = openRegularForReading(path, problem);
    if (fd < 0)
        return problem;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return QStringLiteral("cannot open: %1").arg(file.errorString());
    }
    return {};
}

bool writesInPlace(const QString &path)
{
    if (path == QLatin1String("-") || isSystemPath(path))
        return true;
    struct stat status {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 && !S_ISREG(status.st_mode)
           && !S_ISDIR(status.st_mode);
}

QString writeFileSafely(const QString &path, const QByteArray &bytes)
{
    if (path == QLatin1String("-"))
        return writeAll(STDOUT_FILENO, bytes);
    struct stat status {};
    const bool exists = ::stat(QFile::encodeName(path).constData(), &status) == 0;
    if (exists && S_ISDIR(status.st_mode))
        return QStringLiteral("cannot write: it is a directory");
    if (isSystemPath(path)) {
        if (!exists)
            return QStringLiteral("cannot write: no such device");
        return writeInPlace(path, bytes);
    }
    if (exists && !S_ISREG(status.st_mode))
        return writeInPlace(path, bytes);
    return replaceAtomically(path, bytes, exists ? &status : nullptr);
}

} // namespace headroom
