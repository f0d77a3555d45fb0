#include "session/TourPlayer.h"

#include "session/ScenarioController.h"

#include <QLoggingCategory>

#include <algorithm>

namespace headroom {

Q_LOGGING_CATEGORY(lcTour, "headroom.tour", QtInfoMsg)

namespace {
constexpr double MillisecondsPerSecond = 1000.0;
} // namespace

TourPlayer::TourPlayer(ScenarioController *controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
{
    m_advanceTimer.setSingleShot(true);
    connect(&m_advanceTimer, &QTimer::timeout, this, [this] {
        if (!next())
            setAutoplay(false); // the last step stays on screen
    });
}

void TourPlayer::setTour(const Tour &tour)
{
    setAutoplay(false);
    m_tour = tour;
    m_index = -1;
}

void TourPlayer::updateTour(const Tour &tour)
{
    m_tour = tour;
    m_index = std::min(m_index, stepCount() - 1);
}

const TourStep *TourPlayer::currentStep() const
{
    return m_index >= 0 && m_index < stepCount() ? &m_tour.steps.at(m_index) : nullptr;
}

bool TourPlayer::goTo(int index)
{
    if (index < 0 || index >= stepCount())
        return false;
    m_index = index;
    // One description for every step, so the whole walk through the tour is one undo step.
    m_controller->edit(m_tour.steps.at(index).scenario, tr("Present tour"));
    qCDebug(lcTour) << "step" << index + 1 << "of" << stepCount() << m_tour.steps.at(index).title;
    Q_EMIT stepChanged(index);
    restartStepTimer();
    return true;
}

bool TourPlayer::next()
{
    return goTo(m_index + 1);
}

bool TourPlayer::previous()
{
    return goTo(m_index - 1);
}

void TourPlayer::setAutoplay(bool enabled)
{
    if (enabled == m_autoplay)
        return;
    m_autoplay = enabled;
    restartStepTimer();
    Q_EMIT autoplayChanged(enabled);
}

void TourPlayer::setDefaultStepDurationS(double seconds)
{
    m_defaultDurationS = std::clamp(seconds, MinStepDurationS, MaxStepDurationS);
    restartStepTimer();
}

double TourPlayer::stepDurationS(int index) const
{
    if (index < 0 || index >= stepCount())
        return m_defaultDurationS;
    return m_tour.steps.at(index).durationS.value_or(m_defaultDurationS);
}

void TourPlayer::restartStepTimer()
{
    m_advanceTimer.stop();
    if (m_autoplay && m_index >= 0)
        m_advanceTimer.start(qRound(stepDurationS(m_index) * MillisecondsPerSecond));
}

} // namespace headroom
