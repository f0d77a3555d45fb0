#pragma once

// Files a test writes for the code under test to read.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace headroom::test {

// Writes `bytes` to `name` in `dir`; the path, or empty when it cannot be written.
inline QString writeTestFile(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace headroom::test
