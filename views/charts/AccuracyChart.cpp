#include "AccuracyChart.h"

#include "ChartAnnotation.h"
#include "measured/MeasuredLookup.h"
#include "measured/ShippedValidation.h"
#include "session/ChartInputs.h"

#include <QApplication>
#include <QFileInfo>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>

namespace headroom {

namespace {

constexpr double AxisBase = 10;
constexpr int MinorTicksPerDecade = 8; // 2, 3, ... 9 between the powers of ten
constexpr double AxisMarginFactor = 1.15; // room around the outermost points, so no marker sits on an axis
constexpr double GuideShare = 0.2;     // the dashed guides: predictions within +-20% of the measurement
constexpr qreal RooflineMarkerPixels = 12;
constexpr qreal NoteInsetPixels = 8;
constexpr qreal SeedMarkerPixels = 10;
constexpr qreal SeedRingPixels = 1.6;
constexpr qreal DiagonalPenPixels = 1.5;
constexpr qreal GuidePenPixels = 1;
constexpr double Percent = 100;

constexpr Method Methods[] = {Method::Seed, Method::Roofline};

QString methodName(Method method)
{
    return method == Method::Seed ? QStringLiteral("article's rule") : QStringLiteral("roofline, source held out");
}

// One colour per platform class: the Apple and NVIDIA families of the other charts, with the
// datacenter cards in a blue-green of their own so the two NVIDIA classes stay apart, and AMD Instinct
// and the like in orange, apart from the purple of the other AMD and Intel parts.
QColor platformColor(const ChartPalette &palette, PlatformClass platform)
{
    switch (platform) {
    case PlatformClass::Apple: return palette.familyColor(Platform::Apple);
    case PlatformClass::NvidiaConsumer: return palette.familyColor(Platform::Nvidia);
    case PlatformClass::NvidiaDatacenter:
        return palette.theme == Theme::Light ? QColor(0x00, 0x7c, 0x89) : QColor(0x4d, 0xd0, 0xe1);
    case PlatformClass::OtherDatacenter:
        return palette.theme == Theme::Light ? QColor(0xd8, 0x43, 0x15) : QColor(0xff, 0xab, 0x91);
    case PlatformClass::Other: break;
    }
    return palette.familyColor(Platform::Other);
}

void styleMarker(QScatterSeries *series, Method method, const QColor &color, const ChartPalette &palette)
{
    if (method == Method::Seed) {
        series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        series->setMarkerSize(SeedMarkerPixels);
        series->setBrush(Qt::NoBrush);
        QPen ring(color, SeedRingPixels);
        ring.setCosmetic(true);
        series->setPen(ring);
    } else {
        series->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
        series->setMarkerSize(RooflineMarkerPixels);
        series->setBrush(color);
        QPen edge(palette.background, 1);
        edge.setCosmetic(true);
        series->setPen(edge);
    }
}

// Largest 1, 2 or 5 x 10^k at or below `value` (> 0): the axis ends are round numbers.
double niceFloor(double value)
{
    const double decade = std::pow(AxisBase, std::floor(std::log10(value)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * decade <= value)
            return step * decade;
    }
    return decade;
}

QString formatTps(double tokensPerSecond)
{
    return QString::number(tokensPerSecond, 'f', tokensPerSecond < 10 ? 2 : 1) + QStringLiteral(" t/s");
}

} // namespace

int AccuracyChart::seriesIndex(Method method, PlatformClass platform)
{
    return (method == Method::Seed ? 0 : PlatformCount) + static_cast<int>(platform);
}

AccuracyChart::AccuracyChart(QWidget *parent)
    : ChartBase(parent)
{
    m_measuredAxis = new QLogValueAxis(this);
    m_measuredAxis->setTitleText(QStringLiteral("measured tokens/s, one user (log scale)"));
    m_predictedAxis = new QLogValueAxis(this);
    m_predictedAxis->setTitleText(QStringLiteral("predicted tokens/s (log scale)"));
    for (QLogValueAxis *axis : {m_measuredAxis, m_predictedAxis}) {
        axis->setBase(AxisBase);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(MinorTicksPerDecade);
        axis->setRange(1, AxisBase * AxisBase);
    }
    QChart *c = chart();
    c->addAxis(m_measuredAxis, Qt::AlignBottom);
    c->addAxis(m_predictedAxis, Qt::AlignLeft);
    c->legend()->setAlignment(Qt::AlignRight);

    const auto add = [this, c](QXYSeries *series) {
        c->addSeries(series);
        series->attachAxis(m_measuredAxis);
        series->attachAxis(m_predictedAxis);
    };
    m_diagonal = new QLineSeries(this);
    m_diagonal->setName(QStringLiteral("predicted = measured"));
    m_upperGuide = new QLineSeries(this);
    m_upperGuide->setName(QStringLiteral("\u00b120%"));
    m_lowerGuide = new QLineSeries(this);
    for (QLineSeries *line : {m_diagonal, m_upperGuide, m_lowerGuide})
        add(line);

    for (Method method : Methods) {
        for (PlatformClass platform : kPlatformClasses) {
            auto *series = new QScatterSeries(this);
            series->setName(platformDisplayName(platform) + QStringLiteral(", ") + methodName(method));
            add(series);
            m_series << series;
            m_seriesPoints << QList<int>();
            connect(series, &QScatterSeries::hovered, this, [this, series](const QPointF &point, bool entered) {
                if (entered)
                    showTooltip(pointTooltip(series, int(series->points().indexOf(point))));
                else
                    hideTooltip();
            });
        }
    }
    // The legend explains colours and shapes once each instead of listing every combination.
    for (PlatformClass platform : kPlatformClasses) {
        auto *entry = new QScatterSeries(this);
        entry->setName(platformDisplayName(platform));
        add(entry);
        m_legendOnly << entry;
    }
    for (Method method : Methods) {
        auto *entry = new QScatterSeries(this);
        entry->setName(method == Method::Seed ? QStringLiteral("article's rule") : QStringLiteral("roofline, held out"));
        add(entry);
        m_legendOnly << entry;
    }

    setTitleIfChanged(QStringLiteral("Predicted vs measured decode speed"));
    m_note = createNote();
    m_note->setTooltipProvider([] {
        return QStringLiteral("The roofline is scored on devices left out of its fit (leave-one-device-out),\n"
                              "so its error is what to expect on hardware it has not seen.");
    });
    applyStyle();
    updateLegend();
}

AccuracyChart::~AccuracyChart() = default;

void AccuracyChart::setEstimates(const EstimateSet &estimates)
{
    storeEstimates(estimates); // the scenario does not change what this chart shows
}

void AccuracyChart::setInputs(const ChartInputs &inputs)
{
    setEstimates(inputs.estimates);
    if (inputs.validation)
        populate(*inputs.validation, inputs.validationOrigin);
}

void AccuracyChart::showEvent(QShowEvent *event)
{
    populate();
    ChartBase::showEvent(event);
}

void AccuracyChart::populate()
{
    if (m_populated)
        return;
    if (!m_computesOnDemand) {
        setTitleIfChanged(tr("Scoring the measurements\u2026"));
        return;
    }
    const bool gui = qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr;
    if (gui)
        QApplication::setOverrideCursor(Qt::WaitCursor);
    populate(shippedValidationReport());
    if (gui)
        QApplication::restoreOverrideCursor();
}

void AccuracyChart::populate(const ValidationReport &report, const QString &origin)
{
    m_populated = true;
    m_points.clear();
    for (const RowScore &score : report.rows) {
        // The rows of the overall group its title counts.
        if (score.section != ScoreSection::Decode || !(score.measured > 0) || !measuresTheEstimator(score))
            continue;
        const double roofline = score.rooflineHoldOut.value_or(score.roofline);
        // A log axis has no place for 0: a method that predicts nothing here is left out.
        if (score.seed && *score.seed > 0)
            m_points << Point{Method::Seed, score.platform, score.line, score.measured, *score.seed};
        if (roofline > 0)
            m_points << Point{Method::Roofline, score.platform, score.line, score.measured, roofline};
    }
    QList<QList<QPointF>> plotted(m_series.size());
    for (QList<int> &indexes : m_seriesPoints)
        indexes.clear();
    for (int i = 0; i < m_points.size(); ++i) {
        const Point &point = m_points.at(i);
        const int index = seriesIndex(point.method, point.platform);
        plotted[index] << QPointF(point.measuredTps, point.predictedTps);
        m_seriesPoints[index] << i;
    }
    for (int s = 0; s < m_series.size(); ++s)
        m_series.at(s)->replace(plotted.at(s));

    const ScoreGroup *overall = report.group(ScoreSection::Decode, QStringLiteral("overall"), QStringLiteral("all"));
    const int rows = overall ? overall->rows : 0;
    const auto percent = [](const std::optional<double> &mape) {
        return mape ? QString::number(*mape * Percent, 'f', 1) + QLatin1Char('%') : QStringLiteral("\u2014");
    };
    const QString of = origin.isEmpty() || origin == shippedMeasurementsOrigin()
        ? QString()
        : QStringLiteral(" of ") + QFileInfo(origin).fileName();
    setTitleIfChanged(QStringLiteral("Predicted vs measured decode speed, one user (%1 measurements%2)\n"
                                     "mean error: roofline %3 held out \u00b7 article's rule %4")
                          .arg(rows)
                          .arg(of)
                          .arg(percent(overall ? overall->rooflineHoldOutMape : std::nullopt),
                               percent(overall ? overall->seedMape : std::nullopt)));
    // A method that says "does not fit" predicts 0: scored as a 100% error, but a log axis has no place for it.
    const qsizetype unplotted = qsizetype(rows) * qsizetype(std::size(Methods)) - m_points.size();
    m_note->setTextIfChanged(
        unplotted > 0 ? QStringLiteral("Not plotted: %1 \u201cdoes not fit\u201d predictions (100% error)").arg(unplotted)
                      : QString());
    updateRanges();
    updateLegend();
}

QString AccuracyChart::note() const
{
    return m_note->text();
}

QScatterSeries *AccuracyChart::seriesFor(Method method, PlatformClass platform) const
{
    return m_series.at(seriesIndex(method, platform));
}

void AccuracyChart::updateRanges()
{
    double lowest = std::numeric_limits<double>::max();
    double highest = 0;
    for (const Point &point : std::as_const(m_points)) {
        lowest = std::min({lowest, point.measuredTps, point.predictedTps});
        highest = std::max({highest, point.measuredTps, point.predictedTps});
    }
    if (highest <= 0)
        return;
    const double low = niceFloor(lowest / AxisMarginFactor);
    const double high = niceCeiling(highest * AxisMarginFactor);
    m_measuredAxis->setRange(low, high);
    m_predictedAxis->setRange(low, high);
    m_diagonal->replace({{low, low}, {high, high}});
    m_upperGuide->replace({{low, low * (1 + GuideShare)}, {high, high * (1 + GuideShare)}});
    m_lowerGuide->replace({{low, low * (1 - GuideShare)}, {high, high * (1 - GuideShare)}});
}

void AccuracyChart::updateLegend()
{
    QLegend *legend = chart()->legend();
    for (QScatterSeries *series : std::as_const(m_series)) {
        for (QLegendMarker *marker : legend->markers(series))
            marker->setVisible(false);
    }
    for (QLegendMarker *marker : legend->markers(m_lowerGuide))
        marker->setVisible(false);
    for (int p = 0; p < PlatformCount; ++p) {
        const bool present = std::any_of(m_points.cbegin(), m_points.cend(),
                                         [p](const Point &point) { return static_cast<int>(point.platform) == p; });
        for (QLegendMarker *marker : legend->markers(m_legendOnly.at(p)))
            marker->setVisible(present);
    }
}

void AccuracyChart::restyle()
{
    const ChartPalette &palette = chartPalette();
    for (Method method : Methods) {
        for (PlatformClass platform : kPlatformClasses)
            styleMarker(m_series.at(seriesIndex(method, platform)), method, platformColor(palette, platform), palette);
    }
    for (int p = 0; p < PlatformCount; ++p) {
        QScatterSeries *entry = m_legendOnly.at(p);
        entry->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        entry->setColor(platformColor(palette, kPlatformClasses[p]));
        entry->setBorderColor(platformColor(palette, kPlatformClasses[p]));
    }
    for (int m = 0; m < 2; ++m)
        styleMarker(m_legendOnly.at(PlatformCount + m), Methods[m], palette.mutedText, palette);

    QPen diagonal(palette.text, DiagonalPenPixels);
    diagonal.setCosmetic(true);
    m_diagonal->setPen(diagonal);
    QPen guide(palette.mutedText, GuidePenPixels, Qt::DashLine);
    guide.setCosmetic(true);
    m_upperGuide->setPen(guide);
    m_lowerGuide->setPen(guide);
    styleAxis(m_measuredAxis);
    styleAxis(m_predictedAxis);
    updateLegend();
}

void AccuracyChart::layoutAnnotations()
{
    // Bottom right of the plot: the region a log-log accuracy plot leaves empty (under-predictions
    // by a factor of ten).
    if (!m_note)
        return; // the base class lays out before this class has built its note
    const QRectF plot = chart()->plotArea();
    const QRectF box = m_note->boundingRect();
    m_note->setPos(plot.right() - box.width() - NoteInsetPixels, plot.bottom() - box.height() - NoteInsetPixels);
}

QString AccuracyChart::pointTooltip(const QScatterSeries *series, int index) const
{
    const qsizetype s = m_series.indexOf(const_cast<QScatterSeries *>(series));
    if (s < 0 || index < 0 || index >= m_seriesPoints.at(s).size())
        return {};
    const Point &point = m_points.at(m_seriesPoints.at(s).at(index));
    const double error = (point.predictedTps - point.measuredTps) / point.measuredTps;
    QString text;
    if (const MeasuredRow *row = shippedMeasurementAtLine(point.line)) {
        const QString split = row->deviceCount > 1 ? QStringLiteral(", %1 split").arg(row->split) : QString();
        text = QStringLiteral("%1 \u00d7%2%3, %4\n%5 %6, context %7\n")
                   .arg(row->hardware.isEmpty() ? row->hardwareId : row->hardware)
                   .arg(row->deviceCount)
                   .arg(split, row->backend, row->model.isEmpty() ? row->modelId : row->model, row->quant)
                   .arg(row->context);
    }
    text += QStringLiteral("Measured %1, %2 predicts %3 (%4%5%)")
                .arg(formatTps(point.measuredTps), methodName(point.method), formatTps(point.predictedTps),
                     error >= 0 ? QStringLiteral("+") : QString())
                .arg(error * Percent, 0, 'f', 0);
    if (const MeasuredRow *row = shippedMeasurementAtLine(point.line))
        text += QStringLiteral("\nSource: ") + row->url;
    return text;
}

} // namespace headroom
