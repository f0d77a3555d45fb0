#pragma once

#include "core/NumberText.h"

#include <QLocale>
#include <QString>

#include <cmath>

namespace headroom::advisor {

// Number formats of the advisor's one-line reasons and cost explanations: grouped thousands,
// the fewest decimals a reader needs ("$23,996", "14.2 t/s", "1,150 W").
inline QString grouped(double value, int decimals)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(value, 'f', decimals);
}

inline QString dollars(double usd)
{
    return QStringLiteral("$") + grouped(usd, 0);
}

// One decimal below 100, none above: "14.2", "9.0", "142".
inline QString speed(double tokensPerSecond)
{
    constexpr double wholeNumbersFrom = 100;
    return grouped(tokensPerSecond, std::abs(tokensPerSecond) < wholeNumbersFrom ? 1 : 0);
}

// Shortest form that keeps up to `decimals` decimals: "20", "0.5", "1.25".
inline QString plain(double value, int decimals = 2)
{
    return trimmedNumber(value, decimals);
}

inline QString percent(double fraction)
{
    constexpr double toPercent = 100;
    return QString::number(std::lround(fraction * toPercent)) + QLatin1Char('%');
}

} // namespace headroom::advisor
