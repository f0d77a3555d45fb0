#pragma once

#include "advisor/Advisor.h"

#include <QString>

#include <optional>

namespace headroom::advisor {

// The first requirement a candidate fails, with the one-line reason and how far off it is.
struct Failure {
    Requirement requirement = Requirement::Fit;
    QString reason;
    double shortfall = 0;
};

// Whether the advisor counts the model as fitting: offload runs, but from system memory.
bool fitsInMemory(Fit fit);

// Whether price or power already fail `requirements`: those do not depend on the quantization.
bool failsQuantIndependent(const AdvisorCandidate &candidate, const AdvisorRequirements &requirements);

// The first requirement (in the order of enum Requirement) the estimated candidate fails for
// `request`, or nullopt when it meets every one.
std::optional<Failure> firstFailure(const AdvisorCandidate &candidate, const AdvisorRequest &request);

} // namespace headroom::advisor
