#pragma once

#include "advisor/Advisor.h"

#include <QObject>

namespace headroom {

class ScenarioController;

// Runs the advisor's search for the scenario on screen and publishes one AdvisorResult that the
// Advisor panel and the value chart share. The search only runs while someone shows its result
// (setActive(true): the panel is visible or the value chart is the current chart), once per
// scenario notification (the controller already coalesces a slider drag to one per frame), and
// only when the question changed: editing the compared configurations does not search again.
class AdvisorService final : public QObject
{
    Q_OBJECT
public:
    AdvisorService(ScenarioController *controller, const Catalog &catalog, QObject *parent = nullptr);

    // Active: recompute now if the scenario's question changed while inactive, then on every change.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    const AdvisorResult &result() const { return m_result; }
    // The requirements the current result was computed with (the value chart draws them).
    const AdvisorRequirements &requirements() const { return m_request.requirements; }
    // Why there is no search (the scenario's model or quantization is unknown), or empty.
    const QString &problem() const { return m_problem; }
    // How many searches ran (tests: an unchanged question does not search again).
    int searchCount() const { return m_searches; }

    // Recomputes from the controller's scenario if the question changed, and publishes when it did.
    void refresh();
    // The catalog changed in place (an import): the same question may have a new answer.
    // Searches again now if active, else on the next setActive(true).
    void reloadCatalog();
    const Catalog &catalog() const { return m_catalog; }

Q_SIGNALS:
    void adviceChanged(const headroom::AdvisorResult &result);

private:
    ScenarioController *m_controller;
    const Catalog &m_catalog;
    bool m_active = false;
    bool m_computed = false;
    AdvisorRequest m_request;
    QString m_problem;
    AdvisorResult m_result;
    int m_searches = 0;
};

} // namespace headroom
