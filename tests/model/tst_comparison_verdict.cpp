// The verdict over compared configurations: which pair it weighs, the sentence, the numbers and its JSON.
#include "catalog/Catalog.h"
#include "scenario/ComparisonVerdict.h"
#include "engine/UsersAtSpeed.h"
#include "scenario/EstimateSet.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace headroom;

namespace {

ScenarioConfiguration entry(const QString &deviceId, int count = 1, double memoryGB = 0, const QString &systemId = {})
{
    ScenarioConfiguration result;
    result.configuration.deviceId = deviceId;
    result.configuration.count = count;
    result.configuration.memoryGB = memoryGB;
    result.systemId = systemId;
    return result;
}

Scenario scenarioOf(const QList<ScenarioConfiguration> &configurations, const QString &modelId = QStringLiteral("llama-3.3-70b"),
                    int users = 8)
{
    Scenario scenario;
    scenario.configurations = configurations;
    scenario.modelId = modelId;
    scenario.quantName = QStringLiteral("Q4_K_M");
    scenario.workload.users = users;
    return scenario;
}

} // namespace

class TestComparisonVerdict final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The buyer's question of the issue: a Mac Studio M3 Ultra 256 GB or a 2x RTX 5090 workstation for
    // Llama 3.3 70B and eight users. Whatever the estimates say, the sentence must agree with them.
    void pairAgreesWithTheRows()
    {
        Scenario scenario = scenarioOf({entry(QStringLiteral("m3-ultra"), 1, 256), entry(QStringLiteral("rtx-5090"), 2)});
        scenario.advisor.cost.cloudUsdPerMillionTokens = 3;
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), 2);
        const ComparisonVerdict &verdict = set.verdict;
        QCOMPARE(toString(verdict.kind), toString(ComparisonVerdict::Kind::Pair));
        const int faster = set.rows.at(0).estimate.decodeTpsPerUser > set.rows.at(1).estimate.decodeTpsPerUser ? 0 : 1;
        QCOMPARE(verdict.lead.index, faster);
        QCOMPARE(verdict.other.index, 1 - faster);
        QCOMPARE(verdict.lead.tpsPerUser, set.rows.at(faster).estimate.decodeTpsPerUser);
        QCOMPARE(verdict.lead.usersAtMinTps, set.rows.at(faster).usersAtMinTps);
        QCOMPARE(verdict.other.usersAtMinTps, set.rows.at(1 - faster).usersAtMinTps);
        QVERIFY(verdict.speedRatio >= 1);
        QCOMPARE(verdict.speedRatio, verdict.lead.tpsPerUser / verdict.other.tpsPerUser);
        // The Mac is priced through its named system, the cards with a typical host: both are whole machines.
        const EstimateRow &mac = set.rows.at(0);
        QCOMPARE(*mac.price.usd, *embeddedCatalog().system(QStringLiteral("mac-studio-m3-ultra-256"))->priceUsd);
        const EstimateRow &cards = set.rows.at(1);
        QVERIFY(cards.price.hostUsd);
        QVERIFY(!cards.price.cardsOnly);
        QCOMPARE(*verdict.priceDifferenceUsd, *verdict.lead.price.usd - *verdict.other.price.usd);
        QVERIFY2(verdict.text.startsWith(set.rows.at(faster).label + QStringLiteral(": ")), qPrintable(verdict.text));
        QVERIFY2(verdict.text.contains(QStringLiteral("users at ≥ 10 t/s each")), qPrintable(verdict.text));
        QVERIFY2(verdict.text.contains(QStringLiteral("$3/M tokens")), qPrintable(verdict.text));
        QVERIFY2(!verdict.text.contains(QStringLiteral("before the host")), qPrintable(verdict.text));
    }

    void kinds_data()
    {
        QTest::addColumn<QList<ScenarioConfiguration>>("configurations");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("textPart");
        QTest::newRow("nothing") << QList<ScenarioConfiguration>{} << "llama-3.3-70b" << int(ComparisonVerdict::Kind::None)
                                 << "";
        QTest::newRow("one") << QList<ScenarioConfiguration>{entry(QStringLiteral("rtx-5090"))} << "llama-3.1-8b"
                             << int(ComparisonVerdict::Kind::Single) << "per user, serves";
        QTest::newRow("only one fits")
            << QList<ScenarioConfiguration>{entry(QStringLiteral("rtx-5060-ti-16")), entry(QStringLiteral("m3-ultra"), 1, 512)}
            << "deepseek-r1-671b" << int(ComparisonVerdict::Kind::OnlyOne) << "1 other does not fit";
        QTest::newRow("none fits")
            << QList<ScenarioConfiguration>{entry(QStringLiteral("rtx-5060-ti-16")), entry(QStringLiteral("rtx-5070"))}
            << "deepseek-r1-671b" << int(ComparisonVerdict::Kind::NoneRuns) << "fits none of the 2 configurations";
        QTest::newRow("three: fastest against cheapest")
            << QList<ScenarioConfiguration>{entry(QStringLiteral("rtx-5090")), entry(QStringLiteral("rtx-5060-ti-16")),
                                            entry(QStringLiteral("rtx-5090"), 2)}
            << "llama-3.1-8b" << int(ComparisonVerdict::Kind::Pair) << "faster per user";
    }
    void kinds()
    {
        QFETCH(QList<ScenarioConfiguration>, configurations);
        QFETCH(QString, model);
        QFETCH(int, kind);
        QFETCH(QString, textPart);
        const EstimateSet set = computeEstimates(scenarioOf(configurations, model, 1), embeddedCatalog());
        QCOMPARE(int(set.verdict.kind), kind);
        QVERIFY2(set.verdict.text.contains(textPart), qPrintable(set.verdict.text));
        if (kind == int(ComparisonVerdict::Kind::None))
            QVERIFY(set.verdict.text.isEmpty());
    }

    // Among several, the cheapest that runs is weighed against the fastest.
    void severalWeighFastestAgainstCheapest()
    {
        const Scenario scenario = scenarioOf({entry(QStringLiteral("rtx-5090")), entry(QStringLiteral("rtx-5060-ti-16")),
                                              entry(QStringLiteral("rtx-5090"), 2)},
                                             QStringLiteral("llama-3.1-8b"), 1);
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        int fastest = 0;
        int cheapest = 0;
        for (int i = 1; i < set.rows.size(); ++i) {
            if (set.rows.at(i).estimate.decodeTpsPerUser > set.rows.at(fastest).estimate.decodeTpsPerUser)
                fastest = i;
            if (*set.rows.at(i).price.usd < *set.rows.at(cheapest).price.usd)
                cheapest = i;
        }
        QVERIFY(fastest != cheapest);
        QCOMPARE(set.verdict.lead.index, fastest);
        QCOMPARE(set.verdict.other.index, cheapest);
    }

    // Cards without a host against a whole machine: the sentence says the comparison leaves the host out.
    void cardsAgainstAMachineSaySo()
    {
        const Scenario scenario = scenarioOf({entry(QStringLiteral("arc-pro-b70"), 8, 0), entry(QStringLiteral("m3-ultra"), 1, 512)},
                                             QStringLiteral("llama-3.3-70b"), 1);
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(toString(set.verdict.kind), toString(ComparisonVerdict::Kind::Pair));
        QVERIFY(set.rows.at(0).price.cardsOnly); // no published host for eight cards
        QVERIFY2(set.verdict.text.contains(QStringLiteral("for the cards alone")), qPrintable(set.verdict.text));
        QVERIFY2(set.verdict.text.contains(QStringLiteral("before the host the cards need")), qPrintable(set.verdict.text));
    }

    // "Users at >= N t/s" takes N from the Advisor's speed requirement, a reading pace without one.
    void paceFollowsTheAdvisorRequirement()
    {
        Scenario scenario = scenarioOf({entry(QStringLiteral("rtx-5090"), 2)});
        const EstimateSet reading = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(reading.minTpsPerUser, 10.0);
        scenario.advisor.minDecodeTpsPerUser = 20;
        const EstimateSet brisk = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(brisk.minTpsPerUser, 20.0);
        QCOMPARE(brisk.verdict.minTpsPerUser, 20.0);
        QCOMPARE(brisk.rows.constFirst().usersAtMinTps, usersAtMinTps(brisk.rows.constFirst().input, 20, Calibration::builtIn()));
        QVERIFY(brisk.rows.constFirst().usersAtMinTps <= reading.rows.constFirst().usersAtMinTps);
        QVERIFY2(brisk.verdict.text.contains(QStringLiteral("at ≥ 20 t/s each")), qPrintable(brisk.verdict.text));
    }

    void jsonCarriesTheNumbers()
    {
        Scenario scenario = scenarioOf({entry(QStringLiteral("m3-ultra"), 1, 256), entry(QStringLiteral("rtx-5090"), 2)});
        scenario.advisor.cost.cloudUsdPerMillionTokens = 3;
        const ComparisonVerdict verdict = computeEstimates(scenario, embeddedCatalog()).verdict;
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(verdictJson(verdict), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("pair"));
        QCOMPARE(json.value(QStringLiteral("text")).toString(), verdict.text);
        const QJsonObject lead = json.value(QStringLiteral("lead")).toObject();
        QCOMPARE(lead.value(QStringLiteral("index")).toInt(), verdict.lead.index);
        QCOMPARE(lead.value(QStringLiteral("users_at_min_tps")).toInt(), verdict.lead.usersAtMinTps);
        QCOMPARE(lead.value(QStringLiteral("price_covers")).toString(),
                 verdict.lead.price.hostUsd ? QStringLiteral("cards + typical host") : QStringLiteral("whole system"));
        QCOMPARE(json.value(QStringLiteral("min_tps_per_user")).toDouble(), 10.0);
        QCOMPARE(json.value(QStringLiteral("cloud_usd_per_million_tokens")).toDouble(), 3.0);
        QVERIFY(json.value(QStringLiteral("speed_ratio")).toDouble() >= 1);
    }
};

QTEST_GUILESS_MAIN(TestComparisonVerdict)
#include "tst_comparison_verdict.moc"
