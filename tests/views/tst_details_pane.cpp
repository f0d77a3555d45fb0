// DetailsPane's "Backed by" section: the measurements of the selected configuration and the class
// of measurements behind its likely range.
#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "views/results/DetailsPane.h"
#include "scenario/EstimateSet.h"
#include "measured/MeasuredLookup.h"

#include <QtTest>

using namespace headroom;

namespace {

EstimateSet estimatesFor(const QString &modelId, const QList<std::pair<QString, int>> &configurations, int users = 1)
{
    Scenario scenario;
    scenario.modelId = modelId;
    scenario.workload.users = users;
    for (const auto &[deviceId, count] : configurations) {
        ScenarioConfiguration entry;
        entry.configuration.deviceId = deviceId;
        entry.configuration.count = count;
        scenario.configurations << entry;
    }
    return computeEstimates(scenario, embeddedCatalog());
}

} // namespace

class TestDetailsPane final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backedBy_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("users");
        QTest::addColumn<QString>("measured"); // expected "Measured on this configuration" value, or empty
        QTest::newRow("2x RTX 3090, Llama 3 70B") << "llama-3-70b" << "rtx-3090" << 2 << 1 << "16.3 t/s";
        QTest::newRow("M3 Max, Llama 3 70B") << "llama-3-70b" << "m3-max-40c" << 1 << 1 << "7.5 t/s";
        QTest::newRow("3x RTX 3090: no measurement") << "llama-3-70b" << "rtx-3090" << 3 << 1 << "";
        QTest::newRow("M3 Ultra, Qwen3 30B-A3B (MoE), 4 users") << "qwen3-30b-a3b" << "m3-ultra" << 1 << 4 << "";
    }
    void backedBy()
    {
        QFETCH(QString, modelId);
        QFETCH(QString, deviceId);
        QFETCH(int, count);
        QFETCH(int, users);
        QFETCH(QString, measured);
        const EstimateSet set = estimatesFor(modelId, {{deviceId, count}}, users);
        QVERIFY2(set.problem.isEmpty(), qPrintable(set.problem));
        QCOMPARE(set.rows.size(), 1);
        DetailsPane pane;
        pane.setEstimates(set);
        const QString text = pane.text();
        QVERIFY2(text.contains(QStringLiteral("Backed by")), qPrintable(text));
        QCOMPARE(text.contains(QStringLiteral("Measured on this configuration")), !measured.isEmpty());
        if (!measured.isEmpty()) {
            QVERIFY2(text.contains(measured), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("github.com")), qPrintable(text));
        }
        const MeasurementBacking backing = measurementBacking(set.rows.first().input);
        QVERIFY(backing.platformRows > 0);
        const QString summary = QStringLiteral("%1 single-user measurements on %2 (%3 of them %4 models")
                                    .arg(backing.platformRows)
                                    .arg(platformDisplayName(backing.platform))
                                    .arg(backing.classRows.size())
                                    .arg(backing.moe ? QStringLiteral("mixture-of-experts") : QStringLiteral("dense"));
        QVERIFY2(text.contains(summary), qPrintable(text));
        const QString error = QStringLiteral("off by %1% on average").arg(backing.band.mape * 100, 0, 'f', 0);
        QVERIFY2(text.contains(error), qPrintable(text));
        // The range's class: its rows, and the model class when the band is of one.
        const QString bandRows = backing.band.anyModel
            ? QStringLiteral("On %1 measurements").arg(backing.band.rows)
            : QStringLiteral("On %1 %2 measurements").arg(backing.band.rows).arg(backing.moe ? QStringLiteral("mixture-of-experts")
                                                                                            : QStringLiteral("dense"));
        QVERIFY2(text.contains(bandRows), qPrintable(text));
        QCOMPARE(text.contains(QStringLiteral("concurrent users on this platform")), users > 1);
        if (users > 1)
            QVERIFY2(text.contains(QStringLiteral("%1 measurement").arg(backing.concurrencyRows)), qPrintable(text));
    }

    void followsTheSelection()
    {
        const EstimateSet set = estimatesFor(QStringLiteral("llama-3-70b"), {{QStringLiteral("rtx-3090"), 3},
                                                                              {QStringLiteral("rtx-3090"), 4}});
        DetailsPane pane;
        pane.setEstimates(set);
        QVERIFY(!pane.text().contains(QStringLiteral("Measured on this configuration")));
        pane.setSelectedRow(1);
        QVERIFY(pane.text().contains(QStringLiteral("16.9 t/s")));
    }
};

QTEST_MAIN(TestDetailsPane)
#include "tst_details_pane.moc"
