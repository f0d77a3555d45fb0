// The concurrency chart's marks beside its curves: where each stops fitting in memory, and its name at its end.
#include "ConcurrencyChart.h"

#include "ChartAnnotation.h"
#include "LabelPlacement.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <numeric>

namespace headroom {

namespace {

constexpr qreal LabelGapPixels = 8;

} // namespace

void ConcurrencyChart::updateFitLimits()
{
    QList<QPointF> limits;
    for (const EstimateRow &row : estimates().rows) {
        const QList<QPointF> fitting = perUserPoints(row);
        if (!fitting.isEmpty() && fitting.size() < row.sweep.size())
            limits.append(fitting.last());
    }
    m_fitLimits->replace(limits);
    for (QLegendMarker *marker : chart()->legend()->markers(m_fitLimits))
        marker->setVisible(!limits.isEmpty());
}

QStringList ConcurrencyChart::lineLabels() const
{
    QStringList texts;
    for (const ChartAnnotation *label : m_lineLabels)
        texts.append(label->isVisible() ? label->text() : QString());
    return texts;
}

// Each name goes beside the end of its solid curve (or of its dotted one when nothing fits in memory), on
// the first side where it overlaps no other name and no note; a name without such a spot is left out.
void ConcurrencyChart::layoutLineLabels()
{
    const QRectF plot = chart()->plotArea();
    QList<QRectF> taken;
    if (m_note && m_note->isVisible())
        taken.append(m_note->mapRectToScene(m_note->boundingRect()));
    QList<int> order(m_lineLabels.size());
    std::iota(order.begin(), order.end(), 0);
    QList<QPointF> ends(m_lineLabels.size());
    for (int row = 0; row < m_lineLabels.size(); ++row) {
        const QList<QPointF> &points = m_perUser.at(row)->points().isEmpty() ? m_offload.at(row)->points()
                                                                               : m_perUser.at(row)->points();
        ends[row] = points.isEmpty() ? QPointF(qQNaN(), qQNaN()) : chart()->mapToPosition(points.last(), m_perUser.at(row));
    }
    // Highest curve first: it usually has the open space above it.
    std::sort(order.begin(), order.end(), [&ends](int a, int b) { return ends[a].y() < ends[b].y(); });
    for (int row : std::as_const(order)) {
        ChartAnnotation *label = m_lineLabels.at(row);
        label->setTextIfChanged(m_lineLabelTexts.value(row));
        label->setBrush(m_perUser.at(row)->pen().color());
        label->setBackground(chartPalette().background);
        const QPointF end = ends[row];
        std::optional<QPointF> spot;
        if (!qIsNaN(end.x()))
            spot = freeSpotBeside(end, label->boundingRect().size(), LabelGapPixels, plot, taken);
        label->setVisible(spot.has_value());
        if (!spot)
            continue;
        label->setPos(*spot);
        taken.append(QRectF(*spot, label->boundingRect().size()));
    }
}

} // namespace headroom
