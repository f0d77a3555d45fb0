#include "catalog/InlineModelJson.h"

#include "catalog/CatalogLimits.h"

#include <QJsonArray>

namespace headroom {
namespace {

// Bounds that reject absurd values from a hand-edited file; well above any published model.
// The catalog's own range (CatalogLimits.h): a model a scenario carries is held to what the catalog accepts.
constexpr double MinParamsB = catalog::kParamsBLimits.lowest;
constexpr double MaxParamsB = catalog::kParamsBLimits.highest;
constexpr int MaxShapeValue = 10'000'000;
constexpr double MaxSizeGB = 1'000'000;

struct IntField {
    const char *key;
    int LanguageModel::*member;
};

constexpr IntField intFields[] = {
    {"layers", &LanguageModel::layers},
    {"hidden", &LanguageModel::hidden},
    {"attention_heads", &LanguageModel::attentionHeads},
    {"kv_heads", &LanguageModel::kvHeads},
    {"head_dim", &LanguageModel::headDim},
    {"sliding_window", &LanguageModel::slidingWindow},
    {"sliding_layers", &LanguageModel::slidingLayers},
    {"linear_layers", &LanguageModel::linearLayers},
    {"mla_latent_dim", &LanguageModel::mlaLatentDim},
    {"experts", &LanguageModel::experts},
    {"experts_per_token", &LanguageModel::expertsPerToken},
    {"max_context", &LanguageModel::maxContext},
};

// Written only when set: 0 means "as the other layers".
constexpr IntField optionalIntFields[] = {
    {"global_kv_heads", &LanguageModel::globalKvHeads},
    {"global_head_dim", &LanguageModel::globalHeadDim},
};

} // namespace

QJsonObject inlineModelToJson(const LanguageModel &model)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), model.id);
    object.insert(QStringLiteral("name"), model.name);
    object.insert(QStringLiteral("params_b"), model.paramsB);
    object.insert(QStringLiteral("active_params_b"), model.activeParamsB);
    for (const IntField &field : intFields)
        object.insert(QLatin1String(field.key), model.*field.member);
    for (const IntField &field : optionalIntFields) {
        if (model.*field.member > 0)
            object.insert(QLatin1String(field.key), model.*field.member);
    }
    object.insert(QStringLiteral("attention"), toString(model.attention));
    QJsonArray sizes;
    for (const PublishedSize &size : model.publishedSizes) {
        sizes.append(QJsonObject{{QStringLiteral("quant"), size.quant},
                                 {QStringLiteral("size_gb"), size.sizeGB},
                                 {QStringLiteral("source"), size.source}});
    }
    object.insert(QStringLiteral("published_sizes"), sizes);
    object.insert(QStringLiteral("source"), model.source);
    return object;
}

std::optional<LanguageModel> inlineModelFromJson(const QJsonObject &object, const QString &path,
                                                 ScenarioJsonReader &reader)
{
    const qsizetype problemsBefore = reader.diagnostics().size();
    LanguageModel model;
    model.id = reader.string(object, QStringLiteral("id"), jsonPath(path, QStringLiteral("id")), true)
                   .value_or(QString());
    model.name = reader.string(object, QStringLiteral("name"), jsonPath(path, QStringLiteral("name")), true)
                     .value_or(QString());
    model.paramsB = reader.number(object, QStringLiteral("params_b"), jsonPath(path, QStringLiteral("params_b")),
                                  MinParamsB, MaxParamsB, true)
                        .value_or(0);
    model.activeParamsB = reader.number(object, QStringLiteral("active_params_b"),
                                        jsonPath(path, QStringLiteral("active_params_b")), MinParamsB, MaxParamsB)
                              .value_or(model.paramsB);
    for (const IntField &field : intFields) {
        const QString key = QLatin1String(field.key);
        if (const auto value = reader.integer(object, key, jsonPath(path, key), 0, MaxShapeValue))
            model.*field.member = *value;
    }
    for (const IntField &field : optionalIntFields) {
        const QString key = QLatin1String(field.key);
        if (const auto value = reader.integer(object, key, jsonPath(path, key), 0, MaxShapeValue))
            model.*field.member = *value;
    }
    if (const auto text = reader.string(object, QStringLiteral("attention"), jsonPath(path, QStringLiteral("attention")))) {
        if (const auto kind = attentionKindFromString(*text))
            model.attention = *kind;
        else
            reader.problem(jsonPath(path, QStringLiteral("attention")),
                           QStringLiteral("unknown attention kind \"%1\" (full, sliding, mla, linear)").arg(*text));
    }
    const QString sizesPath = jsonPath(path, QStringLiteral("published_sizes"));
    if (object.contains(QStringLiteral("published_sizes"))) {
        const QJsonValue sizes = object.value(QStringLiteral("published_sizes"));
        if (!sizes.isArray()) {
            reader.problem(sizesPath, QStringLiteral("must be an array, found ") % jsonTypeName(sizes));
        } else {
            const QJsonArray array = sizes.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QString itemPath = sizesPath % QStringLiteral("[%1]").arg(i);
                if (!array.at(i).isObject()) {
                    reader.problem(itemPath, QStringLiteral("must be an object, found ") % jsonTypeName(array.at(i)));
                    continue;
                }
                const QJsonObject item = array.at(i).toObject();
                PublishedSize size;
                size.quant = reader.string(item, QStringLiteral("quant"), jsonPath(itemPath, QStringLiteral("quant")), true)
                                 .value_or(QString());
                size.sizeGB = reader.number(item, QStringLiteral("size_gb"), jsonPath(itemPath, QStringLiteral("size_gb")),
                                            0, MaxSizeGB, true)
                                  .value_or(0);
                size.source = reader.string(item, QStringLiteral("source"), jsonPath(itemPath, QStringLiteral("source")))
                                  .value_or(QString());
                model.publishedSizes.append(size);
            }
        }
    }
    model.source = reader.string(object, QStringLiteral("source"), jsonPath(path, QStringLiteral("source")))
                       .value_or(QString());
    if (reader.diagnostics().size() != problemsBefore)
        return std::nullopt;
    return model;
}

} // namespace headroom
