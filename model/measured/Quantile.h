#pragma once

#include <QList>

#include <algorithm>
#include <cmath>

namespace headroom {

// The value below which `share` of the sorted values lie (linear interpolation); 1 for no values, the neutral
// ratio of the error bands that use it.
inline double quantileOfSorted(const QList<double> &sorted, double share)
{
    if (sorted.isEmpty())
        return 1.0;
    const double position = share * double(sorted.size() - 1);
    const qsizetype below = qsizetype(std::floor(position));
    const qsizetype above = std::min(below + 1, sorted.size() - 1);
    return sorted.at(below) + (position - double(below)) * (sorted.at(above) - sorted.at(below));
}

} // namespace headroom
