#include "CommandIo.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace headroom {

QString describePath(const QString &path, bool input)
{
    if (path == QLatin1String("-"))
        return input ? QStringLiteral("standard input") : QStringLiteral("standard output");
    return path;
}

std::optional<QByteArray> readCommandInput(const QString &path, const QString &command, QTextStream &err)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        err << "headroom " << command << ": " << describePath(path, true) << ": cannot read: " << file.errorString()
            << Qt::endl;
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        err << "headroom " << command << ": " << describePath(path, true) << ": read failed: " << file.errorString()
            << Qt::endl;
        return std::nullopt;
    }
    return bytes;
}

bool writeCommandOutput(const QString &path, const QByteArray &bytes, const QString &command, QTextStream &err)
{
    if (path == QLatin1String("-")) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.flush()) {
            err << "headroom " << command << ": standard output: write failed" << Qt::endl;
            return false;
        }
        return true;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        err << "headroom " << command << ": " << path << ": cannot write: " << file.errorString() << Qt::endl;
        return false;
    }
    return true;
}

std::optional<Catalog> loadCommandCatalog(const QString &userCatalogPath, const QString &command, QTextStream &err)
{
    if (userCatalogPath.isEmpty())
        return embeddedCatalog();
    CatalogOrDiagnostics loaded = loadUserCatalog(userCatalogPath);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&loaded)) {
        if (diagnostics->isEmpty())
            err << "headroom " << command << ": " << userCatalogPath << ": invalid catalog" << Qt::endl;
        for (const Diagnostic &diagnostic : *diagnostics)
            err << "headroom " << command << ": " << diagnostic.toString() << Qt::endl;
        return std::nullopt;
    }
    return std::get<Catalog>(std::move(loaded));
}

} // namespace headroom
