#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace headroom {

// `headroom report [--scenario FILE] --output report.pdf|report.png [--catalog FILE]`: the one-page customer
// report of the scenario's comparison (the article lineup without a scenario). Exit 0, or 2 after one line
// per problem on `err`.
int runReport(const Options &options, QTextStream &err);

} // namespace headroom
