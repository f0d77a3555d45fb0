#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPen>

class QAbstractAxis;
class QAbstractSeries;
class QChart;

namespace headroom {

// A chart's grid: the lines at its value axes' ticks, drawn as one item with one call, one pixel
// wide on whole pixels, without antialiasing. Qt Charts draws each grid line as an antialiased
// item of its own, which with four charts repainted per slider move cost more than their bars.
class GridLines final : public QGraphicsItem
{
public:
    explicit GridLines(QChart *chart);

    // Draws the grid of `axis` (a QValueAxis or QLogValueAxis attached to `series`) instead of the
    // axis: its own grid lines are hidden.
    void addAxis(QAbstractAxis *axis, QAbstractSeries *series);
    void setPen(const QPen &pen);
    // Places the lines at the axes' current ticks across the plot area; call after ranges or the
    // plot area change.
    void layout();

    const QList<QLineF> &lines() const { return m_lines; }
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Grid {
        QAbstractAxis *axis;
        QAbstractSeries *series;
    };
    QChart *m_chart;
    QList<Grid> m_grids;
    QList<QLineF> m_lines;
    QRectF m_bounds;
    QPen m_pen;
};

// The values at which `axis` has ticks: every tick interval from the anchor (dynamic ticks), or
// tickCount() evenly spaced values (fixed ticks) of a QValueAxis; the powers of the base of a
// QLogValueAxis. Empty for other axes and empty ranges.
QList<double> tickValues(const QAbstractAxis *axis);

} // namespace headroom
