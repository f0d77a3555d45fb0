#pragma once

#include "core/Estimate.h"
#include "engine/Calibration.h"

namespace headroom {

// The most users `input`'s configuration serves with every one decoding at least `minTpsPerUser` tokens per
// second: 0 when the model does not fit or even one user is slower. Per-user speed only falls as users are
// added, so a bisection over 1 ... the most users that fit (at most 4,096) finds it in a dozen estimates.
int usersAtMinTps(const EstimateInput &input, double minTpsPerUser, const Calibration &calibration);

} // namespace headroom
