// The catalog loader: every kind of bad input is refused with file, entry, field and problem;
// partial (user) catalogs take their documented defaults and overlay the embedded one by id.
#include "catalog/Catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

const QString kOrigin = QStringLiteral("test.json");

QString dataPath(const char *name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/catalogs/") + QLatin1String(name);
}

QByteArray readData(const char *name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", name);
    return file.readAll();
}

QJsonObject minimalDevice()
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu")},
                       {QStringLiteral("name"), QStringLiteral("GPU")},
                       {QStringLiteral("vendor"), QStringLiteral("acme")},
                       {QStringLiteral("kind"), QStringLiteral("discrete")},
                       {QStringLiteral("memory_options_gb"), QJsonArray{24, 48}},
                       {QStringLiteral("bandwidth_gbs"), 1000},
                       {QStringLiteral("fp16_tflops"), 100}};
}

QJsonObject minimalModel()
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("m")},
                       {QStringLiteral("name"), QStringLiteral("M")},
                       {QStringLiteral("params_b"), 8}};
}

QJsonObject completeDevice()
{
    QJsonObject device = minimalDevice();
    device.insert(QStringLiteral("segment"), QStringLiteral("workstation"));
    device.insert(QStringLiteral("interconnect"),
                  QJsonObject{{QStringLiteral("name"), QStringLiteral("pcie5")}, {QStringLiteral("bandwidth_gbs"), 64}});
    device.insert(QStringLiteral("max_count"), 4);
    device.insert(QStringLiteral("power_w"), 300);
    device.insert(QStringLiteral("source"), QStringLiteral("https://example.com/gpu"));
    return device;
}

QJsonObject completeModel()
{
    QJsonObject model = minimalModel();
    const QList<std::pair<QString, QJsonValue>> fields{
        {QStringLiteral("active_params_b"), 8}, {QStringLiteral("layers"), 32},       {QStringLiteral("hidden"), 4096},
        {QStringLiteral("attention_heads"), 32}, {QStringLiteral("kv_heads"), 8},     {QStringLiteral("head_dim"), 128},
        {QStringLiteral("attention"), QStringLiteral("full")}, {QStringLiteral("experts"), 0},
        {QStringLiteral("experts_per_token"), 0}, {QStringLiteral("max_context"), 8192},
        {QStringLiteral("source"), QStringLiteral("https://example.com/m")}};
    for (const auto &[key, value] : fields)
        model.insert(key, value);
    model.insert(QStringLiteral("published_sizes"),
                 QJsonArray{QJsonObject{{QStringLiteral("quant"), QStringLiteral("Q4_K_M")},
                                        {QStringLiteral("size_gb"), 4.9},
                                        {QStringLiteral("source"), QStringLiteral("https://example.com/gguf")}}});
    return model;
}

QJsonObject completeSystem()
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("box")},
                       {QStringLiteral("name"), QStringLiteral("Box")},
                       {QStringLiteral("vendor"), QStringLiteral("acme")},
                       {QStringLiteral("device"), QStringLiteral("gpu")},
                       {QStringLiteral("count"), 2},
                       {QStringLiteral("memory_gb"), 48},
                       {QStringLiteral("max_cards"), 4},
                       {QStringLiteral("compatible_devices"), QJsonArray{QStringLiteral("gpu")}},
                       {QStringLiteral("source"), QStringLiteral("https://example.com/box")}};
}

QJsonObject with(QJsonObject object, const char *key, const QJsonValue &value)
{
    object.insert(QLatin1String(key), value);
    return object;
}

QJsonObject without(QJsonObject object, const char *key)
{
    object.remove(QLatin1String(key));
    return object;
}

QByteArray section(const char *name, const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject{{QLatin1String(name), entries}}).toJson(QJsonDocument::Compact);
}

QByteArray fullDocument(const QJsonArray &devices, const QJsonArray &models, const QJsonArray &systems)
{
    const QJsonArray quants{QJsonObject{{QStringLiteral("name"), QStringLiteral("Q4_K_M")}, {QStringLiteral("bits_per_weight"), 4.85}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("headroom-catalog")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("devices"), devices},
                                     {QStringLiteral("models"), models},
                                     {QStringLiteral("quantizations"), quants},
                                     {QStringLiteral("systems"), systems}})
        .toJson(QJsonDocument::Compact);
}

QString describeAll(const Diagnostics &diagnostics)
{
    return diagnostics.isEmpty() ? QStringLiteral("(no diagnostics)") : toString(diagnostics);
}

// The diagnostics of a failed load, for failure messages (QVERIFY2 evaluates its message eagerly).
QString problems(const CatalogOrDiagnostics &result)
{
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    return diagnostics ? describeAll(*diagnostics) : QString();
}

} // namespace

class TestCatalog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
    void collectsEveryProblem();
    void validCompleteDocumentLoads();
    void cardsOnlyPriceIsRead();
    void bracketsInsideStringsAreNotNesting();
    void survivesMutatedBytes();
    void partialDeviceDefaults_data();
    void partialDeviceDefaults();
    void everyInterconnectNameLoads_data();
    void everyInterconnectNameLoads();
    void partialModelDerivesLlamaShape();
    void lookups();
    void overlayReplacesById();
    void userCatalogOverlaysEmbedded();
    void userCatalogProblems_data();
    void userCatalogProblems();
    void userOverrideKeepsTheFieldsItLeavesOut();
    void userOverrideBlamesOnlyTheUsersEntries();
};

QString problemsOf(const CatalogOrDiagnostics &result)
{
    const auto *problems = std::get_if<Diagnostics>(&result);
    return problems ? toString(*problems) : QString();
}

// A device overridden with only its required fields keeps its price, power, segment and max_count, so the
// built-in systems that use it stay valid.
void TestCatalog::userOverrideKeepsTheFieldsItLeavesOut()
{
    const CatalogOrDiagnostics result = loadUserCatalog(dataPath("user-breaks-embedded.json"));
    QVERIFY2(std::holds_alternative<Catalog>(result), qPrintable(problemsOf(result)));
    const Catalog &merged = std::get<Catalog>(result);
    const Device *embedded = embeddedCatalog().device(QStringLiteral("rtx-5090"));
    const Device *overridden = merged.device(QStringLiteral("rtx-5090"));
    QVERIFY(embedded && overridden);
    QCOMPARE(overridden->name, QStringLiteral("RTX 5090 (my overclocked card)"));
    QCOMPARE(overridden->bandwidthGBs, 1900.0);
    QCOMPARE(overridden->maxCount, embedded->maxCount);
    QCOMPARE(overridden->priceUsd, embedded->priceUsd);
    QCOMPARE(overridden->powerW, embedded->powerW);
    QVERIFY(merged.system(QStringLiteral("bizon-x5500-g2")));
}

// A user who lowers max_count below a built-in system's card count is not blamed for that system: it is left
// out of the merged catalog instead.
void TestCatalog::userOverrideBlamesOnlyTheUsersEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("one-card.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"devices":[{"id":"rtx-5090","max_count":1}]})");
    file.close();
    const CatalogOrDiagnostics result = loadUserCatalog(path);
    QVERIFY2(std::holds_alternative<Catalog>(result), qPrintable(problemsOf(result)));
    const Catalog &merged = std::get<Catalog>(result);
    QCOMPARE(merged.device(QStringLiteral("rtx-5090"))->maxCount, 1);
    QVERIFY(!merged.system(QStringLiteral("bizon-x5500-g2")));
}

void TestCatalog::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("partial");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("problem");

    const auto row = [](const char *name, const QByteArray &json, bool partial, const char *entry, const char *field,
                        const char *problem) {
        QTest::newRow(name) << json << partial << QString::fromUtf8(entry) << QString::fromUtf8(field)
                            << QString::fromUtf8(problem);
    };
    const auto device = [](const QJsonObject &object) { return section("devices", QJsonArray{object}); };
    const auto model = [](const QJsonObject &object) { return section("models", QJsonArray{object}); };

    // Bytes that are not a catalog at all.
    row("empty", QByteArray(), true, "", "", "is empty");
    row("white space", QByteArrayLiteral(" \n\t "), true, "", "", "is empty");
    row("not JSON", QByteArrayLiteral("devices: none"), true, "", "", "not valid JSON at byte 1: line 1, column 1");
    row("trailing garbage", QByteArrayLiteral("{} x"), true, "", "", "not valid JSON at byte 4");
    row("truncated file", readData("truncated.json"), true, "", "", "not valid JSON at byte");
    row("binary file", readData("binary.json"), true, "", "", "not valid JSON at byte");
    row("invalid UTF-8", QByteArrayLiteral("{\"notes\": \"\xff\xfe\"}"), true, "", "", "not valid JSON");
    row("100000-deep arrays", QByteArray(100000, '['), true, "", "", "nested deeper than 64 levels");
    row("100000-deep objects", QByteArray("{\"a\":").repeated(100000), true, "", "", "nested deeper than 64 levels");
    row("top level array", QByteArrayLiteral("[]"), true, "", "", "must be a JSON object at the top level, got an array");
    row("top level number", QByteArrayLiteral("42"), true, "", "", "got 42");

    // Header.
    row("foreign format", QByteArrayLiteral("{\"format\": \"headroom-scenario\", \"version\": 1}"), true, "", "format",
        "must be \"headroom-catalog\"");
    row("future version", readData("future-version.json"), false, "", "version", "version 2 is newer");
    row("version as text", QByteArrayLiteral("{\"version\": \"1\"}"), true, "", "version", "must be a number, got \"1\"");
    row("version zero", QByteArrayLiteral("{\"version\": 0}"), true, "", "version", "must be at least 1, got 0");
    row("complete catalog without format", QByteArrayLiteral("{\"version\": 1}"), false, "", "format", "is required but missing");
    row("complete catalog without devices", QByteArrayLiteral("{\"format\": \"headroom-catalog\", \"version\": 1}"), false, "",
        "devices", "is required but missing");
    row("section not an array", QByteArrayLiteral("{\"devices\": {}}"), true, "", "devices", "must be an array, got an object");
    row("entry not an object", QByteArrayLiteral("{\"devices\": [42]}"), true, "devices[0]", "", "must be an object, got 42");

    // Wrong types and missing fields.
    row("id missing", device(without(minimalDevice(), "id")), true, "devices[0]", "id", "is required but missing");
    row("id a number", device(with(minimalDevice(), "id", 5)), true, "devices[0]", "id", "must be a string, got 5");
    row("id with spaces", device(with(minimalDevice(), "id", QStringLiteral("my gpu"))), true, "devices[my gpu]", "id",
        "without spaces");
    row("name empty", device(with(minimalDevice(), "name", QString())), true, "devices[gpu]", "name", "must not be empty");
    row("bandwidth missing", device(without(minimalDevice(), "bandwidth_gbs")), true, "devices[gpu]", "bandwidth_gbs",
        "is required but missing");
    row("bandwidth text (file)", readData("wrong-types.json"), true, "devices[typo-gpu]", "bandwidth_gbs",
        "must be a number, got \"fast\"");
    row("memory options text (file)", readData("wrong-types.json"), true, "devices[typo-gpu]", "memory_options_gb",
        "must be a non-empty array of numbers, got \"24\"");
    row("fp16 a boolean (file)", readData("wrong-types.json"), true, "devices[typo-gpu]", "fp16_tflops",
        "must be a number, got true");
    row("source a number (file)", readData("wrong-types.json"), true, "devices[typo-gpu]", "source",
        "must be a string, got 7");
    row("bandwidth null", device(with(minimalDevice(), "bandwidth_gbs", QJsonValue::Null)), true, "devices[gpu]",
        "bandwidth_gbs", "must be a number, got null");
    row("kind unknown", device(with(minimalDevice(), "kind", QStringLiteral("hybrid"))), true, "devices[gpu]", "kind",
        "must be one of unified, discrete; got \"hybrid\"");
    row("segment unknown", device(with(minimalDevice(), "segment", QStringLiteral("gaming"))), true, "devices[gpu]",
        "segment", "must be one of apple, consumer");
    row("interconnect unknown", device(with(minimalDevice(), "interconnect", QJsonObject{{QStringLiteral("name"), QStringLiteral("sli")}, {QStringLiteral("bandwidth_gbs"), 2}})),
        true, "devices[gpu].interconnect", "name", "must be one of none, pcie3");
    row("interconnect a string", device(with(minimalDevice(), "interconnect", QStringLiteral("pcie4"))), true,
        "devices[gpu]", "interconnect", "must be an object, got \"pcie4\"");
    row("price without date", device(with(minimalDevice(), "price_usd", 1999)), true, "devices[gpu]", "price_date",
        "is required but missing");
    row("price without source", device(with(with(minimalDevice(), "price_usd", 1999), "price_date", QStringLiteral("2026-11"))),
        true, "devices[gpu]", "price_source", "is required but missing");
    row("memory list empty", device(with(minimalDevice(), "memory_options_gb", QJsonArray{})), true, "devices[gpu]",
        "memory_options_gb", "must be a non-empty array");
    row("memory option repeated", device(with(minimalDevice(), "memory_options_gb", QJsonArray{24, 24})), true,
        "devices[gpu]", "memory_options_gb[1]", "repeats 24");

    // Negative, zero and absurd numbers.
    row("bandwidth negative (file)", readData("absurd-numbers.json"), true, "devices[rtx-5090]", "bandwidth_gbs",
        "must be at least 1, got -5");
    row("fp16 zero (file)", readData("absurd-numbers.json"), true, "devices[rtx-5090]", "fp16_tflops",
        "must be at least 0.01, got 0");
    row("memory in MB (file)", readData("absurd-numbers.json"), true, "devices[rtx-5090]", "memory_options_gb[0]",
        "is absurd: must be at most 10000, got 32768");
    row("max count 65 (file)", readData("absurd-numbers.json"), true, "devices[rtx-5090]", "max_count",
        "is absurd: must be at most 64, got 65");
    row("params absurd (file)", readData("absurd-numbers.json"), true, "models[huge]", "params_b",
        "is absurd: must be at most 100000, got 200000");
    row("layers absurd (file)", readData("absurd-numbers.json"), true, "models[huge]", "layers",
        "is absurd: must be at most 1000, got 1001");
    row("bandwidth zero", device(with(minimalDevice(), "bandwidth_gbs", 0)), true, "devices[gpu]", "bandwidth_gbs",
        "must be at least 1, got 0");
    // Tiny positive values are unit mistakes that would give "fits" at 0 t/s.
    row("bandwidth tiny", device(with(minimalDevice(), "bandwidth_gbs", 1e-300)), true, "devices[gpu]", "bandwidth_gbs",
        "must be at least 1, got 1e-300");
    row("fp16 tiny", device(with(minimalDevice(), "fp16_tflops", 1e-300)), true, "devices[gpu]", "fp16_tflops",
        "must be at least 0.01, got 1e-300");
    row("memory tiny", device(with(minimalDevice(), "memory_options_gb", QJsonArray{1e-300})), true, "devices[gpu]",
        "memory_options_gb[0]", "must be at least 0.5, got 1e-300");
    row("params tiny", model(with(minimalModel(), "params_b", 1e-300)), true, "models[m]", "params_b",
        "must be at least 1e-05, got 1e-300");
    row("bandwidth absurd", device(with(minimalDevice(), "bandwidth_gbs", 200000)), true, "devices[gpu]", "bandwidth_gbs",
        "is absurd");
    row("fp16 absurd", device(with(minimalDevice(), "fp16_tflops", 1e6)), true, "devices[gpu]", "fp16_tflops", "is absurd");
    row("power negative", device(with(minimalDevice(), "power_w", -1)), true, "devices[gpu]", "power_w",
        "must not be negative, got -1");
    row("max count fractional", device(with(minimalDevice(), "max_count", 2.5)), true, "devices[gpu]", "max_count",
        "must be a whole number, got 2.5");
    row("number too large for a double", QByteArrayLiteral("{\"devices\": [{\"id\": \"gpu\", \"bandwidth_gbs\": 1e400}]}"), true,
        "", "", "not valid JSON: number overflow parsing '1e400'");
    row("params zero", model(with(minimalModel(), "params_b", 0)), true, "models[m]", "params_b",
        "must be at least 1e-05, got 0");
    row("active above total", model(with(minimalModel(), "active_params_b", 9)), true, "models[m]", "active_params_b",
        "must not exceed params_b (8), got 9");
    row("kv heads above heads", model(with(with(minimalModel(), "attention_heads", 8), "kv_heads", 16)), true, "models[m]",
        "kv_heads", "must not exceed attention_heads (8), got 16");
    row("kv heads not a divisor", model(with(with(minimalModel(), "attention_heads", 32), "kv_heads", 5)), true,
        "models[m]", "kv_heads", "must divide attention_heads");
    row("global kv heads not a divisor", model(with(with(minimalModel(), "attention_heads", 32), "global_kv_heads", 5)), true,
        "models[m]", "global_kv_heads", "must divide attention_heads (32), got 5");
    row("global head dim zero", model(with(minimalModel(), "global_head_dim", 0)), true, "models[m]", "global_head_dim",
        "must be at least 1");
    row("experts per token above experts", model(with(with(minimalModel(), "experts", 8), "experts_per_token", 9)), true,
        "models[m]", "experts_per_token", "must not exceed experts (8), got 9");
    row("experts without per token", model(with(minimalModel(), "experts", 8)), true, "models[m]", "experts_per_token",
        "must be at least 1");
    row("sliding without window", model(with(minimalModel(), "attention", QStringLiteral("sliding"))), true, "models[m]",
        "sliding_window", "is required");
    row("mla without latent", model(with(minimalModel(), "attention", QStringLiteral("mla"))), true, "models[m]",
        "mla_latent_dim", "is required");
    row("sparse attention on full attention", model(with(with(with(minimalModel(), "sparse_top_k", 2048), "indexer_heads", 32), "indexer_key_dim", 128)),
        true, "models[m]", "sparse_top_k", "applies to mla and compressed attention only");
    row("compressed without window", model(with(minimalModel(), "attention", QStringLiteral("compressed"))), true, "models[m]",
        "sliding_window", "is required and positive for compressed attention");
    row("compressed layers without ratio",
        model(with(with(with(minimalModel(), "attention", QStringLiteral("compressed")), "sliding_window", 128), "compressed_layers", 2)),
        true, "models[m]", "compress_ratio", "is required when compressed_layers is set");
    row("compressed layers on full attention", model(with(with(minimalModel(), "compressed_layers", 2), "compress_ratio", 4)), true,
        "models[m]", "compressed_layers", "applies to compressed attention only");
    row("compress ratio of one",
        model(with(with(with(with(minimalModel(), "attention", QStringLiteral("compressed")), "sliding_window", 128), "compressed_layers", 2), "compress_ratio", 1)),
        true, "models[m]", "compress_ratio", "must be");
    row("linear state on full attention", model(with(minimalModel(), "linear_state_elements", 1000)), true, "models[m]",
        "linear_state_elements", "applies to linear attention only");
    row("linear state bytes without elements", model(with(minimalModel(), "linear_state_bytes", 4)), true, "models[m]",
        "linear_state_bytes", "needs linear_state_elements");
    row("mtp params negative", model(with(minimalModel(), "mtp_params_b", -1)), true, "models[m]", "mtp_params_b", "must be");
    row("sparse attention without its indexer",
        model(with(with(with(minimalModel(), "attention", QStringLiteral("mla")), "mla_latent_dim", 576), "sparse_top_k", 2048)), true,
        "models[m]", "sparse_top_k", "sparse_top_k, indexer_heads and indexer_key_dim go together");
    row("attention unknown", model(with(minimalModel(), "attention", QStringLiteral("flash"))), true, "models[m]",
        "attention", "must be one of full, sliding, mla, linear, compressed");
    row("published size negative",
        model(with(minimalModel(), "published_sizes", QJsonArray{QJsonObject{{QStringLiteral("quant"), QStringLiteral("Q4_K_M")}, {QStringLiteral("size_gb"), -4}}})),
        true, "models[m].published_sizes[0]", "size_gb", "must be a positive number, got -4");
    row("bits per weight too low", section("quantizations", QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Q1")}, {QStringLiteral("bits_per_weight"), 0.5}}}),
        true, "quantizations[Q1]", "bits_per_weight", "must be greater than 1, got 0.5");
    row("bits per weight above 32", section("quantizations", QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("F64")}, {QStringLiteral("bits_per_weight"), 64}}}),
        true, "quantizations[F64]", "bits_per_weight", "is absurd: must be at most 32, got 64");
    row("system count above max cards", section("systems", QJsonArray{with(completeSystem(), "count", 5)}), true,
        "systems[box]", "count", "must not exceed max_cards (4), got 5");
    row("cards only not a boolean", section("systems", QJsonArray{with(completeSystem(), "cards_only", QStringLiteral("yes"))}),
        true, "systems[box]", "cards_only", "must be true or false, got \"yes\"");
    row("cards only without a price", section("systems", QJsonArray{with(completeSystem(), "cards_only", true)}), true,
        "systems[box]", "cards_only", "qualifies a price: it needs price_usd");

    // Duplicates.
    row("duplicate model ids (file)", readData("duplicate-ids.json"), true, "models[twin]", "id",
        "duplicate id \"twin\" (first defined at models[0])");
    row("duplicate quantization names differ in case",
        section("quantizations", QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Q4_K_M")}, {QStringLiteral("bits_per_weight"), 4.85}},
                                            QJsonObject{{QStringLiteral("name"), QStringLiteral("q4_k_m")}, {QStringLiteral("bits_per_weight"), 4.8}}}),
        true, "quantizations[q4_k_m]", "name", "duplicate id");

    // Unknown references (a complete catalog checks them itself).
    row("system names unknown device",
        fullDocument(QJsonArray{completeDevice()}, QJsonArray{completeModel()}, QJsonArray{with(with(completeSystem(), "device", QStringLiteral("nope")), "compatible_devices", QJsonArray{})}),
        false, "systems[box]", "device", "names unknown device \"nope\"");
    row("system memory not an option",
        fullDocument(QJsonArray{completeDevice()}, QJsonArray{completeModel()}, QJsonArray{with(completeSystem(), "memory_gb", 32)}),
        false, "systems[box]", "memory_gb", "32 is not a memory option of \"gpu\" (24, 48)");
    row("system count above device max",
        fullDocument(QJsonArray{completeDevice()}, QJsonArray{completeModel()}, QJsonArray{with(with(completeSystem(), "count", 6), "max_cards", 8)}),
        false, "systems[box]", "count", "6 exceeds the max_count (4) of \"gpu\"");
    row("compatible device unknown",
        fullDocument(QJsonArray{completeDevice()}, QJsonArray{completeModel()},
                     QJsonArray{with(completeSystem(), "compatible_devices", QJsonArray{QStringLiteral("gpu"), QStringLiteral("ghost")})}),
        false, "systems[box]", "compatible_devices[1]", "names unknown device \"ghost\"");
    row("published size names unknown quant",
        fullDocument(QJsonArray{completeDevice()},
                     QJsonArray{with(completeModel(), "published_sizes", QJsonArray{QJsonObject{{QStringLiteral("quant"), QStringLiteral("Q9_X")}, {QStringLiteral("size_gb"), 4}, {QStringLiteral("source"), QString()}}})},
                     QJsonArray{completeSystem()}),
        false, "models[m]", "published_sizes[0].quant", "names unknown quantization \"Q9_X\"");
    row("complete catalog needs every field", fullDocument(QJsonArray{minimalDevice()}, QJsonArray{completeModel()}, QJsonArray{}),
        false, "devices[gpu]", "max_count", "is required but missing");
}

void TestCatalog::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, partial);
    QFETCH(QString, entry);
    QFETCH(QString, field);
    QFETCH(QString, problem);

    const CatalogOrDiagnostics result = loadCatalog(json, kOrigin, partial);
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    QVERIFY2(diagnostics, "the input was accepted");
    QVERIFY(!diagnostics->isEmpty());
    const bool found = std::any_of(diagnostics->cbegin(), diagnostics->cend(), [&](const Diagnostic &diagnostic) {
        return diagnostic.file == kOrigin && diagnostic.entry == entry && diagnostic.field == field
            && diagnostic.problem.contains(problem);
    });
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1: %2: %3 in\n%4").arg(entry, field, problem, describeAll(*diagnostics))));
}

void TestCatalog::collectsEveryProblem()
{
    const CatalogOrDiagnostics result = loadCatalog(readData("absurd-numbers.json"), kOrigin, true);
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    QVERIFY(diagnostics);
    QStringList fields;
    for (const Diagnostic &diagnostic : *diagnostics)
        fields << diagnostic.entry + QLatin1Char('.') + diagnostic.field;
    QCOMPARE(fields, (QStringList{QStringLiteral("devices[rtx-5090].memory_options_gb[0]"),
                                  QStringLiteral("devices[rtx-5090].bandwidth_gbs"),
                                  QStringLiteral("devices[rtx-5090].fp16_tflops"),
                                  QStringLiteral("devices[rtx-5090].max_count"),
                                  QStringLiteral("models[huge].params_b"),
                                  QStringLiteral("models[huge].layers")}));
    QCOMPARE(diagnostics->first().toString(),
             QStringLiteral("test.json: devices[rtx-5090]: memory_options_gb[0]: is absurd: must be at most 10000, got 32768"));
}

void TestCatalog::validCompleteDocumentLoads()
{
    const CatalogOrDiagnostics result =
        loadCatalog(fullDocument(QJsonArray{completeDevice()}, QJsonArray{completeModel()}, QJsonArray{completeSystem()}), kOrigin);
    const auto *catalog = std::get_if<Catalog>(&result);
    QVERIFY2(catalog, qPrintable(problems(result)));
    QCOMPARE(catalog->devices().size(), 1);
    const Device *device = catalog->device(QStringLiteral("gpu"));
    QVERIFY(device);
    QCOMPARE(device->interconnect, (Interconnect{QStringLiteral("pcie5"), 64}));
    QCOMPARE(toString(device->segment), toString(Segment::Workstation));
    QCOMPARE(device->memoryOptionsGB, (QList<double>{24, 48}));
    const NamedSystem *system = catalog->system(QStringLiteral("box"));
    QVERIFY(system);
    QCOMPARE(system->configuration.count, 2);
    QCOMPARE(system->configuration.memoryGB, 48.0);
    QCOMPARE(system->maxCards, 4);
    QVERIFY(!system->cardsOnly); // a price, when given, is a whole system's unless marked
    QCOMPARE(catalog->model(QStringLiteral("m"))->publishedSizeGB(QStringLiteral("q4_k_m")), std::optional<double>(4.9));
}

// A system price can be marked as covering the cards alone; the mark travels with the price.
void TestCatalog::cardsOnlyPriceIsRead()
{
    QJsonObject priced = with(with(with(completeSystem(), "price_usd", 3998), "price_date", QStringLiteral("2025-01")),
                              "price_source", QStringLiteral("https://example.com/cards"));
    const CatalogOrDiagnostics whole = loadCatalog(section("systems", QJsonArray{priced}), kOrigin, true);
    QVERIFY2(std::holds_alternative<Catalog>(whole), qPrintable(problems(whole)));
    QVERIFY(!std::get<Catalog>(whole).system(QStringLiteral("box"))->cardsOnly);

    const CatalogOrDiagnostics cards = loadCatalog(section("systems", QJsonArray{with(priced, "cards_only", true)}), kOrigin, true);
    QVERIFY2(std::holds_alternative<Catalog>(cards), qPrintable(problems(cards)));
    const NamedSystem *system = std::get<Catalog>(cards).system(QStringLiteral("box"));
    QVERIFY(system);
    QVERIFY(system->cardsOnly);
    QCOMPARE(system->priceUsd, std::optional<double>(3998));

    const CatalogOrDiagnostics explicitWhole = loadCatalog(section("systems", QJsonArray{with(priced, "cards_only", false)}), kOrigin, true);
    QVERIFY2(std::holds_alternative<Catalog>(explicitWhole), qPrintable(problems(explicitWhole)));
    QVERIFY(!std::get<Catalog>(explicitWhole).system(QStringLiteral("box"))->cardsOnly);
}

void TestCatalog::bracketsInsideStringsAreNotNesting()
{
    const QByteArray json = "{\"notes\": \"" + QByteArray(1000, '[') + "\\\"{{{\"}";
    const CatalogOrDiagnostics result = loadCatalog(json, kOrigin, true);
    QVERIFY2(std::holds_alternative<Catalog>(result), qPrintable(problems(result)));
}

// Random damage to a valid catalog: every outcome is a catalog or a non-empty list of diagnostics, never a crash.
void TestCatalog::survivesMutatedBytes()
{
    QFile file(QStringLiteral(":/catalog.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QRandomGenerator random(20260501);
    int refused = 0;
    constexpr int kRounds = 300;
    for (int round = 0; round < kRounds; ++round) {
        QByteArray damaged = original;
        const int edits = 1 + int(random.bounded(8));
        for (int edit = 0; edit < edits; ++edit)
            damaged[qsizetype(random.bounded(quint32(damaged.size())))] = char(random.bounded(256));
        if (round % 3 == 0)
            damaged.truncate(qsizetype(random.bounded(quint32(damaged.size()))));
        const CatalogOrDiagnostics result = loadCatalog(damaged, kOrigin, round % 2 == 0);
        if (const auto *diagnostics = std::get_if<Diagnostics>(&result)) {
            QVERIFY(!diagnostics->isEmpty());
            for (const Diagnostic &diagnostic : *diagnostics) {
                QCOMPARE(diagnostic.file, kOrigin);
                QVERIFY(!diagnostic.problem.isEmpty());
            }
            ++refused;
        }
    }
    QVERIFY(refused > kRounds / 2);
}

void TestCatalog::partialDeviceDefaults_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<Segment>("segment");
    QTest::addColumn<QString>("link");
    QTest::addColumn<double>("linkGBs");

    QTest::newRow("discrete card") << QStringLiteral("acme") << QStringLiteral("discrete") << Segment::Other
                                   << QStringLiteral("pcie4") << 32.0;
    QTest::newRow("apple chip") << QStringLiteral("Apple") << QStringLiteral("unified") << Segment::Apple
                                << QStringLiteral("none") << 0.0;
    QTest::newRow("other unified") << QStringLiteral("amd") << QStringLiteral("unified") << Segment::Other
                                   << QStringLiteral("none") << 0.0;
}

void TestCatalog::partialDeviceDefaults()
{
    QFETCH(QString, vendor);
    QFETCH(QString, kind);
    QFETCH(Segment, segment);
    QFETCH(QString, link);
    QFETCH(double, linkGBs);

    const QJsonObject json = with(with(minimalDevice(), "vendor", vendor), "kind", kind);
    const CatalogOrDiagnostics result = loadCatalog(section("devices", QJsonArray{json}), kOrigin, true);
    const auto *catalog = std::get_if<Catalog>(&result);
    QVERIFY2(catalog, qPrintable(problems(result)));
    const Device *device = catalog->device(QStringLiteral("gpu"));
    QVERIFY(device);
    QCOMPARE(device->vendor, vendor.toLower());
    QCOMPARE(toString(device->segment), toString(segment));
    QCOMPARE(device->interconnect, (Interconnect{link, linkGBs}));
    QCOMPARE(device->maxCount, 1);
    QCOMPARE(device->powerW, 0.0);
    QVERIFY(!device->priceUsd);
    QVERIFY(device->source.isEmpty());
}

// Every link a catalog may name loads, with its bandwidth as given.
void TestCatalog::everyInterconnectNameLoads_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<double>("linkGBs");
    const QList<std::pair<const char *, double>> links{
        {"none", 0},      {"pcie3", 16},     {"pcie4", 32},           {"pcie5", 64},
        {"nvlink2", 150}, {"nvlink3", 300},  {"nvlink4", 450},        {"nvlink5", 900},
        {"connectx7", 25}, {"connectx8", 100}, {"infinityfabric", 448}, {"thunderbolt5", 10}};
    for (const auto &[name, gbs] : links)
        QTest::newRow(name) << QString::fromLatin1(name) << gbs;
}

void TestCatalog::everyInterconnectNameLoads()
{
    QFETCH(QString, link);
    QFETCH(double, linkGBs);
    const QJsonObject json = with(minimalDevice(), "interconnect",
                                  QJsonObject{{QStringLiteral("name"), link}, {QStringLiteral("bandwidth_gbs"), linkGBs}});
    const CatalogOrDiagnostics result = loadCatalog(section("devices", QJsonArray{json}), kOrigin, true);
    const auto *catalog = std::get_if<Catalog>(&result);
    QVERIFY2(catalog, qPrintable(problems(result)));
    const Device *device = catalog->device(QStringLiteral("gpu"));
    QVERIFY(device);
    QCOMPARE(device->interconnect, (Interconnect{link, linkGBs}));
}

void TestCatalog::partialModelDerivesLlamaShape()
{
    const CatalogOrDiagnostics result = loadCatalog(section("models", QJsonArray{minimalModel()}), kOrigin, true);
    const auto *catalog = std::get_if<Catalog>(&result);
    QVERIFY2(catalog, qPrintable(problems(result)));
    const LanguageModel *model = catalog->model(QStringLiteral("m"));
    QVERIFY(model);
    // 8 B: cbrt(8e9 / (12 * 128^2)) = 34.4 layers; 128 * 34 = 4352 rounds to 4096 hidden; 32 heads of 128, 8 KV heads.
    QCOMPARE(model->activeParamsB, 8.0);
    QCOMPARE(model->layers, 34);
    QCOMPARE(model->hidden, 4096);
    QCOMPARE(model->headDim, 128);
    QCOMPARE(model->attentionHeads, 32);
    QCOMPARE(model->kvHeads, 8);
    QCOMPARE(toString(model->attention), toString(AttentionKind::Full));
    QCOMPARE(model->experts, 0);
    QCOMPARE(model->maxContext, 131072);

    const QJsonObject sliding = with(with(with(minimalModel(), "attention", QStringLiteral("sliding")), "sliding_window", 4096),
                                     "attention_heads", 12);
    const CatalogOrDiagnostics slidingResult = loadCatalog(section("models", QJsonArray{sliding}), kOrigin, true);
    const auto *slidingCatalog = std::get_if<Catalog>(&slidingResult);
    QVERIFY2(slidingCatalog, qPrintable(problems(slidingResult)));
    const LanguageModel *slidingModel = slidingCatalog->model(QStringLiteral("m"));
    QCOMPARE(slidingModel->slidingLayers, slidingModel->layers);
    QCOMPARE(slidingModel->kvHeads, 6); // largest divisor of 12 that is at most 8
}

void TestCatalog::lookups()
{
    Catalog catalog;
    Device gpu;
    gpu.id = QStringLiteral("gpu");
    gpu.bandwidthGBs = 1000;
    catalog.addDevice(gpu);
    catalog.addQuantization(Quantization{QStringLiteral("Q4_K_M"), 4.85});
    LanguageModel model;
    model.id = QStringLiteral("m");
    catalog.addModel(model);
    NamedSystem box;
    box.id = QStringLiteral("box");
    catalog.addSystem(box);

    QVERIFY(catalog.device(QStringLiteral("gpu")));
    QCOMPARE(catalog.device(QStringLiteral("gpu"))->bandwidthGBs, 1000.0);
    QVERIFY(!catalog.device(QStringLiteral("GPU"))); // ids are case-sensitive
    QVERIFY(!catalog.device(QStringLiteral("nope")));
    QVERIFY(catalog.model(QStringLiteral("m")));
    QVERIFY(catalog.system(QStringLiteral("box")));
    QVERIFY(!catalog.system(QStringLiteral("m")));
    for (const QString &spelling : {QStringLiteral("Q4_K_M"), QStringLiteral("q4_k_m"), QStringLiteral("q4_K_m")}) {
        QVERIFY(catalog.quantization(spelling));
        QCOMPARE(catalog.quantization(spelling)->bitsPerWeight, 4.85);
    }
    QVERIFY(!catalog.quantization(QStringLiteral("Q8_0")));

    // Adding an existing id replaces the entry instead of duplicating it.
    gpu.bandwidthGBs = 2000;
    catalog.addDevice(gpu);
    QCOMPARE(catalog.devices().size(), 1);
    QCOMPARE(catalog.device(QStringLiteral("gpu"))->bandwidthGBs, 2000.0);
    Catalog copy = catalog;
    QVERIFY(copy == catalog);
    copy.addQuantization(Quantization{QStringLiteral("q4_k_m"), 4.5});
    QVERIFY(!(copy == catalog));
    QCOMPARE(copy.quantizations().size(), 1);
}

void TestCatalog::overlayReplacesById()
{
    Catalog base;
    Device first;
    first.id = QStringLiteral("a");
    first.bandwidthGBs = 100;
    Device second;
    second.id = QStringLiteral("b");
    base.addDevice(first);
    base.addDevice(second);

    Catalog overlay;
    Device replacement = first;
    replacement.bandwidthGBs = 150;
    Device added;
    added.id = QStringLiteral("c");
    overlay.addDevice(added);
    overlay.addDevice(replacement);

    const Catalog merged = base.overlaidWith(overlay);
    QCOMPARE(merged.devices().size(), 3);
    QCOMPARE(merged.devices().at(0).id, QStringLiteral("a")); // replaced in place
    QCOMPARE(merged.devices().at(0).bandwidthGBs, 150.0);
    QCOMPARE(merged.devices().at(2).id, QStringLiteral("c")); // appended
    QCOMPARE(base.device(QStringLiteral("a"))->bandwidthGBs, 100.0); // the base is untouched
    QVERIFY(base.overlaidWith(Catalog()) == base);
}

void TestCatalog::userCatalogOverlaysEmbedded()
{
    const CatalogOrDiagnostics result = loadUserCatalog(dataPath("user-overlay.json"));
    const auto *catalog = std::get_if<Catalog>(&result);
    QVERIFY2(catalog, qPrintable(problems(result)));
    const Catalog &embedded = embeddedCatalog();
    QCOMPARE(catalog->devices().size(), embedded.devices().size() + 1);
    QCOMPARE(catalog->models().size(), embedded.models().size() + 1);
    QCOMPARE(catalog->device(QStringLiteral("rtx-5090"))->bandwidthGBs, 1900.0);
    QCOMPARE(catalog->device(QStringLiteral("rtx-5090"))->name, QStringLiteral("RTX 5090 (my overclocked card)"));
    QCOMPARE(catalog->device(QStringLiteral("rtx-4090"))->bandwidthGBs, embedded.device(QStringLiteral("rtx-4090"))->bandwidthGBs);
    QCOMPARE(toString(catalog->device(QStringLiteral("my-apu"))->segment), toString(Segment::Apple));
    QCOMPARE(catalog->model(QStringLiteral("my-8b"))->layers, 34);
    const NamedSystem *studio = catalog->system(QStringLiteral("my-studio"));
    QVERIFY(studio);
    QCOMPARE(studio->configuration.deviceId, QStringLiteral("m3-ultra"));
    QCOMPARE(studio->configuration.memoryGB, 512.0);
    QVERIFY(catalog->quantization(QStringLiteral("Q4_K_M"))); // untouched sections come from the embedded catalog
}

void TestCatalog::userCatalogProblems_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("problem");

    QTest::newRow("missing file") << dataPath("no-such-catalog.json") << QString() << QString()
                                  << QStringLiteral("cannot read file: it does not exist");
    QTest::newRow("directory") << QStringLiteral(HEADROOM_TEST_DATA "/catalogs") << QString() << QString()
                               << QStringLiteral("is a directory");
    QTest::newRow("unknown device after overlay") << dataPath("user-bad-reference.json") << QStringLiteral("systems[ghost-box]")
                                                  << QStringLiteral("device") << QStringLiteral("names unknown device \"no-such-gpu\"");
    QTest::newRow("memory not an option of an embedded device")
        << dataPath("user-bad-reference.json") << QStringLiteral("systems[odd-studio]") << QStringLiteral("memory_gb")
        << QStringLiteral("300 is not a memory option of \"m3-ultra\" (96, 256, 512)");
    QTest::newRow("wrong types") << dataPath("wrong-types.json") << QStringLiteral("devices[typo-gpu]")
                                 << QStringLiteral("bandwidth_gbs") << QStringLiteral("must be a number");
    QTest::newRow("binary") << dataPath("binary.json") << QString() << QString() << QStringLiteral("not valid JSON at byte");
}

void TestCatalog::userCatalogProblems()
{
    QFETCH(QString, path);
    QFETCH(QString, entry);
    QFETCH(QString, field);
    QFETCH(QString, problem);

    const CatalogOrDiagnostics result = loadUserCatalog(path);
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    QVERIFY2(diagnostics, "the user catalog was accepted");
    const bool found = std::any_of(diagnostics->cbegin(), diagnostics->cend(), [&](const Diagnostic &diagnostic) {
        return diagnostic.file == path && diagnostic.entry == entry && diagnostic.field == field
            && diagnostic.problem.contains(problem);
    });
    QVERIFY2(found, qPrintable(describeAll(*diagnostics)));
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
