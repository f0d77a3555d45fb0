#pragma once

#include "catalog/Catalog.h"
#include "scenario/Scenario.h"

#include <QStringList>

namespace headroom {

// A scenario that shows a model the user imported (UserModelStore) names it by id, which another
// machine does not know. Saved, it carries the model inline instead, so it opens anywhere with the
// same numbers; opened where that import exists unchanged, it names the catalog entry again.

// `scenario` with its model written inline when `importedIds` holds its model id.
Scenario withImportedModelInline(const Scenario &scenario, const Catalog &catalog, const QStringList &importedIds);

// `scenario` naming the catalog model again when its inline model is exactly the catalog's entry
// with the same id.
Scenario withCatalogModelWherePossible(const Scenario &scenario, const Catalog &catalog);

} // namespace headroom
