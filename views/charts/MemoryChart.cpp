#include "MemoryChart.h"

#include "views/charts/axes/CategoryLabels.h"
#include "ChartAnnotation.h"
#include "HorizontalBars.h"
#include "views/charts/axes/ValueAxes.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QGraphicsPathItem>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainterPath>
#include <QValueAxis>

#include <algorithm>

namespace headroom {

namespace {

constexpr double BarWidthShare = 0.7;
constexpr double MarkerOvershootShare = 0.15; // capacity marker sticks out of the bar by this share of a slot
constexpr double LabelRoomFactor = 1.45;      // axis headroom for "45.3 GB of 192 GB usable"
constexpr qreal MarkerPenPixels = 3;
constexpr qreal OverPenPixels = 1.5;
constexpr qreal SeparatorPenPixels = 1;

} // namespace

MemoryChart::MemoryChart(QWidget *parent)
    : ChartBase(parent)
{
    m_bars = new QHorizontalStackedBarSeries(this);
    m_bars->setBarWidth(BarWidthShare);
    m_weights = new QBarSet(QStringLiteral("Weights"));
    m_kvCache = new QBarSet(QStringLiteral("KV cache"));
    m_overhead = new QBarSet(QStringLiteral("Runtime overhead"));
    m_bars->append({m_weights, m_kvCache, m_overhead});
    m_capacityLegend = new QLineSeries(this);
    m_capacityLegend->setName(QStringLiteral("Usable memory"));
    m_separatorLegend = new QLineSeries(this);
    m_separatorLegend->setName(QStringLiteral("Per machine"));

    m_categoryAxis = new QBarCategoryAxis(this);
    m_categoryAxis->setVisible(false);
    m_valueAxis = createValueAxis(QStringLiteral("memory (GB)"), this);

    QChart *c = chart();
    c->addSeries(m_bars);
    c->addSeries(m_capacityLegend);
    c->addSeries(m_separatorLegend);
    c->addAxis(m_categoryAxis, Qt::AlignLeft);
    c->addAxis(m_valueAxis, Qt::AlignBottom);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_bars), static_cast<QAbstractSeries *>(m_capacityLegend),
                                    static_cast<QAbstractSeries *>(m_separatorLegend)}) {
        series->attachAxis(m_categoryAxis);
        series->attachAxis(m_valueAxis);
    }
    valueAxes()->addAxis(m_valueAxis, m_bars);
    m_overCapacity = new QGraphicsPathItem(c);
    m_overCapacity->setZValue(4);
    m_capacityMarkers = new QGraphicsPathItem(c);
    m_capacityMarkers->setZValue(5);
    m_machineSeparators = new QGraphicsPathItem(c);
    m_machineSeparators->setZValue(5);

    connect(m_bars, &QAbstractBarSeries::hovered, this, [this](bool entered, int index, QBarSet *) {
        if (!entered) {
            hideTooltip();
            return;
        }
        showTooltip(memoryTooltip(categoryIndex(index, int(estimates().rows.size()))));
    });

    m_names = std::make_unique<CategoryLabels>(c, [this](int row) { return memoryTooltip(row); });
    applyStyle();
    setEstimates(EstimateSet{});
}

MemoryChart::~MemoryChart() = default;

void MemoryChart::setEstimates(const EstimateSet &estimates)
{
    storeEstimates(estimates);
    const QList<EstimateRow> &rows = estimates.rows;
    const int rowCount = int(rows.size());

    m_names->setTexts(updateCategories(m_categoryAxis, rows));

    for (QBarSet *set : {m_weights, m_kvCache, m_overhead})
        resizeBarSet(set, rowCount);
    for (int row = 0; row < rowCount; ++row) {
        const MemoryBreakdown &m = rows.at(row).estimate.memory;
        const int category = categoryIndex(row, rowCount);
        setBarValue(m_weights, category, m.weightsGB);
        setBarValue(m_kvCache, category, m.kvCacheGB);
        setBarValue(m_overhead, category, m.overheadGB);
    }
    updateRanges();
    updateSeparators();
    setTitleIfChanged(titleFor());
    updateLabels();
    layoutAnnotations();
}

// A cluster pools its machines' memory: its capacity is outlined and divided at each machine's end
// (layoutAnnotations), showing it is several machines' worth.
void MemoryChart::updateSeparators()
{
    m_separators.clear();
    const QList<EstimateRow> &rows = estimates().rows;
    for (int row = 0; row < rows.size(); ++row) {
        const MemoryBreakdown &m = rows.at(row).estimate.memory;
        if (m.machines < 2 || m.usablePerMachineGB <= 0)
            continue;
        for (int machine = 1; machine < m.machines; ++machine)
            m_separators.append(QPointF(machine * m.usablePerMachineGB, row));
    }
    for (QLegendMarker *marker : chart()->legend()->markers(m_separatorLegend))
        marker->setVisible(!m_separators.isEmpty());
}

void MemoryChart::updateRanges()
{
    double highest = 0;
    for (const EstimateRow &row : estimates().rows) {
        const MemoryBreakdown &m = row.estimate.memory;
        highest = std::max({highest, m.weightsGB + m.kvCacheGB + m.overheadGB, m.usableGB});
    }
    m_tickBudget = valueTickBudget();
    if (m_valueAxis->min() == 0 && keepsRange(m_valueAxis->max(), highest * LabelRoomFactor))
        return;
    const NiceScale scale = niceScale(rangeToShow(highest * LabelRoomFactor), m_tickBudget);
    applyScale(m_valueAxis, 0, scale.maximum, scale.step);
}

void MemoryChart::updateLabels()
{
    const QList<EstimateRow> &rows = estimates().rows;
    resizeAnnotations(m_labels, rows.size(), FontRole::ValueLabel, [this](int row) { return memoryTooltip(row); });
    for (int row = 0; row < rows.size(); ++row) {
        m_labels.at(row)->setFont(chartFont(FontRole::ValueLabel));
        m_labels.at(row)->setTextIfChanged(valueLabel(row));
    }
}

void MemoryChart::layoutAnnotations()
{
    // The plot was resized: fewer or more value labels fit. Not from inside a range update, whose
    // new labels may move the plot edge again (that would recurse).
    if (!m_updatingRanges && valueTickBudget() != m_tickBudget) {
        m_updatingRanges = true;
        updateRanges();
        m_updatingRanges = false;
    }
    valueAxes()->layout();
    const QRectF plot = chart()->plotArea();
    const QList<EstimateRow> &rows = estimates().rows;
    const int rowCount = int(rows.size());
    layoutCategoryNames(*m_names, chart(), m_bars, rowCount);
    if (plot.isEmpty() || rowCount == 0 || m_labels.size() != rows.size()) {
        m_capacityMarkers->setPath({});
        m_machineSeparators->setPath({});
        m_overCapacity->setPath({});
        return;
    }
    const ChartPalette &palette = chartPalette();
    const qreal slotPixels = categorySlotPixels(chart(), m_bars);
    const qreal barHalf = slotPixels * BarWidthShare / 2;
    const qreal markerHalf = barHalf + slotPixels * MarkerOvershootShare;
    QPainterPath markers;
    QPainterPath over;
    for (int row = 0; row < rowCount; ++row) {
        const MemoryBreakdown &m = rows.at(row).estimate.memory;
        const int category = categoryIndex(row, rowCount);
        const double totalGB = m.weightsGB + m.kvCacheGB + m.overheadGB;
        const QPointF base = chart()->mapToPosition(QPointF(0, category), m_bars);
        const qreal end = chart()->mapToPosition(QPointF(totalGB, category), m_bars).x();
        const qreal usable = chart()->mapToPosition(QPointF(m.usableGB, category), m_bars).x();
        markers.moveTo(usable, base.y() - markerHalf);
        markers.lineTo(usable, base.y() + markerHalf);
        const bool exceeds = totalGB > m.usableGB;
        if (exceeds)
            over.addRect(QRectF(QPointF(usable, base.y() - barHalf), QPointF(end, base.y() + barHalf)));
        placeValueLabel(m_labels.at(row), base.x(), end, std::max(end, usable), base.y(),
                        exceeds ? palette.overCapacity : palette.text, palette.background);
    }
    m_capacityMarkers->setPath(markers);
    m_overCapacity->setPath(over);
    // A cluster's pooled capacity as a bar outlined from 0 to its usable end, divided at each machine's end.
    QPainterPath separators;
    for (int row = 0; row < rowCount; ++row) {
        const MemoryBreakdown &m = rows.at(row).estimate.memory;
        if (m.machines < 2 || m.usablePerMachineGB <= 0)
            continue;
        const QPointF base = chart()->mapToPosition(QPointF(0, categoryIndex(row, rowCount)), m_bars);
        const qreal usable = chart()->mapToPosition(QPointF(m.usableGB, categoryIndex(row, rowCount)), m_bars).x();
        separators.addRect(QRectF(QPointF(base.x(), base.y() - barHalf), QPointF(usable, base.y() + barHalf)));
    }
    for (const QPointF &separator : std::as_const(m_separators)) {
        const int category = categoryIndex(int(separator.y()), rowCount);
        const QPointF at = chart()->mapToPosition(QPointF(separator.x(), category), m_bars);
        separators.moveTo(at.x(), at.y() - barHalf);
        separators.lineTo(at.x(), at.y() + barHalf);
    }
    m_machineSeparators->setPath(separators);
}

void MemoryChart::restyle()
{
    const ChartPalette &palette = chartPalette();
    m_weights->setBrush(palette.weights);
    m_kvCache->setBrush(palette.kvCache);
    m_overhead->setBrush(palette.overhead);
    for (QBarSet *set : {m_weights, m_kvCache, m_overhead})
        set->setPen(Qt::NoPen);
    styleBarLegendMarkers(chart()->legend(), m_bars);
    QPen marker(palette.capacity, MarkerPenPixels);
    marker.setCosmetic(true);
    marker.setCapStyle(Qt::FlatCap);
    m_capacityMarkers->setPen(marker);
    m_capacityLegend->setPen(marker);
    QPen separator(palette.capacity, SeparatorPenPixels);
    separator.setCosmetic(true);
    separator.setCapStyle(Qt::FlatCap);
    m_machineSeparators->setPen(separator);
    m_separatorLegend->setPen(separator);
    QPen over(palette.overCapacity, OverPenPixels);
    over.setCosmetic(true);
    m_overCapacity->setPen(over);
    m_overCapacity->setBrush(QBrush(palette.overCapacity, Qt::FDiagPattern));
    styleAxis(m_categoryAxis);
    styleAxis(m_valueAxis);
    m_categoryAxis->setGridLineVisible(false);
    m_names->setStyle(chartFont(FontRole::AxisLabels), palette.text, palette.background);
    updateSeparators();
    updateLabels();
}

QString MemoryChart::valueLabel(int row) const
{
    if (row < 0 || row >= estimates().rows.size())
        return {};
    const MemoryBreakdown &m = estimates().rows.at(row).estimate.memory;
    const double totalGB = m.weightsGB + m.kvCacheGB + m.overheadGB;
    if (totalGB > m.usableGB)
        return QStringLiteral("needs %1, %2 over the %3 usable")
            .arg(formatGigabytes(totalGB), formatGigabytes(totalGB - m.usableGB), formatGigabytes(m.usableGB));
    return QStringLiteral("%1 of %2 usable").arg(formatGigabytes(totalGB), formatGigabytes(m.usableGB));
}

QString MemoryChart::memoryTooltip(int row) const
{
    if (row < 0 || row >= estimates().rows.size())
        return {};
    const EstimateRow &r = estimates().rows.at(row);
    const MemoryBreakdown &m = r.estimate.memory;
    return r.label + QStringLiteral(" (") + toString(r.estimate.fit) + QStringLiteral(")\n")
        + QStringLiteral("Weights: ") + formatGigabytes(m.weightsGB)
        + (m.mtpWeightsGB > 0 ? QStringLiteral(" (of which multi-token prediction %1, never read by plain decoding)")
                                    .arg(formatGigabytes(m.mtpWeightsGB))
                              : QString())
        + QLatin1Char('\n') + QStringLiteral("KV cache: ") + formatGigabytes(m.kvCacheGB) + QStringLiteral(" (")
        + QString::number(r.input.workload.users) + QStringLiteral(" x ")
        + formatContextTokens(r.input.workload.contextTokens) + QStringLiteral(" tokens)\n")
        + QStringLiteral("Runtime overhead: ") + formatGigabytes(m.overheadGB) + QLatin1Char('\n')
        + QStringLiteral("Total: ") + formatGigabytes(m.totalGB) + QStringLiteral(" of ")
        + formatGigabytes(m.usableGB) + QStringLiteral(" usable")
        + (m.machines > 1 ? QStringLiteral("\n%1 machines \u00d7 %2 usable = %3")
                                .arg(QString::number(m.machines), formatGigabytes(m.usablePerMachineGB),
                                     formatGigabytes(m.usableGB))
                          : QString());
}

} // namespace headroom
