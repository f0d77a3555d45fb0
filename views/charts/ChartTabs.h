#pragma once

#include "scenario/EstimateSet.h"
#include "scenario/Scenario.h"

#include <QList>
#include <QTabWidget>

namespace headroom {

class ChartBase;

// The window's charts, one tab each. Only the chart on screen follows every new set of
// estimates; a chart whose tab is hidden takes the latest set when its tab is shown, before it
// is painted. A slider move then updates and repaints one chart instead of every chart.
class ChartTabs final : public QTabWidget
{
    Q_OBJECT
public:
    explicit ChartTabs(QWidget *parent = nullptr);

    // Adds `chart` as a tab (the widget owns it). `page`, if given, is the tab's widget and holds the chart
    // with what goes with it (the Accuracy tab's table); the chart is still the one that gets the estimates.
    void addChart(ChartBase *chart, const QString &label, QWidget *page = nullptr);
    const QList<ChartBase *> &charts() const { return m_charts; }
    ChartBase *chart(ChartKind kind) const;
    ChartBase *currentChart() const;
    // Shows the tab of `kind`, up to date, without emitting currentChanged: the scenario chose the chart,
    // not the user.
    void showChart(ChartKind kind);

    void setEstimates(const EstimateSet &estimates);
    const EstimateSet &estimates() const { return m_estimates; }
    // Whether `chart` shows the latest estimates (a hidden chart may lag until it is shown).
    bool isUpToDate(const ChartBase *chart) const;

private:
    void bringUpToDate(ChartBase *chart);

    QList<ChartBase *> m_charts;
    QList<ChartBase *> m_behind; // charts that have not been given m_estimates yet
    EstimateSet m_estimates;
};

} // namespace headroom
