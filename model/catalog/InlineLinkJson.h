#pragma once

#include "core/Hardware.h"

#include <nlohmann/json_fwd.hpp>

#include <QString>

#include <variant>

namespace headroom {

// A link given inline instead of by catalog id: {"name", "bandwidth_gbs", "latency_us", "rdma", "topology"},
// the same object in an `estimate` query and a scenario file.
struct InlineLinkProblem {
    QString field; // "bandwidth_gbs", or empty for the object itself
    QString problem;
};

// The link, or the first problem (an unknown field, a missing or non-positive bandwidth or latency).
std::variant<ClusterLink, InlineLinkProblem> inlineLinkFromJson(const nlohmann::json &object);
nlohmann::json inlineLinkToJson(const ClusterLink &link);

} // namespace headroom
