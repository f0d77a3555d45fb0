#pragma once

#include "ChartBase.h"

#include <QList>
#include <QPointF>

class QGraphicsPathItem;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace headroom {

class ChartAnnotation;

// How speed changes with concurrent users: per configuration, tokens/s per user (solid, left axis)
// and in total (dashed, right axis) against users on a log2 axis. A solid curve ends at the last user
// count that fits in memory, marked; where the model then spills into system memory the curve goes on
// dotted. With a handful of configurations each curve carries its name at its end. The dashed straight line
// is the speed every user must get (EstimateSet::minTpsPerUser); a ring on it marks, per configuration, the
// most users served that fast (the table's "users at ≥ N t/s"). A hollow square on a cluster's curve marks the first
// user count where the link between its machines binds.
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
    const QList<QLineSeries *> &offloadSeries() const { return m_offload; }
    QScatterSeries *fitLimitMarkers() const { return m_fitLimits; }
    // The names drawn at the curves' ends (empty strings for curves whose name found no room).
    QStringList lineLabels() const;
    QLineSeries *referenceLine() const { return m_reference; }
    // (users at the pace, the pace) per row serving anyone that fast, in row order; a count past the users
    // axis stands at its end, its label saying how many.
    QScatterSeries *paceMarks() const { return m_paceMarks; }
    QString paceMarkTooltip(int markIndex) const;
    QStringList paceLabels() const; // "17 users", "101 users →" past the axis; empty where no room
    // (users, tokens/s per user) on a cluster row's curve at the first swept user count where the link between
    // its machines binds (SweepPoint::bottleneck == Interconnect), in row order; none for single machines.
    QScatterSeries *linkBindsMarks() const { return m_linkBinds; }
    QString linkBindsTooltip(int markIndex) const; // "2× …: the link between machines binds from 1 user"
    // The sweep point of `row` where the link starts to bind, or null.
    static const SweepPoint *linkBindsPoint(const EstimateRow &row);
    QLogValueAxis *usersAxis() const { return m_usersAxis; }
    QValueAxis *perUserAxis() const { return m_perUserAxis; }
    QValueAxis *totalAxis() const { return m_totalAxis; }

    // The points a row's curves show: the sweep up to the first user count that does not fit in memory.
    static QList<QPointF> perUserPoints(const EstimateRow &row);
    static QList<QPointF> totalPoints(const EstimateRow &row);
    // The dotted continuation: the last point that fits, then the user counts that spill into system memory.
    static QList<QPointF> offloadPoints(const EstimateRow &row);
    // "Not plotted, does not fit at any user count: M4 Pro Mac mini, RTX 5090", or empty when
    // every row has a curve. The legend keeps the plain names: a legend whose entries change with
    // the sliders is laid out again, every entry measured as rich text, on each move.
    static QString notPlottedText(const QStringList &labels, const QList<EstimateRow> &rows);
    QString note() const; // the note shown over the plot (notPlottedText(), elided to the plot's width)
    // "fits up to 16 users", "does not fit", "fits at every user count shown" (in the tooltip).
    static QString userLimitText(const EstimateRow &row);

protected:
    void restyle() override;
    void layoutAnnotations() override;

private:
    void resizeSeries(int rowCount);
    void styleRows();
    void updateRanges();
    void updateFitLimits();
    void updatePaceMarks();
    void updateLinkBindsMarks();
    void layoutLineLabels();
    void layoutPaceLabels(QList<QRectF> &taken);
    QString pointTooltip(int row, const QPointF &point) const;

    QList<QLineSeries *> m_perUser;
    QList<QLineSeries *> m_total;
    QList<QLineSeries *> m_offload;
    QScatterSeries *m_fitLimits = nullptr; // where each solid curve stops fitting
    QList<ChartAnnotation *> m_lineLabels;
    QStringList m_lineLabelTexts;
    QLineSeries *m_reference = nullptr;
    QScatterSeries *m_paceMarks = nullptr;
    QList<int> m_paceMarkRows; // the row of each pace mark
    QList<ChartAnnotation *> m_paceLabels;
    QScatterSeries *m_linkBinds = nullptr; // the marks' points, hover and legend entry
    QGraphicsPathItem *m_linkBindsSquares = nullptr; // the same squares unclipped: one at 1 user sits on the plot's edge
    QList<int> m_linkBindsRows; // the row of each link-binds mark
    QLineSeries *m_totalLegend = nullptr; // no points: explains the dashed curves in the legend
    QLogValueAxis *m_usersAxis = nullptr;
    QValueAxis *m_perUserAxis = nullptr;
    QValueAxis *m_totalAxis = nullptr;
    QList<Platform> m_styledFamilies; // families the current colours were assigned for
    ChartAnnotation *m_note = nullptr;
    QString m_noteText; // in full (the note is elided to the plot's width)
};

} // namespace headroom
