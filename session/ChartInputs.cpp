#include "session/ChartInputs.h"

#include "measured/ShippedValidation.h"

namespace headroom {

ChartInputs chartInputsFor(const Scenario &scenario, ChartKind kind, const Catalog &catalog)
{
    ChartInputs inputs;
    inputs.estimates = computeEstimates(scenario, catalog);
    if (kind == ChartKind::Value)
        inputs.advice = adviceFor(scenario, catalog);
    if (kind == ChartKind::Accuracy) {
        inputs.validation = shippedValidationReport();
        inputs.validationOrigin = shippedMeasurementsOrigin();
    }
    return inputs;
}

QList<ChartInputs> chartInputsFor(const Tour &tour, const Catalog &catalog)
{
    QList<ChartInputs> inputs;
    inputs.reserve(tour.steps.size());
    for (const TourStep &step : tour.steps)
        inputs.append(chartInputsFor(step.scenario, step.scenario.chart, catalog));
    return inputs;
}

} // namespace headroom
