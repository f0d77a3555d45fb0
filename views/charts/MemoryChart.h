#pragma once

#include <memory>

#include "views/charts/axes/CategoryLabels.h"
#include "ChartBase.h"

#include <QList>
#include <QPointF>

class QBarCategoryAxis;
class QBarSet;
class QGraphicsPathItem;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QValueAxis;

namespace headroom {

class ChartAnnotation;

// Memory needed per configuration: weights, KV cache and runtime overhead stacked, with the
// configuration's usable capacity marked on each bar and any excess hatched in red. A cluster's pooled
// capacity is outlined and divided into its machines.
class MemoryChart final : public ChartBase
{
    Q_OBJECT
public:
    explicit MemoryChart(QWidget *parent = nullptr);
    ~MemoryChart() override;

    ChartKind kind() const override { return ChartKind::Memory; }
    void setEstimates(const EstimateSet &estimates) override;

    // Inspection, for tests and accessibility.
    QHorizontalStackedBarSeries *barSeries() const { return m_bars; }
    QBarSet *weightsSet() const { return m_weights; }
    QBarSet *kvCacheSet() const { return m_kvCache; }
    QBarSet *overheadSet() const { return m_overhead; }
    QBarCategoryAxis *categoryAxis() const { return m_categoryAxis; } // hidden; places the bars
    const CategoryLabels &categoryNames() const { return *m_names; }  // the names shown, top to bottom
    QValueAxis *valueAxis() const { return m_valueAxis; }
    static int categoryIndex(int row, int rowCount) { return rowCount - 1 - row; }
    QString valueLabel(int row) const;   // "45.3 GB of 192 GB usable", "needs 57.0 GB, 12.0 GB over the 45.0 GB usable"
    QString memoryTooltip(int row) const; // every number of the breakdown
    // Where a cluster row's pooled capacity passes from one machine to the next: (GB, row) per boundary,
    // MemoryBreakdown::machines - 1 of them per row, none for a single machine. Drawn as dividers of a
    // thin outline from 0 to the usable capacity.
    const QList<QPointF> &machineSeparators() const { return m_separators; }

protected:
    void restyle() override;
    void layoutAnnotations() override;

private:
    void updateLabels();
    void updateRanges();
    void updateSeparators();

    QHorizontalStackedBarSeries *m_bars = nullptr;
    QBarSet *m_weights = nullptr;
    QBarSet *m_kvCache = nullptr;
    QBarSet *m_overhead = nullptr;
    QBarCategoryAxis *m_categoryAxis = nullptr; // hidden: places the bars; m_names shows the names
    std::unique_ptr<CategoryLabels> m_names;
    QValueAxis *m_valueAxis = nullptr;
    QLineSeries *m_capacityLegend = nullptr; // no points: explains the capacity markers in the legend
    QLineSeries *m_separatorLegend = nullptr; // no points: explains the machine separators (shown with a cluster)
    QGraphicsPathItem *m_capacityMarkers = nullptr;
    QGraphicsPathItem *m_machineSeparators = nullptr;
    QList<QPointF> m_separators; // (GB, row), from the estimates' MemoryBreakdown
    QGraphicsPathItem *m_overCapacity = nullptr;
    QList<ChartAnnotation *> m_labels;
    int m_tickBudget = 0; // value-axis steps the current range was computed for
    bool m_updatingRanges = false;
};

} // namespace headroom
