// The seed method reproduces the article's table cell for cell, with its ** and * marks.
#include "scenario/ArticleLineup.h"
#include "catalog/Catalog.h"
#include "engine/Estimator.h"
#include "scenario/Scenario.h"

#include <QTest>

using namespace headroom;

Q_DECLARE_METATYPE(ArticleCell)

namespace {

EstimateInput articleInput(int row, int column)
{
    const Catalog &catalog = embeddedCatalog();
    const ArticleColumn config = articleColumns().at(column);
    EstimateInput input;
    if (const Device *device = catalog.device(config.configuration.deviceId))
        input.device = *device;
    input.configuration = config.configuration;
    if (const LanguageModel *model = catalog.model(articleRows().at(row).modelId))
        input.model = *model;
    if (const Quantization *quant = catalog.quantization(articleQuantName()))
        input.quant = *quant;
    input.method = Method::Seed;
    return input;
}

} // namespace

class TestSeed final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineupIsComplete()
    {
        QCOMPARE(articleColumns().size(), 7);
        QCOMPARE(articleRows().size(), 7);
        const Catalog &catalog = embeddedCatalog();
        for (const ArticleColumn &column : articleColumns())
            QVERIFY2(catalog.device(column.configuration.deviceId), qPrintable(column.configuration.deviceId));
        for (const ArticleRow &row : articleRows()) {
            const LanguageModel *model = catalog.model(row.modelId);
            QVERIFY2(model, qPrintable(row.modelId));
            QCOMPARE(model->publishedSizeGB(articleQuantName()).value_or(0), row.sizeGB);
        }
    }

    void articleTable_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<ArticleCell>("expected");
        for (int row = 0; row < 7; ++row) {
            for (int column = 0; column < 7; ++column) {
                QTest::addRow("%s | %s", qPrintable(articleRows().at(row).title), qPrintable(articleColumns().at(column).title))
                    << row << column << articleCell(row, column);
            }
        }
    }

    void articleTable()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(ArticleCell, expected);
        const EstimateInput input = articleInput(row, column);
        const Estimate result = estimate(input);
        QCOMPARE(toString(result.method), toString(Method::Seed));
        QCOMPARE(result.runs(), expected.fits);
        if (!expected.fits) {
            QCOMPARE(toString(result.fit), toString(Fit::DoesNotFit));
            QCOMPARE(result.decodeTpsPerUser, 0.0);
            return;
        }
        QCOMPARE(int(result.decodeTpsPerUser), expected.tokensPerSecond);
        QCOMPARE(result.decodeTpsPerUser, double(expected.tokensPerSecond));
        if (expected.singleCard) // **: the second card adds nothing
            QCOMPARE(result.terms.devicesSharingBytes, 1);
        else
            QCOMPARE(result.terms.devicesSharingBytes, input.configuration.count);
        if (expected.tight)
            QCOMPARE(toString(result.fit), toString(Fit::Tight));
        QCOMPARE(result.memory.weightsGB, articleRows().at(row).sizeGB);
        QCOMPARE(result.memory.kvCacheGB, 0.0);
    }

    void efficiencyScales_data()
    {
        QTest::addColumn<double>("efficiency");
        QTest::addColumn<double>("expected");
        // 2x RTX 5090 on Llama 3.3 70B: 3584 / 42.5 x efficiency
        QTest::newRow("0.65") << 0.65 << 55.0;
        QTest::newRow("0.5") << 0.5 << 42.0;  // 42.16
        QTest::newRow("1.0") << 1.0 << 84.0;  // 84.33
        QTest::newRow("0.1") << 0.1 << 8.0;   // 8.43
    }

    void efficiencyScales()
    {
        QFETCH(double, efficiency);
        QFETCH(double, expected);
        EstimateInput input = articleInput(3, 4);
        input.seedEfficiency = efficiency;
        QCOMPARE(seedEstimate(input).decodeTpsPerUser, expected);
    }

    void explanationShowsTheArithmetic()
    {
        const EstimateInput input = articleInput(3, 4);
        const QString text = explain(input, seedEstimate(input));
        QVERIFY2(text.contains(QStringLiteral("t/s = 3584 GB/s / 42.5 GB x 0.65 = 54.8 \u2192 55")), qPrintable(text));
        const EstimateInput small = articleInput(0, 6);
        QVERIFY(explain(small, seedEstimate(small)).contains(QLatin1String("stays on one card")));
    }

    void lineupScenario()
    {
        const Scenario scenario = articleLineupScenario();
        QCOMPARE(scenario.configurations.size(), 7);
        QVERIFY(scenario.configurations == articleLineupConfigurations());
        QCOMPARE(scenario.modelId, QStringLiteral("llama-3.3-70b"));
        QCOMPARE(scenario.quantName, QStringLiteral("Q4_K_M"));
        QCOMPARE(scenario.workload.users, 1);
        QCOMPARE(scenario.workload.contextTokens, 4096);
        QCOMPARE(toString(scenario.method), toString(Method::Roofline));
        QCOMPARE(scenario.configurations.at(4).configuration.count, 2);
        QCOMPARE(scenario.configurations.at(4).label, QStringLiteral("2x RTX 5090"));
    }
};


QTEST_GUILESS_MAIN(TestSeed)
#include "tst_seed.moc"
