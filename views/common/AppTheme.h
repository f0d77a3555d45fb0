#pragma once

#include "views/charts/ChartBase.h"

#include <QPalette>

namespace headroom {

// The application palettes: a neutral light one and a dark one readable on a projector.
QPalette applicationPalette(Theme theme);
// The palette of check boxes and radio buttons: their box must stand out from the window in both themes.
QPalette indicatorPalette(Theme theme);
// Fusion style (the same on every desktop) with the palette for `theme`, for the whole application.
void applyApplicationTheme(Theme theme);

} // namespace headroom
