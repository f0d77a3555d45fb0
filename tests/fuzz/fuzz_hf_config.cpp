// Fuzzes the config.json importer (issue #11): any bytes must give a model or one diagnostic with a
// problem; an imported model has consistent counts and serializes.

#include "FuzzSupport.h"
#include "import/ModelImport.h"

#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const ImportResult result = importHfConfig(fuzz::toByteArray(data, size), QStringLiteral("fuzz/config.json"));
    if (const auto *diagnostic = std::get_if<Diagnostic>(&result)) {
        if (diagnostic->problem.isEmpty())
            fuzz::contractBroken("a config.json diagnostic has no problem text");
        return 0;
    }
    const ImportedModel &model = std::get<ImportedModel>(result);
    if (!(model.model.paramsB >= 0) || model.model.activeParamsB > model.model.paramsB * (1 + 1e-9))
        fuzz::contractBroken("inconsistent parameter counts", model.model.id);
    if (model.model.slidingLayers + model.model.linearLayers > model.model.layers)
        fuzz::contractBroken("more sliding and linear layers than layers", model.model.id);
    importedModelJson(model);
    return 0;
}
