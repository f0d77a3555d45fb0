#pragma once

#include <QString>

namespace headroom {

// `value` with up to `decimals` decimals, trailing zeros and a trailing point dropped: "20", "0.5",
// "1.25", "3584". The advisor's reasons and the estimator's explanations write their numbers so.
QString trimmedNumber(double value, int decimals);

} // namespace headroom
