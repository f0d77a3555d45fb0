// One slider move as each chart sees it: new estimates for the article's 7 or for 30
// configurations, the chart's layout, then a paint of the whole chart at the size the window
// gives it. The window's bench
// (`headroom bench`) times the same work for every view together; this isolates each chart.
#include "BenchWorkload.h"
#include "catalog/Catalog.h"
#include "views/charts/ChartBase.h"
#include "scenario/EstimateSet.h"

#include <QApplication>
#include <QPixmap>
#include <QTest>

using namespace headroom;

namespace {

constexpr QSize ChartSize(814, 699); // the chart area of a 1600x1000 window

// Estimates for `configurations` configurations (7: the article's) with `users` users: moving
// the users slider between them changes every bar, line and label.
EstimateSet lineupEstimates(int configurations, int users)
{
    const Catalog &catalog = embeddedCatalog();
    Scenario scenario = configurations == 7 ? articleLineupScenario() : benchLineupScenario(catalog, configurations);
    scenario.workload.users = users;
    return computeEstimates(scenario, catalog);
}

} // namespace

class BenchChartUpdate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void update_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("configurations");
        QTest::addColumn<bool>("dragging");
        for (ChartKind kind : supportedChartKinds()) {
            const QByteArray name = toString(kind).toUtf8();
            for (int configurations : {7, 30}) {
                QTest::addRow("%s, %d, dragging", name.constData(), configurations) << int(kind) << configurations << true;
                QTest::addRow("%s, %d, settled", name.constData(), configurations) << int(kind) << configurations << false;
            }
        }
    }

    void update()
    {
        QFETCH(int, kind);
        QFETCH(int, configurations);
        QFETCH(bool, dragging);
        std::unique_ptr<ChartBase> chart = createChart(ChartKind(kind));
        chart->resize(ChartSize);
        const EstimateSet estimates[] = {lineupEstimates(configurations, 1), lineupEstimates(configurations, 4)};
        chart->setEstimates(estimates[1]);
        chart->setDragging(dragging);
        QPixmap target(ChartSize);
        int move = 0;
        QBENCHMARK {
            chart->setEstimates(estimates[++move % 2]);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            chart->viewport()->render(&target);
        }
    }
};

QTEST_MAIN(BenchChartUpdate)
#include "bench_chart_update.moc"
