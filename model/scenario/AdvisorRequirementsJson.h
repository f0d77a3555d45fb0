#pragma once

#include "advisor/Advisor.h"

#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace headroom {

class ScenarioJsonReader;

// The "advisor" object of a scenario file: every AdvisorRequirements field under the names of
// SPEC §5 `advise` (min_decode_tps_per_user, budget_usd, platforms, rank_by, ...), plus
// `auto_quant` and `runtimes` ({"apple": ..., "nvidia": ..., "other": ...}).
// Optional requirements that are not set are left out; everything round-trips exactly.
nlohmann::json advisorRequirementsToJson(const AdvisorRequirements &requirements);

// Reads `value` (the "advisor" member, at `path`) into `requirements`. Absent fields keep their
// defaults; a wrong type, an unknown name or a value out of range (a budget of 0, a utilisation
// above 1) is a diagnostic naming the field, e.g. "advisor.budget_usd".
void readAdvisorRequirements(ScenarioJsonReader &reader, const nlohmann::json &value, const QString &path,
                             AdvisorRequirements &requirements);

} // namespace headroom
