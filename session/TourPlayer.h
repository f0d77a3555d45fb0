#pragma once

#include "scenario/Tour.h"

#include <QObject>
#include <QTimer>

namespace headroom {

class ScenarioController;

// Plays a tour through the window's ScenarioController: going to a step applies that step's precomputed
// full scenario (so whatever the presenter changed in between, the next step resumes the script), and
// autoplay moves on after each step's duration. Stepping is undoable as one "Present tour" edit.
class TourPlayer final : public QObject
{
    Q_OBJECT
public:
    // Autoplay time of a step that does not give its own duration_s.
    static constexpr double DefaultStepDurationS = 8.0;

    explicit TourPlayer(ScenarioController *controller, QObject *parent = nullptr);

    // A new tour: autoplay stops and no step is current until goTo()/next().
    void setTour(const Tour &tour);
    // The same tour with more steps (a step was recorded into it): keeps the current step and applies nothing.
    void updateTour(const Tour &tour);
    const Tour &tour() const { return m_tour; }
    int stepCount() const { return static_cast<int>(m_tour.steps.size()); }
    int currentIndex() const { return m_index; } // -1 before the first step
    const TourStep *currentStep() const;

    // Each returns false (and changes nothing) when there is no such step.
    bool goTo(int index);
    bool next();
    bool previous();

    void setAutoplay(bool enabled);
    bool autoplay() const { return m_autoplay; }
    void setDefaultStepDurationS(double seconds);
    double defaultStepDurationS() const { return m_defaultDurationS; }
    double stepDurationS(int index) const;
    // The presenter did something on this step: autoplay waits a full step duration again.
    void restartStepTimer();

Q_SIGNALS:
    void stepChanged(int index);
    void autoplayChanged(bool enabled);

private:
    ScenarioController *m_controller;
    Tour m_tour;
    int m_index = -1;
    bool m_autoplay = false;
    double m_defaultDurationS = DefaultStepDurationS;
    QTimer m_advanceTimer;
};

} // namespace headroom
