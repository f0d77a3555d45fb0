#pragma once

#include "BenchReport.h"

#include <QString>
#include <QTextStream>

#include <variant>

namespace headroom {

// How much `headroom bench` measures (issue 7 asks for at least 30 configurations and 50 positions).
struct BenchPlan {
    int configurations = 30;   // checked in the many-configuration lineup
    int movesPerSlider = 50;   // moves of each of the five sliders, per lineup
    double engineSeconds = 0.5; // the engine runs at least this long
    int advisorRounds = 10;     // each advisor question searched this many times
    bool operator==(const BenchPlan &) const = default;
};

// Opens the real MainWindow (with throw-away settings), times its first paint from process start,
// moves every slider with plan.configurations and then with the article's seven configurations
// on screen, and measures the engine alone. Needs a QApplication; the window is never shown on
// a real screen when the platform is offscreen. An empty report and a message if the window did
// not react to a move.
std::variant<BenchReport, QString> runBenchmarks(const BenchPlan &plan = {});

// `headroom-bench [--format json|text]` inside an existing QApplication: prints the report on `out` (json
// when `format` is empty). Returns 0, 1 when a measurement failed, 2 for a bad format.
int runBench(const QString &format, QTextStream &out, QTextStream &err);

// The whole program: creates the QApplication on the offscreen platform (unless QT_QPA_PLATFORM names
// another), then runBench() on standard output and error. `argc` must outlive the call.
int runBench(int &argc, char **argv, const QString &format);

} // namespace headroom
