#include "ChartPalette.h"

#include <algorithm>

namespace headroom {

namespace {

struct Ramp {
    QColor first;
    QColor last;
};

// Colour ramps per family and theme; in the dark theme the ramps start light so bars stand out.
Ramp rampFor(Platform family, Theme theme)
{
    const bool light = theme == Theme::Light;
    switch (family) {
    case Platform::Apple:
        return light ? Ramp{QColor(0x3e, 0x55, 0x74), QColor(0x9a, 0xae, 0xc6)}
                     : Ramp{QColor(0xb8, 0xc8, 0xdc), QColor(0x6a, 0x82, 0xa2)};
    case Platform::Nvidia:
        return light ? Ramp{QColor(0x3d, 0x7a, 0x00), QColor(0x9c, 0xcf, 0x4a)}
                     : Ramp{QColor(0x9a, 0xd4, 0x3a), QColor(0x4f, 0x8f, 0x12)};
    case Platform::Other:
        break;
    }
    return light ? Ramp{QColor(0x6a, 0x3d, 0x9a), QColor(0xb9, 0x9c, 0xd8)}
                 : Ramp{QColor(0xc9, 0xb0, 0xec), QColor(0x84, 0x5c, 0xb8)};
}

QColor mix(const QColor &a, const QColor &b, double shareOfB)
{
    const double shareOfA = 1.0 - shareOfB;
    return QColor::fromRgbF(float(a.redF() * shareOfA + b.redF() * shareOfB),
                            float(a.greenF() * shareOfA + b.greenF() * shareOfB),
                            float(a.blueF() * shareOfA + b.blueF() * shareOfB));
}

// How far a tight fit is washed toward the background: visibly lighter, still the family hue.
constexpr double TightWash = 0.5;

} // namespace

QColor ChartPalette::familyColor(Platform family, int index, int count) const
{
    const Ramp ramp = rampFor(family, theme);
    if (count <= 1)
        return ramp.first;
    const double position = std::clamp(double(index) / double(count - 1), 0.0, 1.0);
    return mix(ramp.first, ramp.last, position);
}

QColor ChartPalette::tightColor(Platform family) const
{
    return mix(familyColor(family), background, TightWash);
}

ChartPalette ChartPalette::forTheme(Theme theme)
{
    ChartPalette p;
    p.theme = theme;
    if (theme == Theme::Light) {
        p.background = QColor(0xff, 0xff, 0xff);
        p.text = QColor(0x1f, 0x23, 0x28);
        p.mutedText = QColor(0x57, 0x60, 0x6a);
        p.grid = QColor(0xe1, 0xe4, 0xe8);
        p.axisLine = QColor(0x8c, 0x95, 0x9f);
        p.reference = QColor(0xc2, 0x41, 0x0c);
        p.whisker = QColor(0x24, 0x29, 0x2f);
        p.offload = QColor(0xd9, 0x77, 0x06);
        p.capacity = QColor(0x1f, 0x23, 0x28);
        p.overCapacity = QColor(0xc6, 0x28, 0x28);
        p.weights = QColor(0x3b, 0x5b, 0x8c);
        p.kvCache = QColor(0x2a, 0x9d, 0x8f);
        p.overhead = QColor(0xb0, 0xb7, 0xc0);
    } else {
        p.background = QColor(0x1e, 0x1f, 0x22);
        p.text = QColor(0xe6, 0xed, 0xf3);
        p.mutedText = QColor(0x9d, 0xa7, 0xb3);
        p.grid = QColor(0x34, 0x38, 0x3e);
        p.axisLine = QColor(0x6e, 0x76, 0x81);
        p.reference = QColor(0xfb, 0x92, 0x3c);
        p.whisker = QColor(0xe6, 0xed, 0xf3);
        p.offload = QColor(0xf5, 0x9e, 0x0b);
        p.capacity = QColor(0xf0, 0xf3, 0xf6);
        p.overCapacity = QColor(0xf8, 0x71, 0x71);
        p.weights = QColor(0x6c, 0x9b, 0xd8);
        p.kvCache = QColor(0x3f, 0xc1, 0xb0);
        p.overhead = QColor(0x76, 0x7f, 0x8a);
    }
    return p;
}

} // namespace headroom
