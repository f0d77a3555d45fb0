// Reading `headroom estimate` queries (SPEC §5): bytes -> resolved EstimateInputs or per-query errors.
// Untrusted input: nesting is bounded before nlohmann sees the bytes, every field is type- and
// range-checked, and nothing escapes as an exception.
#include "protocol/QueryJson.h"
#include "protocol/QueryFields.h"

#include "core/RequirementRanges.h"
#include "core/Defaults.h"

#include "catalog/ClusterLinkLookup.h"
#include "catalog/InlineLinkJson.h"
#include "core/CardCount.h"
#include "engine/Calibration.h"
#include "engine/Cluster.h"
#include "core/FileLimits.h"
#include "core/JsonNesting.h"

#include <nlohmann/json.hpp>

#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>

namespace headroom {
namespace {

using namespace query_fields;

// Deeper documents are refused before parsing: a query needs at most ~5 levels, and unbounded
// nesting costs stack and time in any tree-building parser.

// Query bounds. Outside them a query is answered with an error instead of an estimate.
constexpr int maxCardCount = 64;               // largest multi-card configuration (8 x 8 HGX pods)
constexpr int maxContextTokens = 10'000'000;   // beyond every published context window (10M: Llama 4 Scout)
constexpr int maxPromptOrOutputTokens = 10'000'000;
constexpr int maxConcurrentUsers = 4096;
constexpr double minBitsPerWeight = 1;         // exclusive: below one bit per weight is not a quantization
constexpr double maxBitsPerWeight = 32;        // FP32
constexpr double memoryOptionTolerance = 1e-6; // memory_gb matches an option within this (GB)

// Defaults of SPEC §5 (quant is not in the spec: the article's Q4_K_M).
const QString defaultQuantName = QStringLiteral("Q4_K_M");
constexpr int defaultCount = 1;
constexpr double defaultSeedEfficiency = defaults::kSeedEfficiency;
constexpr double defaultAppleUsableFraction = defaults::kAppleUsableFraction;
constexpr int defaultContextTokens = 4096;
constexpr int defaultPromptTokens = 512;
constexpr int defaultOutputTokens = 256;
constexpr int defaultUsers = 1;

constexpr std::array<std::string_view, 22> knownFields{
    "id",     "hardware",   "count",   "memory_gb",     "split",         "runtime",
    "model",  "quant",      "method",  "efficiency",    "context",       "prompt_tokens",
    "output_tokens", "concurrency", "kv_cache_type", "apple_usable_fraction", "min_tps_per_user",
    "nodes", "link", "node_split", "cached_tokens", "shared_context_tokens"};

// Resolves one query object. Holds the catalog lookups shared by all queries of a batch.
class QueryReader final
{
public:
    explicit QueryReader(const Catalog &catalog)
        : m_catalog(catalog)
        , m_defaultQuant(catalog.quantization(defaultQuantName))
    {
    }

    ParsedQuery read(const Json &query) const
    {
        ParsedQuery parsed;
        if (query.is_object()) {
            if (const auto id = query.find("id"); id != query.end()) {
                parsed.idJson = QByteArray::fromStdString(id->dump(-1, ' ', false, Json::error_handler_t::replace));
                parsed.id = id->is_string() ? QString::fromStdString(id->get<std::string>())
                                            : QString::fromUtf8(parsed.idJson);
            }
        }
        try {
            if (!query.is_object())
                throw QueryError{QStringLiteral("query: must be an object")};
            readInto(query, parsed.input);
            parsed.minTpsPerUser = readMinTps(query);
        } catch (const QueryError &error) {
            parsed.error = error.message;
        }
        return parsed;
    }

private:
    void readInto(const Json &query, EstimateInput &input) const
    {
        for (const auto &item : query.items()) {
            if (std::find(knownFields.begin(), knownFields.end(), std::string_view(item.key())) == knownFields.end())
                throw QueryError{printableJsonText(item.key()) % QStringLiteral(": unknown field")};
        }
        input.device = readDevice(query);
        input.configuration.deviceId = input.device.id;
        input.configuration.count = readInt(query, "count", defaultCount, 1, maxCardCount);
        if (const QString problem = cardCountProblem(input.device, input.configuration.count); !problem.isEmpty())
            fail("count", problem);
        input.configuration.memoryGB = readMemory(query, input.device);
        input.configuration.split = readEnum(query, "split", Split::Auto, splitFromString,
                                             QStringLiteral("auto, layer, tensor"));
        input.configuration.runtime = readEnum(query, "runtime", Runtime::Auto, runtimeFromString,
                                               QStringLiteral("llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang, exo"));
        input.model = readModel(query);
        readCluster(query, input);
        input.quant = readQuant(query);
        input.method = readEnum(query, "method", Method::Roofline, methodFromString, QStringLiteral("roofline, seed"));
        input.seedEfficiency = readFraction(query, "efficiency", defaultSeedEfficiency);
        input.appleUsableFraction = readFraction(query, "apple_usable_fraction", defaultAppleUsableFraction);
        input.workload.contextTokens = readInt(query, "context", defaultContextTokens, 1, maxContextTokens);
        if (input.model.maxContext > 0 && input.workload.contextTokens > input.model.maxContext) {
            fail("context", QStringLiteral("must be at most %1, the longest context %2 takes; got %3")
                                .arg(input.model.maxContext)
                                .arg(input.model.name)
                                .arg(input.workload.contextTokens));
        }
        input.workload.promptTokens = readInt(query, "prompt_tokens", defaultPromptTokens, 1, maxPromptOrOutputTokens);
        input.workload.outputTokens = readInt(query, "output_tokens", defaultOutputTokens, 1, maxPromptOrOutputTokens);
        input.workload.cachedTokens = readInt(query, "cached_tokens", 0, 0, maxContextTokens);
        if (input.workload.cachedTokens > 0 && input.workload.cachedTokens + input.workload.promptTokens > input.workload.contextTokens) {
            fail("cached_tokens", QStringLiteral("with prompt_tokens must fit in context (%1 tokens); got %2 + %3")
                                      .arg(input.workload.contextTokens)
                                      .arg(input.workload.cachedTokens)
                                      .arg(input.workload.promptTokens));
        }
        input.workload.sharedContextTokens = readInt(query, "shared_context_tokens", 0, 0, maxContextTokens);
        if (input.workload.sharedContextTokens > input.workload.contextTokens) {
            fail("shared_context_tokens", QStringLiteral("must be at most context (%1 tokens); got %2")
                                              .arg(input.workload.contextTokens)
                                              .arg(input.workload.sharedContextTokens));
        }
        input.workload.users = readInt(query, "concurrency", defaultUsers, 1, maxConcurrentUsers);
        input.workload.kvCache = readEnum(query, "kv_cache_type", KvCacheType::F16, kvCacheTypeFromString,
                                          QStringLiteral("f16, q8_0, q4_0, fp8"));
    }

    // nodes, link and node_split: several identical machines joined by a link.
    void readCluster(const Json &query, EstimateInput &input) const
    {
        Configuration &configuration = input.configuration;
        configuration.nodes = readInt(query, "nodes", 1, 1, kMaxClusterNodes);
        configuration.nodeSplit = readEnum(query, "node_split", NodeSplit::Auto, nodeSplitFromString,
                                           QStringLiteral("auto, tensor, pipeline"));
        if (const Json *link = find(query, "link")) {
            if (link->is_string())
                configuration.linkId = readString(*link, "link");
            else
                configuration.customLink = readInlineLink(*link);
        }
        if (!configuration.isCluster())
            return;
        const ClusterLinkLookup lookup = lookUpClusterLink(m_catalog, configuration, input.device);
        if (!lookup.problem.isEmpty())
            throw QueryError{lookup.problem};
        input.link = lookup.link;
        if (const ClusterRefusal refusal = clusterRefusalOf(input.device, configuration, input.model, input.link);
            !refusal.isEmpty())
            throw QueryError{refusal.field % QStringLiteral(": ") % refusal.problem};
    }

    static ClusterLink readInlineLink(const Json &object)
    {
        std::variant<ClusterLink, InlineLinkProblem> link = inlineLinkFromJson(object);
        if (const InlineLinkProblem *problem = std::get_if<InlineLinkProblem>(&link)) {
            const QString field = problem->field.isEmpty() ? QStringLiteral("link")
                                                           : QStringLiteral("link.") % printableJsonText(problem->field.toStdString());
            throw QueryError{field % QStringLiteral(": ") % problem->problem};
        }
        return std::get<ClusterLink>(std::move(link));
    }

    // An inline device or model is validated by the catalog loader itself, so it takes exactly
    // the catalog's fields, defaults and checks.
    static Catalog loadInline(const Json &object, const char *section, std::string_view field)
    {
        Json document = {{"format", "headroom-catalog"}, {"version", 1}};
        document[section] = Json::array({object});
        const QByteArray bytes = QByteArray::fromStdString(document.dump(-1, ' ', false, Json::error_handler_t::replace));
        CatalogOrDiagnostics loaded = loadCatalog(bytes, QString::fromLatin1(field.data(), qsizetype(field.size())), true);
        if (const auto *diagnostics = std::get_if<Diagnostics>(&loaded)) {
            if (diagnostics->isEmpty())
                fail(field, QStringLiteral("invalid inline object"));
            const Diagnostic &first = diagnostics->front();
            fail(field, first.field.isEmpty() ? first.problem : first.field % QStringLiteral(": ") % first.problem);
        }
        return std::get<Catalog>(std::move(loaded));
    }

    Device readDevice(const Json &query) const
    {
        constexpr std::string_view field = "hardware";
        const Json *value = find(query, field);
        if (!value)
            fail(field, QStringLiteral("missing (a device id or an inline device object)"));
        if (value->is_string()) {
            const QString id = readString(*value, field);
            const Device *device = m_catalog.device(id);
            if (!device)
                fail(field, QStringLiteral("unknown device '") % id % QLatin1Char('\''));
            return *device;
        }
        if (!value->is_object())
            fail(field, QStringLiteral("must be a device id or an inline device object"));
        const Catalog inlineCatalog = loadInline(*value, "devices", field);
        if (inlineCatalog.devices().size() != 1)
            fail(field, QStringLiteral("must hold exactly one device"));
        const Device device = inlineCatalog.devices().front();
        // The estimators divide by these: guard them here whatever the loader accepts.
        if (!(device.bandwidthGBs > 0))
            fail(field, QStringLiteral("bandwidth_gbs: must be a positive number"));
        if (!(device.fp16Tflops > 0))
            fail(field, QStringLiteral("fp16_tflops: must be a positive number"));
        if (device.memoryOptionsGB.isEmpty() || !(device.largestMemoryGB() > 0))
            fail(field, QStringLiteral("memory_options_gb: must list at least one positive size"));
        return device;
    }

    static double readMemory(const Json &query, const Device &device)
    {
        constexpr std::string_view field = "memory_gb";
        const Json *value = find(query, field);
        if (!value)
            return device.largestMemoryGB();
        if (!value->is_number())
            fail(field, QStringLiteral("must be a number of GB"));
        const double memoryGB = value->get<double>();
        QStringList options;
        for (double option : device.memoryOptionsGB) {
            if (std::abs(option - memoryGB) < memoryOptionTolerance)
                return option;
            options << numberText(option);
        }
        fail(field, numberText(memoryGB) % QStringLiteral(" is not an option of ") % device.id % QStringLiteral(" (")
                        % options.join(QStringLiteral(", ")) % QLatin1Char(')'));
    }

    LanguageModel readModel(const Json &query) const
    {
        constexpr std::string_view field = "model";
        const Json *value = find(query, field);
        if (!value)
            fail(field, QStringLiteral("missing (a model id or an inline model object)"));
        if (value->is_string()) {
            const QString id = readString(*value, field);
            const LanguageModel *model = m_catalog.model(id);
            if (!model)
                fail(field, QStringLiteral("unknown model '") % id % QLatin1Char('\''));
            return *model;
        }
        if (!value->is_object())
            fail(field, QStringLiteral("must be a model id or an inline model object"));
        const Catalog inlineCatalog = loadInline(*value, "models", field);
        if (inlineCatalog.models().size() != 1)
            fail(field, QStringLiteral("must hold exactly one model"));
        const LanguageModel model = inlineCatalog.models().front();
        if (!(model.paramsB > 0))
            fail(field, QStringLiteral("params_b: must be a positive number"));
        return model;
    }

    Quantization readQuant(const Json &query) const
    {
        constexpr std::string_view field = "quant";
        const Json *value = find(query, field);
        if (!value) {
            if (!m_defaultQuant)
                fail(field, QStringLiteral("missing, and the catalog has no ") % defaultQuantName);
            return *m_defaultQuant;
        }
        if (value->is_string()) {
            const QString name = readString(*value, field);
            const Quantization *quant = m_catalog.quantization(name);
            if (!quant)
                fail(field, QStringLiteral("unknown quantization '") % name % QLatin1Char('\''));
            return *quant;
        }
        if (!value->is_object())
            fail(field, QStringLiteral("must be a quantization name or {\"bits_per_weight\": x}"));
        for (const auto &item : value->items()) {
            if (item.key() != "bits_per_weight")
                fail(field, printableJsonText(item.key()) % QStringLiteral(": unknown field (expected bits_per_weight)"));
        }
        const auto bits = value->find("bits_per_weight");
        if (bits == value->end() || !bits->is_number())
            fail(field, QStringLiteral("bits_per_weight: must be a number"));
        const double bitsPerWeight = bits->get<double>();
        if (!(bitsPerWeight > minBitsPerWeight && bitsPerWeight <= maxBitsPerWeight))
            fail(field, QStringLiteral("bits_per_weight: must be greater than 1 and at most 32, got ")
                            % numberText(bitsPerWeight));
        // A name no published file size can match, so the size comes from the bits.
        return Quantization{numberText(bitsPerWeight) % QStringLiteral(" bpw"), bitsPerWeight};
    }

    const Catalog &m_catalog;
    const Quantization *m_defaultQuant;
};


} // namespace

ParsedBatch parseQueries(const QByteArray &json, const Catalog &catalog)
{
    ParsedBatch batch;
    if (const qsizetype deepAt = jsonNestingExceededAt(json, MaxJsonNestingDepth); deepAt >= 0) {
        const std::size_t at = std::size_t(deepAt) + 1; // 1-based, as nlohmann reports positions
        batch.fatalError = QStringLiteral("byte ") % QString::number(at) % QStringLiteral(": nested deeper than ")
            % QString::number(MaxJsonNestingDepth) % QStringLiteral(" levels");
        return batch;
    }
    try {
        const Json document = Json::parse(json.cbegin(), json.cend());
        const auto queries = document.is_object() ? document.find("queries") : document.end();
        if (!document.is_object() || queries == document.end()) {
            batch.fatalError = QStringLiteral("byte 1: expected an object with a \"queries\" array");
            return batch;
        }
        if (!queries->is_array()) {
            batch.fatalError = QStringLiteral("\"queries\" must be an array");
            return batch;
        }
        if (queries->size() > std::size_t(limits::kMaxQueriesPerBatch)) {
            batch.fatalError = QStringLiteral("\"queries\" holds %1 queries; at most %2 are answered in one batch "
                                              "(split it into several)")
                                   .arg(queries->size()).arg(limits::kMaxQueriesPerBatch);
            return batch;
        }
        if (const auto cloud = document.find("cloud_usd_per_million_tokens"); cloud != document.end() && !cloud->is_null()) {
            const ranges::Range range = ranges::kCloudUsdPerMillionTokens;
            const double price = cloud->is_number() ? cloud->get<double>() : -1;
            if (!std::isfinite(price) || !ranges::contains(range, price)) {
                batch.fatalError = QStringLiteral("\"cloud_usd_per_million_tokens\" must be a number from %1 to %2, got %3")
                                       .arg(range.lowest).arg(range.highest).arg(printableJsonText(cloud->dump()));
                return batch;
            }
            batch.cloudUsdPerMillionTokens = price;
        }
        const QueryReader reader(catalog);
        batch.queries.reserve(qsizetype(queries->size()));
        for (const Json &query : *queries)
            batch.queries.append(reader.read(query));
    } catch (const Json::parse_error &error) {
        batch.queries.clear();
        batch.fatalError = QStringLiteral("byte ") % QString::number(error.byte) % QStringLiteral(": not valid JSON: ")
            % jsonExceptionText(error.what());
    } catch (const Json::exception &error) {
        batch.queries.clear();
        batch.fatalError = QStringLiteral("not valid JSON: ") % jsonExceptionText(error.what());
    } catch (const std::bad_alloc &) {
        batch.queries.clear();
        batch.fatalError = QStringLiteral("input too large to hold in memory");
    }
    return batch;
}

} // namespace headroom
