#pragma once

#include "catalog/Catalog.h"
#include "core/Diagnostic.h"
#include "core/ImportedModel.h"
#include "catalog/UserModelStore.h"

#include <QObject>
#include <QStringList>

namespace headroom {

// The catalog the window works with: the embedded catalog (with a --catalog overlay, if any)
// plus the models the user imported. Views keep `const Catalog &` references to catalog(): it
// stays at the same address for the store's lifetime and is updated in place, and catalogChanged
// tells them to re-read it. Imported models replace base models with the same id; an imported
// GGUF's quantization only adds a name the base catalog lacks (the base keeps its bits per weight;
// the file's exact size is the model's published size).
class CatalogStore final : public QObject
{
    Q_OBJECT
public:
    // Loads the user's imported models from `userModelsPath` (empty: in memory only, nothing saved).
    // A file that cannot be read leaves the imported models empty: see loadProblems().
    CatalogStore(const Catalog &base, const QString &userModelsPath, QObject *parent = nullptr);

    const Catalog &catalog() const { return m_catalog; }
    const Catalog &base() const { return m_base; }
    const UserModelStore &userModels() const { return m_users; }
    // Why the imported models file was not read at start; empty when it was (or did not exist).
    const Diagnostics &loadProblems() const { return m_loadProblems; }

    QStringList importedIds() const { return m_users.ids(); }
    bool isImported(const QString &id) const { return importedIds().contains(id); }

    // Adds (or replaces by id) the model and saves. A model the catalog loader would refuse is not
    // added (diagnostics). When saving fails the model is still added for this session and the
    // diagnostics say it was not saved.
    Diagnostics addImported(const ImportedModel &imported);
    // Removes an imported model and saves; a diagnostic when no imported model has `id` or the
    // file cannot be written.
    Diagnostics removeImported(const QString &id);

Q_SIGNALS:
    void catalogChanged();

private:
    void rebuild();

    const Catalog m_base;
    UserModelStore m_users;
    Diagnostics m_loadProblems;
    Catalog m_catalog;
};

} // namespace headroom
