#pragma once

#include "AxisTicks.h"

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QHash>
#include <QLineF>
#include <QList>
#include <QMargins>
#include <QPen>
#include <QStaticText>

class QAbstractAxis;
class QAbstractSeries;
class QChart;

namespace headroom {

// A chart's value axes, drawn by the chart as one item: the grid lines at their ticks, each
// axis' line along the plot's edge (one pixel wide on whole pixels, without antialiasing), the
// tick labels and the axis titles (shaped once per text, then only drawn).
//
// Qt Charts draws each grid line, axis line and tick mark as an item of its own, and each tick
// label and title as a rich-text document that it lays out again whenever a range changes and
// shapes again at every paint. With a chart repainted per slider move that cost more than the
// bars. A registered axis is hidden from Qt Charts' layout (it still maps the series); this item
// reserves the room its labels and title need next to the plot, as chart margins or, on the side
// where the legend sits, as the legend's padding, so the labels stay next to the plot. Which values get
// ticks and how their labels read is AxisTicks'.
class ValueAxes final : public QGraphicsItem
{
public:
    explicit ValueAxes(QChart *chart);

    // Draws `axis` (a QValueAxis or QLogValueAxis) instead of Qt Charts while `series` is
    // attached to it: its line, tick labels and title and, with AxisAndGrid, its grid lines (and
    // a log axis' minor grid). Labels follow the axis' labelFormat(), fonts and brushes; the
    // title its titleText(). A chart with two scales for one direction registers both and
    // attaches its series to the one in use.
    enum class Lines { AxisAndGrid, AxisOnly };
    void addAxis(QAbstractAxis *axis, QAbstractSeries *series, Lines lines = Lines::AxisAndGrid);
    void setPens(const QPen &grid, const QPen &axisLine, const QPen &minorGrid);
    // Whether `axis` is registered and in use (its series attached to it).
    bool isDrawn(const QAbstractAxis *axis) const;
    // Places lines and labels at the axes' current ticks around the plot area, and reserves the
    // room the labels need; call after ranges, fonts or the plot area change.
    void layout();

    const QList<QLineF> &lines() const { return m_lines; }         // grid lines
    const QList<QLineF> &minorLines() const { return m_minorLines; } // a log axis' minor grid
    const QList<QLineF> &axisLines() const { return m_axisLines; } // along the plot's edges
    // The tick labels of `axis` as drawn, in tick order.
    QStringList labels(const QAbstractAxis *axis) const;
    // The labels' and titles' places, in chart coordinates (titles of vertical axes are rotated).
    QList<QRectF> textBoxes() const;

    QRectF boundingRect() const override { return m_bounds; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    struct Label {
        QPointF topLeft;
        QString text;
        QStaticText shaped;
    };
    struct Axis {
        QAbstractAxis *axis;
        QAbstractSeries *series;
        Lines lines;
        QList<Label> labels;
        Label title;
        QFont labelFont;
        QFont titleFont;
        QColor labelColor;
        QColor titleColor;
        qreal labelExtent = 0; // widest label of a vertical axis, tallest of a horizontal one
    };
    struct Tick {
        double value;
        qreal position; // pixels along the axis, in chart coordinates
    };
    static bool isVertical(Qt::Alignment side);
    // Whether `axis` is in use: a chart may keep two axes for one direction (a linear and a
    // logarithmic scale) and attach its series to one of them at a time.
    static bool inUse(const QAbstractAxis *axis, QAbstractSeries *series);
    // Where `values` fall along `axis`, those on the plot; each tick is placed once per layout
    // for its grid line and its label.
    QList<Tick> placedTicks(const Axis &axis, const QList<double> &values, const QRectF &plot) const;
    void layoutLines(const Axis &axis, const QList<Tick> &ticks, const QRectF &plot);
    // Tick labels and titles beside the plot, and the room they take (ValueAxesLabels.cpp).
    void layoutLabels(Axis &axis, const QList<Tick> &ticks, const QRectF &plot);
    void reserveRoom();
    QStaticText shaped(const QString &text, const QFont &font);

    QChart *m_chart;
    QList<Axis> m_axes;
    QList<QLineF> m_lines;
    QList<QLineF> m_minorLines;
    QList<QLineF> m_axisLines;
    QRectF m_bounds;
    QPen m_pen;
    QPen m_axisPen;
    QPen m_minorPen;
    QMargins m_baseMargins;  // the chart's margins before any room was reserved
    QMarginsF m_legendBase;  // the legend's own padding, before any room was reserved
    QHash<QString, QStaticText> m_shapes; // by font key and text: labels come back as ranges move
};

} // namespace headroom
