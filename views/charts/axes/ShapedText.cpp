#include "ShapedText.h"

#include <QTransform>

namespace headroom {

QStaticText shapedText(const QString &text, const QFont &font, qreal textWidth)
{
    QStaticText shaped(text);
    shaped.setTextFormat(Qt::PlainText);
    shaped.setPerformanceHint(QStaticText::AggressiveCaching);
    if (textWidth > 0)
        shaped.setTextWidth(textWidth);
    shaped.prepare(QTransform(), font);
    return shaped;
}

} // namespace headroom
