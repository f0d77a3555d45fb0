#pragma once

#include "core/LanguageModel.h"

#include <QVariantMap>

namespace headroom {

// The model's catalog fields by their file names ("params_b", "kv_heads", ...), as a scenario writes them:
// numbers as qint64 or double, text as QString, "published_sizes" as a list.
QVariantMap modelFieldValues(const LanguageModel &model);

} // namespace headroom
