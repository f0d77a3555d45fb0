#include "advisor/ParetoFront.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace headroom {

QList<int> paretoFront(const QList<QPointF> &pricesAndSpeeds)
{
    QList<int> order(pricesAndSpeeds.size());
    std::iota(order.begin(), order.end(), 0);
    // Cheapest first; at one price the fastest first, so a slower twin never joins the front.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const QPointF &pa = pricesAndSpeeds.at(a);
        const QPointF &pb = pricesAndSpeeds.at(b);
        return pa.x() != pb.x() ? pa.x() < pb.x() : pa.y() > pb.y();
    });
    QList<int> front;
    double fastest = -std::numeric_limits<double>::infinity();
    for (int index : order) {
        if (pricesAndSpeeds.at(index).y() > fastest) {
            front << index;
            fastest = pricesAndSpeeds.at(index).y();
        }
    }
    return front;
}

} // namespace headroom
