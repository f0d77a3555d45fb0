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
    if (m_background.alpha() > 0)
        painter->fillRect(boundingRect(), m_background);
    QGraphicsSimpleTextItem::paint(painter, option, widget);
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
