#include "ValueAxes.h"

#include "ShapedText.h"

#include <QAbstractSeries>
#include <QChart>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLogValueAxis>
#include <QPainter>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

constexpr int GridZValue = 2;        // over the plot background, under axes and series (Qt Charts' own order)
constexpr int MaxShapedTexts = 512;  // a cache bound: ranges revisit the same few hundred labels

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

QString fontKey(const QFont &font)
{
    return font.key() + QLatin1Char('\x1f');
}

} // namespace

bool ValueAxes::isVertical(Qt::Alignment side)
{
    return side == Qt::AlignLeft || side == Qt::AlignRight;
}

bool ValueAxes::inUse(const QAbstractAxis *axis, QAbstractSeries *series)
{
    return series->attachedAxes().contains(const_cast<QAbstractAxis *>(axis));
}

ValueAxes::ValueAxes(QChart *chart)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_baseMargins(chart->margins())
{
    if (QGraphicsLayout *legendLayout = chart->legend()->layout()) {
        qreal left = 0, top = 0, right = 0, bottom = 0;
        legendLayout->getContentsMargins(&left, &top, &right, &bottom);
        m_legendBase = QMarginsF(left, top, right, bottom);
    }
    setZValue(GridZValue);
    setAcceptedMouseButtons(Qt::NoButton);
}

void ValueAxes::addAxis(QAbstractAxis *axis, QAbstractSeries *series, Lines lines)
{
    axis->setGridLineVisible(false);
    axis->setLineVisible(false);
    // Out of Qt Charts' layout and paint; it still maps the series attached to it.
    axis->setVisible(false);
    m_axes.append(Axis{axis, series, lines, {}, {}, {}, {}, {}, {}});
}

void ValueAxes::setPens(const QPen &grid, const QPen &axisLine, const QPen &minorGrid)
{
    m_pen = grid;
    m_axisPen = axisLine;
    m_minorPen = minorGrid;
    update();
}

bool ValueAxes::isDrawn(const QAbstractAxis *axis) const
{
    return std::any_of(m_axes.cbegin(), m_axes.cend(),
                       [axis](const Axis &entry) { return entry.axis == axis && inUse(axis, entry.series); });
}

QStringList ValueAxes::labels(const QAbstractAxis *axis) const
{
    QStringList texts;
    for (const Axis &entry : m_axes) {
        if (entry.axis != axis)
            continue;
        for (const Label &label : entry.labels)
            texts.append(label.text);
    }
    return texts;
}

QList<QRectF> ValueAxes::textBoxes() const
{
    QList<QRectF> boxes;
    for (const Axis &axis : m_axes) {
        for (const Label &label : axis.labels)
            boxes.append(QRectF(label.topLeft, label.shaped.size()));
        if (!axis.title.text.isEmpty()) {
            const QSizeF size = axis.title.shaped.size();
            boxes.append(isVertical(axis.axis->alignment()) ? QRectF(axis.title.topLeft, size.transposed())
                                                           : QRectF(axis.title.topLeft, size));
        }
    }
    return boxes;
}

void ValueAxes::layout()
{
    const QRectF plot = m_chart->plotArea();
    const QList<QLineF> oldLines = m_lines;
    const QList<QLineF> oldAxisLines = m_axisLines;
    const QList<QLineF> oldMinorLines = m_minorLines;
    m_lines.clear();
    m_minorLines.clear();
    m_axisLines.clear();
    bool textMoved = false;
    for (Axis &axis : m_axes) {
        const QList<Label> oldLabels = axis.labels;
        const Label oldTitle = axis.title;
        axis.labels.clear();
        axis.title = Label{};
        axis.labelExtent = 0;
        if (inUse(axis.axis, axis.series)) {
            const QList<Tick> ticks = placedTicks(axis, tickValues(axis.axis), plot);
            layoutLines(axis, ticks, plot);
            layoutLabels(axis, ticks, plot);
        }
        const auto sameLabel = [](const Label &a, const Label &b) { return a.text == b.text && a.topLeft == b.topLeft; };
        textMoved = textMoved || !std::equal(axis.labels.cbegin(), axis.labels.cend(), oldLabels.cbegin(), oldLabels.cend(), sameLabel)
            || !sameLabel(axis.title, oldTitle);
    }
    reserveRoom();
    if (!textMoved && m_lines == oldLines && m_axisLines == oldAxisLines && m_minorLines == oldMinorLines)
        return;
    // Only the plot and the text around it: a new label must not repaint the legend beside it.
    QRectF bounds = plot.adjusted(-1, -1, 1, 1);
    for (const QRectF &box : textBoxes())
        bounds |= box.adjusted(-1, -1, 1, 1);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

QList<ValueAxes::Tick> ValueAxes::placedTicks(const Axis &axis, const QList<double> &values, const QRectF &plot) const
{
    QList<Tick> ticks;
    if (plot.isEmpty())
        return ticks;
    const bool horizontal = axis.axis->orientation() == Qt::Horizontal;
    const double across = valueAcross(axis.axis, axis.series); // only this axis' coordinate is read
    ticks.reserve(values.size());
    for (double value : values) {
        const QPointF at = m_chart->mapToPosition(horizontal ? QPointF(value, across) : QPointF(across, value), axis.series);
        const qreal position = horizontal ? at.x() : at.y();
        const bool onPlot = horizontal ? position >= plot.left() - 1 && position <= plot.right() + 1
                                       : position >= plot.top() - 1 && position <= plot.bottom() + 1;
        if (onPlot)
            ticks.append(Tick{value, position});
    }
    return ticks;
}

void ValueAxes::layoutLines(const Axis &axis, const QList<Tick> &ticks, const QRectF &plot)
{
    if (plot.isEmpty())
        return;
    const Qt::Alignment side = axis.axis->alignment();
    const bool horizontal = !isVertical(side);
    if (horizontal) {
        const qreal y = onPixel(side == Qt::AlignBottom ? plot.bottom() : plot.top());
        m_axisLines.append(QLineF(plot.left(), y, plot.right(), y));
    } else {
        const qreal x = onPixel(side == Qt::AlignLeft ? plot.left() : plot.right());
        m_axisLines.append(QLineF(x, plot.top(), x, plot.bottom()));
    }
    if (axis.lines == Lines::AxisOnly)
        return;
    const auto across = [&](qreal position) {
        return horizontal ? QLineF(onPixel(position), plot.top(), onPixel(position), plot.bottom())
                          : QLineF(plot.left(), onPixel(position), plot.right(), onPixel(position));
    };
    for (const Tick &tick : ticks)
        m_lines.append(across(tick.position));
    for (const Tick &tick : placedTicks(axis, minorTickValues(axis.axis), plot))
        m_minorLines.append(across(tick.position));
}

QStaticText ValueAxes::shaped(const QString &text, const QFont &font)
{
    const QString key = fontKey(font) + text;
    if (const auto found = m_shapes.constFind(key); found != m_shapes.cend())
        return *found;
    if (m_shapes.size() >= MaxShapedTexts)
        m_shapes.clear();
    return *m_shapes.insert(key, shapedText(text, font));
}

void ValueAxes::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(m_minorPen);
    painter->drawLines(m_minorLines);
    painter->setPen(m_pen);
    painter->drawLines(m_lines);
    painter->setPen(m_axisPen);
    painter->drawLines(m_axisLines);
    for (const Axis &axis : std::as_const(m_axes)) {
        painter->setFont(axis.labelFont);
        painter->setPen(axis.labelColor);
        for (const Label &label : axis.labels)
            painter->drawStaticText(label.topLeft, label.shaped);
        if (axis.title.text.isEmpty())
            continue;
        painter->setFont(axis.titleFont);
        painter->setPen(axis.titleColor);
        const Qt::Alignment side = axis.axis->alignment();
        if (!isVertical(side)) {
            painter->drawStaticText(axis.title.topLeft, axis.title.shaped);
            continue;
        }
        // Read bottom to top on the left, top to bottom on the right, as Qt Charts draws them.
        const QSizeF size = axis.title.shaped.size();
        painter->save();
        if (side == Qt::AlignLeft) {
            painter->translate(axis.title.topLeft.x(), axis.title.topLeft.y() + size.width());
            painter->rotate(-90);
        } else {
            painter->translate(axis.title.topLeft.x() + size.height(), axis.title.topLeft.y());
            painter->rotate(90);
        }
        painter->drawStaticText(QPointF(0, 0), axis.title.shaped);
        painter->restore();
    }
}

} // namespace headroom
