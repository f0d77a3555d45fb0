// MeasuredLookup: which shipped measurements stand for a configuration (the speed chart's
// overlay) and which back an estimate's error band (the details pane).
#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"
#include "measured/MeasuredLookup.h"
#include "measured/Validation.h"

#include <QTest>

#include <algorithm>

using namespace headroom;

namespace {

struct Query {
    QString deviceId;
    int count = 1;
    Split split = Split::Auto;
    Runtime runtime = Runtime::Auto;
    QString modelId;
    QString quant = QStringLiteral("Q4_K_M");
    int users = 1;
    int contextTokens = 4096;
};

// An estimator input resolved against the embedded catalog, as EstimateSet builds it.
EstimateInput inputFor(const Query &query)
{
    const Catalog &catalog = embeddedCatalog();
    EstimateInput input;
    if (const Device *device = catalog.device(query.deviceId))
        input.device = *device;
    input.configuration.deviceId = query.deviceId;
    input.configuration.count = query.count;
    input.configuration.split = query.split;
    input.configuration.runtime = query.runtime;
    if (const LanguageModel *model = catalog.model(query.modelId))
        input.model = *model;
    if (const Quantization *quant = catalog.quantization(query.quant))
        input.quant = *quant;
    input.workload.users = query.users;
    input.workload.contextTokens = query.contextTokens;
    return input;
}

QList<double> speeds(const MeasuredRows &rows)
{
    QList<double> values;
    for (const MeasuredRow &row : rows)
        values << perUserDecodeTps(row);
    return values;
}

MeasuredRow decodeRow(MeasuredMetric metric, int concurrency, double tokensPerSecond)
{
    MeasuredRow row;
    row.hardwareId = QStringLiteral("rtx-4090");
    row.deviceCount = 1;
    row.split = QStringLiteral("none");
    row.backend = QStringLiteral("vllm");
    row.modelId = QStringLiteral("llama-3-8b");
    row.paramsB = row.activeParamsB = 8.03;
    row.quant = QStringLiteral("FP8");
    row.concurrency = concurrency;
    row.metric = metric;
    row.tokensPerSecond = tokensPerSecond;
    return row;
}

} // namespace

Q_DECLARE_METATYPE(Query)

class TestMeasuredLookup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(embeddedCatalog().device(QStringLiteral("rtx-3090")));
        QVERIFY(!embeddedMeasuredRows().isEmpty());
    }

    void shippedMatches_data()
    {
        QTest::addColumn<Query>("query");
        QTest::addColumn<QList<double>>("expected"); // per-user t/s of the matches, file order

        const QString rtx3090 = QStringLiteral("rtx-3090");
        const QString llama70 = QStringLiteral("llama-3-70b");
        const QString llama8 = QStringLiteral("llama-3-8b");
        QTest::newRow("2x 3090 layer 70B") << Query{rtx3090, 2, Split::Layer, Runtime::Auto, llama70} << QList<double>{16.29};
        QTest::newRow("2x 3090 auto split") << Query{rtx3090, 2, Split::Auto, Runtime::Auto, llama70} << QList<double>{16.29};
        QTest::newRow("2x 3090 llama.cpp") << Query{rtx3090, 2, Split::Auto, Runtime::LlamaCpp, llama70} << QList<double>{16.29};
        QTest::newRow("4x 3090 70B") << Query{rtx3090, 4, Split::Layer, Runtime::Auto, llama70} << QList<double>{16.89};
        QTest::newRow("3090 8B Q4_K_M") << Query{rtx3090, 1, Split::Auto, Runtime::Auto, llama8} << QList<double>{111.74};
        QTest::newRow("3090 8B F16") << Query{rtx3090, 1, Split::Auto, Runtime::Auto, llama8, QStringLiteral("F16")}
                                    << QList<double>{46.51};
        QTest::newRow("3090 8B at 8K context") << Query{rtx3090, 1, Split::Auto, Runtime::Auto, llama8,
                                                        QStringLiteral("Q4_K_M"), 1, kInterchangeableContextTokens}
                                              << QList<double>{111.74};
        QTest::newRow("M3 Max 70B, Metal") << Query{QStringLiteral("m3-max-40c"), 1, Split::Auto, Runtime::Auto, llama70}
                                           << QList<double>{7.53};
        QTest::newRow("M3 Ultra Gemma 3 27B, Q4 unspecified")
            << Query{QStringLiteral("m3-ultra"), 1, Split::Auto, Runtime::Auto, QStringLiteral("gemma-3-27b")}
            << QList<double>{41};
        QTest::newRow("RTX 5090 8B, both ends of a cited range")
            << Query{QStringLiteral("rtx-5090"), 1, Split::Auto, Runtime::Auto, QStringLiteral("llama-3.1-8b")}
            << QList<double>{185, 213};
        QTest::newRow("unknown backend matches any runtime")
            << Query{QStringLiteral("rtx-5090"), 1, Split::Auto, Runtime::Ollama, QStringLiteral("llama-3.1-8b")}
            << QList<double>{185, 213};

        // Non-matches: every field of the configuration counts.
        QTest::newRow("3x 3090: never measured") << Query{rtx3090, 3, Split::Layer, Runtime::Auto, llama70} << QList<double>{};
        QTest::newRow("2x 3090 tensor split") << Query{rtx3090, 2, Split::Tensor, Runtime::Auto, llama70} << QList<double>{};
        QTest::newRow("2x 3090 vLLM") << Query{rtx3090, 2, Split::Auto, Runtime::Vllm, llama70} << QList<double>{};
        QTest::newRow("2x 3090 70B Q8_0") << Query{rtx3090, 2, Split::Layer, Runtime::Auto, llama70, QStringLiteral("Q8_0")}
                                          << QList<double>{};
        QTest::newRow("2x 3090 70B, 4 users") << Query{rtx3090, 2, Split::Layer, Runtime::Auto, llama70,
                                                       QStringLiteral("Q4_K_M"), 4}
                                              << QList<double>{};
        QTest::newRow("2x 3090 70B, 32K context") << Query{rtx3090, 2, Split::Layer, Runtime::Auto, llama70,
                                                           QStringLiteral("Q4_K_M"), 1, 32768}
                                                  << QList<double>{};
        QTest::newRow("Llama 3.3 70B is another model id")
            << Query{rtx3090, 2, Split::Layer, Runtime::Auto, QStringLiteral("llama-3.3-70b")} << QList<double>{};
        QTest::newRow("RTX 4090 70B: not in the set") << Query{QStringLiteral("rtx-4090"), 1, Split::Auto, Runtime::Auto, llama70}
                                                      << QList<double>{};
        QTest::newRow("Q8_0 is not of the Q4 family")
            << Query{QStringLiteral("m3-ultra"), 1, Split::Auto, Runtime::Auto, QStringLiteral("gemma-3-27b"),
                     QStringLiteral("Q8_0")}
            << QList<double>{};
        QTest::newRow("M3 Max 70B with MLX") << Query{QStringLiteral("m3-max-40c"), 1, Split::Auto, Runtime::Mlx, llama70}
                                             << QList<double>{};
    }

    void shippedMatches()
    {
        QFETCH(Query, query);
        QFETCH(QList<double>, expected);
        const EstimateInput input = inputFor(query);
        const MeasuredRows found = matchingMeasurements(input);
        QCOMPARE(speeds(found), expected);
        // The indexed lookup and the plain scan agree.
        QCOMPARE(matchingMeasurements(input, embeddedMeasuredRows()), found);
        for (const MeasuredRow &row : found) {
            QVERIFY(!row.url.isEmpty());
            QCOMPARE(shippedMeasurementAtLine(row.line), &*std::find(embeddedMeasuredRows().cbegin(),
                                                                     embeddedMeasuredRows().cend(), row));
        }
    }

    void concurrentUsers_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("1 user: tg only") << 1 << QList<double>{150};
        QTest::newRow("4 users: per user and total / 4") << 4 << QList<double>{60, 50};
        QTest::newRow("8 users: none") << 8 << QList<double>{};
    }
    void concurrentUsers()
    {
        QFETCH(int, users);
        QFETCH(QList<double>, expected);
        const MeasuredRows rows{decodeRow(MeasuredMetric::Tg, 1, 150), decodeRow(MeasuredMetric::TgPerUser, 4, 60),
                                decodeRow(MeasuredMetric::TgTotal, 4, 200), decodeRow(MeasuredMetric::Pp, 1, 9000),
                                decodeRow(MeasuredMetric::TgPerUser, 2, 90)};
        EstimateInput input = inputFor(Query{QStringLiteral("rtx-4090"), 1, Split::Auto, Runtime::Vllm,
                                             QStringLiteral("llama-3-8b"), QStringLiteral("FP8"), users});
        QCOMPARE(speeds(matchingMeasurements(input, rows)), expected);
        input.configuration.runtime = Runtime::LlamaCpp;
        QVERIFY(matchingMeasurements(input, rows).isEmpty());
    }

    void contexts_data()
    {
        QTest::addColumn<int>("contextTokens");
        QTest::addColumn<int>("measuredContext");
        QTest::addColumn<bool>("comparable");
        QTest::newRow("4K vs empty") << 4096 << 0 << true;
        QTest::newRow("8K vs empty") << 8192 << 0 << true;
        QTest::newRow("16K vs empty") << 16384 << 0 << false;
        QTest::newRow("16K vs 8K") << 16384 << 8192 << true;
        QTest::newRow("32K vs 8K") << 32768 << 8192 << false;
        QTest::newRow("32K vs 64K") << 32768 << 65536 << true;
        QTest::newRow("128K vs 32K") << 131072 << 32768 << false;
    }
    void contexts()
    {
        QFETCH(int, contextTokens);
        QFETCH(int, measuredContext);
        QFETCH(bool, comparable);
        QCOMPARE(contextsComparable(contextTokens, measuredContext), comparable);
        QCOMPARE(contextsComparable(measuredContext, contextTokens), comparable);
    }

    void perUserSpeeds_data()
    {
        QTest::addColumn<int>("metric");
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<double>("tokensPerSecond");
        QTest::addColumn<double>("perUser");
        QTest::newRow("tg") << int(MeasuredMetric::Tg) << 1 << 16.29 << 16.29;
        QTest::newRow("tg_per_user") << int(MeasuredMetric::TgPerUser) << 8 << 25.0 << 25.0;
        QTest::newRow("tg_total") << int(MeasuredMetric::TgTotal) << 8 << 400.0 << 50.0;
        QTest::newRow("pp is no decode speed") << int(MeasuredMetric::Pp) << 1 << 900.0 << 0.0;
    }
    void perUserSpeeds()
    {
        QFETCH(int, metric);
        QFETCH(int, concurrency);
        QFETCH(double, tokensPerSecond);
        QFETCH(double, perUser);
        QCOMPARE(perUserDecodeTps(decodeRow(MeasuredMetric(metric), concurrency, tokensPerSecond)), perUser);
    }

    void unspecifiedQuant_data()
    {
        QTest::addColumn<QString>("rowQuant");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<bool>("matches");
        QTest::newRow("Q4 family") << "Q4 (unspecified)" << "Q4_K_M" << true;
        QTest::newRow("Q4_0 too") << "Q4 (unspecified)" << "Q4_0" << true;
        QTest::newRow("other family") << "Q4 (unspecified)" << "Q8_0" << false;
        QTest::newRow("no family named") << "unspecified" << "Q4_K_M" << false;
        QTest::newRow("exact names are not families") << "Q4_K_M" << "Q4_K_M" << false;
    }
    void unspecifiedQuant()
    {
        QFETCH(QString, rowQuant);
        QFETCH(QString, quant);
        QFETCH(bool, matches);
        MeasuredRow row = decodeRow(MeasuredMetric::Tg, 1, 1);
        row.quant = rowQuant;
        QCOMPARE(quantUnspecifiedMatch(row, quant), matches);
    }

    // The backing rows are the single-user decode rows Validation scores for the class, and the
    // platform's row count is the one its hold-out error band was measured on.
    void backing_data()
    {
        QTest::addColumn<Query>("query");
        QTest::addColumn<int>("platform");
        QTest::addColumn<bool>("moe");
        QTest::newRow("Apple, dense") << Query{QStringLiteral("m3-ultra"), 1, Split::Auto, Runtime::Auto, QStringLiteral("llama-3-70b")}
                                      << int(PlatformClass::Apple) << false;
        QTest::newRow("Apple, MoE") << Query{QStringLiteral("m3-ultra"), 1, Split::Auto, Runtime::Auto, QStringLiteral("qwen3-30b-a3b")}
                                    << int(PlatformClass::Apple) << true;
        QTest::newRow("NVIDIA consumer, dense") << Query{QStringLiteral("rtx-3090"), 2, Split::Auto, Runtime::Auto, QStringLiteral("llama-3-70b")}
                                                << int(PlatformClass::NvidiaConsumer) << false;
        QTest::newRow("NVIDIA datacenter, dense") << Query{QStringLiteral("h100-pcie"), 1, Split::Auto, Runtime::Auto, QStringLiteral("llama-3-8b")}
                                                  << int(PlatformClass::NvidiaDatacenter) << false;
    }
    void backing()
    {
        QFETCH(Query, query);
        QFETCH(int, platform);
        QFETCH(bool, moe);
        const EstimateInput input = inputFor(query);
        const MeasurementBacking backing = measurementBacking(input);
        QCOMPARE(int(backing.platform), platform);
        QCOMPARE(backing.moe, moe);
        QCOMPARE(backing.classRows, backingRows(input));

        const ValidationReport report = validate(embeddedMeasuredRows(), embeddedCatalog(), Calibration::builtIn(), false);
        int classRows = 0;
        int platformRows = 0;
        for (const RowScore &score : report.rows) {
            if (score.section != ScoreSection::Decode || int(score.platform) != platform)
                continue;
            ++platformRows;
            classRows += score.moe == moe ? 1 : 0;
        }
        QVERIFY(classRows > 0);
        QCOMPARE(int(backing.classRows.size()), classRows);
        QCOMPARE(backing.platformRows, platformRows);
        QCOMPARE(backing.band, Calibration::builtIn().errorBand(SpeedClass::Decode,
                                                               resolveRuntime(input.configuration.runtime, input.device),
                                                               PlatformClass(platform), input.model.isMoe()));
        QVERIFY(backing.band.rows > 0);
        for (const MeasuredRow &row : backing.classRows) {
            QVERIFY(row.metric == MeasuredMetric::Tg);
            QVERIFY(backing.backends.contains(row.backend));
        }
    }

    void lineLookup()
    {
        const MeasuredRow *row = shippedMeasurementAtLine(13);
        QVERIFY(row);
        QCOMPARE(row->hardwareId, QStringLiteral("rtx-3090"));
        QCOMPARE(row->deviceCount, 2);
        QCOMPARE(row->tokensPerSecond, 16.29);
        QCOMPARE(shippedMeasurementAtLine(1), nullptr); // the header
        QCOMPARE(shippedMeasurementAtLine(100000), nullptr);
    }

    void platformNames()
    {
        QCOMPARE(platformDisplayName(PlatformClass::Apple), QStringLiteral("Apple silicon"));
        QCOMPARE(platformDisplayName(PlatformClass::NvidiaConsumer), QStringLiteral("NVIDIA consumer"));
        QCOMPARE(platformDisplayName(PlatformClass::NvidiaDatacenter), QStringLiteral("NVIDIA datacenter"));
    }
};

QTEST_GUILESS_MAIN(TestMeasuredLookup)
#include "tst_measured_lookup.moc"
