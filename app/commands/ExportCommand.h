#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace headroom {

// `headroom export`: renders one chart of a scenario (or the article lineup) to PNG or SVG without a display.
// Needs a QApplication (offscreen platform is fine). Returns 0, or 2 with a one-line message on `err`.
int runExport(const Options &options, QTextStream &err);

} // namespace headroom
