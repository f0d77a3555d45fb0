#pragma once

#include "engine/Calibration.h"
#include "core/Estimate.h"
#include "measured/MeasuredData.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace headroom {

// Up to this KV depth, decode speeds measured at any two contexts are treated as the same
// configuration: the KV cache then adds a few percent to the bytes read per token (a 70B model at
// 8K tokens reads ~2.7 GB of KV against ~42 GB of weights), well inside the measured error.
inline constexpr int kInterchangeableContextTokens = 8192;
// Longer contexts match a measurement only within this factor of its context.
inline constexpr double kContextMatchFactor = 2.0;

// Whether a speed measured at `measuredContext` tokens stands for one at `contextTokens`.
bool contextsComparable(int contextTokens, int measuredContext);

// The per-user decode speed a decode row reports: tg and tg_per_user as measured, tg_total divided
// by its concurrency; 0 for prompt-processing rows.
double perUserDecodeTps(const MeasuredRow &row);

// True when the row names only a quantization family ("Q4 (unspecified)") that `quantName` belongs to.
bool quantUnspecifiedMatch(const MeasuredRow &row, const QString &quantName);

// Measured decode rows of exactly the configuration of `input`: same device id and card count,
// same split (for several cards), the same runtime (rows whose backend is unknown match any), the
// same model id and quantization (or its unspecified family), the same user count (tg for one user;
// tg_per_user or tg_total at that concurrency for several) and a comparable context.
// The first form searches the shipped set (parsed once, indexed: cheap enough for every frame of a
// slider drag); the second any rows.
MeasuredRows matchingMeasurements(const EstimateInput &input);
MeasuredRows matchingMeasurements(const EstimateInput &input, const MeasuredRows &rows);

// The shipped row that starts on `line` of measured.csv, or null.
const MeasuredRow *shippedMeasurementAtLine(int line);

// Display names of the platform classes: "Apple silicon", "NVIDIA consumer", "NVIDIA datacenter", "Other".
QString platformDisplayName(PlatformClass platform);

// The measurements behind an estimate's uncertainty band: the shipped single-user decode rows of
// its platform class (the rows the hold-out error was measured on) and, among them, those of its
// model class (dense or MoE).
struct MeasurementBacking {
    PlatformClass platform = PlatformClass::Other;
    bool moe = false;
    MeasuredRows classRows;     // same platform class and model class
    int platformRows = 0;       // single-user decode rows of the platform class, all model classes
    int concurrencyRows = 0;    // rows of the platform class measured with several users
    QStringList backends;       // distinct backends of classRows, in file order
    ErrorBand band;             // hold-out error of the platform class (Calibration::errorBand)
    bool operator==(const MeasurementBacking &) const = default;
};

MeasuredRows backingRows(const EstimateInput &input);
MeasurementBacking measurementBacking(const EstimateInput &input,
                                      const Calibration &calibration = Calibration::builtIn());

} // namespace headroom
