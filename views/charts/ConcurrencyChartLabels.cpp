// The concurrency chart's marks beside its curves: where each stops fitting in memory, and its name at its end.
#include "ConcurrencyChart.h"

#include "ChartAnnotation.h"
#include "core/Units.h"
#include "views/charts/axes/LabelPlacement.h"

#include <QChart>
#include <QGraphicsPathItem>
#include <QPainterPath>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
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

// A ring where each configuration's per-user curve meets the required pace: its "users at ≥ N t/s".
void ConcurrencyChart::updatePaceMarks()
{
    const EstimateSet &set = estimates();
    QList<QPointF> marks;
    QStringList texts;
    m_paceMarkRows.clear();
    for (int row = 0; row < set.rows.size(); ++row) {
        const int users = set.rows.at(row).usersAtMinTps;
        if (users < 1)
            continue;
        const bool pastAxis = users > m_usersAxis->max();
        marks.append(QPointF(pastAxis ? m_usersAxis->max() : users, set.minTpsPerUser));
        texts.append(QStringLiteral("%1 users%2").arg(users).arg(pastAxis ? QStringLiteral(" \u2192") : QString()));
        m_paceMarkRows.append(row);
    }
    if (m_paceMarks->points() != marks)
        m_paceMarks->replace(marks);
    resizeAnnotations(m_paceLabels, marks.size(), FontRole::ValueLabel, [this](int i) { return paceMarkTooltip(i); });
    for (qsizetype i = 0; i < m_paceLabels.size(); ++i)
        m_paceLabels.at(i)->setTextIfChanged(texts.at(i));
    const QString name = QStringLiteral("Users ≥ %1 (table)").arg(formatTokensPerSecond(set.minTpsPerUser));
    if (m_paceMarks->name() != name)
        m_paceMarks->setName(name);
    for (QLegendMarker *marker : chart()->legend()->markers(m_paceMarks))
        marker->setVisible(!marks.isEmpty());
}

QString ConcurrencyChart::paceMarkTooltip(int markIndex) const
{
    if (markIndex < 0 || markIndex >= m_paceMarkRows.size() || m_paceMarkRows.at(markIndex) >= estimates().rows.size())
        return {};
    const EstimateRow &row = estimates().rows.at(m_paceMarkRows.at(markIndex));
    const QString pace = formatTokensPerSecond(estimates().minTpsPerUser);
    return QStringLiteral("<b>%1</b><br>serves %2 users at ≥ %3 each: the most users that fit in memory with every "
                          "one decoding at least %3")
        .arg(row.label.toHtmlEscaped())
        .arg(row.usersAtMinTps)
        .arg(pace);
}

const SweepPoint *ConcurrencyChart::linkBindsPoint(const EstimateRow &row)
{
    for (const SweepPoint &point : row.sweep) {
        if (point.bottleneck == Bottleneck::Interconnect && point.fit != Fit::DoesNotFit && point.users >= 1)
            return &point;
    }
    return nullptr;
}

// A hollow square on a cluster's curve where the link between its machines starts to set the pace.
void ConcurrencyChart::updateLinkBindsMarks()
{
    const QList<EstimateRow> &rows = estimates().rows;
    QList<QPointF> marks;
    m_linkBindsRows.clear();
    for (int row = 0; row < rows.size(); ++row) {
        const SweepPoint *point = linkBindsPoint(rows.at(row));
        if (!point)
            continue;
        marks.append(QPointF(point->users, point->decodeTpsPerUser));
        m_linkBindsRows.append(row);
    }
    if (m_linkBinds->points() != marks)
        m_linkBinds->replace(marks);
    for (QLegendMarker *marker : chart()->legend()->markers(m_linkBinds))
        marker->setVisible(!marks.isEmpty());
}

QString ConcurrencyChart::linkBindsTooltip(int markIndex) const
{
    if (markIndex < 0 || markIndex >= m_linkBindsRows.size() || m_linkBindsRows.at(markIndex) >= estimates().rows.size())
        return {};
    const EstimateRow &row = estimates().rows.at(m_linkBindsRows.at(markIndex));
    const SweepPoint *point = linkBindsPoint(row);
    if (!point)
        return {};
    return QStringLiteral("<b>%1</b>: the link between machines binds from %2 %3")
        .arg(row.label.toHtmlEscaped())
        .arg(point->users)
        .arg(point->users == 1 ? QStringLiteral("user") : QStringLiteral("users"));
}

QStringList ConcurrencyChart::paceLabels() const
{
    QStringList texts;
    for (const ChartAnnotation *label : m_paceLabels)
        texts.append(label->isVisible() ? label->text() : QString());
    return texts;
}

// Each ring's count goes below it if it can (above the line are the curves that pass it), else beside it.
void ConcurrencyChart::layoutPaceLabels(QList<QRectF> &taken)
{
    const QRectF plot = chart()->plotArea();
    const QList<QPointF> marks = m_paceMarks->points();
    for (const QPointF &mark : marks) {
        const QPointF at = chart()->mapToPosition(mark, m_paceMarks);
        const qreal half = m_paceMarks->markerSize() / 2;
        taken.append(QRectF(at.x() - half, at.y() - half, 2 * half, 2 * half));
    }
    for (qsizetype i = 0; i < m_paceLabels.size() && i < marks.size(); ++i) {
        ChartAnnotation *label = m_paceLabels.at(i);
        label->setBrush(chartPalette().reference);
        label->setBackground(chartPalette().background);
        const QSizeF size = label->boundingRect().size();
        const QPointF at = chart()->mapToPosition(marks.at(i), m_paceMarks);
        const qreal gap = m_paceMarks->markerSize() / 2 + LabelGapPixels / 2;
        const std::optional<QPointF> spot = freeSpotBeside(at, size, gap, plot, taken, LabelSide::Below);
        label->setVisible(spot.has_value());
        if (!spot)
            continue;
        label->setPos(*spot);
        taken.append(QRectF(*spot, size));
    }
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
    QPainterPath squares;
    for (const QPointF &mark : m_linkBinds->points()) { // names keep clear of the link-binds squares
        const QPointF at = chart()->mapToPosition(mark, m_linkBinds);
        const qreal half = m_linkBinds->markerSize() / 2;
        const QRectF square(at.x() - half, at.y() - half, 2 * half, 2 * half);
        squares.addRect(square);
        taken.append(square);
    }
    m_linkBindsSquares->setPath(squares);
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
    layoutPaceLabels(taken);
}

} // namespace headroom
