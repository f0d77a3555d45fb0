#include "ChartPalette.h"

#include <algorithm>
#include <array>

namespace headroom {

namespace {

// Distinct hues within each family's colour range, so that several configurations of one family stay
// apart on lines and legends: Apple blues to indigo and cyan, NVIDIA greens to olive and teal, other vendors
// purples to magenta. The first of each list is the family's colour for bars. Dark-theme lists start light.
constexpr int HueCount = 6;
using Hues = std::array<QRgb, HueCount>;

const Hues &huesFor(Platform family, Theme theme)
{
    static constexpr Hues AppleLight{0x2d4f7c, 0x4aa3df, 0x5a4fcf, 0x1b8a9e, 0x8fb3de, 0x14213d};
    static constexpr Hues AppleDark{0x9ec2ec, 0x2f9be0, 0xc090ff, 0x4cd9d0, 0xeef4fb, 0x6068c8};
    static constexpr Hues NvidiaLight{0x3d7a00, 0x8cc63f, 0x12a37a, 0xb0a010, 0x28502f, 0x5fe08a};
    static constexpr Hues NvidiaDark{0x9ad43a, 0x4a9a10, 0x3fd49a, 0xe0e05a, 0x6f9f6a, 0xc8f8a8};
    static constexpr Hues OtherLight{0x6a3d9a, 0xd0378a, 0x9c7ae8, 0x7b1f4f, 0xe89fd0, 0x3a1f68};
    static constexpr Hues OtherDark{0xc9b0ec, 0xff70a8, 0x8a5ae0, 0xf8d8ec, 0xc050b0, 0xff9cff};
    const bool light = theme == Theme::Light;
    switch (family) {
    case Platform::Apple:
        return light ? AppleLight : AppleDark;
    case Platform::Nvidia:
        return light ? NvidiaLight : NvidiaDark;
    case Platform::Other:
        break;
    }
    return light ? OtherLight : OtherDark;
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
// Washing toward a dark background greys a colour out: less of it keeps the hue.
constexpr double DarkTightWash = 0.3;

} // namespace

QColor ChartPalette::familyColor(Platform family, int index) const
{
    const Hues &hues = huesFor(family, theme);
    return QColor::fromRgb(hues.at(std::size_t(std::max(0, index) % HueCount)));
}

QColor ChartPalette::tightColor(Platform family) const
{
    return mix(familyColor(family), background, theme == Theme::Light ? TightWash : DarkTightWash);
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
