// `headroom bench`: the shape of its report and the helpers behind it. No timing assertions:
// the figures are only checked to exist, be positive and be ordered (p50 <= p95 <= max).
#include "BenchCommand.h"
#include "BenchProcess.h"
#include "BenchReport.h"
#include "BenchSliderDriver.h"
#include "BenchWorkload.h"
#include "catalog/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace headroom;

namespace {

// A small plan, so the test takes seconds: the same code paths as the full bench.
constexpr BenchPlan SmallPlan{4, 3, 0.02};
constexpr int SliderCount = 5; // model size, quantization, context, users, efficiency
const QStringList SliderNames{QStringLiteral("model_size"), QStringLiteral("quantization"), QStringLiteral("context"),
                              QStringLiteral("users"), QStringLiteral("efficiency")};
constexpr int ArticleConfigurations = 7;
// The chart tabs a slider move changes (not the accuracy chart, which plots the calibration set).
const QStringList ScenarioChartNames{QStringLiteral("speed"), QStringLiteral("memory"), QStringLiteral("concurrency"),
                                     QStringLiteral("value")};

void verifyLatency(const QJsonObject &latency, int samples)
{
    QCOMPARE(latency.value(QStringLiteral("samples")).toInt(), samples);
    const double p50 = latency.value(QStringLiteral("p50")).toDouble(-1);
    const double p95 = latency.value(QStringLiteral("p95")).toDouble(-1);
    const double max = latency.value(QStringLiteral("max")).toDouble(-1);
    QVERIFY2(p50 > 0, qPrintable(QString::number(p50)));
    QVERIFY(p50 <= p95);
    QVERIFY(p95 <= max);
}

} // namespace

class TestBenchCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summarizeLatencies_data()
    {
        QTest::addColumn<QList<double>>("samples");
        QTest::addColumn<double>("p50");
        QTest::addColumn<double>("p95");
        QTest::addColumn<double>("max");
        QList<double> oneToTwenty;
        QList<double> hundredDown;
        for (int i = 1; i <= 20; ++i)
            oneToTwenty << i;
        for (int i = 100; i >= 1; --i)
            hundredDown << i;
        QTest::newRow("none") << QList<double>{} << 0.0 << 0.0 << 0.0;
        QTest::newRow("one") << QList<double>{5} << 5.0 << 5.0 << 5.0;
        QTest::newRow("unsorted three") << QList<double>{3, 1, 2} << 2.0 << 3.0 << 3.0;
        QTest::newRow("1..20") << oneToTwenty << 10.0 << 19.0 << 20.0;
        QTest::newRow("100..1") << hundredDown << 50.0 << 95.0 << 100.0;
        QTest::newRow("one outlier") << QList<double>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 40}
                                     << 1.0 << 1.0 << 40.0;
    }

    void summarizeLatencies()
    {
        QFETCH(QList<double>, samples);
        QFETCH(double, p50);
        QFETCH(double, p95);
        QFETCH(double, max);
        const LatencySummary summary = headroom::summarizeLatencies(samples);
        QCOMPARE(summary.samples, int(samples.size()));
        QCOMPARE(summary.p50Ms, p50);
        QCOMPARE(summary.p95Ms, p95);
        QCOMPARE(summary.maxMs, max);
    }

    void pingPongPositions_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("minimum");
        QTest::addColumn<int>("maximum");
        QTest::addColumn<int>("moves");
        QTest::addColumn<QList<int>>("positions");
        QTest::newRow("up, down, up") << 0 << 0 << 3 << 7 << QList<int>{1, 2, 3, 2, 1, 0, 1};
        QTest::newRow("from the top") << 3 << 0 << 3 << 4 << QList<int>{2, 1, 0, 1};
        QTest::newRow("from the middle") << 1 << 0 << 2 << 4 << QList<int>{2, 1, 0, 1};
        QTest::newRow("start out of range") << 9 << 0 << 2 << 2 << QList<int>{1, 0};
        QTest::newRow("two positions") << 0 << 0 << 1 << 3 << QList<int>{1, 0, 1};
        QTest::newRow("single position") << 0 << 0 << 0 << 5 << QList<int>{};
        QTest::newRow("no moves") << 0 << 0 << 5 << 0 << QList<int>{};
    }

    void pingPongPositions()
    {
        QFETCH(int, start);
        QFETCH(int, minimum);
        QFETCH(int, maximum);
        QFETCH(int, moves);
        QFETCH(QList<int>, positions);
        QCOMPARE(headroom::pingPongPositions(start, minimum, maximum, moves), positions);
    }

    void processStartTicks_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<qint64>("ticks"); // -1: malformed
        const QByteArray tail = " S 1 123 123 0 -1 4194560 1000 0 0 0 12 3 0 0 20 0 4 0 987654 123456789 2000";
        QTest::newRow("plain") << (QByteArray("4242 (headroom)") + tail) << qint64(987654);
        QTest::newRow("spaces and parentheses in the name")
            << (QByteArray("4242 (my (odd) prog)") + tail) << qint64(987654);
        QTest::newRow("no name") << QByteArray("4242 S 1 2 3") << qint64(-1);
        QTest::newRow("too short") << QByteArray("4242 (x) S 1 123") << qint64(-1);
        QTest::newRow("not a number")
            << QByteArray("4242 (x) S 1 123 123 0 -1 4194560 1000 0 0 0 12 3 0 0 20 0 4 0 soon") << qint64(-1);
        QTest::newRow("empty") << QByteArray() << qint64(-1);
    }

    void processStartTicks()
    {
        QFETCH(QByteArray, line);
        QFETCH(qint64, ticks);
        const std::optional<qint64> parsed = headroom::processStartTicks(line);
        QCOMPARE(parsed.value_or(-1), ticks);
    }

    void processFigures()
    {
        const std::optional<double> sinceStart = millisecondsSinceProcessStart();
        QVERIFY(sinceStart.has_value());
        QVERIFY(*sinceStart > 0);
        QVERIFY(peakResidentMB() > 0);
    }

    void benchConfigurations_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("the bench's 30") << 30;
        QTest::newRow("more than the catalog has devices") << int(embeddedCatalog().devices().size()) + 10;
        QTest::newRow("one") << 1;
    }

    void benchConfigurations()
    {
        QFETCH(int, count);
        const Catalog &catalog = embeddedCatalog();
        const QList<ScenarioConfiguration> configurations = headroom::benchConfigurations(catalog, count);
        QCOMPARE(configurations.size(), count);
        QSet<QString> distinct;
        QSet<int> counts;
        for (const ScenarioConfiguration &entry : configurations) {
            const Device *device = catalog.device(entry.configuration.deviceId);
            QVERIFY2(device, qPrintable(entry.configuration.deviceId));
            QVERIFY(entry.checked);
            QVERIFY(entry.configuration.count >= 1);
            QVERIFY(entry.configuration.count <= std::max(1, device->maxCount));
            QVERIFY(device->memoryOptionsGB.contains(entry.configuration.memoryGB));
            distinct.insert(entry.configuration.deviceId % QLatin1Char('/') % QString::number(entry.configuration.count)
                            % QLatin1Char('/') % QString::number(entry.configuration.memoryGB));
            counts.insert(entry.configuration.count);
        }
        QCOMPARE(distinct.size(), configurations.size());
        if (count >= 4)
            QVERIFY2(counts.size() >= 2, "configurations should come in different card counts");
    }

    void engineInputs()
    {
        const QList<EstimateInput> inputs = engineBenchInputs(embeddedCatalog());
        QVERIFY(inputs.size() >= 1000);
        QSet<QString> models;
        QSet<QString> quants;
        QSet<int> users;
        for (const EstimateInput &input : inputs) {
            QVERIFY(input.method == Method::Roofline);
            models.insert(input.model.id);
            quants.insert(input.quant.name);
            users.insert(input.workload.users);
        }
        QCOMPARE(models.size(), embeddedCatalog().models().size());
        QVERIFY(quants.size() > 1);
        QVERIFY(users.size() > 1);
        const EngineThroughput throughput = measureEngineThroughput(inputs, SmallPlan.engineSeconds);
        QVERIFY(throughput.estimates >= inputs.size());
        QVERIFY(throughput.seconds >= SmallPlan.engineSeconds);
        QVERIFY(throughput.estimatesPerSecond > 0);
        QVERIFY(throughput.checksum > 0);
    }

    void reportJsonShape()
    {
        const std::variant<BenchReport, QString> result = runBenchmarks(SmallPlan);
        if (const auto *problem = std::get_if<QString>(&result))
            QFAIL(qPrintable(*problem));
        const BenchReport &report = std::get<BenchReport>(result);

        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(benchReportJson(report), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject json = document.object();
        QCOMPARE(json.value(QStringLiteral("configurations")).toInt(), SmallPlan.configurations);
        QCOMPARE(json.value(QStringLiteral("article_configurations")).toInt(), ArticleConfigurations);
        const int moves = SliderCount * SmallPlan.movesPerSlider;
        verifyLatency(json.value(QStringLiteral("slider_update_ms")).toObject(), moves);
        verifyLatency(json.value(QStringLiteral("article_slider_update_ms")).toObject(), moves);
        for (const QString &key : {QStringLiteral("slider_update_ms_by_slider"), QStringLiteral("article_slider_update_ms_by_slider")}) {
            const QJsonObject sliders = json.value(key).toObject();
            QCOMPARE(sliders.keys().size(), SliderCount);
            for (const QString &name : SliderNames)
                verifyLatency(sliders.value(name).toObject(), SmallPlan.movesPerSlider);
        }
        for (const QString &key : {QStringLiteral("slider_update_ms_by_chart"), QStringLiteral("article_slider_update_ms_by_chart")}) {
            // Every chart a move changes is on screen for some of the moves, and only those.
            const QJsonObject charts = json.value(key).toObject();
            QCOMPARE(charts.keys().size(), ScenarioChartNames.size());
            int chartMoves = 0;
            for (const QString &name : ScenarioChartNames) {
                const QJsonObject latency = charts.value(name).toObject();
                verifyLatency(latency, latency.value(QStringLiteral("samples")).toInt());
                chartMoves += latency.value(QStringLiteral("samples")).toInt();
            }
            QCOMPARE(chartMoves, moves);
        }
        for (const QString &key : {QStringLiteral("tab_switch_ms"), QStringLiteral("article_tab_switch_ms")}) {
            const QJsonObject latency = json.value(key).toObject();
            QVERIFY2(latency.value(QStringLiteral("samples")).toInt() >= ScenarioChartNames.size() - 1, qPrintable(key));
            verifyLatency(latency, latency.value(QStringLiteral("samples")).toInt());
        }
        for (const QString &key : {QStringLiteral("slider_update_phases_ms"), QStringLiteral("article_slider_update_phases_ms")}) {
            const QJsonObject phases = json.value(key).toObject();
            for (const QString &phase : {QStringLiteral("update"), QStringLiteral("posted_events"), QStringLiteral("forced_repaint")})
                QCOMPARE(phases.value(phase).toObject().value(QStringLiteral("samples")).toInt(), moves);
            verifyLatency(phases.value(QStringLiteral("update")).toObject(), moves);
            verifyLatency(phases.value(QStringLiteral("posted_events")).toObject(), moves);
        }
        for (const QString &key : {QStringLiteral("startup_ms"), QStringLiteral("estimates_per_second"), QStringLiteral("peak_rss_mb")})
            QVERIFY2(json.value(key).toDouble(-1) > 0, qPrintable(key));
        const QJsonArray windowSize = json.value(QStringLiteral("window_size")).toArray();
        QCOMPARE(windowSize.size(), 2);
        QVERIFY(windowSize.at(0).toInt() > 0 && windowSize.at(1).toInt() > 0);

        const QString text = benchReportText(report);
        QVERIFY(text.contains(QStringLiteral("Article lineup: 7 configurations")));
        for (const QString &name : SliderNames)
            QVERIFY2(text.contains(name), qPrintable(name));
    }

    void unknownFormat()
    {
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        QCOMPARE(runBench(QStringLiteral("xml"), out, err), 2);
        QVERIFY(outText.isEmpty());
        QVERIFY2(errText.contains(QStringLiteral("unknown format 'xml'")), qPrintable(errText));
    }
};

QTEST_MAIN(TestBenchCommand)
#include "tst_bench_command.moc"
