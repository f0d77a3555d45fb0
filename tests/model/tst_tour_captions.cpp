// Tour captions quote their own step's numbers: placeholders filled from the estimates the step's chart plots.
#include "catalog/Catalog.h"
#include "core/Units.h"
#include "scenario/TourCaptions.h"

#include <QTest>

using namespace headroom;

namespace {

EstimateRow row(const QString &device, int count, double tps, QList<SweepPoint> sweep = {})
{
    EstimateRow result;
    result.input.device.id = device;
    result.input.configuration.count = count;
    result.estimate.fit = Fit::Fits;
    result.estimate.decodeTpsPerUser = tps;
    result.estimate.memory.weightsGB = 42.5;
    result.sweep = std::move(sweep);
    return result;
}

SweepPoint point(int users, double perUser)
{
    SweepPoint result;
    result.users = users;
    result.decodeTpsPerUser = perUser;
    result.decodeTpsTotal = perUser * users;
    result.fit = Fit::Fits;
    return result;
}

EstimateSet sampleSet()
{
    EstimateSet set;
    set.rows = {row(QStringLiteral("m3-ultra"), 1, 12.3, {point(1, 80), point(8, 36)}),
                row(QStringLiteral("rtx-5090"), 1, 5.6), row(QStringLiteral("rtx-5090"), 2, 26.2)};
    set.rows[1].estimate.fit = Fit::DoesNotFit;
    EstimateRow pair = row(QStringLiteral("m3-ultra"), 1, 19.6);
    pair.input.configuration.nodes = 2;
    set.rows.prepend(pair); // a cluster listed first: "m3-ultra" still means one machine
    return set;
}

const Tour &articleTour()
{
    static const Tour tour = std::get<Tour>(loadLiveTour(QStringLiteral("article"), embeddedCatalog()));
    return tour;
}

} // namespace

class TestTourCaptions final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fillsPlaceholders_data()
    {
        QTest::addColumn<QString>("caption");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain text") << "No numbers here." << "No numbers here.";
        QTest::newRow("speed") << "{tps:m3-ultra} on the Ultra" << "12 t/s on the Ultra";
        QTest::newRow("card count") << "two cards: {tps:rtx-5090x2}" << "two cards: 26 t/s";
        QTest::newRow("first match") << "{tps:rtx-5090}" << "{tps:rtx-5090}"; // the first on rtx-5090 does not run
        QTest::newRow("at a user count") << "{tps:m3-ultra:8} each" << "36 t/s each";
        QTest::newRow("total") << "{total:m3-ultra:8} in all" << "288 t/s in all";
        QTest::newRow("drop") << "loses {drop:m3-ultra:1:8}" << "loses 55%";
        QTest::newRow("weights") << "{weights} of weights" << "42.5 GB of weights";
        QTest::newRow("unknown device") << "{tps:m9-ultra}" << "{tps:m9-ultra}";
        QTest::newRow("user count not swept") << "{tps:m3-ultra:3}" << "{tps:m3-ultra:3}";
        QTest::newRow("unknown kind") << "{price:m3-ultra}" << "{price:m3-ultra}";
        QTest::newRow("too many parts") << "{drop:m3-ultra:1:8:9}" << "{drop:m3-ultra:1:8:9}";
        QTest::newRow("not a placeholder") << "{ braces }" << "{ braces }";
        QTest::newRow("machines") << "two Macs: {tps:m3-ultra@2}" << "two Macs: 20 t/s";
        QTest::newRow("machines not in the step") << "{tps:m3-ultra@4}" << "{tps:m3-ultra@4}";
        QTest::newRow("two in a row") << "{tps:m3-ultra}/{tps:rtx-5090x2}" << "12 t/s/26 t/s";
    }

    void fillsPlaceholders()
    {
        QFETCH(QString, caption);
        QFETCH(QString, expected);
        QCOMPARE(liveCaption(caption, sampleSet()), expected);
    }

    // Every placeholder of every built-in tour names something its step shows.
    void builtInToursFillEveryPlaceholder()
    {
        for (const QString &name : builtInTourNames()) {
            const TourOrDiagnostics loaded = loadLiveTour(name, embeddedCatalog());
            QVERIFY2(std::holds_alternative<Tour>(loaded), qPrintable(name));
            for (const TourStep &step : std::get<Tour>(loaded).steps)
                QVERIFY2(!step.caption.contains(QLatin1Char('{')), qPrintable(name + QStringLiteral(": ") + step.caption));
        }
    }

    // The multi-user cliff states the drop its concurrency chart plots.
    void cliffCaptionAgreesWithItsChart()
    {
        const TourStep *cliff = nullptr;
        for (const TourStep &step : articleTour().steps)
            cliff = step.title == QLatin1String("The multi-user cliff") ? &step : cliff;
        QVERIFY(cliff);
        const EstimateSet estimates = computeEstimates(cliff->scenario, embeddedCatalog());
        for (const QString &device : {QStringLiteral("m3-ultra"), QStringLiteral("rtx-pro-6000")}) {
            const auto found = std::find_if(estimates.rows.begin(), estimates.rows.end(),
                                            [&](const EstimateRow &row) { return row.input.device.id == device; });
            QVERIFY(found != estimates.rows.end());
            double one = 0, eight = 0;
            for (const SweepPoint &point : found->sweep) {
                one = point.users == 1 ? point.decodeTpsPerUser : one;
                eight = point.users == 8 ? point.decodeTpsPerUser : eight;
            }
            QVERIFY(one > 0 && eight > 0);
            QVERIFY2(cliff->caption.contains(formatPercent(1 - eight / one)), qPrintable(cliff->caption));
            QVERIFY2(cliff->caption.contains(formatTokensPerSecond(eight)), qPrintable(cliff->caption));
        }
    }
};

QTEST_MAIN(TestTourCaptions)
#include "tst_tour_captions.moc"
