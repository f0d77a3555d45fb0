#pragma once

#include <QCoreApplication>

#include <memory>

namespace headroom {

// Which application object a headless command needs.
enum class HeadlessKind {
    Core, // estimate, table, runs-on, validate: no GUI libraries initialised, starts fast, no display
    Gui   // export (and later demo/bench): a QApplication, on the offscreen platform when there is no display
};

// Whether a window can be shown: an X11 or Wayland display, or a platform chosen through QT_QPA_PLATFORM.
// Always true outside Linux and the BSDs, where the platform plugin needs no display variable.
bool windowSystemAvailable();

// Selects the offscreen Qt platform when no X11 or Wayland display is available and the user has not chosen
// a platform. Must run before the application object exists (Qt reads QT_QPA_PLATFORM in its constructor).
void selectOffscreenPlatformWithoutDisplay();

// Creates the application object for a headless command. `argc` must outlive the returned object.
std::unique_ptr<QCoreApplication> createHeadlessApplication(int &argc, char **argv, HeadlessKind kind);

} // namespace headroom
