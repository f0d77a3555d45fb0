#pragma once

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

namespace headroom {

// Distribution of one kind of latency, in milliseconds (nearest-rank percentiles).
struct LatencySummary {
    int samples = 0;
    double p50Ms = 0;
    double p95Ms = 0;
    double maxMs = 0;
    bool operator==(const LatencySummary &) const = default;
};

// Nearest-rank percentiles of `samplesMs` (order does not matter); all zero when there are none.
LatencySummary summarizeLatencies(QList<double> samplesMs);

// One slider (or picker) moved through its positions, every move measured.
struct SliderLatency {
    QString slider; // "model_size", "quantization", "context", "users", "efficiency"
    LatencySummary latency;
    bool operator==(const SliderLatency &) const = default;
};

// Every slider moved with one set of configurations on screen.
struct LineupLatency {
    int configurations = 0; // checked configurations, one chart bar / table row each
    LatencySummary overall; // all moves of all sliders together
    QList<SliderLatency> sliders;
    QList<SliderLatency> charts; // the same moves by the chart on screen ("speed", "memory", ...)
    LatencySummary tabSwitch;    // showing another chart's tab until the window is painted
    // The parts of a move, each summarised on its own (their percentiles do not add up).
    LatencySummary updatePhase; // value change -> estimates handed to the chart on screen, the table, details
    LatencySummary postedPhase; // deferred layouts and the window's own repaint
    LatencySummary forcedPhase; // views the window's repaint missed, repainted by the bench
    bool operator==(const LineupLatency &) const = default;
};

// What `headroom bench` measures. Times are wall-clock milliseconds, memory in MB (10^6 bytes).
struct BenchReport {
    LineupLatency large;   // the many-configuration lineup (30 by default)
    LineupLatency article; // the article's seven configurations
    double startupMs = 0;  // process start to the first painted window
    double estimatesPerSecond = 0; // roofline estimates in one thread over varied inputs
    double peakRssMB = 0;  // peak resident set size of the whole process
    LatencySummary advisorSearch; // one whole advise() search over the full catalog, one thread
    int moves = 0;          // timed moves, both lineups
    int forcedRepaints = 0; // visible views the window's own repaint skipped, repainted by the bench
    QSize windowSize;      // logical pixels of the window that was painted
    bool operator==(const BenchReport &) const = default;
};

// {"configurations": N, "slider_update_ms": {"p50", "p95", "max"}, "article_slider_update_ms": {...},
//  "startup_ms", "estimates_per_second", "peak_rss_mb", ...} plus the per-slider detail.
QByteArray benchReportJson(const BenchReport &report);
// The same figures for people, each next to the target it is meant to meet.
QString benchReportText(const BenchReport &report);

} // namespace headroom
