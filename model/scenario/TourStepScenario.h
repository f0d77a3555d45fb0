#pragma once

#include "catalog/Catalog.h"
#include "core/Diagnostic.h"
#include "scenario/Scenario.h"
#include "scenario/ScenarioFile.h"

#include <QString>
#include <QVariantMap>

#include <nlohmann/json_fwd.hpp>

namespace headroom {

// One tour step's "scenario" object applied to the previous step's scenario, without a second scenario
// parser: the previous scenario's document is built, the step's fields are merged into it ("workload"
// key by key; "configurations": "article" stands for the article's lineup), and the merged document goes
// through the scenario reader. Its diagnostics are re-labelled "steps[3].scenario.<field>"; then every id is
// checked against `catalog`. `stepPath` is "steps[3]".
ScenarioOrDiagnostics applyStepPatch(const Scenario &previous, const nlohmann::json &patch, const QString &origin,
                                     const QString &stepPath, const Catalog &catalog);

// The patch that restores `scenario` exactly from any previous scenario (all scenario fields; unknown
// "extra" fields of the scenario are left out, a tour step does not take them).
QVariantMap scenarioPatch(const Scenario &scenario);

// The value of "configurations" that stands for articleLineupConfigurations().
QString articleConfigurationsKeyword();

} // namespace headroom
