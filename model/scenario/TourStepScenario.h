#pragma once

#include "catalog/Catalog.h"
#include "core/Diagnostic.h"
#include "scenario/Scenario.h"
#include "scenario/ScenarioFile.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace headroom {

// One tour step's "scenario" object applied to the previous step's scenario, without a second scenario
// parser: the previous scenario is serialised, the step's fields are merged into that document ("workload"
// key by key; "configurations": "article" stands for the article's lineup), and the merged document goes
// through parseScenario(). Its diagnostics are re-labelled "steps[3].scenario.<field>"; then every id is
// checked against `catalog`. `stepPath` is "steps[3]".
ScenarioOrDiagnostics applyStepPatch(const Scenario &previous, const QJsonValue &patch, const QString &origin,
                                     const QString &stepPath, const Catalog &catalog);

// The patch that restores `scenario` exactly from any previous scenario (all scenario fields; unknown
// "extra" fields of the scenario are left out, a tour step does not take them).
QJsonObject scenarioPatch(const Scenario &scenario);

// The value of "configurations" that stands for articleLineupConfigurations().
QString articleConfigurationsKeyword();

} // namespace headroom
