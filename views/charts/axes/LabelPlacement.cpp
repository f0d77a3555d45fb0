#include "LabelPlacement.h"

#include <algorithm>

namespace headroom {

std::optional<QPointF> freeSpotBeside(QPointF at, QSizeF size, qreal gap, const QRectF &plot, const QList<QRectF> &taken)
{
    const QPointF spots[] = {
        {at.x() + gap, at.y() - size.height() / 2},                // right
        {at.x() - gap - size.width(), at.y() - size.height() / 2}, // left
        {at.x() - size.width() / 2, at.y() - gap - size.height()}, // above
        {at.x() - size.width() / 2, at.y() + gap},                 // below
        {at.x() + gap, at.y() - gap - size.height()},              // above right
        {at.x() + gap, at.y() + gap},                              // below right
        {at.x() - gap - size.width(), at.y() - gap - size.height()},
        {at.x() - gap - size.width(), at.y() + gap},
    };
    for (const QPointF &spot : spots) {
        const QRectF box(spot, size);
        if (!plot.contains(box))
            continue;
        if (std::any_of(taken.cbegin(), taken.cend(), [&box](const QRectF &other) { return box.intersects(other); }))
            continue;
        return spot;
    }
    return std::nullopt;
}

} // namespace headroom
