// Entry points of model import: file dispatch on content, ids, and the SPEC §5 JSON of an imported model.
#include "import/ModelImport.h"

#include "catalog/Catalog.h"
#include "core/FileLimits.h"
#include "core/SafeFile.h"

#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <cmath>

namespace headroom {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr char kGgufMagic[] = "GGUF";
constexpr int kGgufMagicBytes = 4;

// Decimals written for the derived numbers: 0.01 B parameters (the catalog's precision), 0.001 bits
// per weight and 0.001 GB (1 MB) of file size.
constexpr int kParamsDecimals = 2;
constexpr int kBitsDecimals = 3;
constexpr int kSizeDecimals = 3;

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

// Billions of parameters to 2 decimals, or to 3 significant digits below 1 B, so a 5 M model is 0.005, not 0.
double roundedParams(double paramsB)
{
    if (!(paramsB > 0) || paramsB >= 1)
        return rounded(paramsB, kParamsDecimals);
    return rounded(paramsB, kParamsDecimals - int(std::floor(std::log10(paramsB))));
}

std::string utf8(const QString &text)
{
    return text.toStdString();
}

OrderedJson modelEntry(const LanguageModel &model)
{
    OrderedJson entry;
    entry["id"] = utf8(model.id);
    entry["name"] = utf8(model.name);
    entry["params_b"] = roundedParams(model.paramsB);
    entry["active_params_b"] = roundedParams(model.activeParamsB);
    entry["layers"] = model.layers;
    entry["hidden"] = model.hidden;
    entry["attention_heads"] = model.attentionHeads;
    entry["kv_heads"] = model.kvHeads;
    entry["head_dim"] = model.headDim;
    entry["attention"] = utf8(toString(model.attention));
    // The catalog reader refuses zero windows and latents: they are written only when they apply.
    if (model.slidingWindow > 0) {
        entry["sliding_window"] = model.slidingWindow;
        entry["sliding_layers"] = model.slidingLayers;
    }
    if (model.linearLayers > 0)
        entry["linear_layers"] = model.linearLayers;
    if (model.mlaLatentDim > 0)
        entry["mla_latent_dim"] = model.mlaLatentDim;
    if (model.sparseTopK > 0) {
        entry["sparse_top_k"] = model.sparseTopK;
        entry["indexer_heads"] = model.indexerHeads;
        entry["indexer_key_dim"] = model.indexerKeyDim;
    }
    if (model.linearStateElements > 0)
        entry["linear_state_elements"] = model.linearStateElements;
    if (model.linearStateBytes > 0)
        entry["linear_state_bytes"] = model.linearStateBytes;
    if (model.compressedLayers > 0) {
        entry["compressed_layers"] = model.compressedLayers;
        entry["compress_ratio"] = model.compressRatio;
    }
    if (model.heavilyCompressedLayers > 0) {
        entry["heavily_compressed_layers"] = model.heavilyCompressedLayers;
        entry["heavy_compress_ratio"] = model.heavyCompressRatio;
    }
    if (model.globalKvHeads > 0)
        entry["global_kv_heads"] = model.globalKvHeads;
    if (model.globalHeadDim > 0)
        entry["global_head_dim"] = model.globalHeadDim;
    entry["experts"] = model.experts;
    entry["experts_per_token"] = model.expertsPerToken;
    entry["max_context"] = model.maxContext;
    if (model.mtpParamsB > 0)
        entry["mtp_params_b"] = roundedParams(model.mtpParamsB);
    OrderedJson sizes = OrderedJson::array();
    for (const PublishedSize &size : model.publishedSizes)
        sizes.push_back({{"quant", utf8(size.quant)}, {"size_gb", size.sizeGB}, {"source", utf8(size.source)}});
    entry["published_sizes"] = std::move(sizes);
    entry["source"] = utf8(model.source);
    return entry;
}

Diagnostic fileProblem(const QString &path, const QString &problem)
{
    return Diagnostic{path, QString(), QString(), problem};
}

} // namespace

ImportResult importModelFile(const QString &path, const QString &idOverride)
{
    QFile file;
    if (const QString problem = openRegularFile(path, file); !problem.isEmpty())
        return fileProblem(path, problem);
    const QByteArray head = file.peek(kGgufMagicBytes);
    ImportResult result = [&]() -> ImportResult {
        if (head == QByteArray(kGgufMagic, kGgufMagicBytes))
            return importGgufHeader(file, path);
        if (file.size() > limits::kMaxModelConfigBytes)
            return fileProblem(path, QStringLiteral("neither a GGUF file (no \"GGUF\" magic at byte 0) nor a "
                                                    "config.json (%1 bytes is too large for one)")
                                         .arg(file.size()));
        return importHfConfig(file.readAll(), path);
    }();
    auto *imported = std::get_if<ImportedModel>(&result);
    if (!imported)
        return result;
    if (!idOverride.isEmpty()) {
        imported->model.id = idOverride;
        imported->provenance.append({QStringLiteral("id"), QStringLiteral("--id")});
    }
    // What import writes must load: the entry goes through the catalog's own validation.
    OrderedJson check;
    check["models"] = OrderedJson::array({modelEntry(imported->model)});
    const CatalogOrDiagnostics loaded = loadCatalog(QByteArray::fromStdString(check.dump()), path, true);
    if (const auto *problems = std::get_if<Diagnostics>(&loaded); problems && !problems->isEmpty()) {
        Diagnostic refused = problems->first();
        refused.problem = QStringLiteral("the catalog would refuse the imported model: ") + refused.problem;
        if (problems->size() > 1)
            refused.problem += QStringLiteral(" (and %1 more problems)").arg(problems->size() - 1);
        return refused;
    }
    return result;
}

QString modelIdFromName(const QString &name)
{
    QString id;
    id.reserve(name.size());
    for (const QChar character : name.toLower()) {
        const char16_t code = character.unicode();
        const bool allowed = (code >= u'a' && code <= u'z') || (code >= u'0' && code <= u'9') || code == u'.';
        if (allowed)
            id.append(character);
        else if (!id.isEmpty() && !id.endsWith(QLatin1Char('-')))
            id.append(QLatin1Char('-'));
    }
    while (id.endsWith(QLatin1Char('-')) || id.endsWith(QLatin1Char('.')))
        id.chop(1);
    return id.isEmpty() ? QStringLiteral("imported-model") : id;
}

QByteArray importedModelJson(const ImportedModel &imported)
{
    OrderedJson document;
    document["model"] = modelEntry(imported.model);
    if (imported.quant) {
        OrderedJson quant;
        quant["name"] = utf8(imported.quant->name);
        quant["bits_per_weight"] = rounded(imported.quant->bitsPerWeight, kBitsDecimals);
        quant["file_size_gb"] = rounded(imported.fileSizeGB.value_or(0), kSizeDecimals);
        document["quant"] = std::move(quant);
    } else {
        document["quant"] = nullptr;
    }
    document["architecture"] = utf8(imported.architecture);
    OrderedJson provenance = OrderedJson::object();
    for (const ImportProvenance &item : imported.provenance)
        provenance[utf8(item.field)] = utf8(item.origin);
    document["provenance"] = std::move(provenance);
    return QByteArray::fromStdString(document.dump(2)) + '\n';
}

} // namespace headroom
