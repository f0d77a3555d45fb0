#pragma once

#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace headroom {

// The reproducible calibration tool, as a library function: a deterministic coordinate search
// (no randomness) minimising the squared log error of the roofline's predictions.
//
// For every platform class with enough rows, the llama.cpp profile's bandwidth and compute
// efficiencies, per-token overhead, layer-split overhead and batching efficiency are fitted on the
// decode and concurrency rows, then the prefill efficiency on the prompt-processing rows. Classes
// with too few rows take the fit over all rows.
QList<RuntimeProfile> fitProfiles(const MeasuredRows &rows, const Catalog &catalog);

// Profiles fitted without the rows of some devices, for cross-validation by device: leave-one-device-out up
// to kMaxHoldOutFolds devices; beyond that, devices share folds (round robin in order of appearance), so the
// cost stays kMaxHoldOutFolds refits whatever the number of devices.
inline constexpr int kMaxHoldOutFolds = 24;
struct HoldOutFold {
    QStringList hardwareIds;        // the devices whose rows this fold leaves out
    QList<RuntimeProfile> profiles; // fitted llama.cpp profiles (complete them with calibration::completeProfiles)
};
QList<HoldOutFold> holdOutFolds(const MeasuredRows &rows, const Catalog &catalog);

struct CalibrationFitResult {
    QList<RuntimeProfile> profiles; // fitted llama.cpp profiles
    QList<ErrorBand> bands;         // hold-out decode MAPE per platform class
    int rows = 0;                   // rows the fit used
    bool operator==(const CalibrationFitResult &) const = default;
};

CalibrationFitResult fitCalibration(const MeasuredRows &rows, const Catalog &catalog);

// A Calibration built from fitted profiles (plus the derived runtimes) and bands.
Calibration calibrationFrom(const QList<RuntimeProfile> &fitted, const QList<ErrorBand> &bands = {});

// C++ source of model/engine/CalibrationConstants.cpp for a fit (the generated file).
QString calibrationConstantsSource(const CalibrationFitResult &fit);

} // namespace headroom
