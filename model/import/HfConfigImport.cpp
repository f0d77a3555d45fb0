// importHfConfig: a catalog model from a Hugging Face config.json (transformers' field names), the
// parameter counts from the shapes, and where every number came from.
#include "import/HfConfigArchitectures.h"
#include "core/JsonNesting.h"
#include "import/ModelImport.h"

#include <QDir>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

using Json = nlohmann::json;
using hfconfig::ArchitectureDefaults;
using hfconfig::SharedExperts;

constexpr double kParamsPerBillion = 1e9;
// Plausibility bounds for a shape field: far above any published model, low enough that products stay exact.
constexpr std::int64_t kMaxShapeValue = 100'000'000;
// 128K tokens: what most 2024-2026 open models publish, for a config without max_position_embeddings.
constexpr int kDefaultMaxContext = 131'072;
// Llama 4: 3 chunked-attention layers for each global (NoPE) layer (Llama4TextConfig.no_rope_layer_interval).
constexpr int kLlama4GlobalPeriod = 4;
const QLatin1String kConfigFileName("config.json");
const QLatin1String kHuggingFace("https://huggingface.co/");

// Reads fields from the text model's section (text_config of multimodal checkpoints) or the top level,
// records where each value came from, and collects missing and invalid fields.
class ConfigFields final
{
public:
    ConfigFields(const Json &root, QList<ImportProvenance> &provenance) : m_root(root), m_provenance(provenance)
    {
        if (const auto text = root.find("text_config"); text != root.end() && text->is_object())
            m_text = &*text;
    }

    // The value at `key`, text section first; nullptr when absent or null.
    const Json *find(const char *key, QString *path = nullptr) const
    {
        for (const Json *section : {m_text, &m_root}) {
            if (!section)
                continue;
            const auto found = section->find(key);
            if (found != section->end() && !found->is_null()) {
                if (path)
                    *path = (section == m_text ? QStringLiteral("text_config.") : QString()) + QLatin1String(key);
                return &*found;
            }
        }
        return nullptr;
    }

    // A positive integer from the first of `keys` present; records `field`'s origin. Absent: nullopt
    // (and a missing-field entry when `required`). Present but not a positive integer: an invalid entry.
    std::optional<std::int64_t> integer(std::initializer_list<const char *> keys, const char *field, bool required = false)
    {
        for (const char *key : keys) {
            QString path;
            const Json *value = find(key, &path);
            if (!value)
                continue;
            if (!value->is_number_integer() || value->get<std::int64_t>() <= 0 || value->get<std::int64_t>() > kMaxShapeValue) {
                m_invalid.append({path, QStringLiteral("must be a positive integer up to %1, got %2")
                                            .arg(kMaxShapeValue).arg(QString::fromStdString(value->dump()).left(40))});
                return std::nullopt;
            }
            record(field, QStringLiteral("config.json ") + path);
            return value->get<std::int64_t>();
        }
        if (required)
            m_missing << QLatin1String(*keys.begin());
        return std::nullopt;
    }

    // Like integer(), falling back to the architecture's default (recorded as such) or `fallback`.
    std::int64_t integerOr(std::initializer_list<const char *> keys, const char *field, std::int64_t fallback, const QString &fallbackOrigin)
    {
        if (const auto value = integer(keys, field))
            return *value;
        if (fallback > 0)
            record(field, fallbackOrigin);
        return fallback;
    }

    bool flag(const char *key, bool fallback) const
    {
        const Json *value = find(key);
        return value && value->is_boolean() ? value->get<bool>() : fallback;
    }

    const Json *array(const char *key, QString *path = nullptr) const
    {
        const Json *value = find(key, path);
        return value && value->is_array() ? value : nullptr;
    }

    std::string text(const char *key) const
    {
        const Json *value = find(key);
        return value && value->is_string() ? value->get<std::string>() : std::string();
    }

    std::string rootText(const char *key) const
    {
        const auto found = m_root.find(key);
        return found != m_root.end() && found->is_string() ? found->get<std::string>() : std::string();
    }

    // The latest origin of a field replaces an earlier one (a derived head_dim overridden by MLA's v_head_dim).
    void record(const char *field, const QString &origin)
    {
        if (!field)
            return;
        const QString name = QLatin1String(field);
        m_provenance.removeIf([&name](const ImportProvenance &item) { return item.field == name; });
        m_provenance.append({name, origin});
    }

    const QStringList &missing() const { return m_missing; }
    const QList<std::pair<QString, QString>> &invalid() const { return m_invalid; }

private:
    const Json &m_root;
    const Json *m_text = nullptr;
    QList<ImportProvenance> &m_provenance;
    QStringList m_missing;
    QList<std::pair<QString, QString>> m_invalid;
};

// How many entries of a per-layer list (layer_types) equal `value`.
int countEntries(const Json &list, const char *value)
{
    return int(std::count_if(list.begin(), list.end(), [value](const Json &item) { return item.is_string() && item.get<std::string>() == value; }));
}

struct Architecture {
    std::string modelType;
    QString label; // for messages: "MixtralForCausalLM (mixtral)"
    const ArchitectureDefaults *defaults = nullptr;
};

Architecture architectureOf(const ConfigFields &fields, const Json &root)
{
    Architecture architecture;
    architecture.modelType = fields.text("model_type");
    architecture.defaults = hfconfig::findArchitecture(architecture.modelType);
    QString className;
    if (const auto classes = root.find("architectures"); classes != root.end() && classes->is_array() && !classes->empty()
        && classes->front().is_string())
        className = QString::fromStdString(classes->front().get<std::string>());
    const QString type = QString::fromStdString(architecture.modelType);
    architecture.label = className.isEmpty() ? type : type.isEmpty() ? className : className + QStringLiteral(" (") + type + QLatin1Char(')');
    if (architecture.label.isEmpty())
        architecture.label = QStringLiteral("not named");
    return architecture;
}

// Attention kinds per layer: layer_types lists, Gemma's sliding pattern, Qwen3-Next's interval,
// Llama 4's chunked layers, MLA.
void readAttention(ConfigFields &fields, const Architecture &architecture, hfconfig::Shape &shape, LanguageModel &model)
{
    const int layers = model.layers;
    QString typesPath;
    const Json *layerTypes = fields.array("layer_types", &typesPath);
    if (layerTypes && int(layerTypes->size()) != layers)
        layerTypes = nullptr;
    if (layerTypes) {
        model.linearLayers = countEntries(*layerTypes, "linear_attention");
        model.slidingLayers = countEntries(*layerTypes, "sliding_attention") + countEntries(*layerTypes, "chunked_attention");
    } else if (const auto interval = fields.integer({"full_attention_interval"}, nullptr)) {
        model.linearLayers = layers - layers / int(*interval);
        fields.record("linear_layers", QStringLiteral("config.json full_attention_interval"));
    }
    if (layerTypes && model.linearLayers > 0)
        fields.record("linear_layers", QStringLiteral("config.json ") + typesPath);
    if (model.linearLayers > 0) {
        model.attention = AttentionKind::Linear;
        shape.linearLayers = model.linearLayers;
        shape.linearKeyHeads = double(fields.integer({"linear_num_key_heads"}, nullptr, true).value_or(0));
        shape.linearKeyDim = double(fields.integer({"linear_key_head_dim"}, nullptr, true).value_or(0));
        shape.linearValueHeads = double(fields.integer({"linear_num_value_heads"}, nullptr, true).value_or(0));
        shape.linearValueDim = double(fields.integer({"linear_value_head_dim"}, nullptr, true).value_or(0));
        shape.linearConvKernel = double(fields.integer({"linear_conv_kernel_dim"}, nullptr, true).value_or(0));
    }

    if (const auto chunk = fields.integer({"attention_chunk_size"}, "sliding_window")) {
        model.slidingWindow = int(*chunk);
        if (!layerTypes) {
            const Json *ropeLayers = fields.array("no_rope_layers");
            model.slidingLayers = ropeLayers && int(ropeLayers->size()) == layers
                                      ? int(std::count_if(ropeLayers->begin(), ropeLayers->end(), [](const Json &v) { return v.is_number() && v.get<double>() != 0; }))
                                      : layers - layers / kLlama4GlobalPeriod;
        }
        fields.record("sliding_layers", QStringLiteral("config.json no_rope_layers (chunked-attention layers)"));
    } else if (fields.flag("use_sliding_window", true)) {
        if (const auto window = fields.integer({"sliding_window"}, "sliding_window"); window && (model.maxContext == 0 || *window < model.maxContext)) {
            model.slidingWindow = int(*window);
            if (layerTypes) {
                fields.record("sliding_layers", QStringLiteral("config.json ") + typesPath);
            } else {
                const int period = int(fields.integerOr({"sliding_window_pattern"}, nullptr, architecture.defaults ? architecture.defaults->slidingPeriod : 0, QString()));
                model.slidingLayers = period > 0 ? layers - layers / period : layers;
                fields.record("sliding_layers", period > 0 ? QStringLiteral("1 full-attention layer in %1 (sliding_window_pattern)").arg(period)
                                                           : QStringLiteral("every layer (no sliding pattern in the file)"));
            }
        }
    }
    if (model.slidingWindow == 0)
        model.slidingLayers = 0;
    model.slidingLayers = std::clamp(model.slidingLayers, 0, layers - model.linearLayers);
    if (model.slidingLayers > 0 && model.linearLayers == 0)
        model.attention = AttentionKind::SlidingWindow;

    if (const auto latent = fields.integer({"kv_lora_rank"}, nullptr)) {
        model.attention = AttentionKind::Mla;
        shape.kvLoraRank = double(*latent);
        shape.qLoraRank = double(fields.integer({"q_lora_rank"}, nullptr).value_or(0));
        shape.qkNopeDim = double(fields.integer({"qk_nope_head_dim"}, nullptr, true).value_or(0));
        shape.qkRopeDim = double(fields.integer({"qk_rope_head_dim"}, nullptr, true).value_or(0));
        shape.vHeadDim = double(fields.integer({"v_head_dim"}, "head_dim", true).value_or(0));
        model.mlaLatentDim = int(shape.kvLoraRank + shape.qkRopeDim);
        model.headDim = int(shape.vHeadDim);
        model.kvHeads = model.attentionHeads;
        fields.record("mla_latent_dim", QStringLiteral("config.json kv_lora_rank + qk_rope_head_dim"));
        fields.record("kv_heads", QStringLiteral("MLA: every head reads the shared latent"));
    }
}

// Which layers are MoE, expert sizes, shared experts.
void readExperts(ConfigFields &fields, const Architecture &architecture, hfconfig::Shape &shape, LanguageModel &model, std::int64_t intermediate)
{
    const int layers = model.layers;
    model.experts = int(fields.integer({"num_local_experts", "num_experts", "n_routed_experts"}, "experts").value_or(0));
    if (model.experts == 0) {
        shape.denseLayers = layers;
        shape.denseIntermediate = double(intermediate);
        return;
    }
    model.expertsPerToken = int(fields.integer({"num_experts_per_tok", "experts_per_token", "moe_topk"}, "experts_per_token", true).value_or(0));
    shape.experts = model.experts;
    shape.expertsPerToken = model.expertsPerToken;
    const auto moeIntermediate = fields.integer({"moe_intermediate_size"}, nullptr);
    shape.expertIntermediate = double(moeIntermediate.value_or(intermediate));

    int moeLayers = layers;
    if (const auto firstDense = fields.integer({"first_k_dense_replace"}, nullptr)) {
        moeLayers = std::max(0, layers - int(*firstDense));
    } else if (const auto step = fields.integer({"interleave_moe_layer_step", "decoder_sparse_step"}, nullptr); step && *step > 1) {
        moeLayers = layers / int(*step);
    }
    if (const Json *denseList = fields.array("mlp_only_layers"))
        moeLayers = std::max(0, moeLayers - int(denseList->size()));
    shape.moeLayers = moeLayers;
    shape.denseLayers = layers - moeLayers;
    shape.denseIntermediate = double(fields.integer({"intermediate_size_mlp"}, nullptr).value_or(intermediate));

    const SharedExperts kind = architecture.defaults ? architecture.defaults->shared : SharedExperts::Count;
    const double expert = 3 * shape.hidden * shape.expertIntermediate;
    if (kind == SharedExperts::OneOfMoe) {
        shape.sharedExpertParams = expert;
    } else if (const auto sized = fields.integer({"shared_expert_intermediate_size"}, nullptr); sized || kind == SharedExperts::Sized) {
        shape.sharedExpertParams = 3 * shape.hidden * double(sized.value_or(0)) + shape.hidden;
    } else if (const auto count = fields.integer({"n_shared_experts"}, nullptr)) {
        shape.sharedExpertParams = double(*count) * expert;
    }
}

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
    const Architecture architecture = architectureOf(fields, root);
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
    if (!headDim && model.attentionHeads > 0)
        fields.record("head_dim", QStringLiteral("hidden_size / num_attention_heads"));
    model.headDim = int(headDim.value_or(model.attentionHeads > 0 ? model.hidden / model.attentionHeads : 0));
    const auto vocab = fields.integer({"vocab_size"}, nullptr, !defaults || defaults->vocabSize == 0);
    const std::int64_t intermediate = fields.integer({"intermediate_size", "ffn_hidden_size"}, nullptr, true).value_or(0);
    model.maxContext = int(fields.integerOr({"max_position_embeddings", "max_sequence_length", "n_positions"}, "max_context",
                                            defaults && defaults->maxContext > 0 ? defaults->maxContext : 0, defaultOrigin));

    shape.layers = model.layers;
    shape.hidden = model.hidden;
    readExperts(fields, architecture, shape, model, intermediate);
    readAttention(fields, architecture, shape, model);

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
