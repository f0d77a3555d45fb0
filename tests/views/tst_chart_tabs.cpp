// ChartTabs: the chart on screen follows every new set of estimates; a hidden chart takes the
// latest set when its tab is shown, before it is painted, and an unchanged set is not re-sent.
#include "scenario/ArticleLineup.h"
#include "catalog/Catalog.h"
#include "views/charts/ChartBase.h"
#include "views/charts/ChartTabs.h"

#include <QTest>

using namespace headroom;

namespace {

// A chart that counts its updates.
class CountingChart final : public ChartBase
{
public:
    explicit CountingChart(ChartKind kind)
        : m_kind(kind)
    {
        applyStyle();
    }
    ChartKind kind() const override { return m_kind; }
    void setEstimates(const EstimateSet &estimates) override
    {
        storeEstimates(estimates);
        ++updates;
    }
    int updates = 0;

protected:
    void restyle() override {}

private:
    ChartKind m_kind;
};

// The article's lineup with `users` users: a different set of estimates for each count.
EstimateSet estimatesFor(int users)
{
    Scenario scenario = articleLineupScenario();
    scenario.workload.users = users;
    return computeEstimates(scenario, embeddedCatalog());
}

} // namespace

class TestChartTabs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void updates_data()
    {
        // Steps: "set N" hands the tabs the estimates for N users; "show T" shows tab T.
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QList<int>>("updates"); // per chart, after the first chart's initial one
        QTest::addColumn<int>("shownUsers");     // the users of the estimates each shown chart ends with
        QTest::newRow("only the chart on screen") << QStringList{QStringLiteral("set 1"), QStringLiteral("set 2"), QStringLiteral("set 4")}
                                                  << QList<int>{3, 0, 0} << 4;
        QTest::newRow("a shown chart catches up once")
            << QStringList{QStringLiteral("set 1"), QStringLiteral("set 2"), QStringLiteral("show 1")} << QList<int>{2, 1, 0} << 2;
        QTest::newRow("the same estimates again") << QStringList{QStringLiteral("set 1"), QStringLiteral("set 1"), QStringLiteral("set 1")}
                                                  << QList<int>{1, 0, 0} << 1;
        QTest::newRow("back to an up-to-date chart")
            << QStringList{QStringLiteral("set 1"), QStringLiteral("show 2"), QStringLiteral("show 0"), QStringLiteral("show 2")}
            << QList<int>{1, 0, 1} << 1;
        QTest::newRow("switching while the estimates change")
            << QStringList{QStringLiteral("set 1"), QStringLiteral("show 1"), QStringLiteral("set 8"), QStringLiteral("show 2"),
                           QStringLiteral("set 16"), QStringLiteral("show 0")}
            << QList<int>{2, 2, 2} << 16;
    }

    void updates()
    {
        QFETCH(QStringList, steps);
        QFETCH(QList<int>, updates);
        QFETCH(int, shownUsers);
        ChartTabs tabs;
        QList<CountingChart *> charts;
        for (ChartKind kind : {ChartKind::Speed, ChartKind::Memory, ChartKind::Concurrency}) {
            auto *chart = new CountingChart(kind);
            charts.append(chart);
            tabs.addChart(chart, toString(kind));
        }
        QCOMPARE(tabs.charts().size(), 3);
        QCOMPARE(charts.at(0)->updates, 1); // the first tab is shown, with the (empty) estimates so far
        for (CountingChart *chart : charts)
            chart->updates = 0;
        tabs.resize(640, 480);
        tabs.show();
        for (const QString &step : steps) {
            const int value = step.section(QLatin1Char(' '), 1).toInt();
            if (step.startsWith(QLatin1String("set")))
                tabs.setEstimates(estimatesFor(value));
            else
                tabs.setCurrentIndex(value);
            // The chart on screen always shows the latest estimates.
            QCOMPARE(tabs.currentChart()->estimates(), tabs.estimates());
            QVERIFY(tabs.isUpToDate(tabs.currentChart()));
        }
        QList<int> counted;
        for (CountingChart *chart : charts)
            counted.append(chart->updates);
        QCOMPARE(counted, updates);
        QCOMPARE(tabs.currentChart()->estimates().rows.first().input.workload.users, shownUsers);
        for (CountingChart *chart : charts) {
            if (chart != tabs.currentChart() && chart->estimates() != tabs.estimates())
                QVERIFY(!tabs.isUpToDate(chart));
        }
        QCOMPARE(tabs.chart(ChartKind::Memory), charts.at(1));
        QCOMPARE(tabs.chart(ChartKind::Value), nullptr);
    }
};

QTEST_MAIN(TestChartTabs)
#include "tst_chart_tabs.moc"
