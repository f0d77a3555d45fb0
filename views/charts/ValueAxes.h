#pragma once

#include <QGraphicsItem>
#include <QLineF>
#include <QList>
#include <QPen>

class QAbstractAxis;
class QAbstractSeries;
class QChart;

namespace headroom {

// A chart's grid and axis lines: the lines at its value axes' ticks and each axis' line along the
// plot's edge, drawn as one item with two calls, one pixel wide on whole pixels, without
// antialiasing. Qt Charts draws each grid line, axis line and tick mark as an item of its own,
// which with four charts repainted per slider move cost more than their bars.
class GridLines final : public QGraphicsItem
{
public:
    explicit GridLines(QChart *chart);

    // Draws the line of `axis` (a QValueAxis or QLogValueAxis attached to `series`) and, with
    // `grid`, its grid lines, instead of the axis: its own line, tick marks and grid are hidden.
    enum class Lines { AxisAndGrid, AxisOnly };
    void addAxis(QAbstractAxis *axis, QAbstractSeries *series, Lines lines = Lines::AxisAndGrid);
    void setPens(const QPen &grid, const QPen &axisLine);
    // Places the lines at the axes' current ticks across the plot area; call after ranges or the
    // plot area change.
    void layout();

    const QList<QLineF> &lines() const { return m_lines; }         // grid lines
    const QList<QLineF> &axisLines() const { return m_axisLines; } // along the plot's edges
    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Grid {
        QAbstractAxis *axis;
        QAbstractSeries *series;
        Lines lines;
    };
    QChart *m_chart;
    QList<Grid> m_grids;
    QList<QLineF> m_lines;
    QList<QLineF> m_axisLines;
    QRectF m_bounds;
    QPen m_pen;
    QPen m_axisPen;
};

// The values at which `axis` has ticks: every tick interval from the anchor (dynamic ticks), or
// tickCount() evenly spaced values (fixed ticks) of a QValueAxis; the powers of the base of a
// QLogValueAxis. Empty for other axes and empty ranges.
QList<double> tickValues(const QAbstractAxis *axis);

} // namespace headroom
