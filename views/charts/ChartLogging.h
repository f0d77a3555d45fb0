#pragma once

#include <QLoggingCategory>

namespace headroom {

// "headroom.charts": exports and fallbacks of the charts; debug output on request only.
Q_DECLARE_LOGGING_CATEGORY(lcCharts)

} // namespace headroom
