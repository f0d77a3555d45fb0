// ChartBase while a slider is dragged or updates come in a burst: no animations, and value axes that
// hold their range while the data still fills a fair share of it; fitted again once it has settled.
#include "ChartBase.h"

#include <QChart>

namespace headroom {
namespace {

// While dragging, a value axis keeps its range as long as the data fills at least this share of
// it, and a range that has to grow grows by this much more than the data needs: a drag across a
// wide range then rescales the axis (and relayouts the chart) every few steps, not at each one.
constexpr double MinShareOfHeldRange = 0.3;
constexpr double HeldRangeGrowth = 1.5;

} // namespace

void ChartBase::setAnimationsEnabled(bool enabled)
{
    m_animationsWanted = enabled;
    applyAnimations();
}

bool ChartBase::animationsEnabled() const
{
    return chart()->animationOptions() != QChart::NoAnimation;
}

void ChartBase::applyAnimations()
{
    // Animating towards values that the next frame replaces costs a relayout per animation step
    // and shows nothing but lag: no animations during a drag or a burst of updates.
    const QChart::AnimationOptions options = m_animationsWanted && !m_dragging && !m_inBurst
        ? QChart::SeriesAnimations
        : QChart::NoAnimation;
    if (chart()->animationOptions() != options)
        chart()->setAnimationOptions(options);
}

void ChartBase::setDragging(bool dragging)
{
    if (dragging == m_dragging)
        return;
    m_dragging = dragging;
    m_animationsWanted = !dragging; // a chart that has been dragged animates its later changes
    applyAnimations();
    if (!dragging)
        refit();
}

double ChartBase::rangeToShow(double neededMaximum) const
{
    return m_dragging || m_inBurst ? neededMaximum * HeldRangeGrowth : neededMaximum;
}

bool ChartBase::keepsRange(double shownMaximum, double neededMaximum) const
{
    return (m_dragging || m_inBurst) && neededMaximum <= shownMaximum
        && neededMaximum >= shownMaximum * MinShareOfHeldRange;
}

void ChartBase::storeEstimates(const EstimateSet &estimates)
{
    m_estimates = estimates;
    if (m_refitting)
        return;
    m_inBurst = m_sinceUpdate.isValid() && m_sinceUpdate.elapsed() < SettleMs;
    applyAnimations();
    m_sinceUpdate.restart();
    if (m_inBurst)
        m_settle.start();
}

void ChartBase::refit()
{
    m_settle.stop();
    m_inBurst = false;
    applyAnimations();
    m_refitting = true;
    setEstimates(m_estimates);
    m_refitting = false;
}

} // namespace headroom
