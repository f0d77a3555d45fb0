#include "HorizontalBars.h"

#include "views/charts/axes/CategoryLabels.h"

#include <QBarLegendMarker>
#include <QBarSet>
#include <QChart>
#include <QLegend>

#include <cmath>

namespace headroom {

void resizeBarSet(QBarSet *set, int rowCount)
{
    const int count = int(set->count());
    if (count > rowCount)
        set->remove(rowCount, count - rowCount);
    else if (count < rowCount)
        set->append(QList<qreal>(rowCount - count, 0.0));
}

void setBarValue(QBarSet *set, int index, qreal value)
{
    if (set->at(index) != value)
        set->replace(index, value);
}

void styleBarLegendMarkers(QLegend *legend, QAbstractBarSeries *bars)
{
    for (QLegendMarker *marker : legend->markers(bars)) {
        marker->setShape(QLegend::MarkerShapeRectangle);
        marker->setBrush(static_cast<QBarLegendMarker *>(marker)->barset()->brush());
    }
}

qreal categorySlotPixels(QChart *chart, QAbstractSeries *bars)
{
    return std::abs(chart->mapToPosition(QPointF(0, 1), bars).y() - chart->mapToPosition(QPointF(0, 0), bars).y());
}

void layoutCategoryNames(CategoryLabels &names, QChart *chart, QAbstractSeries *bars, int rowCount)
{
    names.layout([&](int row) { return chart->mapToPosition(QPointF(0, rowCount - 1 - row), bars).y(); });
}

} // namespace headroom
