#pragma once

#include "catalog/Catalog.h"
#include "CommandLine.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

namespace headroom {

// The outcome of one `estimate` batch, independent of files and streams (tested in-process).
struct EstimateRun {
    QByteArray output;  // {"results":[...]}; empty when the input was unusable
    QString fatalError; // not JSON / no "queries" array: one line with position and problem
    int invalidQueries = 0;
    int exitCode() const { return fatalError.isEmpty() && invalidQueries == 0 ? 0 : 2; }
};

// Parses the queries, estimates every valid one against `catalog` and serialises the results.
EstimateRun estimateQueries(const QByteArray &input, const Catalog &catalog);

// `headroom estimate`: reads options.input ("-" = stdin), writes options.output ("-" = stdout),
// overlays options.catalogPath. Returns 0, or 2 after one-line messages on `err`.
int runEstimate(const Options &options, QTextStream &err);

} // namespace headroom
