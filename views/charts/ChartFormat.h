#pragma once

#include "core/Defaults.h"
#include "core/Hardware.h"
#include "core/Platform.h"
#include "core/ConfigurationLabels.h" // compactConfigurationLabels
#include "core/Units.h" // formatTokensPerSecond, formatGigabytes, formatContextTokens

#include <QString>
#include <QStringList>

class QObject;
class QValueAxis;

namespace headroom {

// Reading speed reference drawn on the speed and concurrency charts, in tokens per second (see Defaults.h).
constexpr double ReadingSpeedTokensPerSecond = defaults::kReadingSpeedTokensPerSecond;

// Every chart tells platforms apart by colour family: Platform and platformOf (Platform.h).

// "Llama 3.3 70B Q4_K_M — 1 user, 4K context".
QString scenarioTitle(const QString &modelName, const QString &quantName, int users, int contextTokens);

// Smallest "nice" number (1, 2, 2.5, 5 x 10^k) at or above `value`; 1 for non-positive values.
double niceCeiling(double value);

// An axis from 0 to `maximum` with ticks every `step`, both "nice", covering `highest` in at most `maxTicks` steps.
struct NiceScale {
    double maximum = 1;
    double step = 1;
    bool operator==(const NiceScale &) const = default;
};
NiceScale niceScale(double highest, int maxTicks);

// A value axis titled `title` for applyScale(): dynamic ticks anchored at 0, labels written "%g".
QValueAxis *createValueAxis(const QString &title, QObject *parent);

// Sets [minimum, maximum] with ticks every `step` on a dynamic-tick value axis, in the order that
// never asks for more ticks than the old or the new scale has: Qt Charts creates and measures a
// rich-text label per tick at each step, and a range a hundred times wider at the old interval
// (a first estimate, a much larger model) meant hundreds of them.
void applyScale(QValueAxis *axis, double minimum, double maximum, double step);

// Qt's category axis drops duplicate categories; this keeps every row visible by numbering
// repeats: {"A", "A", "B"} -> {"A", "A (2)", "B"}. Empty labels become "(unnamed)".
QStringList uniqueCategoryLabels(const QStringList &labels);

} // namespace headroom
