#pragma once

// Private to the scenario and tour readers: the `headroom-scenario` document as a JSON tree, so a tour step
// can merge its fields into the previous scenario's document without writing and parsing text in between.

#include "scenario/ScenarioFile.h"

#include <nlohmann/json_fwd.hpp>

namespace headroom {

// What serializeScenario() writes, before it becomes text.
nlohmann::json scenarioToJson(const Scenario &scenario);
// What parseScenario() reads once the bytes are a JSON object.
ScenarioOrDiagnostics scenarioFromJson(const nlohmann::json &root, const QString &origin);

} // namespace headroom
