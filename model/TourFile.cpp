// Tour files on disk, the built-in tours compiled in from resources/demos, and recording steps into a file.
#include "Tour.h"

#include "TourStepScenario.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace headroom {
namespace {

// A tour is tens of kilobytes; anything far larger is not one, and is not read into memory.
constexpr qint64 MaxTourFileBytes = 16 * 1024 * 1024;

const QString BuiltInDirectory = QStringLiteral(":/demos");
const QString TourSuffix = QStringLiteral("json");

std::variant<QByteArray, Diagnostics> readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostics{Diagnostic{path, QString(), QString(), QStringLiteral("cannot open: ") % file.errorString()}};
    if (file.size() > MaxTourFileBytes) {
        return Diagnostics{Diagnostic{path, QString(), QString(),
                                      QStringLiteral("is %1 bytes, too large for a tour (limit %2)")
                                          .arg(file.size()).arg(MaxTourFileBytes)}};
    }
    return file.readAll();
}

QString saveBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path % QStringLiteral(": cannot write: ") % file.errorString();
    if (file.write(bytes) != bytes.size())
        return path % QStringLiteral(": cannot write: ") % file.errorString();
    if (!file.commit())
        return path % QStringLiteral(": cannot save: ") % file.errorString();
    return {};
}

Diagnostics oneProblem(const QString &file, const QString &problem)
{
    return Diagnostics{Diagnostic{file, QString(), QString(), problem}};
}

} // namespace

TourOrDiagnostics readTourFile(const QString &path, const Catalog &catalog)
{
    auto bytes = readBytes(path);
    if (auto *problems = std::get_if<Diagnostics>(&bytes))
        return *problems;
    TourOrDiagnostics tour = parseTour(std::get<QByteArray>(bytes), QFileInfo(path).fileName(), catalog);
    if (auto *parsed = std::get_if<Tour>(&tour))
        parsed->origin = path;
    return tour;
}

QString writeTourFile(const QString &path, const Tour &tour)
{
    return saveBytes(path, serializeTour(tour));
}

QStringList builtInTourNames()
{
    QStringList names;
    const QFileInfoList files = QDir(BuiltInDirectory).entryInfoList({QStringLiteral("*.") % TourSuffix}, QDir::Files,
                                                                     QDir::Name);
    for (const QFileInfo &file : files)
        names << file.completeBaseName();
    return names;
}

QString builtInTourPath(const QString &name)
{
    return BuiltInDirectory % QLatin1Char('/') % name % QLatin1Char('.') % TourSuffix;
}

TourOrDiagnostics loadTour(const QString &nameOrPath, const Catalog &catalog)
{
    if (builtInTourNames().contains(nameOrPath))
        return readTourFile(builtInTourPath(nameOrPath), catalog);
    if (QFileInfo::exists(nameOrPath))
        return readTourFile(nameOrPath, catalog);
    return oneProblem(nameOrPath, QStringLiteral("no such tour file, and no built-in tour of that name (built in: %1)")
                                      .arg(builtInTourNames().join(QStringLiteral(", "))));
}

std::variant<int, Diagnostics> appendRecordedStep(const QString &path, const Scenario &scenario,
                                                  const Catalog &catalog)
{
    const QString origin = QFileInfo(path).fileName();
    QJsonObject root;
    int stepNumber = 1;
    if (QFileInfo::exists(path)) {
        auto bytes = readBytes(path);
        if (auto *problems = std::get_if<Diagnostics>(&bytes))
            return *problems;
        TourOrDiagnostics existing = parseTour(std::get<QByteArray>(bytes), origin, catalog);
        if (auto *problems = std::get_if<Diagnostics>(&existing))
            return *problems; // never overwrite what cannot be read back
        stepNumber = static_cast<int>(std::get<Tour>(existing).steps.size()) + 1;
        root = QJsonDocument::fromJson(std::get<QByteArray>(bytes)).object();
    } else {
        Tour tour;
        tour.name = QFileInfo(path).completeBaseName();
        tour.title = tour.name;
        root = QJsonDocument::fromJson(serializeTour(tour)).object();
    }
    const TourStep step = recordedStep(scenario, stepNumber);
    QJsonArray steps = root.value(QStringLiteral("steps")).toArray();
    steps.append(QJsonObject{{QStringLiteral("title"), step.title},
                             {QStringLiteral("caption"), step.caption},
                             {QStringLiteral("scenario"), step.patch}});
    root.insert(QStringLiteral("steps"), steps);
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    // The new document must read back (it would not if, say, the scenario names a device of another catalog).
    TourOrDiagnostics check = parseTour(bytes, origin, catalog);
    if (auto *problems = std::get_if<Diagnostics>(&check))
        return *problems;
    if (const QString problem = saveBytes(path, bytes); !problem.isEmpty())
        return oneProblem(path, problem);
    return stepNumber;
}

} // namespace headroom
