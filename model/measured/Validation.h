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
enum class ScoreSection { Decode, Concurrency, Prefill };
QString toString(ScoreSection section);
ScoreSection sectionOf(const MeasuredRow &row);

// The estimator input that reproduces a measured row: device and model from the catalog
// (inline from the row when unknown), the row's file size as the weight size, its card count,
// split, runtime (llama.cpp unless the backend names another), context and concurrency.
EstimateInput inputForRow(const MeasuredRow &row, const Catalog &catalog);

// The predicted value of the row's metric (0 when the method has none, e.g. seed prefill).
double predictedValue(const MeasuredRow &row, const Estimate &estimate);

struct RowScore {
    int line = 0;
    ScoreSection section = ScoreSection::Decode;
    PlatformClass platform = PlatformClass::Other;
    QString hardwareId;
    QString runtime;
    bool moe = false;
    int gpuCount = 1;
    int context = 0;
    double measured = 0;
    std::optional<double> seed; // absent: the seed method has no estimate for this metric
    double roofline = 0;        // built-in calibration
    std::optional<double> rooflineHoldOut; // calibration refitted without this row's device
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
    bool operator==(const ScoreGroup &) const = default;
};

struct ValidationReport {
    QList<RowScore> rows;
    QList<ScoreGroup> groups;
    const ScoreGroup *group(ScoreSection section, const QString &dimension, const QString &key) const;
};

// Scores both methods on every row; `holdOut` also refits the calibration leaving out each device
// in turn (leave-one-device-out) and scores the roofline on the left-out rows.
ValidationReport validate(const MeasuredRows &rows, const Catalog &catalog,
                          const Calibration &calibration = Calibration::builtIn(), bool holdOut = true);

QString contextBucket(int contextTokens);

} // namespace headroom
