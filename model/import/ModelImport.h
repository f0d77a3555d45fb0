#pragma once

#include "core/Diagnostic.h"
#include "core/ImportedModel.h"
#include "core/LanguageModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

class QIODevice;

namespace headroom {

// Bring any model in from files a user already has, offline (SPEC §5 `import-model`):
// a Hugging Face config.json, or a GGUF file read header-only (metadata and tensor
// descriptions, never the tensor data, so a 400 GB file imports in milliseconds).

// Failure: file, entry (offset "at byte 1234" or JSON path) and field, problem. Never throws.
using ImportResult = std::variant<ImportedModel, Diagnostic>;

// Hugging Face config.json. `origin` names the file in diagnostics and becomes the model's source
// when the file carries no `_name_or_path`. An unknown architecture names the missing fields.
ImportResult importHfConfig(const QByteArray &json, const QString &origin);

// GGUF header (versions 2 and 3). Reads at most what the header needs from `device`; every count,
// length and offset is checked against the file size before anything is allocated.
ImportResult importGgufHeader(QIODevice &device, const QString &origin);

// Dispatches on content (GGUF magic, else JSON). `idOverride` replaces the derived id when non-empty.
ImportResult importModelFile(const QString &path, const QString &idOverride = {});

// Catalog model id derived from a name: lower case, [a-z0-9.-], e.g. "qwen3-30b-a3b".
QString modelIdFromName(const QString &name);

// {"model": {...catalog model entry...}, "quant": null | {"name", "bits_per_weight", "file_size_gb"}}
QByteArray importedModelJson(const ImportedModel &imported);

} // namespace headroom
