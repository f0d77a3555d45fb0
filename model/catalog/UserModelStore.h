#pragma once

#include "catalog/Catalog.h"
#include "core/Diagnostic.h"
#include "core/ImportedModel.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace headroom {

// The models a user imported (File ▸ Import model…, a dropped file), kept as a partial catalog
// file in the user's data folder so they come back at the next start. The file has the shape of
// resources/catalog.json ({"format", "version", "models", "quantizations"}). A file that cannot be
// read is reported and left untouched; the next save moves it aside (to `brokenPath()`) instead of
// overwriting it, so nothing the user had is lost.
class UserModelStore final
{
public:
    // <AppDataLocation>/models.json.
    static QString defaultPath();

    // An empty path keeps the models in memory only (tests, the bench window).
    explicit UserModelStore(const QString &path = defaultPath());

    const QString &path() const { return m_path; }
    // Where a file that could not be read is moved before the first save: "<path>.broken".
    QString brokenPath() const;

    // Reads the file. A missing file is an empty store, not a problem. Otherwise the diagnostics
    // name the file; the store is then empty and isBroken() is true until the next save.
    Diagnostics load();
    bool isBroken() const { return m_broken; }

    // The imported models and the quantizations of imported GGUF files, as a partial catalog.
    Catalog catalog() const;
    const QList<LanguageModel> &models() const { return m_models; }
    QStringList ids() const;

    // Adds the model, or replaces the one with the same id. A GGUF's quantization becomes a
    // catalog quantization and the file's size a published size of the model. The entry is
    // checked as the catalog loader will read it back; on a problem nothing changes.
    Diagnostics add(const ImportedModel &imported);
    // False when no imported model has `id`. Drops quantizations no remaining model uses.
    bool remove(const QString &id);

    // Writes the file atomically (writeFileSafely), creating its folder. Empty on success, else one
    // diagnostic naming the file. A no-op for an in-memory store.
    Diagnostics save();

    // The file's content: a partial catalog that loadCatalog(json, path, true) reads back.
    QByteArray toJson() const;

private:
    QString m_path;
    QList<LanguageModel> m_models;
    QList<Quantization> m_quantizations;
    bool m_broken = false;
};

} // namespace headroom
