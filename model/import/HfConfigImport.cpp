// importHfConfig: a catalog model from a Hugging Face config.json (transformers' field names), the
// parameter counts from the shapes, and where every number came from.
#include "catalog/CatalogLimits.h"
#include "core/JsonNesting.h"
#include "import/HfConfigArchitectures.h"
#include "import/HfConfigFields.h"
#include "import/HfConfigLayers.h"
#include "import/ModelImport.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

using hfconfig::Architecture;
using hfconfig::ArchitectureDefaults;
using hfconfig::ConfigFields;
using hfconfig::Json;

constexpr double kParamsPerBillion = 1e9;
// 128K tokens: what most 2024-2026 open models publish, for a config without max_position_embeddings.
constexpr int kDefaultMaxContext = 131'072;
const QLatin1String kConfigFileName("config.json");
const QLatin1String kHuggingFace("https://huggingface.co/");

QString nameOf(const ConfigFields &fields, const QString &origin)
{
    const QString declared = QString::fromStdString(fields.rootText("_name_or_path")).trimmed();
    if (!declared.isEmpty())
        return declared.section(QLatin1Char('/'), -1, -1, QString::SectionSkipEmpty);
    const QFileInfo file(origin);
    if (file.fileName() == kConfigFileName && !file.dir().dirName().isEmpty() && file.dir().dirName() != QLatin1String("."))
        return file.dir().dirName();
    QString base = file.completeBaseName();
    if (base.endsWith(QLatin1String(".config")))
        base.chop(int(qstrlen(".config")));
    return base.isEmpty() ? QStringLiteral("Imported model") : base;
}

QString sourceOf(const ConfigFields &fields, const QString &origin)
{
    const QString declared = QString::fromStdString(fields.rootText("_name_or_path")).trimmed();
    const bool isRepositoryId = declared.count(QLatin1Char('/')) == 1 && !declared.startsWith(QLatin1Char('/'))
                                && !declared.startsWith(QLatin1Char('.'));
    if (isRepositoryId)
        return kHuggingFace + declared;
    return declared.isEmpty() ? origin : declared;
}

} // namespace

ImportResult importHfConfig(const QByteArray &json, const QString &origin)
{
    if (const qsizetype at = jsonNestingExceededAt(json); at >= 0)
        return Diagnostic{origin, QStringLiteral("at byte %1").arg(at), QString(), QStringLiteral("JSON nested deeper than %1 levels").arg(MaxJsonNestingDepth)};
    Json root;
    try {
        root = Json::parse(json.constData(), json.constData() + json.size());
    } catch (const Json::parse_error &error) {
        return Diagnostic{origin, QString(), QString(),
                          QStringLiteral("not valid JSON (nor a GGUF file) at byte %1: %2")
                              .arg(error.byte).arg(jsonErrorReason(error.what()))};
    } catch (const Json::exception &error) {
        return Diagnostic{origin, QString(), QString(),
                          QStringLiteral("not valid JSON (nor a GGUF file): %1").arg(jsonErrorReason(error.what()))};
    }
    if (!root.is_object())
        return Diagnostic{origin, QString(), QString(), QStringLiteral("must be a JSON object, a Hugging Face config.json")};

    ImportedModel imported;
    ConfigFields fields(root, imported.provenance);
    const Architecture architecture = hfconfig::architectureOf(fields, root);
    imported.architecture = QString::fromStdString(architecture.modelType);
    const ArchitectureDefaults *defaults = architecture.defaults;
    const QString defaultOrigin = QStringLiteral("transformers default for %1 (not in file)").arg(imported.architecture);

    LanguageModel &model = imported.model;
    hfconfig::Shape shape;
    model.layers = int(fields.integer({"num_hidden_layers", "n_layer", "num_layers"}, "layers", true).value_or(0));
    model.hidden = int(fields.integer({"hidden_size", "n_embd", "d_model"}, "hidden", true).value_or(0));
    model.attentionHeads = int(fields.integer({"num_attention_heads", "n_head"}, "attention_heads", true).value_or(0));
    const auto kvHeads = fields.integer({"num_key_value_heads"}, "kv_heads");
    if (!kvHeads)
        fields.record("kv_heads", QStringLiteral("= attention heads (no num_key_value_heads)"));
    model.kvHeads = int(kvHeads.value_or(model.attentionHeads));
    const auto headDim = fields.integer({"head_dim"}, "head_dim");
    if (!headDim && defaults && defaults->headDim > 0)
        fields.record("head_dim", defaultOrigin);
    else if (!headDim && model.attentionHeads > 0)
        fields.record("head_dim", QStringLiteral("hidden_size / num_attention_heads"));
    const int derivedHeadDim = model.attentionHeads > 0 ? model.hidden / model.attentionHeads : 0;
    model.headDim = int(headDim.value_or(defaults && defaults->headDim > 0 ? defaults->headDim : derivedHeadDim));
    const auto vocab = fields.integer({"vocab_size"}, nullptr, !defaults || defaults->vocabSize == 0);
    // A MoE that gives its expert width needs no dense width (Qwen3.5 MoE has no dense MLP).
    const bool expertWidthGiven = fields.find("moe_intermediate_size") != nullptr;
    const std::int64_t intermediate = fields.integer({"intermediate_size", "ffn_hidden_size"}, nullptr, !expertWidthGiven).value_or(0);
    model.maxContext = int(fields.integerOr({"max_position_embeddings", "max_sequence_length", "n_positions"}, "max_context",
                                            defaults && defaults->maxContext > 0 ? defaults->maxContext : 0, defaultOrigin));

    shape.layers = model.layers;
    shape.hidden = model.hidden;
    if (defaults) {
        shape.mlpMatrices = defaults->mlpMatrices;
        shape.normsPerLayer = defaults->normsPerLayer;
    }
    hfconfig::readExperts(fields, architecture, shape, model, intermediate);
    hfconfig::readAttention(fields, architecture, shape, model);
    hfconfig::readGlobalAttention(fields, shape, model);
    hfconfig::readHybridBlocks(fields, shape, model, intermediate);
    shape.mtpLayers = double(fields.count({"num_nextn_predict_layers", "mtp_num_hidden_layers"}));

    if (!fields.invalid().isEmpty()) {
        const auto &[field, problem] = fields.invalid().constFirst();
        return Diagnostic{origin, QString(), field, problem};
    }
    if (!fields.missing().isEmpty()) {
        const bool several = fields.missing().size() > 1;
        return Diagnostic{origin, QString(), fields.missing().join(QStringLiteral(", ")),
                          QStringLiteral("missing (architecture %1); fill %2 in by hand").arg(architecture.label, several ? QStringLiteral("them") : QStringLiteral("it"))};
    }
    if (model.maxContext == 0) {
        model.maxContext = kDefaultMaxContext;
        fields.record("max_context", QStringLiteral("default %1 tokens (not in file)").arg(kDefaultMaxContext));
    }
    if (model.attentionHeads % std::max(1, model.kvHeads) != 0 || model.kvHeads > model.attentionHeads)
        return Diagnostic{origin, QString(), QStringLiteral("num_key_value_heads"),
                          QStringLiteral("must divide num_attention_heads (%1), got %2").arg(model.attentionHeads).arg(model.kvHeads)};
    if (model.expertsPerToken > model.experts)
        return Diagnostic{origin, QString(), QStringLiteral("num_experts_per_tok"),
                          QStringLiteral("must not exceed the expert count (%1), got %2").arg(model.experts).arg(model.expertsPerToken)};

    shape.heads = model.attentionHeads;
    shape.kvHeads = model.kvHeads;
    shape.headDim = model.headDim;
    shape.vocab = double(vocab.value_or(defaults ? defaults->vocabSize : 0));
    if (!vocab)
        fields.record("vocab_size", defaultOrigin);
    const bool tiedDefault = defaults && defaults->tiedEmbeddings;
    shape.tiedEmbeddings = fields.flag("tie_word_embeddings", tiedDefault);
    shape.gatedQuery = (defaults && defaults->gatedQuery) || fields.flag("attn_output_gate", false);
    shape.attentionBias = fields.flag("attention_bias", false);

    const hfconfig::ParamCount params = hfconfig::countParams(shape);
    model.paramsB = params.total / kParamsPerBillion;
    model.activeParamsB = params.active / kParamsPerBillion;
    const double stateElements = hfconfig::linearStateElements(shape);
    if (!(stateElements <= catalog::kMaxLinearStateElements))
        return Diagnostic{origin, QString(), QStringLiteral("linear_num_value_heads"),
                          QStringLiteral("gives a state of %1 elements per sequence, beyond any model (at most %2)")
                              .arg(stateElements, 0, 'g', 3).arg(catalog::kMaxLinearStateElements)};
    model.linearStateElements = int(std::lround(stateElements));
    if (const std::string dtype = fields.text("mamba_ssm_cache_dtype"); model.linearStateElements > 0 && !dtype.empty()) {
        constexpr int f32Bytes = 4;
        constexpr int halfBytes = 2;
        const int bytes = dtype == "float32" ? f32Bytes : (dtype == "bfloat16" || dtype == "float16") ? halfBytes : 0;
        if (bytes > 0) {
            model.linearStateBytes = bytes;
            fields.record("linear_state_bytes", QStringLiteral("config.json mamba_ssm_cache_dtype"));
        }
    }
    if (model.linearStateElements > 0)
        fields.record("linear_state_elements", QStringLiteral("counted from the linear-attention and Mamba-2 shapes "
                                                              "(recurrent state and convolution window)"));
    model.mtpParamsB = hfconfig::mtpParams(shape) / kParamsPerBillion;
    if (model.mtpParamsB > 0)
        fields.record("mtp_params_b", QStringLiteral("%1 multi-token-prediction layer(s): a decoder layer, its projection "
                                                     "and norms each").arg(shape.mtpLayers));
    fields.record("params_b", QStringLiteral("counted from the config.json shapes (embeddings%1, attention, MLP%2, norms)")
                                  .arg(shape.tiedEmbeddings ? QStringLiteral(" tied to the output") : QStringLiteral(" and output head"),
                                       model.experts > 0 ? QStringLiteral(", experts, routers") : QString()));
    fields.record("active_params_b", model.experts > 0 ? QStringLiteral("params_b without the %1 of %2 routed experts a token skips")
                                                             .arg(model.experts - model.expertsPerToken).arg(model.experts)
                                                       : QStringLiteral("dense: = params_b"));
    if (!defaults)
        fields.record("architecture", QStringLiteral("%1 is not in the table; counted as a generic decoder").arg(architecture.label));

    model.name = nameOf(fields, origin);
    model.id = modelIdFromName(model.name);
    model.source = sourceOf(fields, origin);
    fields.record("name", root.contains("_name_or_path") ? QStringLiteral("config.json _name_or_path") : QStringLiteral("file or folder name"));
    return imported;
}

} // namespace headroom
