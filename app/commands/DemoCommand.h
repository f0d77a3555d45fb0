#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace headroom {

// `headroom demo --list`: the built-in tours, one a line ("article  9 steps  Mac Studio / Mac mini vs ...").
// `headroom demo --tour NAME|FILE --output deck.pdf|DIR/ [--catalog FILE]`: the tour as a deck, one page
// (or PNG frame) per step, without a display. Needs a QApplication (offscreen is fine).
// Returns 0, or 2 after one line per problem on `err` (a bad tour: file, step, field and problem).
int runDemo(const Options &options, QTextStream &out, QTextStream &err);

} // namespace headroom
