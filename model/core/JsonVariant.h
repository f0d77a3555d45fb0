#pragma once

#include <QVariant>

#include <nlohmann/json_fwd.hpp>

namespace headroom {

// JSON values held as Qt values, for the parts of a document Headroom keeps without reading them (a
// scenario's unknown fields, a tour step's patch) and for views that show a model's fields by name.
// null is QVariant::fromValue(nullptr); integers are qint64 (quint64 above its range), other numbers double,
// arrays QVariantList and objects QVariantMap. jsonFromVariant(variantFromJson(v)) == v.
QVariant variantFromJson(const nlohmann::json &value);
nlohmann::json jsonFromVariant(const QVariant &value);

} // namespace headroom
