#pragma once

#include "core/LanguageModel.h"
#include "core/ScenarioJsonReader.h"

#include <optional>

namespace headroom {

// An inline model object of a scenario file (the catalog's model fields, snake_case).
// Every field of LanguageModel is written, so writing then reading gives the same value.
nlohmann::json inlineModelToJson(const LanguageModel &model);
// Records diagnostics under `path` ("model", "model.layers", ...) and returns nullopt on a problem.
std::optional<LanguageModel> inlineModelFromJson(const nlohmann::json &object, const QString &path,
                                                 ScenarioJsonReader &reader);

} // namespace headroom
