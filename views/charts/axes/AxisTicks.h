#pragma once

#include <QList>
#include <QString>

class QAbstractAxis;

namespace headroom {

// The values at which `axis` has ticks: every tick interval from the anchor (dynamic ticks), or
// tickCount() evenly spaced values (fixed ticks) of a QValueAxis; the powers of the base of a
// QLogValueAxis. Empty for other axes and empty ranges.
QList<double> tickValues(const QAbstractAxis *axis);

// The minor ticks of a QLogValueAxis: minorTickCount() values evenly spaced between each two
// powers of the base, within the range. Empty for other axes.
QList<double> minorTickValues(const QAbstractAxis *axis);

// A tick label as Qt Charts writes it: `value` through the printf-style `format` ("%g", "$%gk",
// "%d"), or the shortest form of the number when there is no format.
QString axisLabelText(const QString &format, double value);

} // namespace headroom
