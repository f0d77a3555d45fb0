#pragma once

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QStaticText>
#include <QString>

#include <functional>

namespace headroom {

// A text label drawn over a chart (title, names, value labels, "Does not fit") whose tooltip
// text is built only when the pointer rests on it. Its glyphs are shaped once per text and font,
// when they are set, and then only drawn: a chart updates and repaints dozens of labels per
// slider move, and QGraphicsSimpleTextItem shapes its text again on every change and paint.
class ChartAnnotation final : public QGraphicsItem
{
public:
    using TooltipProvider = std::function<QString()>;

    explicit ChartAnnotation(QGraphicsItem *parent = nullptr);

    // Line breaks ('\n') start new lines.
    void setText(const QString &text);
    // Sets the text only when it changed (avoids a repaint per frame).
    void setTextIfChanged(const QString &text);
    const QString &text() const { return m_text; }
    void setFont(const QFont &font);
    const QFont &font() const { return m_font; }
    // The text colour.
    void setBrush(const QBrush &brush);
    const QBrush &brush() const { return m_brush; }
    // Fill behind the text so grid and reference lines do not run through it.
    void setBackground(const QColor &color);
    void setTooltipProvider(TooltipProvider provider);

    QRectF boundingRect() const override { return m_box; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void shape();

    QString m_text;
    QFont m_font;
    QBrush m_brush = QBrush(Qt::black);
    QColor m_background = Qt::transparent;
    TooltipProvider m_tooltip;
    QStaticText m_shaped;
    QRectF m_box;
};

} // namespace headroom
