#include "ChartAnnotation.h"

#include <QGraphicsSceneHoverEvent>
#include <QPainter>
#include <QToolTip>

namespace headroom {

ChartAnnotation::ChartAnnotation(QGraphicsItem *parent)
    : QGraphicsSimpleTextItem(parent)
{
    setAcceptHoverEvents(true);
}

void ChartAnnotation::setTooltipProvider(TooltipProvider provider)
{
    m_tooltip = std::move(provider);
}

void ChartAnnotation::setTextIfChanged(const QString &text)
{
    if (this->text() != text)
        setText(text);
}

void ChartAnnotation::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QRectF box = boundingRect();
    if (m_background.alpha() > 0)
        painter->fillRect(box, m_background);
    const QString &current = text();
    if (current.contains(QLatin1Char('\n')) || pen().style() != Qt::NoPen) {
        QGraphicsSimpleTextItem::paint(painter, option, widget); // multi-line or outlined: the general path
        return;
    }
    if (m_shaped.text() != current || m_shapedFont != font()) {
        m_shaped.setTextFormat(Qt::PlainText);
        m_shaped.setPerformanceHint(QStaticText::AggressiveCaching);
        m_shaped.setText(current);
        m_shapedFont = font();
        m_shaped.prepare(painter->transform(), m_shapedFont);
    }
    painter->setFont(m_shapedFont);
    painter->setPen(brush().color());
    painter->drawStaticText(box.topLeft(), m_shaped);
}

void ChartAnnotation::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    if (m_tooltip)
        QToolTip::showText(event->screenPos(), m_tooltip());
    QGraphicsSimpleTextItem::hoverEnterEvent(event);
}

void ChartAnnotation::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    QToolTip::hideText();
    QGraphicsSimpleTextItem::hoverLeaveEvent(event);
}

} // namespace headroom
