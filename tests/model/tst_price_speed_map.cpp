// The advisor's answer as price against speed (model/advisor/PriceSpeedMap.cpp): which configurations
// are placed, which are greyed out, which form the front and which are named for want of a price.
#include "advisor/PriceSpeedMap.h"

#include <QTest>

#include <optional>

using namespace headroom;

Q_DECLARE_METATYPE(AdvisorResult)

namespace {

// A candidate "<label>" at `priceUsd` (nullopt: no public price) reaching `tokensPerSecond` per user;
// 0 t/s: it does not fit.
AdvisorCandidate candidate(const QString &label, std::optional<double> priceUsd, double tokensPerSecond)
{
    AdvisorCandidate c;
    c.label = label;
    c.priceUsd = priceUsd;
    c.estimate.fit = tokensPerSecond > 0 ? Fit::Fits : Fit::DoesNotFit;
    c.estimate.decodeTpsPerUser = tokensPerSecond;
    return c;
}

AdvisorRejection rejected(const AdvisorCandidate &c, Requirement requirement)
{
    return AdvisorRejection{c, requirement, QStringLiteral("fails ") + toString(requirement), 0.1};
}

QStringList labels(const PriceSpeedMap &map, bool qualifying)
{
    QStringList texts;
    for (const PricedCandidate &point : map.points) {
        if (point.qualifies == qualifying)
            texts << point.candidate.label;
    }
    return texts;
}

} // namespace

class TestPriceSpeedMap final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placesTheAnswer_data()
    {
        QTest::addColumn<AdvisorResult>("result");
        QTest::addColumn<QStringList>("placed");   // qualifying points, in shortlist order
        QTest::addColumn<QStringList>("greyed");   // left out for the budget or the power cap
        QTest::addColumn<QStringList>("front");    // labels of the front, cheapest first
        QTest::addColumn<QStringList>("unpriced");

        QTest::newRow("empty") << AdvisorResult{} << QStringList{} << QStringList{} << QStringList{} << QStringList{};

        AdvisorResult shortlist;
        shortlist.shortlist = {candidate(QStringLiteral("B"), 3000, 20), candidate(QStringLiteral("A"), 1000, 10),
                               candidate(QStringLiteral("C"), 2000, 5)};
        QTest::newRow("dearer and slower is off the front")
            << shortlist << QStringList{QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("C")} << QStringList{}
            << QStringList{QStringLiteral("A"), QStringLiteral("B")} << QStringList{};

        AdvisorResult mixed;
        mixed.shortlist = {candidate(QStringLiteral("priced"), 1500, 12), candidate(QStringLiteral("no price"), std::nullopt, 30)};
        mixed.rejected = {rejected(candidate(QStringLiteral("too dear"), 9000, 40), Requirement::Budget),
                          rejected(candidate(QStringLiteral("too hungry"), 2500, 25), Requirement::Power),
                          rejected(candidate(QStringLiteral("unknown price"), std::nullopt, 15), Requirement::PriceUnknown),
                          rejected(candidate(QStringLiteral("too slow"), 500, 3), Requirement::Speed),
                          rejected(candidate(QStringLiteral("does not fit"), 9000, 0), Requirement::Budget)};
        QTest::newRow("greyed out only for budget or power; the front over the qualifying ones")
            << mixed << QStringList{QStringLiteral("priced")}
            << QStringList{QStringLiteral("too dear"), QStringLiteral("too hungry")} << QStringList{QStringLiteral("priced")}
            << QStringList{QStringLiteral("no price"), QStringLiteral("unknown price")};
    }

    void placesTheAnswer()
    {
        QFETCH(AdvisorResult, result);
        QFETCH(QStringList, placed);
        QFETCH(QStringList, greyed);
        QFETCH(QStringList, front);
        QFETCH(QStringList, unpriced);
        const PriceSpeedMap map = priceSpeedMap(result);
        QCOMPARE(labels(map, true), placed);
        QCOMPARE(labels(map, false), greyed);
        QStringList frontLabels;
        for (int index : map.front) {
            QVERIFY(map.points.at(index).qualifies);
            frontLabels << map.points.at(index).candidate.label;
        }
        QCOMPARE(frontLabels, front);
        QCOMPARE(map.unpriced, unpriced);
        for (const PricedCandidate &point : map.points)
            QCOMPARE(point.rejection.isEmpty(), point.qualifies);
    }

    // A quoted system is placed whatever became of it: past the limit it qualifies, left out by any
    // requirement it is greyed with that reason; one already placed is only marked.
    void placesEveryQuote()
    {
        const auto system = [](const QString &label, double priceUsd, double tokensPerSecond) {
            AdvisorCandidate c = candidate(label, priceUsd, tokensPerSecond);
            c.systemId = label.toLower();
            return c;
        };
        AdvisorResult result;
        const AdvisorCandidate shortlisted = system(QStringLiteral("Shortlisted"), 4000, 20);
        const AdvisorCandidate pastLimit = system(QStringLiteral("Past the limit"), 5000, 12);
        const AdvisorCandidate slow = system(QStringLiteral("Too slow"), 3000, 4);
        const AdvisorCandidate dear = system(QStringLiteral("Too dear"), 9000, 30);
        result.shortlist = {shortlisted};
        result.rejected = {rejected(slow, Requirement::Speed), rejected(dear, Requirement::Budget),
                           rejected(candidate(QStringLiteral("not quoted, slow"), 100, 1), Requirement::Speed)};
        result.quoted = {shortlisted, pastLimit, slow, dear};
        const PriceSpeedMap map = priceSpeedMap(result);
        QStringList quoted;
        for (const PricedCandidate &point : map.points) {
            if (point.quoted)
                quoted << point.candidate.label;
        }
        QCOMPARE(quoted, (QStringList{QStringLiteral("Shortlisted"), QStringLiteral("Too dear"), QStringLiteral("Past the limit"),
                                      QStringLiteral("Too slow")}));
        QCOMPARE(labels(map, true), (QStringList{QStringLiteral("Shortlisted"), QStringLiteral("Past the limit")}));
        QCOMPARE(labels(map, false), (QStringList{QStringLiteral("Too dear"), QStringLiteral("Too slow")}));
        QCOMPARE(map.points.constLast().rejection, QStringLiteral("fails speed"));
        QCOMPARE(map.points.size(), 4); // nothing twice, and what is neither quoted nor over budget stays off
    }
};

QTEST_MAIN(TestPriceSpeedMap)
#include "tst_price_speed_map.moc"
