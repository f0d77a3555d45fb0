#pragma once

#include <QString>

namespace headroom {

// The one way every view, table, caption and report writes speeds, sizes and context lengths.

// "55", "5.4": one decimal below 10 tokens per second, whole numbers above.
QString formatSpeedNumber(double tokensPerSecond);
// "55 t/s", "5.4 t/s".
QString formatTokensPerSecond(double tokensPerSecond);
// "45.3 GB", "192 GB": one decimal below 100 GB, whole numbers above.
QString formatGigabytes(double gigabytes);
// Context length as people say it: 4096 -> "4K", 131072 -> "128K", 1000 -> "1000".
QString formatContextTokens(int tokens);
// A share as a whole percentage: 0.554 -> "55%".
QString formatPercent(double share);

} // namespace headroom
