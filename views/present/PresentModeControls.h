#pragma once

#include <QWidget>

class QLabel;

namespace headroom {

class ScenarioController;
class SteppedSlider;

// The strip under the chart in present mode: users and context sliders for answering a customer's question
// ("and with eight users?") mid-step, the keyboard help, and a short status message ("Recorded step 10").
// The sliders edit the scenario through the controller and never take keyboard focus, so the arrow keys
// and the clicker keep driving the tour.
class PresentModeControls final : public QWidget
{
    Q_OBJECT
public:
    explicit PresentModeControls(ScenarioController *controller, QWidget *parent = nullptr);

    SteppedSlider *usersSlider() const { return m_users; }
    SteppedSlider *contextSlider() const { return m_context; }
    void showStatus(const QString &text);
    // The line of keys under the chart, for the presenter: hidden at first.
    void setKeysShown(bool shown);
    bool keysShown() const { return m_keysShown; }
    QString status() const;
    void setTextPixels(int pixels);

Q_SIGNALS:
    void presenterEdited(); // a slider changed the scenario

private:
    void showScenario();

    ScenarioController *m_controller;
    SteppedSlider *m_users;
    SteppedSlider *m_context;
    QLabel *m_usersTitle;
    QLabel *m_contextTitle;
    QLabel *m_help;
    QLabel *m_status;
    bool m_keysShown = false;
};

} // namespace headroom
