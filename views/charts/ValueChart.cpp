#include "ValueChart.h"

#include "itemmodels/AdvisorShortlistModel.h"
#include "ChartAnnotation.h"
#include "engine/Estimator.h"
#include "advisor/ParetoFront.h"
#include "ValueAxes.h"
#include "session/ChartInputs.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace headroom {
namespace {

constexpr double UsdPerAxisUnit = 1000;  // the price axis counts thousands of dollars
constexpr double LogScaleFromSpan = 10;  // highest / lowest price: a decade or more goes on a log axis
constexpr double LogAxisBase = 10;
constexpr double DoublingBase = 2;
constexpr int LogMinorTicks = 8;         // 2, 3, ... 9 between the powers of ten
constexpr double PriceMarginFactor = 1.25; // room around the outermost prices, so no point sits on an axis
constexpr double SpeedHeadroomFactor = 1.15;
constexpr qreal MarkerPixels = 12;
constexpr qreal RejectedMarkerPixels = 9;
constexpr qreal FrontPenPixels = 2;
constexpr qreal LimitPenPixels = 2;
constexpr qreal LabelGapPixels = 6;
constexpr qreal NoteInsetPixels = 8;
constexpr int NoteNamesShown = 3;        // unpriced configurations named in the note before "and N more"
constexpr int PlatformCount = 3;
constexpr Platform Platforms[PlatformCount] = {Platform::Apple, Platform::Nvidia, Platform::Other};


QPointF plotted(const AdvisorCandidate &candidate)
{
    return {candidate.priceUsd.value_or(0) / UsdPerAxisUnit, candidate.estimate.decodeTpsPerUser};
}

bool overBudgetOrPower(const AdvisorRejection &rejection)
{
    return (rejection.requirement == Requirement::Budget || rejection.requirement == Requirement::Power)
        && rejection.candidate.priceUsd.has_value() && rejection.candidate.estimate.runs();
}

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
    m_speedAxis = new QValueAxis(this);
    m_speedAxis->setTitleText(QStringLiteral("tokens/s per user"));
    m_speedAxis->setTickType(QValueAxis::TicksDynamic);
    m_speedAxis->setTickAnchor(0);
    m_speedAxis->setLabelFormat(QStringLiteral("%g"));
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
    m_rejected->setName(QStringLiteral("Over budget or power"));
    QList<QXYSeries *> all{m_frontLine, m_budgetLine, m_speedLine, m_rejected};
    all += QList<QXYSeries *>(m_platformSeries.cbegin(), m_platformSeries.cend());
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
    usePriceAxis(false);

    m_note = createNote();
    applyStyle();
    setEstimates(EstimateSet{});
    updateTitleAndNote(AdvisorResult{});
}

ValueChart::~ValueChart() = default;

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
    storeEstimates(estimates); // the advisor's configurations, not the scenario's, are plotted
    if (!m_hasAdvice)
        updateTitleAndNote(AdvisorResult{});
}

void ValueChart::setInputs(const ChartInputs &inputs)
{
    setEstimates(inputs.estimates);
    // An unresolvable scenario leaves the chart without advice; its title names the scenario.
    if (inputs.advice.result)
        setAdvice(*inputs.advice.result, inputs.advice.requirements);
}

void ValueChart::addPoint(const AdvisorCandidate &candidate, bool qualifies, const QString &rejection)
{
    m_points << Point{candidate, qualifies, rejection};
}

void ValueChart::setAdvice(const AdvisorResult &result, const AdvisorRequirements &requirements)
{
    m_hasAdvice = true;
    m_requirements = requirements;
    m_points.clear();
    for (const AdvisorCandidate &candidate : result.shortlist) {
        if (candidate.priceUsd && candidate.estimate.runs())
            addPoint(candidate, true, QString());
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        if (overBudgetOrPower(rejection))
            addPoint(rejection.candidate, false, rejection.reason);
    }
    // The front is drawn over the configurations that meet every requirement: the ones to buy.
    QList<QPointF> positions;
    QList<int> qualifying;
    for (int i = 0; i < m_points.size(); ++i) {
        if (m_points.at(i).qualifies) {
            positions << plotted(m_points.at(i).candidate);
            qualifying << i;
        }
    }
    m_front.clear();
    for (int index : paretoFront(positions))
        m_front << qualifying.at(index);

    updateSeries();
    updateRanges();
    updateLines();
    updateLegend();
    updateTitleAndNote(result);
    updateFrontLabels();
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
}

void ValueChart::usePriceAxis(bool logScale)
{
    QAbstractAxis *wanted = logScale ? static_cast<QAbstractAxis *>(m_logPrice) : m_linearPrice;
    QAbstractAxis *other = logScale ? static_cast<QAbstractAxis *>(m_linearPrice) : m_logPrice;
    const QList<QAbstractSeries *> series = chart()->series();
    for (QAbstractSeries *s : series) {
        if (s->attachedAxes().contains(other))
            s->detachAxis(other);
        if (!s->attachedAxes().contains(wanted))
            s->attachAxis(wanted);
    }
    m_logScale = logScale; // ValueAxes draws the axis the series are attached to, at the next layout
}

void ValueChart::updateRanges()
{
    double lowest = std::numeric_limits<double>::max();
    double highest = 0;
    double fastest = m_requirements.minDecodeTpsPerUser.value_or(0);
    for (const Point &point : std::as_const(m_points)) {
        const QPointF p = plotted(point.candidate);
        lowest = std::min(lowest, p.x());
        highest = std::max(highest, p.x());
        fastest = std::max(fastest, p.y());
    }
    if (m_requirements.budgetUsd) {
        const double budget = *m_requirements.budgetUsd / UsdPerAxisUnit;
        lowest = std::min(lowest, budget);
        highest = std::max(highest, budget);
    }
    if (highest <= 0) { // nothing to place: a neutral frame
        lowest = 1;
        highest = LogAxisBase;
    }
    const bool logScale = lowest > 0 && highest / lowest >= LogScaleFromSpan;
    if (logScale != m_logScale)
        usePriceAxis(logScale);
    if (logScale) {
        // QLogValueAxis labels only the powers of its base: doublings ($1k, $2k, $4k ...) read best,
        // powers of ten when there are too many doublings for the width.
        const double low = lowest / PriceMarginFactor;
        const double high = highest * PriceMarginFactor;
        const double base = std::log2(high / low) <= valueTickBudget() + 1 ? DoublingBase : LogAxisBase;
        const auto power = [base](double exponent) { return std::pow(base, exponent); };
        const auto exponent = [base](double value) { return std::log(value) / std::log(base); };
        if (m_logPrice->base() != base) {
            m_logPrice->setBase(base);
            m_logPrice->setMinorTickCount(base == LogAxisBase ? LogMinorTicks : 0);
        }
        m_logPrice->setRange(power(std::floor(exponent(low))), power(std::ceil(exponent(high))));
    } else {
        // Prices do not start at zero: the axis starts at the tick below the cheapest point.
        const NiceScale scale = niceScale(highest * PriceMarginFactor, valueTickBudget());
        const double minimum = std::floor(lowest / PriceMarginFactor / scale.step) * scale.step;
        m_linearPrice->setTickAnchor(std::max(0.0, minimum));
        applyScale(m_linearPrice, std::max(0.0, minimum), scale.maximum, scale.step);
    }
    const NiceScale speed = niceScale(std::max(fastest * SpeedHeadroomFactor, 1.0), valueTickBudget());
    applyScale(m_speedAxis, 0, speed.maximum, speed.step);
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
    show(m_frontLine, m_front.size() > 1);
    show(m_budgetLine, !m_budgetLine->points().isEmpty());
    show(m_speedLine, !m_speedLine->points().isEmpty());
}

void ValueChart::updateTitleAndNote(const AdvisorResult &result)
{
    const AdvisorCandidate *sample = !result.shortlist.isEmpty() ? &result.shortlist.constFirst()
        : !result.rejected.isEmpty()                             ? &result.rejected.constFirst().candidate
                                                                 : nullptr;
    const EstimateSet &set = estimates();
    const QString model = sample ? sample->input.model.name : set.modelName;
    const QString quant = m_requirements.autoQuant ? QStringLiteral("best quantization")
        : sample                                   ? sample->quant.name
                                                   : set.quantName;
    const Workload workload = sample ? sample->input.workload
        : set.rows.isEmpty()         ? Workload{}
                                     : set.rows.constFirst().input.workload;
    // Before the advisor has run there is nothing of the scenario on the chart to name.
    if (model.isEmpty() || !m_hasAdvice)
        setTitleIfChanged(QStringLiteral("Price against speed"));
    else
        setTitleIfChanged(scenarioTitle(model, quant, workload.users, workload.contextTokens)
                          + QStringLiteral(": price against speed"));

    QStringList lines;
    if (!m_hasAdvice) {
        lines << QStringLiteral("The advisor has not run for this scenario yet.");
    } else if (m_points.isEmpty() && !result.reason.isEmpty()) {
        lines << result.reason;
    }
    QStringList unpriced;
    for (const AdvisorCandidate &candidate : result.shortlist) {
        if (!candidate.priceUsd)
            unpriced << candidate.label;
    }
    for (const AdvisorRejection &rejection : result.rejected) {
        if (rejection.requirement == Requirement::PriceUnknown)
            unpriced << rejection.candidate.label;
    }
    if (!unpriced.isEmpty()) {
        QString names = unpriced.mid(0, NoteNamesShown).join(QStringLiteral(", "));
        if (unpriced.size() > NoteNamesShown)
            names += QStringLiteral(" and %1 more").arg(unpriced.size() - NoteNamesShown);
        lines << (unpriced.size() == 1 ? QStringLiteral("1 configuration with no public price is not plotted: %1")
                                       : QStringLiteral("%1 configurations with no public price are not plotted: %2")
                                             .arg(unpriced.size()))
                     .arg(names);
    }
    m_note->setTextIfChanged(lines.join(QLatin1Char('\n')));
}

void ValueChart::updateFrontLabels()
{
    while (m_frontLabels.size() > m_front.size())
        delete m_frontLabels.takeLast();
    while (m_frontLabels.size() < m_front.size()) {
        ChartAnnotation *label = createAnnotation(FontRole::ValueLabel);
        const int f = int(m_frontLabels.size());
        label->setTooltipProvider([this, f] { return f < m_front.size() ? pointTooltip(m_front.at(f)) : QString(); });
        m_frontLabels << label;
    }
    for (int f = 0; f < m_front.size(); ++f) {
        const AdvisorCandidate &candidate = m_points.at(m_front.at(f)).candidate;
        QString text = candidate.label;
        if (m_requirements.autoQuant)
            text += QStringLiteral(" \u00b7 ") + candidate.quant.name;
        m_frontLabels.at(f)->setTextIfChanged(text);
    }
}

void ValueChart::layoutAnnotations()
{
    valueAxes()->layout();
    if (!m_note)
        return; // the base class lays out before this class has built its annotations
    const QRectF plot = chart()->plotArea();
    m_note->setPos(plot.left() + NoteInsetPixels, plot.top() + NoteInsetPixels);
    if (plot.isEmpty() || m_frontLabels.size() != m_front.size())
        return;
    // Obstacles: the note and every marker; each label takes the first free spot around its point.
    QList<QRectF> taken;
    if (!m_note->text().isEmpty())
        taken << m_note->mapRectToParent(m_note->boundingRect());
    for (const Point &point : std::as_const(m_points)) {
        const QPointF at = chart()->mapToPosition(plotted(point.candidate), m_frontLine);
        taken << QRectF(at.x() - MarkerPixels / 2, at.y() - MarkerPixels / 2, MarkerPixels, MarkerPixels);
    }
    // The front's staircase too, so a label does not hide the line it labels.
    const QList<QPointF> steps = m_frontLine->points();
    for (qsizetype i = 1; i < steps.size(); ++i) {
        const QPointF from = chart()->mapToPosition(steps.at(i - 1), m_frontLine);
        const QPointF to = chart()->mapToPosition(steps.at(i), m_frontLine);
        taken << QRectF(from, to).normalized().adjusted(-1, -1, 1, 1);
    }
    for (int f = 0; f < m_front.size(); ++f) {
        ChartAnnotation *label = m_frontLabels.at(f);
        const QSizeF size = label->boundingRect().size();
        const QPointF at = chart()->mapToPosition(plotted(m_points.at(m_front.at(f)).candidate), m_frontLine);
        const qreal gap = MarkerPixels / 2 + LabelGapPixels / 2;
        const QPointF spots[] = {
            {at.x() + gap, at.y() - size.height() / 2},           // right
            {at.x() - gap - size.width(), at.y() - size.height() / 2}, // left
            {at.x() - size.width() / 2, at.y() - gap - size.height()}, // above
            {at.x() - size.width() / 2, at.y() + gap},               // below
            {at.x() + gap, at.y() - gap - size.height()},           // above right
            {at.x() + gap, at.y() + gap},                           // below right
            {at.x() - gap - size.width(), at.y() - gap - size.height()},
            {at.x() - gap - size.width(), at.y() + gap},
        };
        bool placed = false;
        for (const QPointF &spot : spots) {
            const QRectF box(spot, size);
            if (!plot.contains(box))
                continue;
            if (std::any_of(taken.cbegin(), taken.cend(), [&box](const QRectF &other) { return box.intersects(other); }))
                continue;
            label->setPos(spot);
            taken << box;
            placed = true;
            break;
        }
        label->setVisible(placed);
    }
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
    for (ChartAnnotation *label : std::as_const(m_frontLabels)) {
        label->setFont(chartFont(FontRole::ValueLabel));
        label->setBrush(palette.text);
        label->setBackground(palette.background);
    }
    updateLegend();
}

QString ValueChart::note() const
{
    return m_note->text();
}

QStringList ValueChart::frontLabels() const
{
    QStringList texts;
    for (const ChartAnnotation *label : m_frontLabels) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts;
}

QString ValueChart::pointTooltip(int pointIndex) const
{
    if (pointIndex < 0 || pointIndex >= m_points.size())
        return {};
    const Point &point = m_points.at(pointIndex);
    const AdvisorCandidate &c = point.candidate;
    QString text = QStringLiteral("%1, %2\n%3 per user, %4 in total \u00b7 %5")
                       .arg(c.label, c.quant.name, formatTokensPerSecond(c.estimate.decodeTpsPerUser),
                            formatTokensPerSecond(c.estimate.decodeTpsTotal), AdvisorShortlistModel::priceText(c.priceUsd));
    if (!c.priceSource.isEmpty())
        text += QStringLiteral(" (%1)").arg(c.priceSource);
    if (!point.qualifies)
        text += QStringLiteral("\nLeft out: ") + point.rejection;
    return text + QStringLiteral("\n\n") + explainCost(c, m_requirements.cost) + QStringLiteral("\n\n")
        + explain(c.input, c.estimate);
}

} // namespace headroom
