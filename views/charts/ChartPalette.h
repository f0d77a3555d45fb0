#pragma once

#include "ChartFormat.h"

#include <QColor>

namespace headroom {

enum class Theme { Light, Dark };

// Colours of one theme. Apple configurations are blues, NVIDIA greens, other vendors purples; each family
// has six distinct hues so that several configurations of one family stay apart.
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

    // Hue `index` of `family` (the family's bar colour for 0; repeats after six).
    QColor familyColor(Platform family, int index = 0) const;
    // The family colour washed toward the background, for tight fits.
    QColor tightColor(Platform family) const;

    static ChartPalette forTheme(Theme theme);
    Theme theme = Theme::Light;
    bool operator==(const ChartPalette &) const = default;
};

} // namespace headroom
