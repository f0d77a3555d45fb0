#include "CommandIo.h"

#include "core/FileLimits.h"
#include "core/SafeFile.h"
#include "scenario/ScenarioFile.h"

#include <utility>

namespace headroom {

QString describePath(const QString &path, bool input)
{
    if (path == QLatin1String("-"))
        return input ? QStringLiteral("standard input") : QStringLiteral("standard output");
    return path;
}

std::optional<QByteArray> readCommandInput(const QString &path, const QString &command, QTextStream &err)
{
    BytesOrProblem read = readLimitedFile(path, limits::kMaxCommandInputBytes, QStringLiteral("a command's input"));
    if (const auto *problem = std::get_if<QString>(&read)) {
        err << "headroom " << command << ": " << describePath(path, true) << ": " << *problem << Qt::endl;
        return std::nullopt;
    }
    return std::get<QByteArray>(std::move(read));
}

bool writeCommandOutput(const QString &path, const QByteArray &bytes, const QString &command, QTextStream &err)
{
    const QString problem = writeFileSafely(path, bytes);
    if (!problem.isEmpty()) {
        err << "headroom " << command << ": " << describePath(path, false) << ": " << problem << Qt::endl;
        return false;
    }
    return true;
}

std::optional<JsonCommandStart> startJsonCommand(const QString &catalogPath, const QString &inputPath,
                                                 const QString &command, QTextStream &err)
{
    std::optional<Catalog> catalog = loadCommandCatalog(catalogPath, command, err);
    if (!catalog)
        return std::nullopt;
    std::optional<QByteArray> input = readCommandInput(inputPath, command, err);
    if (!input)
        return std::nullopt;
    return JsonCommandStart{std::move(*catalog), std::move(*input)};
}

void reportDiagnostics(const Diagnostics &diagnostics, const QString &command, QTextStream &err)
{
    const QString prefix = QStringLiteral("headroom ") + command + QStringLiteral(": ");
    for (const QString &line : toString(diagnostics).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        err << prefix << line << '\n';
    err.flush();
}

std::optional<Catalog> loadCommandCatalog(const QString &userCatalogPath, const QString &command, QTextStream &err)
{
    if (userCatalogPath.isEmpty())
        return embeddedCatalog();
    CatalogOrDiagnostics loaded = loadUserCatalog(userCatalogPath);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&loaded)) {
        if (diagnostics->isEmpty())
            err << "headroom " << command << ": " << userCatalogPath << ": invalid catalog" << Qt::endl;
        reportDiagnostics(*diagnostics, command, err);
        return std::nullopt;
    }
    return std::get<Catalog>(std::move(loaded));
}

std::optional<Scenario> loadCommandScenario(const QString &path, const QString &command, QTextStream &err)
{
    if (path.isEmpty())
        return articleLineupScenario();
    ScenarioOrDiagnostics read = readScenarioFile(path);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&read)) {
        if (diagnostics->isEmpty())
            err << "headroom " << command << ": " << path << ": invalid scenario" << Qt::endl;
        reportDiagnostics(*diagnostics, command, err);
        return std::nullopt;
    }
    return std::get<Scenario>(std::move(read));
}

} // namespace headroom
