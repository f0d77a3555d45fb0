#include "ChartTabs.h"

#include "ChartBase.h"

#include <QSignalBlocker>

namespace headroom {

ChartTabs::ChartTabs(QWidget *parent)
    : QTabWidget(parent)
{
    // Connected before anyone else can connect: a chart shown by a tab switch is up to date
    // before any other listener (or the paint that follows) sees it.
    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (ChartBase *shown = currentChart())
            bringUpToDate(shown);
    });
}

void ChartTabs::addChart(ChartBase *chart, const QString &label, QWidget *page)
{
    m_charts.append(chart);
    m_behind.append(chart);
    addTab(page ? page : chart, label);
    if (chart == currentChart())
        bringUpToDate(chart);
}

ChartBase *ChartTabs::chart(ChartKind kind) const
{
    for (ChartBase *chart : m_charts) {
        if (chart->kind() == kind)
            return chart;
    }
    return nullptr;
}

ChartBase *ChartTabs::currentChart() const
{
    const int index = currentIndex();
    return index >= 0 && index < m_charts.size() ? m_charts.at(index) : nullptr;
}

void ChartTabs::showChart(ChartKind kind)
{
    const qsizetype tab = m_charts.indexOf(chart(kind));
    if (tab < 0)
        return;
    {
        const QSignalBlocker blocker(this);
        setCurrentIndex(int(tab));
    }
    bringUpToDate(m_charts.at(tab));
}

void ChartTabs::setEstimates(const EstimateSet &estimates)
{
    // A tab switch is a scenario edit, so the estimates it brings are often the ones the new
    // chart has just been given: nothing to redo then.
    if (estimates == m_estimates)
        return;
    m_estimates = estimates;
    m_behind = m_charts;
    if (ChartBase *shown = currentChart())
        bringUpToDate(shown);
}

bool ChartTabs::isUpToDate(const ChartBase *chart) const
{
    return m_charts.contains(chart) && !m_behind.contains(chart);
}

void ChartTabs::bringUpToDate(ChartBase *chart)
{
    if (m_behind.removeOne(chart))
        chart->setEstimates(m_estimates);
}

} // namespace headroom
