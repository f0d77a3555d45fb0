#pragma once

#include <QFont>

#include <algorithm>
#include <cmath>

namespace headroom {

// The default font at `pixels` pixels (at least one), for pages painted at a size of their own: deck slides
// and the customer report scale every text with the page.
inline QFont pixelFont(double pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(std::max(1, int(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

} // namespace headroom
