#pragma once

#include <QList>
#include <QPointF>

namespace headroom {

// Indexes into `pricesAndSpeeds` (x = price, y = speed) of the front of best speed for the price, cheapest
// first: the points that no cheaper-or-equal point matches or beats in speed.
QList<int> paretoFront(const QList<QPointF> &pricesAndSpeeds);

} // namespace headroom
