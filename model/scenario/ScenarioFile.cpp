// Scenario files on disk (atomic writes) and the chart-kind spellings of the scenario format.
#include "scenario/ScenarioFile.h"

#include "core/FileLimits.h"
#include "core/SafeFile.h"

#include <QFileInfo>

#include <array>
#include <utility>

namespace headroom {
namespace {

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
    const BytesOrProblem read = readLimitedFile(path, limits::kMaxScenarioBytes, QStringLiteral("a scenario"));
    if (const auto *problem = std::get_if<QString>(&read))
        return Diagnostics{Diagnostic{path, QString(), QString(), *problem}};
    return parseScenario(std::get<QByteArray>(read), origin);
}

QString writeScenarioFile(const QString &path, const Scenario &scenario)
{
    const QString problem = writeFileSafely(path, serializeScenario(scenario));
    return problem.isEmpty() ? QString() : path % QStringLiteral(": ") % problem;
}

} // namespace headroom
