#include "LabelPlacement.h"

#include <algorithm>
#include <array>

namespace headroom {

std::optional<QPointF> freeSpotBeside(QPointF at, QSizeF size, qreal gap, const QRectF &plot, const QList<QRectF> &taken,
                                      LabelSide first)
{
    std::array<QPointF, 8> spots = {{
        {at.x() + gap, at.y() - size.height() / 2},                  // right
        {at.x() - gap - size.width(), at.y() - size.height() / 2},   // left
        {at.x() - size.width() / 2, at.y() - gap - size.height()},   // above
        {at.x() - size.width() / 2, at.y() + gap},                   // below
        {at.x() + gap, at.y() - gap - size.height()},                // above right
        {at.x() + gap, at.y() + gap},                                // below right
        {at.x() - gap - size.width(), at.y() - gap - size.height()}, // above left
        {at.x() - gap - size.width(), at.y() + gap},                 // below left
    }};
    if (first == LabelSide::Below)
        std::rotate(spots.begin(), spots.begin() + 3, spots.begin() + 4); // below, right, left, above, ...
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
