#pragma once

// Private to the catalog loader: one reader per catalog section. Each reads one JSON entry field by field,
// reports every problem (not just the first), fills the documented defaults when the catalog is partial,
// and returns the entry only when it is entirely valid.

#include "catalog/CatalogFieldReader.h"
#include "core/Hardware.h"
#include "core/LanguageModel.h"

#include <optional>

namespace headroom::catalog {

struct ReadContext {
    Diagnostics &diagnostics;
    QString file;
    // A user catalog: only the identifying fields are required, the rest take defaults.
    bool partial = false;

    Presence detail() const { return partial ? Presence::Optional : Presence::Required; }
};

// `entry` is the label for diagnostics: "devices[rtx-5090]", or "devices[3]" when the id is unusable.
std::optional<Device> readDevice(const Json &json, const ReadContext &context, const QString &entry);
std::optional<LanguageModel> readModel(const Json &json, const ReadContext &context, const QString &entry);
std::optional<Quantization> readQuantization(const Json &json, const ReadContext &context, const QString &entry);
std::optional<ClusterLink> readLink(const Json &json, const ReadContext &context, const QString &entry);
std::optional<NamedSystem> readSystem(const Json &json, const ReadContext &context, const QString &entry);

} // namespace headroom::catalog
