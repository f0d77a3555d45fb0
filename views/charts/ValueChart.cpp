#include "ValueChart.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "ChartMetrics.h"
#include "itemmodels/AdvisorShortlistModel.h"
#include "views/charts/axes/LabelPlacement.h"
#include "views/charts/axes/ValueAxes.h"
#include "session/ChartInputs.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <optional>

namespace headroom {
namespace {

using chartmetrics::LabelGapPixels;

constexpr qreal MarkerPixels = 12;
constexpr qreal RejectedMarkerPixels = 9;
constexpr qreal ComparedMarkerPixels = 16;
constexpr qreal ComparedPenPixels = 2;
constexpr qreal QuotedRingPixels = 20;
constexpr qreal QuotedPenPixels = 2;
constexpr qreal FrontPenPixels = 2;
constexpr qreal LimitPenPixels = 2;
constexpr qreal NoteInsetPixels = 8;
constexpr int PlatformCount = 3;
constexpr Platform Platforms[PlatformCount] = {Platform::Apple, Platform::Nvidia, Platform::Other};

} // namespace

ValueChart::ValueChart(QWidget *parent)
    : ChartBase(parent)
{
    m_linearPrice = new QValueAxis(this);
    m_linearPrice->setTickType(QValueAxis::TicksDynamic);
    m_linearPrice->setTickAnchor(0);
    m_logPrice = new QLogValueAxis(this);
    m_logPrice->setBase(LogAxisBase);
    m_logPrice->setMinorTickCount(LogMinorTicks);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_linearPrice), static_cast<QAbstractAxis *>(m_logPrice)})
        axis->setTitleText(QStringLiteral("price, public list (US$)"));
    m_linearPrice->setLabelFormat(QStringLiteral("$%gk"));
    m_logPrice->setLabelFormat(QStringLiteral("$%gk"));
    m_speedAxis = createValueAxis(QStringLiteral("tokens/s per user"), this);
    QChart *c = chart();
    c->addAxis(m_linearPrice, Qt::AlignBottom);
    c->addAxis(m_logPrice, Qt::AlignBottom);
    c->addAxis(m_speedAxis, Qt::AlignLeft);

    m_frontLine = new QLineSeries(this);
    m_frontLine->setName(QStringLiteral("Best speed for the price"));
    m_budgetLine = new QLineSeries(this);
    m_budgetLine->setName(QStringLiteral("Budget"));
    m_speedLine = new QLineSeries(this);
    m_speedLine->setName(QStringLiteral("Speed required"));
    for (Platform platform : Platforms) {
        auto *series = new QScatterSeries(this);
        series->setName(displayName(platform));
        m_platformSeries << series;
    }
    m_rejected = new QScatterSeries(this);
    m_rejected->setName(QStringLiteral("Left out by a requirement"));
    m_compared = new QScatterSeries(this);
    m_compared->setName(QStringLiteral("Compared (the table)"));
    m_quoted = new QScatterSeries(this);
    m_quoted->setName(QStringLiteral("Your quotes"));
    QList<QXYSeries *> all{m_frontLine, m_budgetLine, m_speedLine, m_rejected, m_compared};
    all += QList<QXYSeries *>(m_platformSeries.cbegin(), m_platformSeries.cend());
    all << m_quoted; // over the points it rings
    for (QXYSeries *series : all) {
        c->addSeries(series);
        series->attachAxis(m_speedAxis);
    }
    const QList<QScatterSeries *> scatter = pointSeries();
    m_seriesPoints.resize(scatter.size());
    for (QScatterSeries *series : scatter) {
        connect(series, &QScatterSeries::hovered, this, [this, series](const QPointF &point, bool entered) {
            if (!entered)
                return hideTooltip();
            const qsizetype s = pointSeries().indexOf(series);
            const qsizetype index = series->points().indexOf(point);
            if (s >= 0 && index >= 0 && index < m_seriesPoints.at(s).size())
                showTooltip(pointTooltip(m_seriesPoints.at(s).at(index)));
        });
    }
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_linearPrice), static_cast<QAbstractAxis *>(m_logPrice),
                                static_cast<QAbstractAxis *>(m_speedAxis)})
        valueAxes()->addAxis(axis, m_frontLine);
    connect(m_compared, &QScatterSeries::hovered, this, [this](const QPointF &point, bool entered) {
        if (!entered)
            return hideTooltip();
        showTooltip(comparedTooltip(int(m_compared->points().indexOf(point))));
    });
    connect(m_quoted, &QScatterSeries::hovered, this, [this](const QPointF &point, bool entered) {
        if (!entered)
            return hideTooltip();
        const qsizetype ring = m_quoted->points().indexOf(point);
        if (ring >= 0)
            showTooltip(pointTooltip(m_quotedPoints.at(ring)));
    });
    usePriceAxis(false);

    m_note = createNote();
    applyStyle();
    setEstimates(EstimateSet{});
    updateTitleAndNote(AdvisorResult{}, {});
}

ValueChart::~ValueChart() = default;

QPointF ValueChart::plotted(const AdvisorCandidate &candidate)
{
    return {candidate.priceUsd.value_or(0) / UsdPerAxisUnit, candidate.estimate.decodeTpsPerUser};
}

QPointF ValueChart::plotted(const EstimateRow &row)
{
    return {row.price.usd.value_or(0) / UsdPerAxisUnit, row.estimate.decodeTpsPerUser};
}

QList<QScatterSeries *> ValueChart::pointSeries() const
{
    return m_platformSeries + QList<QScatterSeries *>{m_rejected};
}

QScatterSeries *ValueChart::seriesFor(Platform platform) const
{
    return m_platformSeries.at(static_cast<int>(platform));
}

void ValueChart::setEstimates(const EstimateSet &estimates)
{
    storeEstimates(estimates);
    if (!m_hasAdvice)
        updateTitleAndNote(AdvisorResult{}, {});
    updateCompared(estimates);
}

void ValueChart::updateCompared(const EstimateSet &estimates)
{
    m_comparedRows.clear();
    QList<QPointF> positions;
    for (const EstimateRow &row : estimates.rows) {
        if (row.estimate.runs() && row.price.usd) {
            m_comparedRows << row;
            positions << plotted(row);
        }
    }
    if (m_compared->points() != positions)
        m_compared->replace(positions);
    const bool newLabels = m_comparedLabels.size() != m_comparedRows.size();
    resizeAnnotations(m_comparedLabels, m_comparedRows.size(), FontRole::ValueLabel,
                      [this](int i) { return comparedTooltip(i); });
    for (qsizetype i = 0; i < m_comparedRows.size(); ++i)
        m_comparedLabels.at(i)->setTextIfChanged(m_comparedRows.at(i).label);
    if (newLabels)
        restyle();
    updateRanges();
    updateLines();
    updateLegend();
    layoutAnnotations();
}

void ValueChart::setInputs(const ChartInputs &inputs)
{
    setEstimates(inputs.estimates);
    // An unresolvable scenario leaves the chart without advice; its title names the scenario.
    if (inputs.advice.result)
        setAdvice(*inputs.advice.result, inputs.advice.requirements);
}

void ValueChart::setAdvice(const AdvisorResult &result, const AdvisorRequirements &requirements)
{
    m_hasAdvice = true;
    m_requirements = requirements;
    const PriceSpeedMap map = priceSpeedMap(result);
    m_points = map.points;
    m_front = map.front;

    updateSeries();
    updateRanges();
    updateLines();
    updateLegend();
    updateTitleAndNote(result, map.unpriced);
    updateFrontLabels();
    updateQuotedLabels();
    layoutAnnotations();
}

void ValueChart::updateSeries()
{
    const QList<QScatterSeries *> scatter = pointSeries();
    QList<QList<QPointF>> positions(scatter.size());
    for (QList<int> &indexes : m_seriesPoints)
        indexes.clear();
    for (int i = 0; i < m_points.size(); ++i) {
        const Point &point = m_points.at(i);
        const int s = point.qualifies ? static_cast<int>(point.candidate.platform) : PlatformCount;
        positions[s] << plotted(point.candidate);
        m_seriesPoints[s] << i;
    }
    for (int s = 0; s < scatter.size(); ++s) {
        if (scatter.at(s)->points() != positions.at(s))
            scatter.at(s)->replace(positions.at(s));
    }
    // The staircase: from each front point, level until the next one's price buys more speed.
    QList<QPointF> steps;
    for (int f = 0; f < m_front.size(); ++f) {
        const QPointF point = plotted(m_points.at(m_front.at(f)).candidate);
        if (f > 0)
            steps << QPointF(point.x(), steps.constLast().y());
        steps << point;
    }
    if (m_frontLine->points() != steps)
        m_frontLine->replace(steps);
    m_quotedPoints.clear();
    QList<QPointF> rings;
    for (int i = 0; i < m_points.size(); ++i) {
        if (m_points.at(i).quoted) {
            m_quotedPoints << i;
            rings << plotted(m_points.at(i).candidate);
        }
    }
    if (m_quoted->points() != rings)
        m_quoted->replace(rings);
}

void ValueChart::updateLines()
{
    const double left = m_logScale ? m_logPrice->min() : m_linearPrice->min();
    const double right = m_logScale ? m_logPrice->max() : m_linearPrice->max();
    QList<QPointF> budget;
    if (m_requirements.budgetUsd) {
        const double x = *m_requirements.budgetUsd / UsdPerAxisUnit;
        budget = {{x, 0}, {x, m_speedAxis->max()}};
    }
    QList<QPointF> speed;
    if (m_requirements.minDecodeTpsPerUser)
        speed = {{left, *m_requirements.minDecodeTpsPerUser}, {right, *m_requirements.minDecodeTpsPerUser}};
    if (m_budgetLine->points() != budget)
        m_budgetLine->replace(budget);
    if (m_speedLine->points() != speed)
        m_speedLine->replace(speed);
    if (m_requirements.budgetUsd)
        m_budgetLine->setName(QStringLiteral("Budget %1").arg(AdvisorShortlistModel::priceText(m_requirements.budgetUsd)));
    if (m_requirements.minDecodeTpsPerUser)
        m_speedLine->setName(QStringLiteral("At least %1 per user").arg(formatTokensPerSecond(*m_requirements.minDecodeTpsPerUser)));
}

void ValueChart::updateLegend()
{
    QLegend *legend = chart()->legend();
    const auto show = [legend](QAbstractSeries *series, bool visible) {
        for (QLegendMarker *marker : legend->markers(series))
            marker->setVisible(visible); // always set: markers report invisible while the chart is hidden
    };
    for (int s = 0; s < m_platformSeries.size(); ++s)
        show(m_platformSeries.at(s), !m_platformSeries.at(s)->points().isEmpty());
    show(m_rejected, !m_rejected->points().isEmpty());
    show(m_compared, !m_compared->points().isEmpty());
    show(m_quoted, !m_quoted->points().isEmpty());
    show(m_frontLine, m_front.size() > 1);
    show(m_budgetLine, !m_budgetLine->points().isEmpty());
    show(m_speedLine, !m_speedLine->points().isEmpty());
}

void ValueChart::layoutAnnotations()
{
    valueAxes()->layout();
    if (!m_note)
        return; // the base class lays out before this class has built its annotations
    const QRectF plot = chart()->plotArea();
    m_note->setPos(plot.left() + NoteInsetPixels, plot.top() + NoteInsetPixels);
    if (plot.isEmpty() || m_frontLabels.size() != m_front.size() || m_comparedLabels.size() != m_comparedRows.size()
        || m_quotedLabels.size() != m_quotedPoints.size())
        return;
    // Obstacles: the note and every marker; each label takes the first free spot around its point.
    QList<QRectF> taken;
    if (!m_note->text().isEmpty())
        taken << m_note->mapRectToParent(m_note->boundingRect());
    for (const Point &point : std::as_const(m_points)) {
        const QPointF at = chart()->mapToPosition(plotted(point.candidate), m_frontLine);
        taken << QRectF(at.x() - MarkerPixels / 2, at.y() - MarkerPixels / 2, MarkerPixels, MarkerPixels);
    }
    for (const EstimateRow &row : std::as_const(m_comparedRows)) {
        const QPointF at = chart()->mapToPosition(plotted(row), m_frontLine);
        taken << QRectF(at.x() - ComparedMarkerPixels / 2, at.y() - ComparedMarkerPixels / 2, ComparedMarkerPixels,
                        ComparedMarkerPixels);
    }
    // The front's staircase too, so a label does not hide the line it labels.
    const QList<QPointF> steps = m_frontLine->points();
    for (qsizetype i = 1; i < steps.size(); ++i) {
        const QPointF from = chart()->mapToPosition(steps.at(i - 1), m_frontLine);
        const QPointF to = chart()->mapToPosition(steps.at(i), m_frontLine);
        taken << QRectF(from, to).normalized().adjusted(-1, -1, 1, 1);
    }
    // Each label takes the first free spot beside its marker, or hides (its name stays on hover).
    const auto placeBeside = [&](ChartAnnotation *label, QPointF value, qreal markerPixels) {
        const QSizeF size = label->boundingRect().size();
        const QPointF at = chart()->mapToPosition(value, m_frontLine);
        const std::optional<QPointF> spot = freeSpotBeside(at, size, markerPixels / 2 + LabelGapPixels / 2, plot, taken);
        if (spot) {
            label->setPos(*spot);
            taken << QRectF(*spot, size);
        }
        label->setVisible(spot.has_value());
    };
    for (int f = 0; f < m_front.size(); ++f)
        placeBeside(m_frontLabels.at(f), plotted(m_points.at(m_front.at(f)).candidate), MarkerPixels);
    // The quoted systems next: what the user typed in is named wherever there is room (those on the front
    // are named by the front's label).
    for (qsizetype i = 0; i < m_quotedPoints.size(); ++i) {
        if (m_front.contains(m_quotedPoints.at(i)))
            m_quotedLabels.at(i)->setVisible(false);
        else
            placeBeside(m_quotedLabels.at(i), plotted(m_points.at(m_quotedPoints.at(i)).candidate), QuotedRingPixels);
    }
    // The compared configurations are named after the front, where room is left.
    for (qsizetype i = 0; i < m_comparedRows.size(); ++i)
        placeBeside(m_comparedLabels.at(i), plotted(m_comparedRows.at(i)), ComparedMarkerPixels);
}

void ValueChart::restyle()
{
    const ChartPalette &palette = chartPalette();
    for (int p = 0; p < PlatformCount; ++p) {
        QScatterSeries *series = m_platformSeries.at(p);
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(MarkerPixels);
        series->setColor(palette.familyColor(Platforms[p]));
        QPen edge(palette.background, 1);
        edge.setCosmetic(true);
        series->setPen(edge);
    }
    m_rejected->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_rejected->setMarkerSize(RejectedMarkerPixels);
    m_rejected->setColor(palette.grid.darker(115));
    QPen rejectedEdge(palette.mutedText, 1);
    rejectedEdge.setCosmetic(true);
    m_rejected->setPen(rejectedEdge);
    m_compared->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_compared->setMarkerSize(ComparedMarkerPixels);
    m_compared->setColor(Qt::transparent);
    QPen comparedEdge(palette.text, ComparedPenPixels);
    comparedEdge.setCosmetic(true);
    m_compared->setPen(comparedEdge);
    m_quoted->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_quoted->setMarkerSize(QuotedRingPixels);
    m_quoted->setColor(Qt::transparent);
    QPen ring(palette.reference, QuotedPenPixels);
    ring.setCosmetic(true);
    m_quoted->setPen(ring);
    QPen front(palette.text, FrontPenPixels, Qt::DotLine);
    front.setCosmetic(true);
    m_frontLine->setPen(front);
    QPen limit(palette.reference, LimitPenPixels, Qt::DashLine);
    limit.setCosmetic(true);
    m_budgetLine->setPen(limit);
    QPen speed(palette.reference, LimitPenPixels, Qt::DashDotLine);
    speed.setCosmetic(true);
    m_speedLine->setPen(speed);
    styleAxis(m_linearPrice);
    styleAxis(m_logPrice);
    styleAxis(m_speedAxis);
    for (ChartAnnotation *label : std::as_const(m_frontLabels) + std::as_const(m_comparedLabels) + std::as_const(m_quotedLabels)) {
        label->setFont(chartFont(FontRole::ValueLabel));
        label->setBrush(palette.text);
        label->setBackground(palette.background);
    }
    updateLegend();
}

} // namespace headroom
