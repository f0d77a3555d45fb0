#pragma once

#include "measured/Validation.h"

namespace headroom {

// The shipped measurements (measured.csv) scored against the embedded catalog with the built-in
// calibration, hold-out included: what the window's Accuracy view plots. Computed on first use
// (the leave-one-device-out refits take a moment) and kept for the life of the process.
const ValidationReport &shippedValidationReport();

// The origin a report of the shipped measurements carries, where a user's file carries its path.
const QString &shippedMeasurementsOrigin();

} // namespace headroom
