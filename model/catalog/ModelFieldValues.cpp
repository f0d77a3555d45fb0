#include "catalog/ModelFieldValues.h"

#include "catalog/InlineModelJson.h"
#include "core/JsonVariant.h"

namespace headroom {

QVariantMap modelFieldValues(const LanguageModel &model)
{
    return variantFromJson(inlineModelToJson(model)).toMap();
}

} // namespace headroom
