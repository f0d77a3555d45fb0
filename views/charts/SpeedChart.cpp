#include "SpeedChart.h"

#include "ChartAnnotation.h"
#include "ChartMetrics.h"

#include "views/charts/axes/CategoryLabels.h"
#include "HorizontalBars.h"
#include "views/charts/axes/ValueAxes.h"
#include "measured/MeasuredLookup.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>

#include <cmath>
#include <QGraphicsPathItem>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace headroom {

namespace {

constexpr double LabelRoomFactor = 1.2;     // axis headroom for value labels right of the bars
constexpr double ReferenceRoomFactor = 1.5; // keep the reading-speed line well inside the axis
constexpr qreal ReferencePenPixels = 2;
constexpr qreal OutlinePenPixels = 2;
constexpr qreal WhiskerPenPixels = 1.5;
constexpr qreal CategoryHalfSlot = 0.5;
// Room right of a bar's whisker or marker for its value label, beyond the label's own width.
constexpr qreal LabelRoomPixels = 16;
// Value labels are given room outside the bars only while the bars keep this share of the plot.
constexpr qreal MinBarShareOfPlot = 0.5;
constexpr qreal MeasuredMarkerPenPixels = 1.5;

Platform familyAt(int index)
{
    return static_cast<Platform>(index);
}

} // namespace

int SpeedChart::setIndex(Platform family, BarStyle style)
{
    return static_cast<int>(family) * BarStyleCount + static_cast<int>(style);
}

SpeedChart::SpeedChart(QWidget *parent)
    : ChartBase(parent)
{
    m_bars = new QHorizontalStackedBarSeries(this);
    m_bars->setBarWidth(BarWidthShare);
    m_bars->setLabelsVisible(false); // our own labels carry fit state and never overlap whiskers
    for (int family = 0; family < FamilyCount; ++family) {
        for (int style = 0; style < BarStyleCount; ++style) {
            auto *set = new QBarSet(displayName(familyAt(family)));
            m_sets.append(set);
            m_bars->append(set);
        }
    }
    m_reference = new QLineSeries(this);
    m_reference->setName(QStringLiteral("Reading speed"));
    // Named where it stands, not in the legend, which Qt Charts cuts short on a laptop-width chart.
    m_referenceLabel = new ChartAnnotation(chart());
    m_referenceLabel->setText(QStringLiteral("reading speed %1 t/s").arg(ReadingSpeedTokensPerSecond));
    m_referenceLabel->setZValue(10);
    m_bandLegend = new QLineSeries(this);
    m_bandLegend->setName(QStringLiteral("Likely range"));
    m_measured = new QScatterSeries(this);
    m_measured->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_measured->setMarkerSize(MeasuredMarkerPixels);

    m_categoryAxis = new QBarCategoryAxis(this);
    m_categoryAxis->setVisible(false);
    m_valueAxis = createValueAxis(QStringLiteral("tokens/s per user"), this);

    QChart *c = chart();
    c->addSeries(m_bars);
    c->addSeries(m_reference);
    c->addSeries(m_bandLegend);
    c->addSeries(m_measured);
    c->addAxis(m_categoryAxis, Qt::AlignLeft);
    c->addAxis(m_valueAxis, Qt::AlignBottom);
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_bars), static_cast<QAbstractSeries *>(m_reference),
                                    static_cast<QAbstractSeries *>(m_bandLegend), static_cast<QAbstractSeries *>(m_measured)}) {
        series->attachAxis(m_categoryAxis);
        series->attachAxis(m_valueAxis);
    }

    m_whiskers = new QGraphicsPathItem(c);
    m_whiskers->setZValue(5);
    m_offloadOutlines = new QGraphicsPathItem(c);
    m_offloadOutlines->setZValue(4);

    connect(m_bars, &QAbstractBarSeries::hovered, this, [this](bool entered, int index, QBarSet *) {
        if (entered)
            showTooltipForRow(categoryIndex(index, int(estimates().rows.size())));
        else
            hideTooltip();
    });
    connect(m_measured, &QScatterSeries::hovered, this, [this](const QPointF &point, bool entered) {
        if (!entered) {
            hideTooltip();
            return;
        }
        const qsizetype index = m_measured->points().indexOf(point);
        showTooltip(measurementTooltip(int(index)));
    });

    valueAxes()->addAxis(m_valueAxis, m_bars);
    m_names = std::make_unique<CategoryLabels>(c, [this](int row) { return explanation(row); });
    applyStyle();
    setEstimates(EstimateSet{});
}

SpeedChart::~SpeedChart() = default;

void SpeedChart::setEstimates(const EstimateSet &estimates)
{
    storeEstimates(estimates);
    const QList<EstimateRow> &rows = estimates.rows;
    const int rowCount = int(rows.size());

    m_names->setTexts(updateCategories(m_categoryAxis, rows));

    for (QBarSet *set : std::as_const(m_sets))
        resizeBarSet(set, rowCount);
    for (int row = 0; row < rowCount; ++row) {
        const Estimate &e = rows.at(row).estimate;
        int target = -1;
        if (e.runs()) {
            const BarStyle style = e.fit == Fit::Tight ? BarStyle::Tight
                : e.fit == Fit::Offload                ? BarStyle::Offload
                                                       : BarStyle::Fits;
            target = setIndex(platformOf(rows.at(row).input.device), style);
        }
        const int category = categoryIndex(row, rowCount);
        for (int s = 0; s < m_sets.size(); ++s)
            setBarValue(m_sets.at(s), category, s == target ? e.decodeTpsPerUser : 0.0);
    }

    m_reference->replace(rowCount == 0 ? QList<QPointF>{}
                                       : QList<QPointF>{{ReadingSpeedTokensPerSecond, -CategoryHalfSlot},
                                                        {ReadingSpeedTokensPerSecond, rowCount - CategoryHalfSlot}});
    setTitleIfChanged(titleFor());
    updateMeasurements();
    updateRanges();
    updateLegend();
    updateLabels();
    layoutAnnotations();
}

void SpeedChart::updateRanges()
{
    double highest = 0;
    for (const EstimateRow &row : estimates().rows)
        highest = std::max({highest, row.estimate.decodeTpsPerUser, row.estimate.decodeTpsHigh});
    for (const QPointF &point : m_measured->points())
        highest = std::max(highest, point.x());
    m_tickBudget = valueTickBudget();
    m_rangeWidth = chart()->plotArea().width();
    const double needed = std::max({highest * LabelRoomFactor, labelRoomMaximum(),
                                    ReadingSpeedTokensPerSecond * ReferenceRoomFactor});
    if (m_valueAxis->min() == 0 && keepsRange(m_valueAxis->max(), needed))
        return;
    const NiceScale scale = niceScale(rangeToShow(needed), m_tickBudget);
    applyScale(m_valueAxis, 0, scale.maximum, scale.step);
}

double SpeedChart::labelRoomMaximum() const
{
    const qreal width = chart()->plotArea().width();
    if (width <= 0)
        return 0;
    const QFontMetricsF metrics(chartFont(FontRole::ValueLabel));
    double maximum = 0;
    const QList<EstimateRow> &rows = estimates().rows;
    for (int row = 0; row < rows.size(); ++row) {
        const Estimate &e = rows.at(row).estimate;
        if (!e.runs())
            continue;
        double rightmost = std::max(e.decodeTpsPerUser, e.decodeTpsHigh);
        for (const MeasuredRow &measured : measurements(row))
            rightmost = std::max(rightmost, perUserDecodeTps(measured));
        const qreal room = width - metrics.horizontalAdvance(valueLabel(row)) - LabelRoomPixels;
        if (room >= width * MinBarShareOfPlot)
            maximum = std::max(maximum, rightmost * width / room);
    }
    return maximum;
}

void SpeedChart::updateLegend()
{
    bool present[FamilyCount] = {false, false, false};
    for (const EstimateRow &row : estimates().rows)
        present[static_cast<int>(platformOf(row.input.device))] = true;
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_bars);
    for (int s = 0; s < markers.size(); ++s) {
        // One legend entry per family present; fit states are spelled out on the bars.
        const bool visible = s % BarStyleCount == static_cast<int>(BarStyle::Fits) && present[s / BarStyleCount];
        // Always set: isVisible() is false for every marker while the chart is not shown.
        markers.at(s)->setVisible(visible);
    }
    const bool anyBand = std::any_of(estimates().rows.cbegin(), estimates().rows.cend(), [](const EstimateRow &row) {
        return row.estimate.runs() && row.estimate.decodeTpsHigh > row.estimate.decodeTpsLow;
    });
    for (QLegendMarker *marker : chart()->legend()->markers(m_bandLegend))
        marker->setVisible(anyBand);
    // Every diamond carries its own "measured … t/s" label: a legend entry would only crowd the legend,
    // which Qt Charts cuts short on a laptop-width chart.
    for (QLegendMarker *marker : chart()->legend()->markers(m_measured))
        marker->setVisible(false);
    for (QLegendMarker *marker : chart()->legend()->markers(m_reference))
        marker->setVisible(false);
}

void SpeedChart::restyle()
{
    const ChartPalette &palette = chartPalette();
    for (int family = 0; family < FamilyCount; ++family) {
        const Platform f = familyAt(family);
        const QColor color = palette.familyColor(f);
        m_sets.at(setIndex(f, BarStyle::Fits))->setBrush(color);
        m_sets.at(setIndex(f, BarStyle::Tight))->setBrush(palette.tightColor(f));
        m_sets.at(setIndex(f, BarStyle::Offload))->setBrush(QBrush(color, Qt::BDiagPattern));
        for (int style = 0; style < BarStyleCount; ++style) {
            m_sets.at(family * BarStyleCount + style)->setPen(Qt::NoPen);
            m_sets.at(family * BarStyleCount + style)->setLabelColor(palette.text);
        }
    }
    QPen reference(palette.reference, ReferencePenPixels, Qt::DashLine);
    reference.setCosmetic(true);
    m_reference->setPen(reference);
    m_referenceLabel->setFont(chartFont(FontRole::ValueLabel));
    m_referenceLabel->setBrush(palette.reference);
    // Room between the title and the plot for the reading-speed label, which sits just above the plot.
    setRoomBelowTitle(int(std::ceil(QFontMetricsF(chartFont(FontRole::ValueLabel)).height())));
    QPen whisker(palette.whisker, WhiskerPenPixels);
    whisker.setCosmetic(true);
    m_bandLegend->setPen(whisker);
    m_whiskers->setPen(whisker);
    QPen outline(palette.offload, OutlinePenPixels);
    outline.setCosmetic(true);
    m_offloadOutlines->setPen(outline);
    m_measured->setMarkerSize(measuredMarkerPixels());
    // Short legend names: Qt Charts cuts a legend that does not fit the chart's width. Each marker's tooltip
    // names the measurement's source.
    m_measured->setName(QStringLiteral("Measured"));
    m_offloadOutlines->setBrush(Qt::NoBrush);
    // Text-coloured diamonds ringed with the background: visible on any bar colour and on the plot.
    m_measured->setColor(palette.text);
    QPen measuredPen(palette.background, MeasuredMarkerPenPixels);
    measuredPen.setCosmetic(true);
    m_measured->setPen(measuredPen);
    styleBarLegendMarkers(chart()->legend(), m_bars);
    styleAxis(m_categoryAxis);
    styleAxis(m_valueAxis);
    m_categoryAxis->setGridLineVisible(false);
    m_names->setStyle(chartFont(FontRole::AxisLabels), palette.text, palette.background);
    updateLabels();
}

double SpeedChart::barValue(int row) const
{
    const int rowCount = int(estimates().rows.size());
    if (row < 0 || row >= rowCount)
        return 0;
    double sum = 0;
    for (const QBarSet *set : m_sets)
        sum += set->at(categoryIndex(row, rowCount));
    return sum;
}

QString SpeedChart::categoryLabel(int row) const
{
    const int rowCount = int(estimates().rows.size());
    if (row < 0 || row >= rowCount || m_categoryAxis->count() != rowCount)
        return {};
    return m_categoryAxis->at(categoryIndex(row, rowCount));
}

} // namespace headroom
