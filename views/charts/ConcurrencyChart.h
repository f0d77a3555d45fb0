#pragma once

#include "ChartBase.h"

#include <QList>
#include <QPointF>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace headroom {

// How speed changes with concurrent users: per configuration, tokens/s per user (solid, left axis)
// and in total (dashed, right axis) against users on a log2 axis. A curve ends at the last user
// count that still fits; the legend says where.
class ConcurrencyChart final : public ChartBase
{
    Q_OBJECT
public:
    explicit ConcurrencyChart(QWidget *parent = nullptr);
    ~ConcurrencyChart() override;

    ChartKind kind() const override { return ChartKind::Concurrency; }
    void setEstimates(const EstimateSet &estimates) override;

    // Inspection, for tests and accessibility: one pair of curves per row.
    const QList<QLineSeries *> &perUserSeries() const { return m_perUser; }
    const QList<QLineSeries *> &totalSeries() const { return m_total; }
    QLineSeries *referenceLine() const { return m_reference; }
    QLogValueAxis *usersAxis() const { return m_usersAxis; }
    QValueAxis *perUserAxis() const { return m_perUserAxis; }
    QValueAxis *totalAxis() const { return m_totalAxis; }

    // The points a row's curves show: the sweep up to the first user count that does not fit.
    static QList<QPointF> perUserPoints(const EstimateRow &row);
    static QList<QPointF> totalPoints(const EstimateRow &row);
    // Legend text: "2x RTX 5090", "RTX 5090 (does not fit)".
    static QString legendName(const QString &label, const EstimateRow &row);
    // "fits up to 16 users", "does not fit", "fits at every user count shown" (in the tooltip).
    static QString userLimitText(const EstimateRow &row);

protected:
    void restyle() override;

private:
    void resizeSeries(int rowCount);
    void styleRows();
    void updateRanges();
    QString pointTooltip(int row, const QPointF &point) const;

    QList<QLineSeries *> m_perUser;
    QList<QLineSeries *> m_total;
    QLineSeries *m_reference = nullptr;
    QLineSeries *m_totalLegend = nullptr; // no points: explains the dashed curves in the legend
    QLogValueAxis *m_usersAxis = nullptr;
    QValueAxis *m_perUserAxis = nullptr;
    QValueAxis *m_totalAxis = nullptr;
    QList<VendorFamily> m_styledFamilies; // families the current colours were assigned for
};

} // namespace headroom
