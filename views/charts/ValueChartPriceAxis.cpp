// The value chart's price axis: linear, or logarithmic (labelled at doublings) when prices span a
// decade or more; and the speed axis above the fastest point or requirement.
#include "ValueChart.h"

#include "ChartFormat.h"

#include <QChart>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace headroom {
namespace {

constexpr double LogScaleFromSpan = 10;    // highest / lowest price: a decade or more goes on a log axis
constexpr double DoublingBase = 2;
constexpr double PriceMarginFactor = 1.25; // room around the outermost prices, so no point sits on an axis
constexpr double SpeedHeadroomFactor = 1.15;

} // namespace

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
    for (const EstimateRow &row : std::as_const(m_comparedRows)) {
        const QPointF p = plotted(row);
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

} // namespace headroom
