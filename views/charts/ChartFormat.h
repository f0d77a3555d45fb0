#pragma once

#include "core/Hardware.h"
#include "core/Platform.h"

#include <QString>
#include <QStringList>

class QObject;
class QValueAxis;

namespace headroom {

// Reading speed reference drawn on the speed and concurrency charts, in tokens per second.
// People read about 4 words/s (238 wpm silent reading of non-fiction, Brysbaert 2019,
// https://doi.org/10.1016/j.jml.2019.104047) and skim at 5-8 words/s; one English word is
// ~1.3 tokens (https://help.openai.com/en/articles/4936856-what-are-tokens-and-how-to-count-them),
// so ~5-8 words/s is ~7-10 tokens/s. Faster than this, a single reader cannot tell the difference;
// the article calls 10-11 t/s "a comfortable reading pace for interactive chat".
constexpr double ReadingSpeedTokensPerSecond = 10.0;

// Every chart tells platforms apart by colour family: Platform and platformOf (Platform.h).

// "55 t/s", "5.4 t/s": one decimal below 10, whole numbers above.
QString formatTokensPerSecond(double tokensPerSecond);
// "45.3 GB", "192 GB": one decimal below 100 GB, whole numbers above.
QString formatGigabytes(double gigabytes);
// Context length as people say it: 4096 -> "4K", 131072 -> "128K", 1000 -> "1000".
QString formatContextTokens(int tokens);
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
