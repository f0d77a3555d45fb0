#pragma once

#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace headroom {

// The reproducible calibration tool, as a library function: a deterministic pattern search (no
// randomness) minimising the squared log error of the roofline's predictions, per runtime and platform.
//
// Profiles form a tree: llama.cpp over every platform, then llama.cpp per platform class; Ollama and MLX
// start from llama.cpp on their platform; vLLM, SGLang and TensorRT-LLM from a serving profile fitted on
// all three. A child is fitted on its own rows with a penalty for straying from its parent, so a class
// with few rows stays close to what the wider data says. A class with too few rows takes its parent's
// constants. Decode and concurrency rows fit the decode constants, then prompt rows the prefill ones.
QList<RuntimeProfile> fitProfiles(const MeasuredRows &rows, const Catalog &catalog);

// Profiles fitted without the rows of some sources, for cross-validation by source: leave-one-source-out
// up to kMaxHoldOutFolds sources; beyond that, sources share folds (round robin in order of appearance), so
// the cost stays kMaxHoldOutFolds refits whatever the number of sources.
inline constexpr int kMaxHoldOutFolds = 48;
struct HoldOutFold {
    QStringList sourceIds;          // the sources whose rows this fold leaves out
    QList<RuntimeProfile> profiles; // fitted profiles (complete them with calibration::completeProfiles)
    bool fitted = false;            // false for a fold nobody asked for (see `needed`)
};
// `needed`, when given, names the sources whose folds are wanted: only the folds holding one of them are fitted
// (the others come back without profiles), so scoring a few rows against the shipped set costs one refit, not 48.
// Fold membership never depends on `needed`.
QList<HoldOutFold> holdOutFolds(const MeasuredRows &rows, const Catalog &catalog, const QSet<QString> &needed = {});

struct CalibrationFitResult {
    QList<RuntimeProfile> profiles; // fitted profiles
    QList<ErrorBand> bands;         // held-out error per speed class x runtime x platform
    ClusterCosts cluster;           // the link model's software costs and the range of cluster estimates
    int rows = 0;                   // rows the fit used
    bool operator==(const CalibrationFitResult &) const = default;
};

CalibrationFitResult fitCalibration(const MeasuredRows &rows, const Catalog &catalog);

// A Calibration built from fitted profiles (plus the derived runtimes) and bands.
Calibration calibrationFrom(const QList<RuntimeProfile> &fitted, const QList<ErrorBand> &bands = {});

// C++ source of model/engine/CalibrationConstants.cpp for a fit (the generated file).
QString calibrationConstantsSource(const CalibrationFitResult &fit);

} // namespace headroom
