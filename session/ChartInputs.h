#pragma once

#include "catalog/Catalog.h"
#include "measured/Validation.h"
#include "scenario/EstimateSet.h"
#include "scenario/Scenario.h"
#include "scenario/Tour.h"
#include "session/ScenarioAdvice.h"

#include <QList>
#include <QString>

#include <optional>

namespace headroom {

// What one chart of one scenario plots, computed here so that a chart only plots: the scenario's
// estimates; the advisor's answer when the chart is the value chart; the validation of the shipped
// measurements when it is the accuracy chart. For the views that show a scenario without the window's
// services (headless export, decks); the window's charts are fed by EstimateService, AdvisorService
// and ValidationService.
struct ChartInputs {
    EstimateSet estimates;
    ScenarioAdvice advice;                      // advice.result only for the value chart
    std::optional<ValidationReport> validation; // only for the accuracy chart
    QString validationOrigin;                   // shippedMeasurementsOrigin() with a validation
};

// The inputs of chart `kind` for `scenario`.
ChartInputs chartInputsFor(const Scenario &scenario, ChartKind kind, const Catalog &catalog);

// The inputs of each step's chart (its scenario's own chart kind), in step order.
QList<ChartInputs> chartInputsFor(const Tour &tour, const Catalog &catalog);

} // namespace headroom
