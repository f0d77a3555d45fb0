// Scenario files on disk (atomic writes) and the chart-kind spellings of the scenario format.
#include "ScenarioFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <array>
#include <utility>

namespace headroom {
namespace {

// A scenario is a few kilobytes; anything far larger is not one, and is not read into memory.
constexpr qint64 MaxScenarioFileBytes = 16 * 1024 * 1024;

constexpr std::array chartNames{
    std::pair{ChartKind::Speed, "speed"},       std::pair{ChartKind::Memory, "memory"},
    std::pair{ChartKind::Concurrency, "concurrency"}, std::pair{ChartKind::Roofline, "roofline"},
    std::pair{ChartKind::Value, "value"},       std::pair{ChartKind::Accuracy, "accuracy"}};

} // namespace

QString toString(ChartKind chart)
{
    for (const auto &[kind, name] : chartNames) {
        if (kind == chart)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ChartKind> chartKindFromString(const QString &text)
{
    for (const auto &[kind, name] : chartNames) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

ScenarioOrDiagnostics readScenarioFile(const QString &path)
{
    const QString origin = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Diagnostics{Diagnostic{path, QString(), QString(), QStringLiteral("cannot open: ") % file.errorString()}};
    if (file.size() > MaxScenarioFileBytes) {
        return Diagnostics{Diagnostic{origin, QString(), QString(),
                                      QStringLiteral("is %1 bytes, too large for a scenario (limit %2)")
                                          .arg(file.size()).arg(MaxScenarioFileBytes)}};
    }
    return parseScenario(file.readAll(), origin);
}

QString writeScenarioFile(const QString &path, const Scenario &scenario)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path % QStringLiteral(": cannot write: ") % file.errorString();
    const QByteArray bytes = serializeScenario(scenario);
    if (file.write(bytes) != bytes.size())
        return path % QStringLiteral(": cannot write: ") % file.errorString();
    if (!file.commit())
        return path % QStringLiteral(": cannot save: ") % file.errorString();
    return {};
}

} // namespace headroom
