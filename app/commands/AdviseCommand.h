#pragma once

#include "catalog/Catalog.h"
#include "CommandLine.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

namespace headroom {

// The outcome of one `advise` request, independent of files and streams (tested in-process).
struct AdviseRun {
    QByteArray output; // {"shortlist": [...], "rejected": [...], "considered": N, "reason": "..."}
    QString error;     // invalid request: one line naming the field and the problem
    int exitCode() const { return error.isEmpty() ? 0 : 2; }
};

// Parses the request against `catalog`, runs the search and serialises the answer.
AdviseRun adviseRequest(const QByteArray &input, const Catalog &catalog);

// `headroom advise`: reads options.input ("-" = stdin), writes options.output ("-" = stdout),
// overlays options.catalogPath. Returns 0, or 2 after a one-line message on `err`.
int runAdvise(const Options &options, QTextStream &err);

} // namespace headroom
