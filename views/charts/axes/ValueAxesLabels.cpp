// ValueAxes' tick labels and titles: where they stand beside the plot, and the room they take from
// the chart's margins (or, on the legend's side, from the legend's padding).
#include "ValueAxes.h"

#include <QAbstractSeries>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

constexpr qreal LabelGap = 5;          // between the plot's edge and the tick labels
constexpr qreal TitleGap = 6;          // between the tick labels and the axis title
// The room reserved beside a vertical axis grows and shrinks in steps of this many pixels, so
// labels one digit longer ("90" -> "100") seldom move the plot.
constexpr qreal RoomStep = 8;

} // namespace

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

} // namespace headroom
