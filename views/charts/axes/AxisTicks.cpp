#include "AxisTicks.h"

#include <QLogValueAxis>
#include <QRegularExpression>
#include <QValueAxis>

#include <cmath>

namespace headroom {
namespace {

constexpr int MaxGridLines = 200;      // per axis: a guard against a degenerate interval
constexpr double TickTolerance = 1e-9; // of an interval: a tick on the range's edge counts

} // namespace

QString axisLabelText(const QString &format, double value)
{
    if (format.isEmpty())
        return QString::number(value);
    const QByteArray spec = format.toLatin1();
    // Qt Charts passes integer conversions an integer, and every other one the double.
    static const QRegularExpression integer(QStringLiteral("%[-+ #0]*\\d*(\\.\\d+)?[lh]*[dicuxXo]"));
    if (integer.match(format).hasMatch())
        return QString::asprintf(spec.constData(), qint64(std::llround(value)));
    return QString::asprintf(spec.constData(), value);
}

QList<double> tickValues(const QAbstractAxis *axis)
{
    QList<double> values;
    if (const auto *linear = qobject_cast<const QValueAxis *>(axis)) {
        const double low = linear->min();
        const double high = linear->max();
        if (!(high > low))
            return values;
        if (linear->tickType() == QValueAxis::TicksDynamic) {
            const double step = linear->tickInterval();
            if (!(step > 0))
                return values;
            const double anchor = linear->tickAnchor();
            for (double k = std::ceil((low - anchor) / step - TickTolerance);
                 values.size() < MaxGridLines && anchor + k * step <= high + step * TickTolerance; ++k)
                values.append(anchor + k * step);
        } else {
            const int count = linear->tickCount();
            for (int i = 0; i < count && count > 1; ++i)
                values.append(low + (high - low) * i / (count - 1));
        }
    } else if (const auto *log = qobject_cast<const QLogValueAxis *>(axis)) {
        const double base = log->base();
        if (!(log->min() > 0) || !(log->max() > log->min()) || !(base > 1))
            return values;
        const double first = std::ceil(std::log(log->min()) / std::log(base) - TickTolerance);
        const double last = std::floor(std::log(log->max()) / std::log(base) + TickTolerance);
        for (double k = first; k <= last && values.size() < MaxGridLines; ++k)
            values.append(std::pow(base, k));
    }
    return values;
}

QList<double> minorTickValues(const QAbstractAxis *axis)
{
    QList<double> values;
    const auto *log = qobject_cast<const QLogValueAxis *>(axis);
    if (!log || log->minorTickCount() <= 0 || !(log->min() > 0) || !(log->max() > log->min()) || !(log->base() > 1))
        return values;
    const double base = log->base();
    const int minors = log->minorTickCount();
    // Evenly spaced in value between two powers of the base (2, 3, ... 9 for base 10 and 8 minor ticks).
    for (double k = std::floor(std::log(log->min()) / std::log(base)); values.size() < MaxGridLines; ++k) {
        const double low = std::pow(base, k);
        if (low > log->max())
            break;
        const double step = (low * base - low) / (minors + 1);
        for (int i = 1; i <= minors; ++i) {
            const double value = low + i * step;
            if (value >= log->min() && value <= log->max())
                values.append(value);
        }
    }
    return values;
}

} // namespace headroom
