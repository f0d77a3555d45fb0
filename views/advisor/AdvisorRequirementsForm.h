#pragma once

#include "advisor/Advisor.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace headroom {

class ScenarioController;
class SteppedSlider;

// The advisor's requirements as sliders and fields: minimum t/s per user, maximum time to first
// token, budget, maximum power, platforms, auto quantization, rank order, and the cost assumptions
// (amortisation years, utilisation, electricity price, cloud price per million tokens).
// Each edit is one undoable scenario change through the controller (a slider drag merges into one
// step); the form shows nothing but the scenario. Widget ranges make invalid requirements
// (a negative budget, no platform at all) impossible to enter.
class AdvisorRequirementsForm final : public QWidget
{
    Q_OBJECT
public:
    explicit AdvisorRequirementsForm(ScenarioController *controller, QWidget *parent = nullptr);

    SteppedSlider *minSpeedSlider() const { return m_minSpeed; }
    SteppedSlider *maxTtftSlider() const { return m_maxTtft; }
    SteppedSlider *budgetSlider() const { return m_budget; }
    SteppedSlider *maxPowerSlider() const { return m_maxPower; }
    QCheckBox *platformBox(Platform platform) const;
    QCheckBox *autoQuantBox() const { return m_autoQuant; }
    QComboBox *rankByCombo() const { return m_rankBy; }
    QDoubleSpinBox *yearsField() const { return m_years; }
    SteppedSlider *utilizationSlider() const { return m_utilization; }
    QDoubleSpinBox *electricityField() const { return m_electricity; }
    QDoubleSpinBox *cloudPriceField() const { return m_cloudPrice; }

Q_SIGNALS:
    // A slider handle is held down / released (charts turn animations off while dragging).
    void interactionStarted();
    void interactionFinished();

private:
    void buildLayout();
    void connectEdits();
    void showScenario();
    void change(const QString &description, const std::function<void(AdvisorRequirements &)> &edit);
    void choosePlatforms();

    ScenarioController *m_controller;
    SteppedSlider *m_minSpeed;
    SteppedSlider *m_maxTtft;
    SteppedSlider *m_budget;
    SteppedSlider *m_maxPower;
    QCheckBox *m_apple;
    QCheckBox *m_nvidia;
    QCheckBox *m_other;
    QCheckBox *m_autoQuant;
    QComboBox *m_rankBy;
    QDoubleSpinBox *m_years;
    SteppedSlider *m_utilization;
    QDoubleSpinBox *m_electricity;
    QDoubleSpinBox *m_cloudPrice;
};

} // namespace headroom
