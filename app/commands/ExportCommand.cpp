// `headroom export`: the scenario (or the article lineup) -> the chart's inputs (session/ChartInputs.h:
// estimates, advice or validation) -> the same ChartBase the window shows -> PNG or SVG. Every failure is
// one line on `err` and exit status 2.
#include "ExportCommand.h"

#include "CommandIo.h"

#include "catalog/Catalog.h"
#include "views/charts/ChartBase.h"
#include "scenario/Scenario.h"
#include "session/ChartInputs.h"

#include <QFileInfo>
#include <QSize>
#include <QStringList>

#include <optional>

namespace headroom {

namespace {

constexpr int ExportFailed = 2;
constexpr int MaxImageSidePixels = 16384; // larger images exhaust memory (as the command line enforces)

std::optional<ChartKind> supportedChart(const QString &name)
{
    for (ChartKind kind : supportedChartKinds()) {
        if (toString(kind).compare(name, Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString supportedChartNames()
{
    QStringList names;
    for (ChartKind kind : supportedChartKinds())
        names.append(toString(kind));
    return names.join(QStringLiteral(", "));
}

} // namespace

int runExport(const Options &options, QTextStream &err)
{
    const std::optional<ChartKind> kind = supportedChart(options.chart);
    if (!kind) {
        err << "headroom export: unknown chart '" << options.chart << "' (expected " << supportedChartNames() << ")"
            << Qt::endl;
        return ExportFailed;
    }
    const QString suffix = QFileInfo(options.output).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg")) {
        err << "headroom export: output '" << options.output << "' must end in .png or .svg" << Qt::endl;
        return ExportFailed;
    }
    if (options.width < 1 || options.width > MaxImageSidePixels || options.height < 1
        || options.height > MaxImageSidePixels) {
        err << "headroom export: size " << options.width << "x" << options.height
            << " is out of range (width and height must be 1 to " << MaxImageSidePixels << " pixels)" << Qt::endl;
        return ExportFailed;
    }

    const std::optional<Scenario> scenario = loadCommandScenario(options.scenarioPath, QStringLiteral("export"), err);
    if (!scenario)
        return ExportFailed;
    const std::optional<Catalog> catalog = loadCommandCatalog(options.catalogPath, QStringLiteral("export"), err);
    if (!catalog)
        return ExportFailed;

    const ChartInputs inputs = chartInputsFor(*scenario, *kind, *catalog);
    const QString origin = options.scenarioPath.isEmpty() ? QStringLiteral("article lineup") : options.scenarioPath;
    if (!inputs.estimates.problem.isEmpty()) {
        err << "headroom export: " << origin << ": " << inputs.estimates.problem << Qt::endl;
        return ExportFailed;
    }
    // The value chart plots the advisor's answer to the scenario's question, not its configurations.
    if (*kind == ChartKind::Value && !inputs.advice.result) {
        err << "headroom export: " << origin << ": " << inputs.advice.problem << Qt::endl;
        return ExportFailed;
    }

    const std::unique_ptr<ChartBase> chart = createChart(*kind);
    chart->setInputs(inputs);
    const QSize size(options.width, options.height);
    const QString problem = suffix == QLatin1String("svg") ? chart->exportSvg(options.output, size)
                                                           : chart->exportPng(options.output, size);
    if (!problem.isEmpty()) {
        err << "headroom export: " << problem << Qt::endl;
        return ExportFailed;
    }
    return 0;
}

} // namespace headroom
