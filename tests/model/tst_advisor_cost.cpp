// Cost per million output tokens and break-even months (model/advisor/AdvisorCost.cpp) against hand calculations.
#include "advisor/Advisor.h"

#include <QTest>

#include <cmath>

using namespace headroom;

class TestAdvisorCost final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void costPerToken_data()
    {
        QTest::addColumn<double>("price");      // < 0: unknown
        QTest::addColumn<double>("powerW");
        QTest::addColumn<double>("outputTps");
        QTest::addColumn<double>("years");
        QTest::addColumn<double>("utilization");
        QTest::addColumn<double>("usdPerKwh");
        QTest::addColumn<double>("cloud");      // < 0: none
        QTest::addColumn<double>("usdPerMillion"); // < 0: unknown
        QTest::addColumn<double>("breakeven");  // < 0: none
        QTest::addColumn<QString>("unknownBecause");

        // $4,000, 1,000 W, 100 t/s, 3 years, 50%, $0.15/kWh:
        // tokens/year = 100 x 0.5 x 31,557,600 = 1,577,880,000; amortised = 1,333.33; electricity =
        // 1 kW x 8,766 h x 0.5 x 0.15 = 657.45; (1,333.33 + 657.45) / 1,577.88 = 1.26168 $/M.
        // Cloud $10/M: 131.49 M tokens/month -> $1,314.90 - $54.7875 electricity = $1,260.11 saved/month;
        // 4,000 / 1,260.11 = 3.1743 months.
        QTest::newRow("defaults with cloud") << 4000.0 << 1000.0 << 100.0 << 3.0 << 0.5 << 0.15 << 10.0 << 1.261674 << 3.174326 << QString();
        QTest::newRow("no cloud price") << 4000.0 << 1000.0 << 100.0 << 3.0 << 0.5 << 0.15 << -1.0 << 1.261674 << -1.0 << QString();
        // An unknown price or power leaves the cost unknown: counting only part of it would flatter the box.
        QTest::newRow("price unknown") << -1.0 << 1000.0 << 100.0 << 3.0 << 0.5 << 0.15 << 10.0 << -1.0 << -1.0
                                       << QStringLiteral("price unknown");
        QTest::newRow("power unknown") << 4000.0 << 0.0 << 100.0 << 3.0 << 0.5 << 0.15 << 10.0 << -1.0 << -1.0
                                       << QStringLiteral("power unknown");
        QTest::newRow("both unknown") << -1.0 << 0.0 << 100.0 << 3.0 << 0.5 << 0.15 << 10.0 << -1.0 << -1.0
                                      << QStringLiteral("price and power unknown");
        // Cloud cheaper than the electricity: never pays off.
        QTest::newRow("never pays off") << 4000.0 << 1000.0 << 100.0 << 3.0 << 0.5 << 0.15 << 0.1 << 1.261674 << -1.0 << QString();
        // Full utilisation, 5 years, $0.30/kWh, 300 W, 20 t/s, $2,000:
        // tokens = 631,152,000; amortised 400; electricity 0.3 x 8,766 x 0.3 = 788.94; 1,188.94 / 631.152 = 1.883765.
        QTest::newRow("busy small box") << 2000.0 << 300.0 << 20.0 << 5.0 << 1.0 << 0.30 << -1.0 << 1.883765 << -1.0 << QString();
    }

    void costPerToken()
    {
        QFETCH(double, price);
        QFETCH(double, powerW);
        QFETCH(double, outputTps);
        QFETCH(double, years);
        QFETCH(double, utilization);
        QFETCH(double, usdPerKwh);
        QFETCH(double, cloud);
        QFETCH(double, usdPerMillion);
        QFETCH(double, breakeven);
        QFETCH(QString, unknownBecause);
        CostAssumptions assumptions;
        assumptions.amortizationYears = years;
        assumptions.utilization = utilization;
        assumptions.electricityUsdPerKwh = usdPerKwh;
        if (cloud >= 0)
            assumptions.cloudUsdPerMillionTokens = cloud;
        const std::optional<double> priceUsd = price >= 0 ? std::optional<double>(price) : std::nullopt;
        const CostPerToken cost = headroom::costPerToken(priceUsd, powerW, outputTps, assumptions);
        QCOMPARE(cost.priceKnown, price >= 0);
        QCOMPARE(cost.usdPerMillionTokens.has_value(), usdPerMillion >= 0);
        if (usdPerMillion >= 0)
            QVERIFY2(std::abs(*cost.usdPerMillionTokens - usdPerMillion) < 1e-5,
                     qPrintable(QString::number(*cost.usdPerMillionTokens, 'f', 8)));
        QCOMPARE(cost.unknownBecause, unknownBecause);
        QCOMPARE(cost.tokensPerYear, outputTps * utilization * 365.25 * 24 * 3600);
        QCOMPARE(cost.electricityUsdPerYear, powerW / 1000 * 365.25 * 24 * utilization * usdPerKwh);
        QCOMPARE(cost.amortizedUsdPerYear, price >= 0 ? price / years : 0.0);
        QCOMPARE(cost.breakevenMonths.has_value(), breakeven >= 0);
        if (breakeven >= 0)
            QVERIFY2(std::abs(*cost.breakevenMonths - breakeven) < 1e-5, qPrintable(QString::number(*cost.breakevenMonths, 'f', 8)));
    }

    void nothingProducedHasNoFiniteCost()
    {
        const CostPerToken cost = headroom::costPerToken(1000.0, 100, 0, CostAssumptions{});
        QVERIFY(!cost.usdPerMillionTokens);
        QCOMPARE(cost.unknownBecause, QStringLiteral("no tokens produced"));
        QVERIFY(!cost.breakevenMonths);
    }

    void explainShowsFormulaAndInputs_data()
    {
        QTest::addColumn<QString>("systemId");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bare cards") << QString() << QStringLiteral("cards only, host not included");
        QTest::newRow("named system") << QStringLiteral("box") << QStringLiteral("(system box)");
    }

    void explainShowsFormulaAndInputs()
    {
        QFETCH(QString, systemId);
        QFETCH(QString, expected);
        AdvisorCandidate candidate;
        candidate.label = QStringLiteral("2x Card");
        candidate.systemId = systemId;
        candidate.platform = Platform::Nvidia;
        candidate.priceUsd = 4000;
        candidate.priceCardsOnly = systemId.isEmpty();
        candidate.priceSource = QStringLiteral("https://example.com/card");
        candidate.powerW = 1000;
        candidate.estimate.fit = Fit::Fits;
        candidate.estimate.outputTpsTotal = 100;
        CostAssumptions assumptions;
        assumptions.cloudUsdPerMillionTokens = 10;
        const QString text = explainCost(candidate, assumptions);
        for (const QString &part : {expected, QStringLiteral("$4,000"), QStringLiteral("1,000 W"),
                                    QStringLiteral("1,577,880,000"), QStringLiteral("$1,333.33"), QStringLiteral("$657.45"),
                                    QStringLiteral("$1.2617"), QStringLiteral("3.2 months"),
                                    QStringLiteral("https://example.com/card")})
            QVERIFY2(text.contains(part), qPrintable(part + QStringLiteral(" missing from:\n") + text));
    }
};

QTEST_GUILESS_MAIN(TestAdvisorCost)
#include "tst_advisor_cost.moc"
