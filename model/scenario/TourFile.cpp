// Tour files on disk, the built-in tours compiled in from resources/demos, and recording steps into a file.
#include "scenario/Tour.h"

#include "scenario/TourStepScenario.h"

#include "core/FileLimits.h"
#include "core/JsonVariant.h"
#include "core/SafeFile.h"
#include "core/ScenarioJsonReader.h"

#include <QDir>
#include <QFileInfo>

namespace headroom {
namespace {

const QString BuiltInDirectory = QStringLiteral(":/demos");
const QString TourSuffix = QStringLiteral("json");

std::variant<QByteArray, Diagnostics> readBytes(const QString &path)
{
    BytesOrProblem read = readLimitedFile(path, limits::kMaxTourBytes, QStringLiteral("a tour"));
    if (const auto *problem = std::get_if<QString>(&read))
        return Diagnostics{Diagnostic{path, QString(), QString(), *problem}};
    return std::get<QByteArray>(std::move(read));
}

QString saveBytes(const QString &path, const QByteArray &bytes)
{
    const QString problem = writeFileSafely(path, bytes);
    return problem.isEmpty() ? QString() : path % QStringLiteral(": ") % problem;
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
    QByteArray before;
    int stepNumber = 1;
    if (QFileInfo::exists(path)) {
        auto bytes = readBytes(path);
        if (auto *problems = std::get_if<Diagnostics>(&bytes))
            return *problems;
        TourOrDiagnostics existing = parseTour(std::get<QByteArray>(bytes), origin, catalog);
        if (auto *problems = std::get_if<Diagnostics>(&existing))
            return *problems; // never overwrite what cannot be read back
        stepNumber = static_cast<int>(std::get<Tour>(existing).steps.size()) + 1;
        before = std::get<QByteArray>(bytes);
    } else {
        Tour tour;
        tour.name = QFileInfo(path).completeBaseName();
        tour.title = tour.name;
        before = serializeTour(tour);
    }
    // Read as a tour just above (or written by serializeTour): an object with a "steps" array.
    auto document = parseJsonObject(before, origin);
    if (auto *problems = std::get_if<Diagnostics>(&document))
        return *problems;
    nlohmann::json &root = std::get<nlohmann::json>(document);
    const TourStep step = recordedStep(scenario, stepNumber);
    root["steps"].push_back({{"title", step.title.toStdString()},
                             {"caption", step.caption.toStdString()},
                             {"scenario", jsonFromVariant(step.patch)}});
    const QByteArray bytes = indentedJson(root);
    // The new document must read back (it would not if, say, the scenario names a device of another catalog).
    TourOrDiagnostics check = parseTour(bytes, origin, catalog);
    if (auto *problems = std::get_if<Diagnostics>(&check))
        return *problems;
    if (const QString problem = saveBytes(path, bytes); !problem.isEmpty())
        return oneProblem(path, problem);
    return stepNumber;
}

} // namespace headroom
