// The deterministic search that fits a runtime profile's constants: see ProfileSearch.h.
#include "measured/ProfileSearch.h"

#include <algorithm>

namespace headroom::fit {
namespace {

// Each step halves until it falls under this share of the parameter's range.
constexpr double kSearchResolution = 1e-3;
constexpr int kMaxSearchRounds = 400;

} // namespace

double parentPenalty(const RuntimeProfile &profile, const RuntimeProfile &parent, const QList<Parameter> &parameters,
                     double weight)
{
    double sum = 0;
    for (const Parameter &parameter : parameters) {
        const double share = (profile.*parameter.field - parent.*parameter.field) / (parameter.maximum - parameter.minimum);
        sum += share * share;
    }
    return weight * sum;
}

RuntimeProfile patternSearch(RuntimeProfile profile, const QList<Parameter> &parameters,
                             const std::function<double(const RuntimeProfile &)> &loss)
{
    if (parameters.isEmpty())
        return profile;
    QList<double> steps;
    for (const Parameter &parameter : parameters)
        steps << parameter.initialStep;
    double best = loss(profile);
    for (int round = 0; round < kMaxSearchRounds; ++round) {
        bool fineEnough = true;
        for (qsizetype i = 0; i < parameters.size(); ++i) {
            const Parameter &parameter = parameters.at(i);
            bool improved = false;
            for (double direction : {1.0, -1.0}) {
                RuntimeProfile candidate = profile;
                candidate.*parameter.field = std::clamp(profile.*parameter.field + direction * steps.at(i),
                                                        parameter.minimum, parameter.maximum);
                if (candidate.*parameter.field == profile.*parameter.field)
                    continue;
                const double value = loss(candidate);
                if (value < best) {
                    best = value;
                    profile = candidate;
                    improved = true;
                    break;
                }
            }
            if (!improved)
                steps[i] /= 2.0;
            fineEnough = fineEnough && steps.at(i) < kSearchResolution * (parameter.maximum - parameter.minimum);
        }
        if (fineEnough)
            break;
    }
    return profile;
}

} // namespace headroom::fit
