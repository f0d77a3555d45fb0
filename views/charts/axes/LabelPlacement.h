#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace headroom {

enum class LabelSide { Right, Below };

// Where a label of `size` can stand beside a marker centred at `at`, `gap` pixels from its centre: the
// first of right, left, above, below, above right, below right, above left and below left (with `first`
// Below: below, then the others in that order) whose box lies inside `plot` and overlaps none of `taken`;
// nullopt when none does.
std::optional<QPointF> freeSpotBeside(QPointF at, QSizeF size, qreal gap, const QRectF &plot, const QList<QRectF> &taken,
                                      LabelSide first = LabelSide::Right);

} // namespace headroom
