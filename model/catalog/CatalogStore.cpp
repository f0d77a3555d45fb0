#include "catalog/CatalogStore.h"

namespace headroom {

CatalogStore::CatalogStore(const Catalog &base, const QString &userModelsPath, QObject *parent)
    : QObject(parent)
    , m_base(base)
    , m_users(userModelsPath)
{
    m_loadProblems = m_users.load();
    rebuild();
}

void CatalogStore::rebuild()
{
    Catalog imported;
    const Catalog users = m_users.catalog();
    for (const LanguageModel &model : users.models())
        imported.addModel(model);
    for (const Quantization &quant : users.quantizations()) {
        if (!m_base.quantization(quant.name))
            imported.addQuantization(quant);
    }
    m_catalog = m_base.overlaidWith(imported); // assigned in place: references to m_catalog stay valid
}

Diagnostics CatalogStore::addImported(const ImportedModel &imported)
{
    if (Diagnostics problems = m_users.add(imported); !problems.isEmpty())
        return problems;
    const Diagnostics saveProblems = m_users.save();
    rebuild();
    Q_EMIT catalogChanged();
    return saveProblems;
}

Diagnostics CatalogStore::removeImported(const QString &id)
{
    if (!m_users.remove(id)) {
        return {Diagnostic{m_users.path().isEmpty() ? QStringLiteral("imported models") : m_users.path(),
                           QStringLiteral("models[%1]").arg(id), QString(), QStringLiteral("is not an imported model")}};
    }
    const Diagnostics saveProblems = m_users.save();
    rebuild();
    Q_EMIT catalogChanged();
    return saveProblems;
}

} // namespace headroom
