#pragma once

#include "core/Hardware.h"

#include <QString>

namespace headroom {

// The one check of a card count against its device, for every path that builds a configuration: the catalog's
// named systems, `estimate`, `runs-on`, scenarios and tours. Empty when `count` is allowed, else the problem
// ("8 exceeds the max_count (1) of \"m3-ultra\": one per machine; several machines are a cluster").
QString cardCountProblem(const Device &device, int count);

} // namespace headroom
