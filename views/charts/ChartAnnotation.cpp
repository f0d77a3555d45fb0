#include "ChartAnnotation.h"

#include "views/charts/axes/ShapedText.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QToolTip>

namespace headroom {

ChartAnnotation::ChartAnnotation(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    setAcceptHoverEvents(true);
}

void ChartAnnotation::setText(const QString &text)
{
    m_text = text;
    shape();
}

void ChartAnnotation::setTextIfChanged(const QString &text)
{
    if (text != m_text)
        setText(text);
}

void ChartAnnotation::setFont(const QFont &font)
{
    if (font == m_font)
        return;
    m_font = font;
    shape();
}

void ChartAnnotation::setBrush(const QBrush &brush)
{
    if (brush == m_brush)
        return;
    m_brush = brush;
    update();
}

void ChartAnnotation::setBackground(const QColor &color)
{
    if (color == m_background)
        return;
    m_background = color;
    update();
}

void ChartAnnotation::setTooltipProvider(TooltipProvider provider)
{
    m_tooltip = std::move(provider);
}

void ChartAnnotation::shape()
{
    QString lines = m_text;
    lines.replace(QLatin1Char('\n'), QChar::LineSeparator);
    m_shaped = shapedText(lines, m_font);
    const QRectF box(QPointF(0, 0), m_text.isEmpty() ? QSizeF() : m_shaped.size());
    if (box != m_box) {
        prepareGeometryChange();
        m_box = box;
    }
    update();
}

void ChartAnnotation::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_text.isEmpty())
        return;
    if (m_background.alpha() > 0)
        painter->fillRect(m_box, m_background);
    painter->setFont(m_font);
    painter->setPen(m_brush.color());
    painter->drawStaticText(m_box.topLeft(), m_shaped);
}

void ChartAnnotation::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    if (m_tooltip)
        QToolTip::showText(event->screenPos(), m_tooltip());
    QGraphicsItem::hoverEnterEvent(event);
}

void ChartAnnotation::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    QToolTip::hideText();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace headroom
