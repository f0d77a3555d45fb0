#include "GridLines.h"

#include <QAbstractSeries>
#include <QChart>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

namespace headroom {
namespace {

constexpr int GridZValue = 2;        // over the plot background, under axes and series (Qt Charts' own order)
constexpr int MaxGridLines = 200;    // per axis: a guard against a degenerate interval
constexpr double TickTolerance = 1e-9; // of an interval: a tick on the range's edge counts

// The pixel centre nearest to `coordinate`, so a one-pixel line covers exactly one pixel.
qreal onPixel(qreal coordinate)
{
    return std::floor(coordinate) + 0.5;
}

// A value inside the range of the series' axis across `axis` (mapping a point needs both
// coordinates, and zero is outside a logarithmic axis).
double valueAcross(const QAbstractAxis *axis, QAbstractSeries *series)
{
    for (const QAbstractAxis *other : series->attachedAxes()) {
        if (other->orientation() == axis->orientation())
            continue;
        if (const auto *log = qobject_cast<const QLogValueAxis *>(other))
            return log->min();
        if (const auto *linear = qobject_cast<const QValueAxis *>(other))
            return linear->min();
    }
    return 0; // a category axis: its first category
}

} // namespace

QList<double> tickValues(const QAbstractAxis *axis)
{
    QList<double> values;
    if (const auto *linear = qobject_cast<const QValueAxis *>(axis)) {
        const double low = linear->min();
        const double high = linear->max();
        if (!(high > low))
            return values;
        if (linear->tickType() == QValueAxis::TicksDynamic) {
            const double step = linear->tickInterval();
            if (!(step > 0))
                return values;
            const double anchor = linear->tickAnchor();
            for (double k = std::ceil((low - anchor) / step - TickTolerance);
                 values.size() < MaxGridLines && anchor + k * step <= high + step * TickTolerance; ++k)
                values.append(anchor + k * step);
        } else {
            const int count = linear->tickCount();
            for (int i = 0; i < count && count > 1; ++i)
                values.append(low + (high - low) * i / (count - 1));
        }
    } else if (const auto *log = qobject_cast<const QLogValueAxis *>(axis)) {
        const double base = log->base();
        if (!(log->min() > 0) || !(log->max() > log->min()) || !(base > 1))
            return values;
        const double first = std::ceil(std::log(log->min()) / std::log(base) - TickTolerance);
        const double last = std::floor(std::log(log->max()) / std::log(base) + TickTolerance);
        for (double k = first; k <= last && values.size() < MaxGridLines; ++k)
            values.append(std::pow(base, k));
    }
    return values;
}

GridLines::GridLines(QChart *chart)
    : QGraphicsItem(chart)
    , m_chart(chart)
{
    setZValue(GridZValue);
    setAcceptedMouseButtons(Qt::NoButton);
}

void GridLines::addAxis(QAbstractAxis *axis, QAbstractSeries *series, Lines lines)
{
    axis->setGridLineVisible(false);
    axis->setLineVisible(false);
    m_grids.append(Grid{axis, series, lines});
}

void GridLines::setPens(const QPen &grid, const QPen &axisLine)
{
    m_pen = grid;
    m_axisPen = axisLine;
    update();
}

void GridLines::layout()
{
    const QRectF plot = m_chart->plotArea();
    QList<QLineF> lines;
    QList<QLineF> axisLines;
    if (!plot.isEmpty()) {
        for (const Grid &grid : std::as_const(m_grids)) {
            const bool horizontal = grid.axis->orientation() == Qt::Horizontal;
            if (grid.axis->isVisible()) {
                const Qt::Alignment side = grid.axis->alignment();
                if (side == Qt::AlignBottom || side == Qt::AlignTop) {
                    const qreal y = onPixel(side == Qt::AlignBottom ? plot.bottom() : plot.top());
                    axisLines.append(QLineF(plot.left(), y, plot.right(), y));
                } else {
                    const qreal x = onPixel(side == Qt::AlignLeft ? plot.left() : plot.right());
                    axisLines.append(QLineF(x, plot.top(), x, plot.bottom()));
                }
            }
            if (grid.lines == Lines::AxisOnly)
                continue;
            const double across = valueAcross(grid.axis, grid.series); // only this axis' coordinate is read
            for (double value : tickValues(grid.axis)) {
                const QPointF at = m_chart->mapToPosition(horizontal ? QPointF(value, across) : QPointF(across, value), grid.series);
                if (horizontal) {
                    if (at.x() >= plot.left() - 1 && at.x() <= plot.right() + 1)
                        lines.append(QLineF(onPixel(at.x()), plot.top(), onPixel(at.x()), plot.bottom()));
                } else if (at.y() >= plot.top() - 1 && at.y() <= plot.bottom() + 1) {
                    lines.append(QLineF(plot.left(), onPixel(at.y()), plot.right(), onPixel(at.y())));
                }
            }
        }
    }
    if (lines == m_lines && axisLines == m_axisLines)
        return;
    const QRectF bounds = plot.adjusted(-1, -1, 1, 1);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    m_lines = lines;
    m_axisLines = axisLines;
    update();
}

void GridLines::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(m_pen);
    painter->drawLines(m_lines);
    painter->setPen(m_axisPen);
    painter->drawLines(m_axisLines);
}

} // namespace headroom
