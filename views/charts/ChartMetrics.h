#pragma once

#include <QtGlobal>

namespace headroom::chartmetrics {

// Pixel sizes (not points) so a chart looks the same on screen, in a PNG and in an SVG, whatever the DPI.
inline constexpr int TitlePixels = 18;
inline constexpr int AxisLabelPixels = 13;
inline constexpr int AxisTitlePixels = 14;
inline constexpr int ValueLabelPixels = 13;
inline constexpr int LegendPixels = 13;
inline constexpr int NotePixels = 12;
// Presentation mode: type readable from the back of a meeting room.
inline constexpr double PresentationFontScale = 1.6;
inline constexpr int ChartMarginPixels = 10;
inline constexpr qreal TitleGapPixels = 6; // between the title and what is below it
inline constexpr qreal LabelGapPixels = 6; // between a value label and what it labels
// Steps of a horizontal value axis: as many as fit, from a minimum room per label.
inline constexpr int MinValueTicks = 2;
inline constexpr int MaxValueTicks = 8;
inline constexpr qreal MinPixelsPerValueTick = 80; // room for "1000" and a gap, at presentation size too

} // namespace headroom::chartmetrics
