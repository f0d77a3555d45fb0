#pragma once

#include "ChartFormat.h"

#include <QColor>

namespace headroom {

enum class Theme { Light, Dark };

// Colours of one theme. Apple configurations are slate / silver blues, NVIDIA greens, other vendors
// purples; each family has a ramp of shades so that several configurations of one family stay apart.
struct ChartPalette {
    QColor background;
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor axisLine;
    QColor reference;   // reading-speed line
    QColor whisker;     // uncertainty band
    QColor offload;     // outline of configurations that spill to system RAM
    QColor capacity;    // usable-memory marker
    QColor overCapacity;
    QColor weights;
    QColor kvCache;
    QColor overhead;

    // Shade `index` of `count` configurations of `family` (darkest first in light theme).
    QColor familyColor(Platform family, int index = 0, int count = 1) const;
    // The family colour washed toward the background, for tight fits.
    QColor tightColor(Platform family) const;

    static ChartPalette forTheme(Theme theme);
    Theme theme = Theme::Light;
    bool operator==(const ChartPalette &) const = default;
};

} // namespace headroom
