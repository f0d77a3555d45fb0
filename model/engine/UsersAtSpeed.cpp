#include "engine/UsersAtSpeed.h"

#include "engine/Estimator.h"

#include <algorithm>

namespace headroom {

namespace {

// No query or scenario asks for more concurrent users than this; none is counted beyond it.
constexpr int MostUsersCounted = 4096;

bool servesAll(EstimateInput input, int users, double minTpsPerUser, const Calibration &calibration)
{
    input.workload.users = users;
    const Estimate result = estimate(input, calibration);
    return result.runs() && result.fit != Fit::Offload && result.decodeTpsPerUser >= minTpsPerUser;
}

} // namespace

int usersAtMinTps(const EstimateInput &input, double minTpsPerUser, const Calibration &calibration)
{
    EstimateInput one = input;
    one.workload.users = 1;
    const Estimate single = estimate(one, calibration);
    if (!single.runs() || single.fit == Fit::Offload || single.decodeTpsPerUser < minTpsPerUser)
        return 0;
    int good = 1;                               // serves everyone fast enough
    int bad = std::min(std::max(single.maxUsers, 1), MostUsersCounted) + 1; // the first count known not to
    while (bad - good > 1) {
        const int middle = good + (bad - good) / 2;
        (servesAll(input, middle, minTpsPerUser, calibration) ? good : bad) = middle;
    }
    return good;
}

} // namespace headroom
