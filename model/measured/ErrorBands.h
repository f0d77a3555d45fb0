#pragma once

#include "engine/Calibration.h"
#include "measured/Validation.h"

#include <QList>

namespace headroom {

// The likely range of an estimate, from held-out measured / predicted ratios of `report`: one band per
// speed class x runtime x platform, each also split into dense and MoE models, with enough rows, from the
// narrowest class to the widest (all runtimes, all platforms). A class of n rows leaves 8% x n / (n + 10) of
// them outside its range on either side, so small classes get wider ranges; every range holds the estimate.
QList<ErrorBand> heldOutErrorBands(const ValidationReport &report);

} // namespace headroom
