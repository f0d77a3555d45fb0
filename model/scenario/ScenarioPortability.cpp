#include "scenario/ScenarioPortability.h"

namespace headroom {

Scenario withImportedModelInline(const Scenario &scenario, const Catalog &catalog, const QStringList &importedIds)
{
    if (scenario.customModel || !importedIds.contains(scenario.modelId))
        return scenario;
    const LanguageModel *model = catalog.model(scenario.modelId);
    if (!model)
        return scenario;
    Scenario portable = scenario;
    portable.customModel = *model;
    return portable;
}

Scenario withCatalogModelWherePossible(const Scenario &scenario, const Catalog &catalog)
{
    if (!scenario.customModel)
        return scenario;
    const LanguageModel *known = catalog.model(scenario.customModel->id);
    if (!known || !(*known == *scenario.customModel))
        return scenario;
    Scenario named = scenario;
    named.modelId = known->id;
    named.customModel.reset();
    return named;
}

} // namespace headroom
