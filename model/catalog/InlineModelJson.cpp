#include "catalog/InlineModelJson.h"

#include "catalog/CatalogLimits.h"

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
    int highest = MaxShapeValue;
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
    {"sparse_top_k", &LanguageModel::sparseTopK},
    {"indexer_heads", &LanguageModel::indexerHeads},
    {"indexer_key_dim", &LanguageModel::indexerKeyDim},
    {"linear_state_elements", &LanguageModel::linearStateElements, catalog::kMaxLinearStateElements},
    {"linear_state_bytes", &LanguageModel::linearStateBytes, catalog::kMaxStateBytesPerElement},
    {"compressed_layers", &LanguageModel::compressedLayers},
    {"compress_ratio", &LanguageModel::compressRatio},
    {"heavily_compressed_layers", &LanguageModel::heavilyCompressedLayers},
    {"heavy_compress_ratio", &LanguageModel::heavyCompressRatio},
};

void readPublishedSizes(const nlohmann::json &object, const QString &path, ScenarioJsonReader &reader,
                        QList<PublishedSize> &sizes)
{
    const auto value = object.find("published_sizes");
    if (value == object.end())
        return;
    if (!value->is_array()) {
        reader.problem(path, QStringLiteral("must be an array, found ") % jsonTypeName(*value));
        return;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
        const QString itemPath = path % QStringLiteral("[%1]").arg(i);
        const nlohmann::json &item = (*value)[i];
        if (!item.is_object()) {
            reader.problem(itemPath, QStringLiteral("must be an object, found ") % jsonTypeName(item));
            continue;
        }
        PublishedSize size;
        size.quant = reader.string(item, "quant", jsonPath(itemPath, QStringLiteral("quant")), true).value_or(QString());
        size.sizeGB = reader.number(item, "size_gb", jsonPath(itemPath, QStringLiteral("size_gb")), 0, MaxSizeGB, true)
                          .value_or(0);
        size.source = reader.string(item, "source", jsonPath(itemPath, QStringLiteral("source"))).value_or(QString());
        sizes.append(size);
    }
}

} // namespace

nlohmann::json inlineModelToJson(const LanguageModel &model)
{
    nlohmann::json object = nlohmann::json::object();
    object["id"] = model.id.toStdString();
    object["name"] = model.name.toStdString();
    object["params_b"] = model.paramsB;
    object["active_params_b"] = model.activeParamsB;
    for (const IntField &field : intFields)
        object[field.key] = model.*field.member;
    for (const IntField &field : optionalIntFields) {
        if (model.*field.member > 0)
            object[field.key] = model.*field.member;
    }
    if (model.mtpParamsB > 0)
        object["mtp_params_b"] = model.mtpParamsB;
    object["attention"] = toString(model.attention).toStdString();
    nlohmann::json sizes = nlohmann::json::array();
    for (const PublishedSize &size : model.publishedSizes) {
        sizes.push_back(
            {{"quant", size.quant.toStdString()}, {"size_gb", size.sizeGB}, {"source", size.source.toStdString()}});
    }
    object["published_sizes"] = std::move(sizes);
    object["source"] = model.source.toStdString();
    return object;
}

std::optional<LanguageModel> inlineModelFromJson(const nlohmann::json &object, const QString &path,
                                                 ScenarioJsonReader &reader)
{
    const qsizetype problemsBefore = reader.diagnostics().size();
    LanguageModel model;
    model.id = reader.string(object, "id", jsonPath(path, QStringLiteral("id")), true).value_or(QString());
    model.name = reader.string(object, "name", jsonPath(path, QStringLiteral("name")), true).value_or(QString());
    model.paramsB = reader.number(object, "params_b", jsonPath(path, QStringLiteral("params_b")), MinParamsB,
                                  MaxParamsB, true)
                        .value_or(0);
    model.activeParamsB = reader.number(object, "active_params_b", jsonPath(path, QStringLiteral("active_params_b")),
                                        MinParamsB, MaxParamsB)
                              .value_or(model.paramsB);
    for (const IntField &field : intFields) {
        const QString fieldPath = jsonPath(path, QLatin1String(field.key));
        if (const auto value = reader.integer(object, field.key, fieldPath, 0, MaxShapeValue))
            model.*field.member = *value;
    }
    for (const IntField &field : optionalIntFields) {
        const QString fieldPath = jsonPath(path, QLatin1String(field.key));
        if (const auto value = reader.integer(object, field.key, fieldPath, 0, field.highest))
            model.*field.member = *value;
    }
    model.mtpParamsB = reader.number(object, "mtp_params_b", jsonPath(path, QStringLiteral("mtp_params_b")), 0,
                                     catalog::kMtpParamsBLimits.highest)
                           .value_or(0);
    if (const auto text = reader.string(object, "attention", jsonPath(path, QStringLiteral("attention")))) {
        if (const auto kind = attentionKindFromString(*text))
            model.attention = *kind;
        else
            reader.problem(jsonPath(path, QStringLiteral("attention")),
                           QStringLiteral("unknown attention kind \"%1\" (full, sliding, mla, linear, compressed)").arg(*text));
    }
    readPublishedSizes(object, jsonPath(path, QStringLiteral("published_sizes")), reader, model.publishedSizes);
    model.source = reader.string(object, "source", jsonPath(path, QStringLiteral("source"))).value_or(QString());
    if (reader.diagnostics().size() != problemsBefore)
        return std::nullopt;
    return model;
}

} // namespace headroom
