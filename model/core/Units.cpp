#include "core/Units.h"

#include <cmath>

namespace headroom {

namespace {
// Below these, one decimal carries information; above, it is noise.
constexpr double OneDecimalBelowTokensPerSecond = 10.0;
constexpr double OneDecimalBelowGigabytes = 100.0;
constexpr int TokensPerK = 1024;
} // namespace

QString formatSpeedNumber(double tokensPerSecond)
{
    const int decimals = std::abs(tokensPerSecond) < OneDecimalBelowTokensPerSecond ? 1 : 0;
    return QString::number(tokensPerSecond, 'f', decimals);
}

QString formatTokensPerSecond(double tokensPerSecond)
{
    return formatSpeedNumber(tokensPerSecond) + QStringLiteral(" t/s");
}

QString formatGigabytes(double gigabytes)
{
    const int decimals = std::abs(gigabytes) < OneDecimalBelowGigabytes ? 1 : 0;
    return QString::number(gigabytes, 'f', decimals) + QStringLiteral(" GB");
}

QString formatContextTokens(int tokens)
{
    if (tokens >= TokensPerK && tokens % TokensPerK == 0)
        return QString::number(tokens / TokensPerK) + QLatin1Char('K');
    return QString::number(tokens);
}

QString formatPercent(double share)
{
    return QString::number(std::lround(share * 100)) + QLatin1Char('%');
}

} // namespace headroom
