#pragma once

#include "engine/Calibration.h"
#include "catalog/Catalog.h"
#include "core/Estimate.h"
#include "measured/MeasuredData.h"

#include <QList>
#include <QString>

#include <optional>

namespace headroom {

// Validation scores Apple rows with a wired-memory limit raised to this share of unified memory:
// people who measure big models on a Mac raise it (iogpu.wired_limit_mb), and validation scores
// speed, not the default fit verdict.
inline constexpr double kValidationAppleUsableFraction = 0.9;

// Which kind of speed a row checks; each is scored separately.
using ScoreSection = SpeedClass;
ScoreSection sectionOf(const MeasuredRow &row);

// The Headroom runtime that reproduces a row's backend ("mlx (LM Studio)" is MLX, "ollama-CUDA" Ollama), or
// nothing for an engine Headroom does not model (ExLlama, AutoAWQ, MLC, LMDeploy): such rows are scored with
// llama.cpp's constants but never fitted on.
std::optional<Runtime> modelledRuntime(const QString &backend);

// The runtime a row calibrates: its modelled runtime, none for a speed measured with speculative decoding
// (the estimator models plain decode) or an engine Headroom does not model. Such rows are scored, never fitted.
std::optional<Runtime> fittedRuntime(const MeasuredRow &row);

// Rows that cannot be scored: a device that is neither in the catalog nor described by its bandwidth.
// Each gets a problem naming its line and column; the others are returned.
MeasuredRows scorableRows(const MeasuredRows &rows, const Catalog &catalog, const QString &origin, Diagnostics &problems);

// The estimator input that reproduces a measured row: device and model from the catalog
// (inline from the row when unknown), the row's file size as the weight size, its card count,
// split, runtime (llama.cpp unless the backend names another), context and concurrency.
EstimateInput inputForRow(const MeasuredRow &row, const Catalog &catalog);

// The estimate's figure for the row's metric (0 when the method has none, e.g. seed prefill) and its likely
// range: a serving benchmark's end-to-end output throughput, decode per user or in total, or prompt speed.
struct PredictedFigure {
    double value = 0;
    double low = 0;
    double high = 0;
};
PredictedFigure predictedFigure(const MeasuredRow &row, const Estimate &estimate);
double predictedValue(const MeasuredRow &row, const Estimate &estimate);

struct RowScore;
// Whether a row counts in the groups that measure the estimator ("overall" and the rest): one machine, plain
// decode, not set aside. Speculative, set-aside and cluster rows only have groups of their own.
bool measuresTheEstimator(const RowScore &score);

struct RowScore {
    int line = 0;
    ScoreSection section = ScoreSection::Decode;
    PlatformClass platform = PlatformClass::Other;
    QString hardwareId;
    QString sourceId;
    QString runtime;        // the row's backend as written
    Runtime modelled = Runtime::LlamaCpp; // the runtime it was scored with
    bool fitted = true;     // the row calibrates a runtime (see fittedRuntime)
    bool speculative = false; // measured with speculative decoding: grouped apart, never fitted
    QString setAside;         // which measurement contradicts it: grouped apart, never fitted
    int nodes = 1;            // machines of a cluster: grouped apart, calibrates the link's costs (ClusterFit.h)
    bool moe = false;
    int gpuCount = 1;
    int context = 0;
    double measured = 0;
    std::optional<double> seed; // absent: the seed method has no estimate for this metric
    double roofline = 0;        // built-in calibration
    double rooflineLow = 0;     // its likely range
    double rooflineHigh = 0;
    std::optional<double> rooflineHoldOut; // calibration refitted without this row's source
    std::optional<double> holdOutLow;      // the likely range of that held-out estimate
    std::optional<double> holdOutHigh;
    bool operator==(const RowScore &) const = default;
};

// Mean absolute percentage error (as a fraction) of one group of rows.
struct ScoreGroup {
    ScoreSection section = ScoreSection::Decode;
    QString dimension; // overall, platform, runtime, model class, gpu count, context
    QString key;       // e.g. "apple", "llama.cpp-Metal", "moe", "2", "0-2K"
    int rows = 0;
    std::optional<double> seedMape;
    double rooflineMape = 0;
    std::optional<double> rooflineHoldOutMape;
    std::optional<double> holdOutCoverage; // share of held-out estimates whose likely range holds the measured value
    bool operator==(const ScoreGroup &) const = default;
};

struct ValidationReport {
    QList<RowScore> rows;
    QList<ScoreGroup> groups;
    const ScoreGroup *group(ScoreSection section, const QString &dimension, const QString &key) const;
};

// Scores both methods on every row; `holdOut` also refits the calibration leaving out each source
// in turn (leave-one-source-out) and scores the roofline on the left-out rows.
// `alsoFittedOn`: more rows for the hold-out fits (a user's file is held out against the shipped set and
// itself); rows equal to one of `rows` but for the line are counted once.
ValidationReport validate(const MeasuredRows &rows, const Catalog &catalog,
                          const Calibration &calibration = Calibration::builtIn(), bool holdOut = true,
                          const MeasuredRows &alsoFittedOn = {});

QString contextBucket(int contextTokens);

} // namespace headroom
