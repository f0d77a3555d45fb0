#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsSimpleTextItem>
#include <QStaticText>
#include <QString>

#include <functional>

namespace headroom {

// A text label drawn over a chart (value labels, "Does not fit") whose tooltip text is built
// only when the pointer rests on it and whose glyphs are shaped once per text, so updating and
// repainting labels 60 times a second stays cheap.
class ChartAnnotation final : public QGraphicsSimpleTextItem
{
public:
    using TooltipProvider = std::function<QString()>;

    explicit ChartAnnotation(QGraphicsItem *parent = nullptr);

    void setTooltipProvider(TooltipProvider provider);
    // Sets the text only when it changed (avoids a repaint per frame).
    void setTextIfChanged(const QString &text);
    // Fill behind the text so grid and reference lines do not run through it.
    void setBackground(const QColor &color) { m_background = color; update(); }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    TooltipProvider m_tooltip;
    QColor m_background = Qt::transparent;
    // QGraphicsSimpleTextItem shapes its text again on every paint; a chart repaints its dozens
    // of labels each frame, so single-line labels keep their shaped glyphs until text or font change.
    QStaticText m_shaped;
    QFont m_shapedFont;
};

} // namespace headroom
