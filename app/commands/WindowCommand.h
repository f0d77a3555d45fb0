#pragma once

#include "CommandLine.h"

namespace headroom {

// Opens the main window (QApplication); returns the event loop's exit code.
int runWindow(int &argc, char **argv, const Options &options);

} // namespace headroom
