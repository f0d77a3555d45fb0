#include "ValueAxes.h"

#include "ShapedText.h"

#include <QAbstractSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLogValueAxis>
#include <QPainter>
#include <QRegularExpression>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

constexpr int GridZValue = 2;        // over the plot background, under axes and series (Qt Charts' own order)
constexpr int MaxGridLines = 200;    // per axis: a guard against a degenerate interval
constexpr double TickTolerance = 1e-9; // of an interval: a tick on the range's edge counts
constexpr qreal LabelGap = 5;          // between the plot's edge and the tick labels
constexpr qreal TitleGap = 6;          // between the tick labels and the axis title
// The room reserved beside a vertical axis grows and shrinks in steps of this many pixels, so
// labels one digit longer ("90" -> "100") seldom move the plot.
constexpr qreal RoomStep = 8;
constexpr int MaxShapedTexts = 512;    // a cache bound: ranges revisit the same few hundred labels

bool isVertical(Qt::Alignment side)
{
    return side == Qt::AlignLeft || side == Qt::AlignRight;
}

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

// Whether `axis` is in use: a chart may keep two axes for one direction (a linear and a
// logarithmic scale) and attach its series to one of them at a time.
bool inUse(const QAbstractAxis *axis, QAbstractSeries *series)
{
    return series->attachedAxes().contains(const_cast<QAbstractAxis *>(axis));
}

QString fontKey(const QFont &font)
{
    return font.key() + QLatin1Char('\x1f');
}

} // namespace

QString axisLabelText(const QString &format, double value)
{
    if (format.isEmpty())
        return QString::number(value);
    const QByteArray spec = format.toLatin1();
    // Qt Charts passes integer conversions an integer, and every other one the double.
    static const QRegularExpression integer(QStringLiteral("%[-+ #0]*\\d*(\\.\\d+)?[lh]*[dicuxXo]"));
    if (integer.match(format).hasMatch())
        return QString::asprintf(spec.constData(), qint64(std::llround(value)));
    return QString::asprintf(spec.constData(), value);
}

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

QList<double> minorTickValues(const QAbstractAxis *axis)
{
    QList<double> values;
    const auto *log = qobject_cast<const QLogValueAxis *>(axis);
    if (!log || log->minorTickCount() <= 0 || !(log->min() > 0) || !(log->max() > log->min()) || !(log->base() > 1))
        return values;
    const double base = log->base();
    const int minors = log->minorTickCount();
    // Evenly spaced in value between two powers of the base (2, 3, ... 9 for base 10 and 8 minor ticks).
    for (double k = std::floor(std::log(log->min()) / std::log(base)); values.size() < MaxGridLines; ++k) {
        const double low = std::pow(base, k);
        if (low > log->max())
            break;
        const double step = (low * base - low) / (minors + 1);
        for (int i = 1; i <= minors; ++i) {
            const double value = low + i * step;
            if (value >= log->min() && value <= log->max())
                values.append(value);
        }
    }
    return values;
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

void ValueAxes::layoutLabels(Axis &axis, const QList<Tick> &ticks, const QRectF &plot)
{
    QAbstractAxis *qtAxis = axis.axis;
    axis.labelFont = qtAxis->labelsFont();
    axis.titleFont = qtAxis->titleFont();
    axis.labelColor = qtAxis->labelsBrush().color();
    axis.titleColor = qtAxis->titleBrush().color();
    const Qt::Alignment side = qtAxis->alignment();
    const bool vertical = isVertical(side);
    if (!vertical)
        axis.labelExtent = QFontMetricsF(axis.labelFont).height();
    if (plot.isEmpty())
        return;

    QString format;
    if (const auto *linear = qobject_cast<const QValueAxis *>(qtAxis))
        format = linear->labelFormat();
    else if (const auto *log = qobject_cast<const QLogValueAxis *>(qtAxis))
        format = log->labelFormat();
    for (const Tick &tick : ticks) {
        Label label;
        label.text = axisLabelText(format, tick.value);
        label.shaped = shaped(label.text, axis.labelFont);
        const QSizeF size = label.shaped.size();
        switch (side) {
        case Qt::AlignLeft:
            label.topLeft = QPointF(plot.left() - LabelGap - size.width(), tick.position - size.height() / 2);
            break;
        case Qt::AlignRight:
            label.topLeft = QPointF(plot.right() + LabelGap, tick.position - size.height() / 2);
            break;
        case Qt::AlignTop:
            label.topLeft = QPointF(tick.position - size.width() / 2, plot.top() - LabelGap - size.height());
            break;
        default:
            label.topLeft = QPointF(tick.position - size.width() / 2, plot.bottom() + LabelGap);
            break;
        }
        label.topLeft = QPointF(std::round(label.topLeft.x()), std::round(label.topLeft.y()));
        if (vertical)
            axis.labelExtent = std::max(axis.labelExtent, size.width());
        axis.labels.append(label);
    }
    if (vertical)
        axis.labelExtent = std::ceil(axis.labelExtent / RoomStep) * RoomStep;

    axis.title.text = qtAxis->titleText();
    if (axis.title.text.isEmpty())
        return;
    axis.title.shaped = shaped(axis.title.text, axis.titleFont);
    const QSizeF size = axis.title.shaped.size();
    const qreal offset = LabelGap + axis.labelExtent + TitleGap;
    // A vertical title's box is given unrotated at its place: width across, height along the axis.
    switch (side) {
    case Qt::AlignLeft:
        axis.title.topLeft = QPointF(plot.left() - offset - size.height(), plot.center().y() - size.width() / 2);
        break;
    case Qt::AlignRight:
        axis.title.topLeft = QPointF(plot.right() + offset, plot.center().y() - size.width() / 2);
        break;
    case Qt::AlignTop:
        axis.title.topLeft = QPointF(plot.center().x() - size.width() / 2, plot.top() - offset - size.height());
        break;
    default:
        axis.title.topLeft = QPointF(plot.center().x() - size.width() / 2, plot.bottom() + offset);
        break;
    }
    axis.title.topLeft = QPointF(std::round(axis.title.topLeft.x()), std::round(axis.title.topLeft.y()));
}

void ValueAxes::reserveRoom()
{
    QMarginsF room;
    for (const Axis &axis : std::as_const(m_axes)) {
        if (!inUse(axis.axis, axis.series))
            continue;
        const qreal title = axis.axis->titleText().isEmpty() ? 0 : TitleGap + QFontMetricsF(axis.titleFont).height();
        const qreal needed = std::ceil(LabelGap + axis.labelExtent + title);
        switch (axis.axis->alignment()) {
        case Qt::AlignLeft: room.setLeft(room.left() + needed); break;
        case Qt::AlignRight: room.setRight(room.right() + needed); break;
        case Qt::AlignTop: room.setTop(room.top() + needed); break;
        default: room.setBottom(room.bottom() + needed); break;
        }
    }
    // The first and last labels of a horizontal axis are centred on the plot's edges: room for
    // their outer halves, where no vertical axis gives more.
    const QRectF plot = m_chart->plotArea();
    for (const Axis &axis : std::as_const(m_axes)) {
        if (isVertical(axis.axis->alignment()))
            continue;
        for (const Label &label : axis.labels) {
            const qreal overLeft = std::ceil((plot.left() - label.topLeft.x()) / RoomStep) * RoomStep;
            const qreal overRight = std::ceil((label.topLeft.x() + label.shaped.size().width() - plot.right()) / RoomStep) * RoomStep;
            room.setLeft(std::max(room.left(), overLeft - m_baseMargins.left()));
            room.setRight(std::max(room.right(), overRight - m_baseMargins.right()));
        }
    }
    // The legend sits between the chart's margins and the plot: on its side the room is the
    // legend's padding towards the plot, or the labels would be drawn beyond the legend.
    QLegend *legend = m_chart->legend();
    QGraphicsLayout *legendLayout = legend ? legend->layout() : nullptr;
    const bool legendBeside = legendLayout && legend->isAttachedToChart() && legend->isVisible();
    const Qt::Alignment legendSide = legendBeside ? legend->alignment() : Qt::Alignment();
    QMarginsF padding = m_legendBase;
    QMargins margins = m_chart->margins();
    const auto place = [&](Qt::Alignment side, qreal needed, int base, void (QMargins::*setMargin)(int),
                           void (QMarginsF::*setPadding)(qreal), qreal basePadding) {
        if (needed <= 0)
            return;
        if (legendBeside && legendSide == side) {
            (padding.*setPadding)(basePadding + needed);
            (margins.*setMargin)(base);
        } else {
            (margins.*setMargin)(base + int(needed));
        }
    };
    place(Qt::AlignLeft, room.left(), m_baseMargins.left(), &QMargins::setLeft, &QMarginsF::setRight, m_legendBase.right());
    place(Qt::AlignRight, room.right(), m_baseMargins.right(), &QMargins::setRight, &QMarginsF::setLeft, m_legendBase.left());
    place(Qt::AlignTop, room.top(), m_baseMargins.top(), &QMargins::setTop, &QMarginsF::setBottom, m_legendBase.bottom());
    place(Qt::AlignBottom, room.bottom(), m_baseMargins.bottom(), &QMargins::setBottom, &QMarginsF::setTop, m_legendBase.top());
    if (margins != m_chart->margins())
        m_chart->setMargins(margins);
    if (legendLayout) {
        qreal left = 0, top = 0, right = 0, bottom = 0;
        legendLayout->getContentsMargins(&left, &top, &right, &bottom);
        if (QMarginsF(left, top, right, bottom) != padding)
            legendLayout->setContentsMargins(padding.left(), padding.top(), padding.right(), padding.bottom());
    }
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
