#pragma once

#include "engine/Calibration.h"

#include <QList>

#include <functional>

namespace headroom::fit {

// One constant of a runtime profile the fit may move, within physical bounds, starting with steps of
// `initialStep`.
struct Parameter {
    double RuntimeProfile::*field;
    double minimum;
    double maximum;
    double initialStep;
};

// Pattern search: each round tries one step either way on every parameter, keeps what improves `loss`
// and halves the steps of the parameters that did not, until every step is under a thousandth of its
// parameter's range (or 400 rounds). Deterministic, bounded, no randomness.
RuntimeProfile patternSearch(RuntimeProfile profile, const QList<Parameter> &parameters,
                             const std::function<double(const RuntimeProfile &)> &loss);

// The pull of `parent`'s constants on `profile`: `weight` x the sum over `parameters` of the squared
// move as a share of the parameter's range.
double parentPenalty(const RuntimeProfile &profile, const RuntimeProfile &parent, const QList<Parameter> &parameters,
                     double weight);

} // namespace headroom::fit
