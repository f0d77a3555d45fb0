// `headroom-bench`: the window's slider latency, startup, engine throughput and peak memory.
#include "BenchCommand.h"

#include "BenchProcess.h"
#include "BenchSliderDriver.h"
#include "BenchWorkload.h"
#include "catalog/Catalog.h"
#include "MainWindow.h"
#include "Settings.h"

#include <QApplication>
#include <QTemporaryDir>

namespace headroom {
namespace {

constexpr int MeasurementFailed = 1;
constexpr int UsageError = 2;

bool isKnownFormat(const QString &format)
{
    return format.isEmpty() || format == QLatin1String("json") || format == QLatin1String("text");
}

} // namespace

std::variant<BenchReport, QString> runBenchmarks(const BenchPlan &plan)
{
    // Throw-away settings: the bench starts like a first run and never touches the user's store.
    const QTemporaryDir settingsDir;
    if (!settingsDir.isValid())
        return QStringLiteral("cannot create a temporary directory for the settings: %1").arg(settingsDir.errorString());
    Settings settings(settingsDir.filePath(QStringLiteral("settings.ini")));
    const Catalog &catalog = embeddedCatalog();

    BenchReport report;
    MainWindow window(catalog, settings);
    BenchSliderDriver driver(window);
    window.show();
    if (QString problem = driver.showScenario(articleLineupScenario()); !problem.isEmpty())
        return QStringLiteral("startup: ") + problem;
    const std::optional<double> startupMs = millisecondsSinceProcessStart();
    if (!startupMs)
        return QStringLiteral("cannot read the process start time from /proc/self/stat");
    report.startupMs = *startupMs;
    report.windowSize = window.size();

    if (QString problem = driver.showScenario(benchLineupScenario(catalog, plan.configurations)); !problem.isEmpty())
        return problem;
    std::variant<LineupLatency, QString> large = driver.measureSliders(plan.movesPerSlider);
    if (const auto *problem = std::get_if<QString>(&large))
        return QStringLiteral("%1 configurations: %2").arg(plan.configurations).arg(*problem);
    report.large = std::get<LineupLatency>(std::move(large));

    if (QString problem = driver.showScenario(articleLineupScenario()); !problem.isEmpty())
        return problem;
    std::variant<LineupLatency, QString> article = driver.measureSliders(plan.movesPerSlider);
    if (const auto *problem = std::get_if<QString>(&article))
        return QStringLiteral("article lineup: ") + *problem;
    report.article = std::get<LineupLatency>(std::move(article));
    report.moves = int(driver.timings().size());
    report.forcedRepaints = driver.forcedRepaints();

    report.estimatesPerSecond = measureEngineThroughput(engineBenchInputs(catalog), plan.engineSeconds).estimatesPerSecond;
    report.advisorSearch = summarizeLatencies(measureAdvisorSearches(advisorBenchRequests(catalog), catalog, plan.advisorRounds));
    report.peakRssMB = peakResidentMB();
    return report;
}

int runBench(const QString &format, QTextStream &out, QTextStream &err)
{
    if (!isKnownFormat(format)) {
        err << "headroom-bench: unknown format '" << format << "' (expected json or text)" << Qt::endl;
        return UsageError;
    }
    const std::variant<BenchReport, QString> result = runBenchmarks();
    if (const auto *problem = std::get_if<QString>(&result)) {
        err << "headroom-bench: " << *problem << Qt::endl;
        return MeasurementFailed;
    }
    const BenchReport &report = std::get<BenchReport>(result);
    if (format == QLatin1String("text"))
        out << benchReportText(report);
    else
        out << QString::fromUtf8(benchReportJson(report));
    out.flush();
    return 0;
}

int runBench(int &argc, char **argv, const QString &format)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    const QApplication application(argc, argv);
    QApplication::setApplicationName(QStringLiteral("headroom"));
    QApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return runBench(format, out, err);
}

} // namespace headroom
