// The value chart: one point per priced shortlisted configuration, the Pareto front, the budget and
// speed lines, the note for unpriced configurations, the price axis scale; rendered to PNG.
#include "../support/AdvisorCandidates.h"
#include "engine/Estimator.h"
#include "scenario/ScenarioAdvisor.h"
#include "views/charts/axes/ValueAxes.h"
#include "views/charts/ValueChart.h"
#include "session/ChartInputs.h"
#include "advisor/ParetoFront.h"
#include "session/ScenarioAdvice.h"

#include <QDir>
#include <QGraphicsScene>
#include <QImage>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QRegularExpression>
#include <QScatterSeries>
#include <QSet>
#include <QTest>
#include <QValueAxis>

using namespace headroom;

namespace {

AdvisorCandidate candidate(const QString &deviceId, int count, std::optional<double> priceUsd)
{
    constexpr double BoardPowerW = 500; // per card
    return testing::advisorCandidate(deviceId, count, priceUsd, BoardPowerW * count);
}

AdvisorRejection rejection(AdvisorCandidate c, Requirement requirement)
{
    AdvisorRejection r;
    r.candidate = std::move(c);
    r.requirement = requirement;
    r.reason = QStringLiteral("hand-made ") + toString(requirement);
    return r;
}

// Two priced picks (Apple, NVIDIA), one unpriced pick, one over budget, one unpriced under a budget,
// one too slow (not plotted: it fails speed, not price).
AdvisorResult handMade()
{
    AdvisorResult result;
    result.shortlist = {candidate(QStringLiteral("m3-ultra"), 1, 5599), candidate(QStringLiteral("rtx-5090"), 2, 3998),
                        candidate(QStringLiteral("rtx-pro-6000"), 1, std::nullopt)};
    result.rejected = {rejection(candidate(QStringLiteral("rtx-pro-6000"), 2, 17000), Requirement::Budget),
                       rejection(candidate(QStringLiteral("h100-pcie"), 1, std::nullopt), Requirement::PriceUnknown),
                       rejection(candidate(QStringLiteral("m4-pro"), 1, 1399), Requirement::Speed)};
    result.considered = 6;
    result.reason = QStringLiteral("hand-made");
    return result;
}

AdvisorRequirements limits(std::optional<double> budgetUsd, std::optional<double> minSpeed)
{
    AdvisorRequirements r;
    r.budgetUsd = budgetUsd;
    r.minDecodeTpsPerUser = minSpeed;
    return r;
}

void saveScreenshot(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("HEADROOM_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(image.save(QDir(dir).filePath(name)));
}

QString fileNameFor(QString tag)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9]+"));
    return tag.replace(unsafe, QStringLiteral("-"));
}

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

} // namespace

class TestValueChart final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void paretoFront_data()
    {
        QTest::addColumn<QList<QPointF>>("points"); // price, speed
        QTest::addColumn<QList<int>>("front");
        QTest::newRow("empty") << QList<QPointF>{} << QList<int>{};
        QTest::newRow("one") << QList<QPointF>{{3, 10}} << QList<int>{0};
        QTest::newRow("dearer and slower is dominated") << QList<QPointF>{{1, 10}, {2, 5}, {3, 20}} << QList<int>{0, 2};
        QTest::newRow("same price: the faster") << QList<QPointF>{{1, 10}, {1, 12}, {2, 11}} << QList<int>{1};
        QTest::newRow("same speed: the cheaper") << QList<QPointF>{{2, 10}, {1, 10}} << QList<int>{1};
        QTest::newRow("unsorted") << QList<QPointF>{{5, 50}, {1, 10}, {3, 30}, {4, 20}, {2, 5}} << QList<int>{1, 2, 0};
        QTest::newRow("every point") << QList<QPointF>{{1, 1}, {2, 2}, {4, 4}} << QList<int>{0, 1, 2};
    }
    void paretoFront()
    {
        QFETCH(QList<QPointF>, points);
        QFETCH(QList<int>, front);
        QCOMPARE(headroom::paretoFront(points), front);
    }

    void plotsPricedConfigurations()
    {
        ValueChart chart;
        const AdvisorResult result = handMade();
        chart.setAdvice(result, limits(15000, 10));
        QCOMPARE(chart.seriesFor(Platform::Apple)->count(), 1);
        QCOMPARE(chart.seriesFor(Platform::Nvidia)->count(), 1);
        QCOMPARE(chart.seriesFor(Platform::Other)->count(), 0);
        QCOMPARE(chart.rejectedSeries()->count(), 1); // over budget; the too-slow one is not plotted
        QCOMPARE(chart.points().size(), 3);
        QCOMPARE(chart.seriesFor(Platform::Apple)->at(0),
                 QPointF(5.599, result.shortlist.at(0).estimate.decodeTpsPerUser)); // thousands of dollars
        QCOMPARE(chart.rejectedSeries()->at(0).x(), 17.0);
        QVERIFY(chart.note().contains(QStringLiteral("2 configurations with no public price are not plotted")));
        QVERIFY(chart.note().contains(result.shortlist.at(2).label));
        QVERIFY(chart.pointTooltip(0).contains(explainCost(result.shortlist.at(0), CostAssumptions{})));
        QVERIFY(chart.pointTooltip(2).contains(QStringLiteral("Left out: hand-made budget")));
        QVERIFY(chart.pointTooltip(3).isEmpty());
    }

    void frontIsOverQualifyingPoints()
    {
        ValueChart chart;
        const AdvisorResult result = handMade();
        chart.setAdvice(result, limits(15000, std::nullopt));
        QList<QPointF> qualifying;
        for (int i = 0; i < 2; ++i)
            qualifying << QPointF(*result.shortlist.at(i).priceUsd / 1000, result.shortlist.at(i).estimate.decodeTpsPerUser);
        QCOMPARE(chart.frontPoints(), headroom::paretoFront(qualifying)); // points 0 and 1 are the qualifying ones
        QVERIFY(!chart.frontPoints().contains(2));                          // the grey one never
        const QList<QPointF> line = chart.frontLine()->points();
        QVERIFY(!line.isEmpty());
        QCOMPARE(line.first(), qualifying.at(chart.frontPoints().first()));
        QCOMPARE(line.last(), qualifying.at(chart.frontPoints().last()));
        QCOMPARE(line.size(), 2 * chart.frontPoints().size() - 1); // a staircase: one corner per step
        QCOMPARE(chart.frontLabels().size(), chart.frontPoints().size());
    }

    void limitLines_data()
    {
        QTest::addColumn<std::optional<double>>("budget");
        QTest::addColumn<std::optional<double>>("speed");
        QTest::newRow("none") << std::optional<double>() << std::optional<double>();
        QTest::newRow("budget") << std::optional<double>(15000) << std::optional<double>();
        QTest::newRow("speed") << std::optional<double>() << std::optional<double>(20);
        QTest::newRow("both") << std::optional<double>(8000) << std::optional<double>(12.5);
    }
    void limitLines()
    {
        QFETCH(std::optional<double>, budget);
        QFETCH(std::optional<double>, speed);
        ValueChart chart;
        chart.setAdvice(handMade(), limits(budget, speed));
        const QList<QPointF> budgetLine = chart.budgetLine()->points();
        const QList<QPointF> speedLine = chart.speedLine()->points();
        QCOMPARE(budgetLine.isEmpty(), !budget);
        QCOMPARE(speedLine.isEmpty(), !speed);
        if (budget) {
            QCOMPARE(budgetLine.size(), 2);
            QCOMPARE(budgetLine.at(0).x(), *budget / 1000);
            QCOMPARE(budgetLine.at(1).x(), *budget / 1000);
            QCOMPARE(budgetLine.at(1).y(), chart.speedAxis()->max());
        }
        if (speed) {
            QCOMPARE(speedLine.size(), 2);
            QCOMPARE(speedLine.at(0).y(), *speed);
            QCOMPARE(speedLine.at(1).y(), *speed);
            QVERIFY(chart.speedAxis()->max() > *speed);
        }
    }

    void priceAxisScale_data()
    {
        QTest::addColumn<double>("cheap");
        QTest::addColumn<double>("dear");
        QTest::addColumn<bool>("logScale");
        QTest::newRow("1.4x span: linear") << 3998.0 << 5599.0 << false;
        QTest::newRow("9x span: linear") << 1000.0 << 9000.0 << false;
        QTest::newRow("10x span: log") << 1000.0 << 10000.0 << true;
        QTest::newRow("300x span: log") << 1000.0 << 300000.0 << true;
    }
    void priceAxisScale()
    {
        QFETCH(double, cheap);
        QFETCH(double, dear);
        QFETCH(bool, logScale);
        AdvisorResult result;
        result.shortlist = {candidate(QStringLiteral("rtx-5090"), 2, cheap), candidate(QStringLiteral("m3-ultra"), 1, dear)};
        ValueChart chart;
        chart.setAdvice(result, AdvisorRequirements{});
        QCOMPARE(chart.usesLogPriceAxis(), logScale);
        QCOMPARE(chart.isAxisDrawn(chart.logPriceAxis()), logScale);
        QCOMPARE(chart.isAxisDrawn(chart.linearPriceAxis()), !logScale);
        const double low = logScale ? chart.logPriceAxis()->min() : chart.linearPriceAxis()->min();
        const double high = logScale ? chart.logPriceAxis()->max() : chart.linearPriceAxis()->max();
        QVERIFY(low < cheap / 1000);
        QVERIFY(high > dear / 1000);
        for (QAbstractSeries *series : chart.chart()->series())
            QVERIFY(series->attachedAxes().contains(logScale ? static_cast<QAbstractAxis *>(chart.logPriceAxis())
                                                             : chart.linearPriceAxis()));
        // The chart draws the scale in use: a log scale of ten with its minor grid (2, 3, ... 9 x 10^k).
        const QImage image = chart.renderImage(QSize(1000, 560));
        QVERIFY(!image.isNull());
        saveScreenshot(image, QStringLiteral("value-price-%1.png").arg(fileNameFor(QString::fromUtf8(QTest::currentDataTag()))));
        const ValueAxes *axes = nullptr;
        for (QGraphicsItem *item : chart.scene()->items()) {
            if (auto *found = dynamic_cast<ValueAxes *>(item))
                axes = found;
        }
        QVERIFY(axes);
        QCOMPARE(axes->minorLines().size(), logScale ? minorTickValues(chart.logPriceAxis()).size() : 0);
        QVERIFY(!logScale || chart.logPriceAxis()->minorTickCount() == 0 || !axes->minorLines().isEmpty());
        QCOMPARE(axes->labels(chart.logPriceAxis()).isEmpty(), !logScale);
        QCOMPARE(axes->labels(chart.linearPriceAxis()).isEmpty(), logScale);
    }

    void updatesInPlace()
    {
        ValueChart chart;
        QScatterSeries *nvidia = chart.seriesFor(Platform::Nvidia);
        chart.setAdvice(handMade(), limits(15000, 10));
        AdvisorResult fewer = handMade();
        fewer.shortlist.removeFirst();
        fewer.rejected.clear();
        chart.setAdvice(fewer, AdvisorRequirements{});
        QCOMPARE(chart.seriesFor(Platform::Nvidia), nvidia);
        QCOMPARE(chart.seriesFor(Platform::Apple)->count(), 0);
        QCOMPARE(chart.rejectedSeries()->count(), 0);
        QVERIFY(chart.budgetLine()->points().isEmpty());
        QVERIFY(chart.note().contains(QStringLiteral("1 configuration with no public price is not plotted")));
    }

    void beforeAdvice()
    {
        ValueChart chart;
        QVERIFY(!chart.hasAdvice());
        QVERIFY(chart.note().contains(QStringLiteral("has not run")));
        QVERIFY(chart.kind() == ChartKind::Value);
        const std::unique_ptr<ChartBase> made = createChart(ChartKind::Value);
        QVERIFY(made->kind() == ChartKind::Value);
        QVERIFY(isChartKindSupported(ChartKind::Value));
    }

    // The configurations being compared are on the map too, at their price and speed, named where there
    // is room and explained on hover; those without a price or that do not run cannot be placed.
    void showsTheComparedConfigurations()
    {
        ValueChart chart;
        chart.resize(1600, 900);
        const ChartInputs inputs = chartInputsFor(articleLineupScenario(), ChartKind::Value, embeddedCatalog());
        chart.setInputs(inputs);
        chart.renderImage(QSize(1600, 900)); // lays the labels out
        QList<QPointF> expected;
        QStringList labels;
        for (const EstimateRow &row : inputs.estimates.rows) {
            if (row.estimate.runs() && row.price.usd) {
                expected << QPointF(*row.price.usd / 1000, row.estimate.decodeTpsPerUser);
                labels << row.label;
            }
        }
        QVERIFY(expected.size() >= 4); // the Macs and the RTX 5090s have prices
        QCOMPARE(chart.comparedSeries()->points(), expected);
        const QStringList shown = chart.comparedLabels();
        QVERIFY2(shown.size() >= expected.size() - 1, qPrintable(shown.join(QStringLiteral(", "))));
        for (const QString &label : shown)
            QVERIFY(labels.contains(label));
        QVERIFY(chart.comparedTooltip(0).contains(labels.first()));
        QVERIFY(chart.comparedTooltip(0).contains(QStringLiteral("$")));
        QVERIFY(chart.comparedTooltip(int(expected.size())).isEmpty());

        chart.setEstimates(EstimateSet{}); // nothing compared: nothing drawn
        QVERIFY(chart.comparedSeries()->points().isEmpty());
        QVERIFY(chart.comparedLabels().isEmpty());
    }

    // Every system the user quoted is ringed and named with its quote, whether it made the shortlist,
    // fell past the limit or failed a requirement; without quotes there are no rings.
    void showsEveryQuote()
    {
        Scenario scenario = articleLineupScenario();
        scenario.workload.users = 8;
        scenario.advisor.minDecodeTpsPerUser = 10;
        scenario.advisor.limit = 1;
        const QString slowMac = QStringLiteral("mac-studio-m3-ultra-256");
        const QString workstation = QStringLiteral("workstation-2x-rtx-pro-6000");
        scenario.advisor.quotesUsd = {{slowMac, 7000}, {workstation, 21000}};
        ValueChart chart;
        chart.setInputs(chartInputsFor(scenario, ChartKind::Value, embeddedCatalog()));
        chart.renderImage(QSize(1600, 900)); // lays the labels out
        QSet<QString> ringed;
        QList<QPointF> expected;
        for (const ValueChart::Point &point : chart.points()) {
            if (point.quoted) {
                ringed.insert(point.candidate.systemId);
                expected << QPointF(*point.candidate.priceUsd / 1000, point.candidate.estimate.decodeTpsPerUser);
            }
        }
        QCOMPARE(ringed, (QSet<QString>{slowMac, workstation}));
        QCOMPARE(chart.quotedSeries()->points(), expected);
        // Named by its own label, or by the front's where it is on the front.
        const QString labels = (chart.quotedLabels() + chart.frontLabels()).join(QLatin1Char('|'));
        QVERIFY2(labels.contains(QStringLiteral("your quote $7,000")), qPrintable(labels));
        QVERIFY2(labels.contains(QStringLiteral("your quote $21,000")), qPrintable(labels));
        saveScreenshot(chart.renderImage(QSize(1600, 900)), QStringLiteral("value-quotes.png"));

        scenario.advisor.quotesUsd.clear();
        chart.setInputs(chartInputsFor(scenario, ChartKind::Value, embeddedCatalog()));
        QVERIFY(chart.quotedSeries()->points().isEmpty());
        QVERIFY(chart.quotedLabels().isEmpty());
    }

    void advisesAScenario()
    {
        ValueChart chart;
        Scenario scenario = articleLineupScenario();
        scenario.modelId = QStringLiteral("no-such-model");
        const ScenarioAdvice unknown = adviceFor(scenario, embeddedCatalog());
        QCOMPARE(unknown.problem, QStringLiteral("unknown model \"no-such-model\""));
        QVERIFY(!unknown.result);
        QVERIFY(!chart.hasAdvice());
        scenario = articleLineupScenario();
        scenario.advisor.budgetUsd = 12000;
        const ScenarioAdvice advice = adviceFor(scenario, embeddedCatalog());
        QCOMPARE(advice.problem, QString());
        QVERIFY(advice.result);
        chart.setAdvice(*advice.result, advice.requirements);
        QVERIFY(chart.hasAdvice());
        QCOMPARE(chart.budgetLine()->points().first().x(), 12.0);
    }

    void rendersTheArticleQuestion_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<int>("users");
        QTest::addColumn<double>("minSpeed");
        QTest::addColumn<std::optional<double>>("budget");
        QTest::addColumn<Theme>("theme");
        QTest::newRow("llama 70b, 20 t/s") << QStringLiteral("llama-3.3-70b") << 1 << 20.0 << std::optional<double>() << Theme::Light;
        QTest::newRow("qwen3 30b, 8 users, 30 t/s, $10k, dark")
            << QStringLiteral("qwen3-30b-a3b") << 8 << 30.0 << std::optional<double>(10000) << Theme::Dark;
    }
    void rendersTheArticleQuestion()
    {
        QFETCH(QString, modelId);
        QFETCH(int, users);
        QFETCH(double, minSpeed);
        QFETCH(std::optional<double>, budget);
        QFETCH(Theme, theme);
        Scenario scenario = articleLineupScenario();
        scenario.modelId = modelId;
        scenario.workload.users = users;
        scenario.advisor.minDecodeTpsPerUser = minSpeed;
        scenario.advisor.budgetUsd = budget;
        scenario.advisor.limit = 40;
        const AdvisorRequestOrProblem request = advisorRequestFor(scenario, embeddedCatalog());
        QVERIFY(std::holds_alternative<AdvisorRequest>(request));
        const AdvisorResult result = advise(std::get<AdvisorRequest>(request), embeddedCatalog());

        ValueChart chart;
        chart.setTheme(theme);
        chart.setEstimates(computeEstimates(scenario, embeddedCatalog()));
        chart.setAdvice(result, scenario.advisor);
        int priced = 0;
        for (const AdvisorCandidate &c : result.shortlist)
            priced += c.priceUsd ? 1 : 0;
        int plotted = 0;
        for (Platform platform : {Platform::Apple, Platform::Nvidia, Platform::Other})
            plotted += int(chart.seriesFor(platform)->count());
        QCOMPARE(plotted, priced);
        for (int i = 0; i < chart.points().size(); ++i) {
            if (chart.points().at(i).qualifies)
                QVERIFY(chart.points().at(i).candidate.estimate.decodeTpsPerUser >= minSpeed);
        }
        QVERIFY(chart.title().contains(chart.points().isEmpty() ? QString() : QStringLiteral("price against speed")));

        const QImage image = chart.renderImage(QSize(1280, 720));
        QCOMPARE(image.size(), QSize(1280, 720));
        QVERIFY(distinctColours(image) > 8);
        saveScreenshot(image, QStringLiteral("value-%1.png").arg(fileNameFor(QString::fromLatin1(QTest::currentDataTag()))));
    }
};

QTEST_MAIN(TestValueChart)
#include "tst_value_chart.moc"
