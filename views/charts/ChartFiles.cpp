#include "ChartFiles.h"

#include "core/SafeFile.h"

#include <QBuffer>
#include <QImageWriter>

namespace headroom {

QString cannotWrite(const QString &path, const QString &problem)
{
    return QStringLiteral("cannot write '%1': %2").arg(path, problem);
}

QString saveBytes(const QString &path, const QByteArray &bytes)
{
    const QString problem = writeFileSafely(path, bytes); // "cannot write: <the system's reason>"
    return problem.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(path, problem);
}

QString savePng(const QImage &image, const QString &path)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return cannotWrite(path, writer.errorString());
    return saveBytes(path, bytes);
}

} // namespace headroom
