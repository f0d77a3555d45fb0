// importGgufHeader: a model and its quantization from a GGUF header (metadata keys of
// ggml/docs/gguf.md and llama.cpp's src/llama-arch.cpp; exact sizes from the tensor descriptions).
#include "catalog/CatalogLimits.h"
#include "import/GgufReader.h"
#include "import/ModelImport.h"

#include <QFileInfo>

#include <algorithm>

namespace headroom {
namespace {

using gguf::GgufHeader;
using gguf::MetadataValue;

constexpr double kBytesPerGB = 1e9;
constexpr double kParamsPerBillion = 1e9;
constexpr double kBitsPerByte = 8;
// Routed-expert tensors are stacked per layer as blk.N.ffn_{gate,up,down,gate_up}_exps.
const QLatin1String kRoutedExpertMarker("_exps.");
// llama.cpp calls gpt-oss's MXFP4 expert files MXFP4_MOE; the catalog calls the quantization MXFP4.
const QLatin1String kMxfp4MoeFileType("MXFP4_MOE");
const QLatin1String kMxfp4("MXFP4");

// Layers per full-attention layer of architectures whose GGUF does not store the sliding pattern:
// llama.cpp hard-codes it (src/llama-model.cpp: gemma2 alternates, gemma3 5 local : 1 global,
// gpt-oss alternates, cohere2 3 : 1).
// The context window of a GGUF that does not state its own: the catalog's default.
constexpr int kDefaultImportedContext = catalog::kDefaultMaxContext;

struct SlidingPattern {
    const char *architecture;
    int period;
};
constexpr SlidingPattern kSlidingPatterns[] = {{"gemma2", 2}, {"gemma3", 6}, {"gpt-oss", 2}, {"cohere2", 4}};

class HeaderFields final
{
public:
    HeaderFields(const GgufHeader &header, QString architecture, QList<ImportProvenance> &provenance)
        : m_header(header), m_architecture(std::move(architecture)), m_provenance(provenance)
    {}

    QString key(const char *suffix) const { return m_architecture + QLatin1Char('.') + QLatin1String(suffix); }
    const MetadataValue *value(const char *suffix) const { return m_header.value(key(suffix)); }

    // A positive integer (the largest element of a per-layer array), recorded as the origin of `field`.
    std::optional<int> integer(const char *suffix, const char *field, bool required = false)
    {
        const MetadataValue *value = this->value(suffix);
        std::optional<std::int64_t> number;
        if (value && value->type == gguf::ValueType::Array && !value->integers.isEmpty())
            number = *std::max_element(value->integers.cbegin(), value->integers.cend());
        else if (value && value->toUnsigned())
            number = std::int64_t(std::min<std::uint64_t>(*value->toUnsigned(), std::numeric_limits<int>::max()));
        if (!number || *number <= 0 || *number > std::numeric_limits<int>::max()) {
            if (required)
                m_missing << key(suffix);
            return std::nullopt;
        }
        if (field) {
            const QString name = QLatin1String(field);
            m_provenance.removeIf([&name](const ImportProvenance &item) { return item.field == name; });
            m_provenance.append({name, QStringLiteral("GGUF ") + key(suffix)});
        }
        return int(*number);
    }

    const QStringList &missing() const { return m_missing; }

private:
    const GgufHeader &m_header;
    QString m_architecture;
    QList<ImportProvenance> &m_provenance;
    QStringList m_missing;
};

QString text(const GgufHeader &header, const char *key)
{
    const MetadataValue *value = header.value(QLatin1String(key));
    return value && value->type == gguf::ValueType::String ? value->text.trimmed() : QString();
}

int countZeros(const MetadataValue *value)
{
    if (!value || value->type != gguf::ValueType::Array)
        return 0;
    return int(std::count(value->integers.cbegin(), value->integers.cend(), 0));
}

void readAttention(HeaderFields &fields, const QString &architecture, LanguageModel &model, QList<ImportProvenance> &provenance)
{
    if (const auto latent = fields.integer("attention.kv_lora_rank", nullptr)) {
        model.attention = AttentionKind::Mla;
        const int rope = fields.integer("rope.dimension_count", nullptr).value_or(0);
        // Summed in 64 bits: both come from the file and may each be as large as an int.
        model.mlaLatentDim = int(std::min<std::int64_t>(std::int64_t(*latent) + rope, std::numeric_limits<int>::max()));
        provenance.append({QStringLiteral("mla_latent_dim"), QStringLiteral("GGUF %1 + %2").arg(fields.key("attention.kv_lora_rank"), fields.key("rope.dimension_count"))});
        model.kvHeads = model.attentionHeads; // every head reads the shared latent; the catalog's convention
        if (const auto value = fields.integer("attention.value_length_mla", "head_dim"))
            model.headDim = *value; // llama.cpp's MLA layout: key/value_length describe the latent
        else if (const auto plain = fields.integer("attention.value_length", "head_dim"))
            model.headDim = *plain;
        return;
    }
    const MetadataValue *kvPerLayer = fields.value("attention.head_count_kv");
    if (fields.value("ssm.state_size")) {
        // Recurrent layers keep a fixed state; hybrids mark them with 0 KV heads or an attention interval.
        if (const auto interval = fields.integer("full_attention_interval", nullptr))
            model.linearLayers = model.layers - model.layers / *interval;
        else if (const int zeros = countZeros(kvPerLayer); zeros > 0)
            model.linearLayers = zeros;
        else if (!kvPerLayer)
            model.linearLayers = model.layers;
        model.linearLayers = std::clamp(model.linearLayers, 0, model.layers);
        if (model.linearLayers > 0) {
            model.attention = AttentionKind::Linear;
            provenance.append({QStringLiteral("linear_layers"), QStringLiteral("GGUF %1 recurrent layers").arg(fields.key("ssm.*"))});
        }
    }
    const std::optional<int> window = fields.integer("attention.sliding_window", "sliding_window");
    if (!window)
        return;
    model.slidingWindow = *window;
    model.attention = AttentionKind::SlidingWindow;
    const MetadataValue *pattern = fields.value("attention.sliding_window_pattern");
    if (pattern && pattern->type == gguf::ValueType::Array && !pattern->integers.isEmpty()) {
        model.slidingLayers = int(std::count_if(pattern->integers.cbegin(), pattern->integers.cend(), [](std::int64_t v) { return v != 0; }));
        provenance.append({QStringLiteral("sliding_layers"), QStringLiteral("GGUF ") + fields.key("attention.sliding_window_pattern")});
    } else if (const auto period = fields.integer("attention.sliding_window_pattern", nullptr)) {
        model.slidingLayers = model.layers - model.layers / *period;
        provenance.append({QStringLiteral("sliding_layers"), QStringLiteral("GGUF ") + fields.key("attention.sliding_window_pattern")});
    } else {
        model.slidingLayers = model.layers - model.linearLayers;
        QString origin = QStringLiteral("every layer (no pattern in the file)");
        for (const SlidingPattern &known : kSlidingPatterns) {
            if (architecture == QLatin1String(known.architecture)) {
                model.slidingLayers = model.layers - model.layers / known.period;
                origin = QStringLiteral("llama.cpp's %1 pattern: 1 full layer in %2").arg(architecture).arg(known.period);
            }
        }
        provenance.append({QStringLiteral("sliding_layers"), origin});
    }
    model.slidingLayers = std::clamp(model.slidingLayers, 0, model.layers - model.linearLayers);
}

std::optional<Quantization> quantization(const GgufHeader &header, QList<ImportProvenance> &provenance)
{
    if (header.totalElements == 0)
        return std::nullopt;
    Quantization quant;
    quant.bitsPerWeight = double(header.totalTensorBytes) * kBitsPerByte / double(header.totalElements);
    const MetadataValue *fileType = header.value(QStringLiteral("general.file_type"));
    const std::optional<std::uint64_t> fileTypeId = fileType ? fileType->toUnsigned() : std::nullopt;
    const std::optional<QString> named = fileTypeId && *fileTypeId <= std::numeric_limits<std::uint32_t>::max()
                                             ? gguf::fileTypeName(std::uint32_t(*fileTypeId)) : std::nullopt;
    if (named) {
        quant.name = *named == kMxfp4MoeFileType ? QString(kMxfp4) : *named;
        provenance.append({QStringLiteral("quant"), QStringLiteral("GGUF general.file_type %1").arg(*fileTypeId)});
    } else {
        QHash<QString, std::uint64_t> bytesByType;
        for (const gguf::TensorInfo &tensor : header.tensors)
            bytesByType[gguf::quantNameOfType(tensor.type)] += tensor.bytes;
        std::uint64_t largest = 0;
        for (auto it = bytesByType.cbegin(); it != bytesByType.cend(); ++it) {
            if (it.value() > largest || (it.value() == largest && it.key() < quant.name)) {
                largest = it.value();
                quant.name = it.key();
            }
        }
        provenance.append({QStringLiteral("quant"), QStringLiteral("the tensor type holding the most bytes")});
    }
    provenance.append({QStringLiteral("bits_per_weight"), QStringLiteral("tensor bytes x 8 / parameters")});
    return quant;
}

double routedExpertElements(const GgufHeader &header)
{
    double elements = 0;
    for (const gguf::TensorInfo &tensor : header.tensors) {
        if (tensor.name.contains(kRoutedExpertMarker))
            elements += double(tensor.elements);
    }
    return elements;
}

QString sourceOf(const GgufHeader &header, const QString &origin)
{
    if (const QString url = text(header, "general.source.url"); !url.isEmpty())
        return url;
    if (const QString repo = text(header, "general.source.huggingface.repository"); !repo.isEmpty())
        return QStringLiteral("https://huggingface.co/") + repo;
    return origin;
}

} // namespace

ImportResult importGgufHeader(QIODevice &device, const QString &origin)
{
    const auto parsed = gguf::readGgufHeader(device);
    if (const auto *error = std::get_if<gguf::GgufError>(&parsed))
        return Diagnostic{origin, QStringLiteral("at byte %1").arg(error->offset), QString(), error->problem};
    const GgufHeader &header = std::get<GgufHeader>(parsed);

    ImportedModel imported;
    QList<ImportProvenance> &provenance = imported.provenance;
    imported.architecture = text(header, "general.architecture");
    if (imported.architecture.isEmpty())
        return Diagnostic{origin, QString(), QStringLiteral("general.architecture"), QStringLiteral("missing; not a model file?")};
    if (const MetadataValue *split = header.value(QStringLiteral("split.count")); split && split->toUnsigned().value_or(1) > 1)
        return Diagnostic{origin, QString(), QStringLiteral("split.count"),
                          QStringLiteral("this file is one part of %1 of a split GGUF; merge the parts (llama-gguf-split --merge) "
                                         "and import the whole").arg(*split->toUnsigned())};

    LanguageModel &model = imported.model;
    HeaderFields fields(header, imported.architecture, provenance);
    model.layers = fields.integer("block_count", "layers", true).value_or(0);
    model.hidden = fields.integer("embedding_length", "hidden", true).value_or(0);
    const bool recurrentOnly = fields.value("ssm.state_size") && !fields.value("attention.head_count");
    model.attentionHeads = fields.integer("attention.head_count", "attention_heads", !recurrentOnly).value_or(1);
    model.kvHeads = fields.integer("attention.head_count_kv", "kv_heads").value_or(model.attentionHeads);
    if (!fields.missing().isEmpty())
        return Diagnostic{origin, QString(), fields.missing().join(QStringLiteral(", ")),
                          QStringLiteral("missing (architecture %1); fill it in by hand").arg(imported.architecture)};
    model.headDim = fields.integer("attention.key_length", "head_dim").value_or(std::max(1, model.hidden / model.attentionHeads));
    if (const std::optional<int> context = fields.integer("context_length", "max_context")) {
        model.maxContext = *context;
    } else {
        model.maxContext = kDefaultImportedContext;
        provenance.append({QStringLiteral("max_context"),
                           QStringLiteral("not in the file: %1 tokens, the catalog's default").arg(kDefaultImportedContext)});
    }
    model.experts = fields.integer("expert_count", "experts").value_or(0);
    model.expertsPerToken = model.experts > 0 ? fields.integer("expert_used_count", "experts_per_token").value_or(0) : 0;
    readAttention(fields, imported.architecture, model, provenance);

    const double total = double(header.totalElements);
    double active = total;
    if (model.isMoe() && model.expertsPerToken < model.experts)
        active -= routedExpertElements(header) * double(model.experts - model.expertsPerToken) / model.experts;
    model.paramsB = total / kParamsPerBillion;
    model.activeParamsB = active / kParamsPerBillion;
    provenance.append({QStringLiteral("params_b"), QStringLiteral("sum of the %1 tensors' element counts").arg(header.tensors.size())});
    provenance.append({QStringLiteral("active_params_b"), model.isMoe() ? QStringLiteral("all tensors but the unused share of the *_exps expert tensors")
                                                                        : QStringLiteral("dense: every parameter")});

    model.name = text(header, "general.name");
    if (model.name.isEmpty())
        model.name = QFileInfo(origin).completeBaseName();
    model.id = modelIdFromName(model.name);
    model.source = sourceOf(header, origin);
    provenance.append({QStringLiteral("name"), header.value(QStringLiteral("general.name")) ? QStringLiteral("GGUF general.name") : QStringLiteral("file name")});

    imported.quant = quantization(header, provenance);
    imported.fileSizeGB = double(header.totalTensorBytes) / kBytesPerGB;
    provenance.append({QStringLiteral("file_size_gb"), QStringLiteral("tensor data bytes from types and shapes")});
    return imported;
}

} // namespace headroom
