// `headroom report`: scenario -> the speed chart's inputs (session/ChartInputs.h) -> ReportExporter.
#include "ReportCommand.h"

#include "CommandIo.h"
#include "views/charts/ReportExporter.h"
#include "session/ChartInputs.h"

#include <QDate>
#include <QFileInfo>

namespace headroom {
namespace {

constexpr int ReportFailed = 2;

} // namespace

int runReport(const Options &options, QTextStream &err)
{
    const QString command = QStringLiteral("report");
    const QString suffix = QFileInfo(options.output).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("png")) {
        err << "headroom report: output '" << options.output << "' must end in .pdf or .png" << Qt::endl;
        return ReportFailed;
    }
    const std::optional<Scenario> scenario = loadCommandScenario(options.scenarioPath, command, err);
    if (!scenario)
        return ReportFailed;
    const std::optional<Catalog> catalog = loadCommandCatalog(options.catalogPath, command, err);
    if (!catalog)
        return ReportFailed;
    const ChartInputs inputs = chartInputsFor(*scenario, ChartKind::Speed, *catalog);
    if (!inputs.estimates.problem.isEmpty()) {
        const QString origin = options.scenarioPath.isEmpty() ? QStringLiteral("article lineup") : options.scenarioPath;
        err << "headroom report: " << origin << ": " << inputs.estimates.problem << Qt::endl;
        return ReportFailed;
    }
    if (inputs.estimates.rows.isEmpty()) {
        err << "headroom report: " << options.scenarioPath << ": no configuration is checked" << Qt::endl;
        return ReportFailed;
    }
    ReportOptions reportOptions;
    reportOptions.generatedOn = QDate::currentDate().toString(Qt::ISODate);
    const ReportResult result = exportReport(*scenario, inputs, options.output, reportOptions);
    if (!result.ok()) {
        err << "headroom report: " << result.error << Qt::endl;
        return ReportFailed;
    }
    return 0;
}

} // namespace headroom
