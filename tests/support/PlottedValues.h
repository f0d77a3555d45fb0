#pragma once

#include "views/charts/ChartBase.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QList>
#include <QXYSeries>

namespace headroom {

// Every number a chart plots: bar values and curve points, in series order.
inline QList<qreal> plottedValues(ChartBase *chart)
{
    QList<qreal> values;
    for (QAbstractSeries *series : chart->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : bars->barSets()) {
                for (int i = 0; i < set->count(); ++i)
                    values << set->at(i);
            }
        } else if (auto *xy = qobject_cast<QXYSeries *>(series)) {
            for (const QPointF &point : xy->points())
                values << point.x() << point.y();
        }
    }
    return values;
}

} // namespace headroom
