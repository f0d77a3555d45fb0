#pragma once

#include <QtGlobal>

class QAbstractBarSeries;
class QAbstractSeries;
class QBarSet;
class QChart;
class QLegend;

namespace headroom {

class CategoryLabels;

// What the charts with one horizontal bar slot per row (speed, memory) share. Qt puts category 0 at the
// bottom; their rows read top to bottom (categoryIndex(row, rowCount) = rowCount - 1 - row).

// `set` with exactly `rowCount` values: extra ones removed, missing ones appended as 0.
void resizeBarSet(QBarSet *set, int rowCount);
// Value `index` of `set`, replaced only when it changed (each replace relayouts the bars).
void setBarValue(QBarSet *set, int index, qreal value);
// The legend's markers of `bars` as rectangles filled with their set's brush ("from series" leaves bar
// markers empty in Qt 6.4).
void styleBarLegendMarkers(QLegend *legend, QAbstractBarSeries *bars);
// The height in pixels of one category slot of `bars`.
qreal categorySlotPixels(QChart *chart, QAbstractSeries *bars);
// Places the names of `rowCount` rows beside their bars.
void layoutCategoryNames(CategoryLabels &names, QChart *chart, QAbstractSeries *bars, int rowCount);

} // namespace headroom
