// `headroom estimate` in-process (SPEC §5): bad bytes, bad queries, bad catalogs, every catalog id, result fields.
#include "catalog/Catalog.h"
#include "commands/EstimateCommand.h"
#include "engine/Estimator.h"
#include "protocol/QueryJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace headroom;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/queries/") + name;
}

QJsonArray resultsOf(const EstimateRun &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.output, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("output is not JSON: %s", qPrintable(error.errorString()));
    return document.object().value(QStringLiteral("results")).toArray();
}

// A batch of three: valid, the query under test, valid.
QByteArray sandwich(const QByteArray &query)
{
    return "{\"queries\":[{\"id\":\"before\",\"hardware\":\"m3-ultra\",\"model\":\"llama-3.3-70b\"}," + query
        + ",{\"id\":\"after\",\"hardware\":\"rtx-5090\",\"model\":\"llama-3.1-8b\"}]}";
}

const QSet<QString> resultFields{
    QStringLiteral("id"),           QStringLiteral("fit"),           QStringLiteral("memory_gb"),
    QStringLiteral("decode_tps_per_user"), QStringLiteral("decode_tps_low"), QStringLiteral("decode_tps_high"),
    QStringLiteral("decode_tps_total"), QStringLiteral("decode_tps_total_low"), QStringLiteral("decode_tps_total_high"),
    QStringLiteral("output_tps_total"), QStringLiteral("output_tps_total_low"), QStringLiteral("output_tps_total_high"),
    QStringLiteral("prefill_tps"),  QStringLiteral("prefill_tps_low"), QStringLiteral("prefill_tps_high"),
    QStringLiteral("ttft_s"),       QStringLiteral("ttft_s_low"),    QStringLiteral("ttft_s_high"),
    QStringLiteral("bottleneck"),   QStringLiteral("max_context"),
    QStringLiteral("max_users"),    QStringLiteral("users_at_min_tps"), QStringLiteral("explanation")};
const QStringList speedFields{QStringLiteral("decode_tps_per_user"), QStringLiteral("decode_tps_low"),
                              QStringLiteral("decode_tps_high"),     QStringLiteral("decode_tps_total"),
                              QStringLiteral("output_tps_total"),    QStringLiteral("prefill_tps"),
                              QStringLiteral("ttft_s")};

const QStringList prefillFields{QStringLiteral("prefill_tps"), QStringLiteral("ttft_s")};

void verifyAnswered(const QJsonObject &result)
{
    QVERIFY2(!result.contains(QStringLiteral("error")), qPrintable(result.value(QStringLiteral("error")).toString()));
    const QStringList keys = result.keys();
    QSet<QString> expected = resultFields;
    if (result.contains(QStringLiteral("cluster"))) // several machines only
        expected.insert(QStringLiteral("cluster"));
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()), expected);
    const QString fit = result.value(QStringLiteral("fit")).toString();
    QVERIFY2(QStringList({QStringLiteral("fits"), QStringLiteral("tight"), QStringLiteral("offload"),
                          QStringLiteral("does-not-fit")})
                 .contains(fit),
             qPrintable(fit));
    const QJsonObject memory = result.value(QStringLiteral("memory_gb")).toObject();
    const QStringList memoryKeys = memory.keys();
    QCOMPARE(QSet<QString>(memoryKeys.begin(), memoryKeys.end()),
             QSet<QString>({QStringLiteral("weights"), QStringLiteral("mtp_weights"), QStringLiteral("kv_cache"), QStringLiteral("overhead"),
                            QStringLiteral("total"), QStringLiteral("usable")}));
    QVERIFY(memory.value(QStringLiteral("weights")).toDouble() > 0);
    QVERIFY(memory.value(QStringLiteral("usable")).toDouble() > 0);
    for (const QString &field : speedFields) {
        const QJsonValue value = result.value(field);
        if (fit == QLatin1String("does-not-fit")) {
            QVERIFY2(value.isNull(), qPrintable(field));
        } else if (prefillFields.contains(field) && value.isNull()) {
            continue; // the seed rule does not estimate prefill
        } else {
            QVERIFY2(value.isDouble(), qPrintable(field));
            QVERIFY2(std::isfinite(value.toDouble()) && value.toDouble() >= 0, qPrintable(field));
        }
    }
    if (fit != QLatin1String("does-not-fit"))
        QVERIFY(result.value(QStringLiteral("decode_tps_per_user")).toDouble() > 0);
    QVERIFY(!result.value(QStringLiteral("explanation")).toString().isEmpty());
    QVERIFY(result.value(QStringLiteral("bottleneck")).isString());
}

} // namespace

class TestEstimateCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unusableInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");

        QTest::newRow("not JSON") << QByteArray("hello") << QStringLiteral("byte 1: not valid JSON");
        QTest::newRow("truncated") << QByteArray("{\"queries\":[{\"id\":1,") << QStringLiteral("not valid JSON");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("unexpected end of input");
        QTest::newRow("only whitespace") << QByteArray(" \n\t ") << QStringLiteral("not valid JSON");
        QByteArray binary;
        for (int i = 0; i < 256; ++i)
            binary.append(char(255 - i));
        QTest::newRow("binary") << binary << QStringLiteral("not valid JSON");
        QTest::newRow("nul bytes") << QByteArray(64, '\0') << QStringLiteral("not valid JSON");
        QTest::newRow("100,000-deep arrays") << QByteArray(100000, '[') << QStringLiteral("byte 65: nested deeper than 64");
        QByteArray deepObjects;
        for (int i = 0; i < 100000; ++i)
            deepObjects += "{\"a\":";
        QTest::newRow("100,000-deep objects") << deepObjects << QStringLiteral("nested deeper than 64");
        QTest::newRow("invalid UTF-8 in a string")
            << QByteArray("{\"queries\":[{\"id\":\"\xff\xfe\"}]}") << QStringLiteral("not valid JSON");
        QTest::newRow("number overflow") << QByteArray("{\"queries\":[{\"count\":1e999}]}") << QStringLiteral("not valid JSON");
        QTest::newRow("top-level array") << QByteArray("[1,2]") << QStringLiteral("expected an object with a \"queries\" array");
        QTest::newRow("no queries") << QByteArray("{\"query\":[]}") << QStringLiteral("expected an object with a \"queries\" array");
        QTest::newRow("queries not an array") << QByteArray("{\"queries\":{}}") << QStringLiteral("\"queries\" must be an array");
        QTest::newRow("trailing garbage") << QByteArray("{\"queries\":[]} x") << QStringLiteral("not valid JSON");
    }

    void unusableInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        const EstimateRun run = estimateQueries(input, embeddedCatalog());
        QVERIFY2(run.fatalError.contains(expected), qPrintable(run.fatalError));
        QVERIFY(!run.fatalError.contains(QLatin1Char('\n')));
        QVERIFY(run.output.isEmpty());
        QCOMPARE(run.exitCode(), 2);
    }

    void deepButAllowedNestingParses()
    {
        // 64 levels are fine (strings with brackets do not count).
        QByteArray id = "\"[[[[{{{{\"";
        for (int i = 0; i < 60; ++i)
            id = "[" + id + "]";
        const EstimateRun run = estimateQueries(sandwich("{\"id\":" + id + ",\"hardware\":\"m1\",\"model\":\"llama-2-7b\"}"),
                                                embeddedCatalog());
        QVERIFY2(run.fatalError.isEmpty(), qPrintable(run.fatalError));
        QCOMPARE(resultsOf(run).size(), 3);
    }

    void slicedBatchesKeepOrder_data()
    {
        QTest::addColumn<int>("count");
        QTest::newRow("one slice") << 3;
        QTest::newRow("a slice per processor") << 9001; // large batches are written in parallel slices
    }

    // However the results are written, the output is each result in query order, joined as one document.
    void slicedBatchesKeepOrder()
    {
        QFETCH(int, count);
        const QStringList hardware{QStringLiteral("m3-ultra"), QStringLiteral("rtx-5090"), QStringLiteral("h100-sxm")};
        QByteArray input = "{\"queries\":[";
        for (int i = 0; i < count; ++i) {
            input += (i ? "," : "") + QStringLiteral(R"({"id":%1,"hardware":"%2","model":"llama-3.1-8b","concurrency":%3})")
                                          .arg(i).arg(hardware.at(i % hardware.size())).arg(1 + i % 7).toUtf8();
        }
        input += "]}";
        const EstimateRun run = estimateQueries(input, embeddedCatalog());
        QVERIFY(run.fatalError.isEmpty());
        const ParsedBatch batch = parseQueries(input, embeddedCatalog());
        QByteArray expected = "{\"results\":[";
        for (int i = 0; i < count; ++i)
            expected += (i ? ",\n" : "\n") + serializeResult(batch.queries.at(i), estimate(batch.queries.at(i).input));
        expected += "\n]}\n";
        QCOMPARE(run.output.size(), expected.size());
        QVERIFY(run.output == expected);
    }

    // Two queries are a pair to compare: the answer carries the verdict; one or three queries do not.
    void pairGetsAVerdict_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("verdict");
        const QByteArray mac = R"({"hardware":"m3-ultra","memory_gb":256,"model":"llama-3.3-70b","concurrency":8})";
        const QByteArray cards = R"({"hardware":"rtx-5090","count":2,"model":"llama-3.3-70b","concurrency":8})";
        QTest::newRow("pair") << QByteArray("{\"cloud_usd_per_million_tokens\":3,\"queries\":[" + mac + "," + cards + "]}")
                              << true;
        QTest::newRow("one") << QByteArray("{\"queries\":[" + mac + "]}") << false;
        QTest::newRow("three") << QByteArray("{\"queries\":[" + mac + "," + cards + "," + cards + "]}") << false;
        QTest::newRow("pair with an invalid query")
            << QByteArray("{\"queries\":[" + mac + R"(,{"hardware":"nope","model":"llama-3.3-70b"}]})") << false;
    }
    void pairGetsAVerdict()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, verdict);
        const EstimateRun run = estimateQueries(input, embeddedCatalog());
        QVERIFY(run.fatalError.isEmpty());
        const QJsonObject answer = QJsonDocument::fromJson(run.output).object();
        QCOMPARE(answer.contains(QStringLiteral("verdict")), verdict);
        if (!verdict)
            return;
        const QJsonObject object = answer.value(QStringLiteral("verdict")).toObject();
        QCOMPARE(object.value(QStringLiteral("kind")).toString(), QStringLiteral("pair"));
        QVERIFY(object.value(QStringLiteral("text")).toString().contains(QStringLiteral("$3/M tokens")));
        const QJsonArray results = answer.value(QStringLiteral("results")).toArray();
        const int lead = object.value(QStringLiteral("lead")).toObject().value(QStringLiteral("index")).toInt();
        QCOMPARE(object.value(QStringLiteral("lead")).toObject().value(QStringLiteral("users_at_min_tps")).toInt(),
                 results.at(lead).toObject().value(QStringLiteral("users_at_min_tps")).toInt());
    }

    void badCloudPriceIsRefused_data()
    {
        QTest::addColumn<QByteArray>("price");
        QTest::newRow("negative") << QByteArray("-1");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("text") << QByteArray("\"cheap\"");
        QTest::newRow("absurd") << QByteArray("1e300");
    }
    void badCloudPriceIsRefused()
    {
        QFETCH(QByteArray, price);
        const EstimateRun run = estimateQueries("{\"cloud_usd_per_million_tokens\":" + price + ",\"queries\":[]}",
                                                embeddedCatalog());
        QVERIFY2(run.fatalError.contains(QStringLiteral("cloud_usd_per_million_tokens")), qPrintable(run.fatalError));
        QCOMPARE(run.exitCode(), 2);
    }

    void emptyBatch()
    {
        const EstimateRun run = estimateQueries("{\"queries\":[]}", embeddedCatalog());
        QCOMPARE(run.exitCode(), 0);
        QCOMPARE(resultsOf(run).size(), 0);
    }

    void invalidQuery_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("expected");

        const auto row = [](const char *name, const QByteArray &fields, const char *expected) {
            QTest::newRow(name) << QByteArray("{\"id\":\"x\"," + fields + "}") << QString::fromUtf8(expected);
        };
        const QByteArray ok = "\"hardware\":\"m3-ultra\",\"model\":\"llama-3.3-70b\"";
        QTest::newRow("not an object") << QByteArray("42") << QStringLiteral("query: must be an object");
        QTest::newRow("array query") << QByteArray("[]") << QStringLiteral("query: must be an object");
        row("hardware missing", "\"model\":\"llama-3.3-70b\"", "hardware: missing");
        row("hardware wrong type", "\"hardware\":42,\"model\":\"llama-3.3-70b\"", "hardware: must be a device id or an inline device object");
        row("hardware unknown", "\"hardware\":\"rtx-9999\",\"model\":\"llama-3.3-70b\"", "hardware: unknown device 'rtx-9999'");
        row("model missing", "\"hardware\":\"m3-ultra\"", "model: missing");
        row("model unknown", "\"hardware\":\"m3-ultra\",\"model\":\"gpt-7\"", "model: unknown model 'gpt-7'");
        row("model wrong type", "\"hardware\":\"m3-ultra\",\"model\":true", "model: must be a model id or an inline model object");
        row("quant unknown", ok + ",\"quant\":\"Q9_Z\"", "quant: unknown quantization 'Q9_Z'");
        row("quant wrong type", ok + ",\"quant\":4", "quant: must be a quantization name");
        row("bits per weight 1", ok + ",\"quant\":{\"bits_per_weight\":1}", "quant: bits_per_weight: must be greater than 1 and at most 32, got 1");
        row("bits per weight 33", ok + ",\"quant\":{\"bits_per_weight\":33}", "quant: bits_per_weight: must be greater than 1 and at most 32");
        row("bits per weight negative", ok + ",\"quant\":{\"bits_per_weight\":-4}", "quant: bits_per_weight: must be greater than 1");
        row("bits per weight string", ok + ",\"quant\":{\"bits_per_weight\":\"4\"}", "quant: bits_per_weight: must be a number");
        row("bits per weight missing", ok + ",\"quant\":{}", "quant: bits_per_weight: must be a number");
        row("quant object extra field", ok + ",\"quant\":{\"bits_per_weight\":4,\"name\":\"x\"}", "quant: name: unknown field");
        row("count zero", ok + ",\"count\":0", "count: must be a whole number from 1 to 64, got 0");
        row("count negative", ok + ",\"count\":-2", "count: must be a whole number from 1 to 64");
        row("count huge", ok + ",\"count\":1e9", "count: must be a whole number from 1 to 64");
        row("count beyond int64", ok + ",\"count\":18446744073709551615", "count: must be a whole number from 1 to 64");
        row("count fractional", ok + ",\"count\":1.5", "count: must be a whole number from 1 to 64");
        row("count string", ok + ",\"count\":\"2\"", "count: must be a whole number from 1 to 64");
        row("count boolean", ok + ",\"count\":true", "count: must be a whole number");
        row("memory not an option", "\"hardware\":\"m4-pro\",\"model\":\"llama-3.3-70b\",\"memory_gb\":100",
            "memory_gb: 100 is not an option of m4-pro");
        row("memory wrong type", ok + ",\"memory_gb\":\"lots\"", "memory_gb: must be a number of GB");
        row("split unknown", ok + ",\"split\":\"diagonal\"", "split: unknown value 'diagonal' (expected auto, layer, tensor)");
        row("runtime unknown", ok + ",\"runtime\":\"pytorch\"", "runtime: unknown value 'pytorch'");
        row("runtime wrong type", ok + ",\"runtime\":1", "runtime: must be a string");
        row("method unknown", ok + ",\"method\":\"guess\"", "method: unknown value 'guess'");
        row("kv cache unknown", ok + ",\"kv_cache_type\":\"q2\"", "kv_cache_type: unknown value 'q2'");
        row("efficiency zero", ok + ",\"efficiency\":0", "efficiency: must be greater than 0 and at most 1");
        row("efficiency above one", ok + ",\"efficiency\":1.5", "efficiency: must be greater than 0 and at most 1, got 1.5");
        row("efficiency negative", ok + ",\"efficiency\":-0.1", "efficiency: must be greater than 0 and at most 1");
        row("efficiency string", ok + ",\"efficiency\":\"high\"", "efficiency: must be a number");
        row("apple fraction zero", ok + ",\"apple_usable_fraction\":0", "apple_usable_fraction: must be greater than 0");
        row("context zero", ok + ",\"context\":0", "context: must be a whole number from 1 to 10000000, got 0");
        row("context negative", ok + ",\"context\":-4096", "context: must be a whole number from 1");
        row("context huge", ok + ",\"context\":1e12", "context: must be a whole number from 1 to 10000000");
        row("context null", ok + ",\"context\":null", "context: must be a whole number");
        row("min tps zero", ok + ",\"min_tps_per_user\":0",
            "min_tps_per_user: must be a number of tokens per second from 0.01 to 1000000, got 0");
        row("min tps string", ok + ",\"min_tps_per_user\":\"fast\"",
            "min_tps_per_user: must be a number of tokens per second from 0.01 to 1000000");
        row("context beyond the model", ok + ",\"context\":200000",
            "context: must be at most 131072, the longest context Llama 3.3 70B takes; got 200000");
        row("prompt tokens zero", ok + ",\"prompt_tokens\":0", "prompt_tokens: must be a whole number from 1");
        row("output tokens huge", ok + ",\"output_tokens\":99999999999", "output_tokens: must be a whole number");
        row("cached tokens negative", ok + ",\"cached_tokens\":-1", "cached_tokens: must be a whole number from 0");
        row("cached tokens string", ok + ",\"cached_tokens\":\"all\"", "cached_tokens: must be a whole number");
        row("cached tokens beyond the context", ok + ",\"context\":8192,\"prompt_tokens\":1000,\"cached_tokens\":8000",
            "cached_tokens: with prompt_tokens must fit in context (8192 tokens); got 8000 + 1000");
        row("shared context negative", ok + ",\"shared_context_tokens\":-5", "shared_context_tokens: must be a whole number from 0");
        row("shared context beyond the context", ok + ",\"context\":8192,\"shared_context_tokens\":9000",
            "shared_context_tokens: must be at most context (8192 tokens); got 9000");
        row("users zero", ok + ",\"concurrency\":0", "concurrency: must be a whole number from 1 to 4096, got 0");
        row("users negative", ok + ",\"concurrency\":-8", "concurrency: must be a whole number from 1 to 4096");
        row("users huge", ok + ",\"concurrency\":100000", "concurrency: must be a whole number from 1 to 4096");
        row("misspelt field", ok + ",\"concurency\":8", "concurency: unknown field");
        row("inline device zero bandwidth",
            "\"model\":\"llama-3.1-8b\",\"hardware\":{\"id\":\"z\",\"name\":\"Zero\",\"vendor\":\"nvidia\",\"kind\":\"discrete\","
            "\"memory_options_gb\":[24],\"bandwidth_gbs\":0,\"fp16_tflops\":80}",
            "hardware: bandwidth_gbs");
        row("inline device without name",
            "\"model\":\"llama-3.1-8b\",\"hardware\":{\"id\":\"z\",\"vendor\":\"nvidia\",\"kind\":\"discrete\","
            "\"memory_options_gb\":[24],\"bandwidth_gbs\":900,\"fp16_tflops\":80}",
            "hardware: name");
        row("inline device wrong kind",
            "\"model\":\"llama-3.1-8b\",\"hardware\":{\"id\":\"z\",\"name\":\"Z\",\"vendor\":\"nvidia\",\"kind\":\"quantum\","
            "\"memory_options_gb\":[24],\"bandwidth_gbs\":900,\"fp16_tflops\":80}",
            "hardware: kind");
        row("inline model without params",
            "\"hardware\":\"m3-ultra\",\"model\":{\"id\":\"m\",\"name\":\"M\"}", "model: params_b");
        row("inline model negative params",
            "\"hardware\":\"m3-ultra\",\"model\":{\"id\":\"m\",\"name\":\"M\",\"params_b\":-7}", "model: params_b");
        row("nodes zero", ok + ",\"nodes\":0", "nodes: must be a whole number from 1 to 64, got 0");
        row("nodes negative", ok + ",\"nodes\":-2", "nodes: must be a whole number from 1 to 64, got -2");
        row("nodes above 64", ok + ",\"nodes\":65", "nodes: must be a whole number from 1 to 64, got 65");
        row("nodes not a number", ok + ",\"nodes\":\"two\"", "nodes: must be a whole number from 1 to 64");
        row("unknown link", ok + ",\"nodes\":2,\"link\":\"carrier-pigeon\"", "link: unknown link 'carrier-pigeon'");
        row("link zero bandwidth", ok + ",\"nodes\":2,\"link\":{\"name\":\"x\",\"bandwidth_gbs\":0,\"latency_us\":5}",
            "link.bandwidth_gbs: must be a positive number");
        row("link negative bandwidth", ok + ",\"nodes\":2,\"link\":{\"name\":\"x\",\"bandwidth_gbs\":-1,\"latency_us\":5}",
            "link.bandwidth_gbs: must be a positive number");
        row("link without latency", ok + ",\"nodes\":2,\"link\":{\"name\":\"x\",\"bandwidth_gbs\":10}",
            "link.latency_us: missing");
        row("link unknown field", ok + ",\"nodes\":2,\"link\":{\"bandwidth_gbs\":10,\"latency_us\":5,\"mtu\":9000}",
            "link.mtu: unknown field");
        row("link wrong type", ok + ",\"nodes\":2,\"link\":7", "link: must be a link id or");
        row("discrete cards with no link", "\"hardware\":\"rtx-5090\",\"model\":\"llama-3.3-70b\",\"nodes\":2",
            "link: rtx-5090 names no cluster link");
        row("unknown node split", ok + ",\"nodes\":2,\"node_split\":\"diagonal\"", "node_split: unknown value 'diagonal'");
        row("llama.cpp tensor across machines", ok + ",\"nodes\":2,\"node_split\":\"tensor\"",
            "node_split: llama.cpp splits a model across machines by layers only");
        row("Ollama on a cluster", ok + ",\"nodes\":2,\"runtime\":\"ollama\"", "runtime: Ollama runs a model on one machine only");
        row("Thunderbolt mesh of eight", ok + ",\"nodes\":8,\"runtime\":\"exo\"", "nodes: Thunderbolt 5 with RDMA");
    }

    // A cluster answers with its link: pooled memory, the split the runtime chose, the link's time per token.
    void clusterIsAnswered_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("split");
        QTest::addColumn<QString>("bottleneck");
        QTest::newRow("2 Mac Studios over TB5 RDMA, exo")
            << QByteArray("{\"hardware\":\"m3-ultra\",\"memory_gb\":512,\"nodes\":2,\"runtime\":\"exo\","
                          "\"model\":\"deepseek-r1-671b\"}")
            << QStringLiteral("tb5-rdma") << QStringLiteral("tensor") << QStringLiteral("bandwidth");
        QTest::newRow("2 Mac Studios, llama.cpp RPC")
            << QByteArray("{\"hardware\":\"m3-ultra\",\"memory_gb\":512,\"nodes\":2,\"model\":\"deepseek-r1-671b\"}")
            << QStringLiteral("tb5-rdma") << QStringLiteral("pipeline") << QString();
        QTest::newRow("tensor over 10 GbE binds on the link")
            << QByteArray("{\"hardware\":\"m3-ultra\",\"nodes\":2,\"link\":\"10gbe\",\"node_split\":\"tensor\","
                          "\"runtime\":\"mlx\",\"model\":\"llama-3.3-70b\"}")
            << QStringLiteral("10gbe") << QStringLiteral("tensor") << QStringLiteral("interconnect");
        QTest::newRow("inline link")
            << QByteArray("{\"hardware\":\"rtx-5090\",\"count\":2,\"nodes\":2,\"model\":\"llama-3.3-70b\","
                          "\"link\":{\"name\":\"Lab 40 GbE\",\"bandwidth_gbs\":5,\"latency_us\":150}}")
            << QStringLiteral("Lab 40 GbE") << QStringLiteral("pipeline") << QString();
    }

    void clusterIsAnswered()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, link);
        QFETCH(QString, split);
        QFETCH(QString, bottleneck);
        const EstimateRun run = estimateQueries("{\"queries\":[" + query + "]}", embeddedCatalog());
        const QJsonObject result = resultsOf(run).at(0).toObject();
        QVERIFY2(!result.contains(QStringLiteral("error")), qPrintable(result.value(QStringLiteral("error")).toString()));
        verifyAnswered(result);
        const QJsonObject cluster = result.value(QStringLiteral("cluster")).toObject();
        QCOMPARE(cluster.value(QStringLiteral("link")).toString(), link);
        QCOMPARE(cluster.value(QStringLiteral("node_split")).toString(), split);
        QVERIFY(cluster.value(QStringLiteral("link_ms_per_token")).toDouble() > 0);
        if (!bottleneck.isEmpty())
            QCOMPARE(result.value(QStringLiteral("bottleneck")).toString(), bottleneck);
        QVERIFY(result.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("cluster: 2 machines")));
    }

    void invalidQuery()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, expected);
        const EstimateRun run = estimateQueries(sandwich(query), embeddedCatalog());
        QVERIFY2(run.fatalError.isEmpty(), qPrintable(run.fatalError));
        QCOMPARE(run.invalidQueries, 1);
        QCOMPARE(run.exitCode(), 2);
        const QJsonArray results = resultsOf(run);
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("before"));
        verifyAnswered(results.at(0).toObject());
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("after"));
        verifyAnswered(results.at(2).toObject());
        const QJsonObject bad = results.at(1).toObject();
        const QString error = bad.value(QStringLiteral("error")).toString();
        QVERIFY2(error.startsWith(expected), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
        QCOMPARE(bad.keys(), QStringList({QStringLiteral("error"), QStringLiteral("id")}));
    }

    void everyCatalogDeviceAnswers_data()
    {
        QTest::addColumn<QString>("device");
        for (const char *id : {"m1", "m1-max", "m1-ultra", "m2-max", "m2-ultra", "m3-max-30c", "m3-max-40c", "m3-ultra",
                               "m4-pro", "m4-max-32c", "m4-max-40c", "m1-pro", "m2-pro", "m3-pro", "rtx-3070", "rtx-3080",
                               "rtx-3080-ti", "rtx-3090", "rtx-4070-ti", "rtx-4080", "rtx-4090", "rtx-5080", "rtx-5090",
                               "rtx-4000-ada", "rtx-5000-ada", "rtx-a6000", "rtx-6000-ada", "rtx-pro-5000-48",
                               "rtx-pro-5000-72", "rtx-pro-6000", "a40", "l40s", "a100-pcie-80", "a100-sxm-80", "h100-pcie",
                               "h100-sxm", "h200-nvl", "h200-sxm", "b200-sxm", "dgx-spark", "ryzen-ai-max-395"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    void everyCatalogDeviceAnswers()
    {
        QFETCH(QString, device);
        for (const char *method : {"roofline", "seed"}) {
            const QByteArray query = "{\"queries\":[{\"id\":\"d\",\"hardware\":\"" + device.toUtf8()
                + "\",\"model\":\"llama-3.1-8b\",\"method\":\"" + method + "\"}]}";
            const EstimateRun run = estimateQueries(query, embeddedCatalog());
            QCOMPARE(run.exitCode(), 0);
            const QJsonObject result = resultsOf(run).at(0).toObject();
            verifyAnswered(result);
            QCOMPARE(result.value(QStringLiteral("fit")).toString() == QLatin1String("does-not-fit"), false);
        }
    }

    void everyCatalogModelAnswers_data()
    {
        QTest::addColumn<QString>("model");
        for (const char *id : {"llama-2-7b", "llama-3-8b", "llama-3.1-8b", "gemma-3-27b", "qwen3-30b-a3b", "llama-3-70b",
                               "llama-3.3-70b", "qwen3-235b-a22b", "llama-3.1-405b", "deepseek-r1-671b", "gpt-oss-20b",
                               "gpt-oss-120b"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    void everyCatalogModelAnswers()
    {
        QFETCH(QString, model);
        const QByteArray query = "{\"queries\":[{\"id\":1,\"hardware\":\"b200-sxm\",\"count\":8,\"model\":\"" + model.toUtf8()
            + "\",\"quant\":\"Q4_K_M\",\"concurrency\":4},{\"id\":2,\"hardware\":\"rtx-3070\",\"model\":\"" + model.toUtf8()
            + "\",\"method\":\"seed\"}]}";
        const EstimateRun run = estimateQueries(query, embeddedCatalog());
        QCOMPARE(run.exitCode(), 0);
        const QJsonArray results = resultsOf(run);
        QCOMPARE(results.size(), 2);
        verifyAnswered(results.at(0).toObject());
        verifyAnswered(results.at(1).toObject());
        QVERIFY(results.at(0).toObject().value(QStringLiteral("fit")).toString() != QLatin1String("does-not-fit"));
    }

    void defaultsAndEcho()
    {
        const ParsedBatch batch = parseQueries(
            "{\"queries\":[{\"id\":7,\"hardware\":\"m4-pro\",\"model\":\"llama-3.3-70b\"},"
            "{\"hardware\":\"m4-pro\",\"model\":\"llama-3.3-70b\",\"id\":{\"k\":[1,\"a\"]}}]}",
            embeddedCatalog());
        QVERIFY(batch.fatalError.isEmpty());
        QCOMPARE(batch.queries.size(), 2);
        const ParsedQuery &query = batch.queries.at(0);
        QVERIFY2(query.error.isEmpty(), qPrintable(query.error));
        QCOMPARE(query.idJson, QByteArray("7"));
        QCOMPARE(batch.queries.at(1).idJson, QByteArray("{\"k\":[1,\"a\"]}"));
        const EstimateInput &input = query.input;
        QCOMPARE(input.configuration.count, 1);
        QCOMPARE(input.configuration.memoryGB, embeddedCatalog().device(QStringLiteral("m4-pro"))->largestMemoryGB());
        QCOMPARE(int(input.configuration.split), int(Split::Auto));
        QCOMPARE(int(input.configuration.runtime), int(Runtime::Auto));
        QCOMPARE(input.quant.name, QStringLiteral("Q4_K_M"));
        QCOMPARE(int(input.method), int(Method::Roofline));
        QCOMPARE(input.seedEfficiency, 0.65);
        QCOMPARE(input.appleUsableFraction, 0.75);
        QCOMPARE(input.workload.contextTokens, 4096);
        QCOMPARE(input.workload.promptTokens, 512);
        QCOMPARE(input.workload.outputTokens, 256);
        QCOMPARE(input.workload.users, 1);
        QCOMPARE(int(input.workload.kvCache), int(KvCacheType::F16));
    }

    void everyFieldIsRead()
    {
        const ParsedBatch batch = parseQueries(
            "{\"queries\":[{\"id\":\"all\",\"hardware\":\"rtx-pro-6000\",\"count\":2,\"memory_gb\":96,\"split\":\"tensor\","
            "\"runtime\":\"vllm\",\"model\":\"qwen3-30b-a3b\",\"quant\":{\"bits_per_weight\":4.25},\"method\":\"seed\","
            "\"efficiency\":0.5,\"context\":32768,\"prompt_tokens\":1000,\"output_tokens\":300,\"concurrency\":8,"
            "\"kv_cache_type\":\"fp8\",\"apple_usable_fraction\":0.9,\"cached_tokens\":24000,"
            "\"shared_context_tokens\":16384}]}",
            embeddedCatalog());
        QVERIFY(batch.fatalError.isEmpty());
        const ParsedQuery &query = batch.queries.at(0);
        QVERIFY2(query.error.isEmpty(), qPrintable(query.error));
        QCOMPARE(query.id, QStringLiteral("all"));
        QCOMPARE(query.idJson, QByteArray("\"all\""));
        const EstimateInput &input = query.input;
        QCOMPARE(input.device.id, QStringLiteral("rtx-pro-6000"));
        QCOMPARE(input.configuration.deviceId, QStringLiteral("rtx-pro-6000"));
        QCOMPARE(input.configuration.count, 2);
        QCOMPARE(input.configuration.memoryGB, 96.0);
        QCOMPARE(int(input.configuration.split), int(Split::Tensor));
        QCOMPARE(int(input.configuration.runtime), int(Runtime::Vllm));
        QCOMPARE(input.model.id, QStringLiteral("qwen3-30b-a3b"));
        QCOMPARE(input.quant.bitsPerWeight, 4.25);
        QCOMPARE(int(input.method), int(Method::Seed));
        QCOMPARE(input.seedEfficiency, 0.5);
        QCOMPARE(input.appleUsableFraction, 0.9);
        QCOMPARE(input.workload.contextTokens, 32768);
        QCOMPARE(input.workload.promptTokens, 1000);
        QCOMPARE(input.workload.cachedTokens, 24000);
        QCOMPARE(input.workload.sharedContextTokens, 16384);
        QCOMPARE(input.workload.outputTokens, 300);
        QCOMPARE(input.workload.users, 8);
        QCOMPARE(int(input.workload.kvCache), int(KvCacheType::Fp8));
    }

    void resultsFromFile()
    {
        QFile file(dataPath(QStringLiteral("valid-batch.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const EstimateRun run = estimateQueries(file.readAll(), embeddedCatalog());
        QCOMPARE(run.exitCode(), 0);
        const QJsonArray results = resultsOf(run);
        QCOMPARE(results.size(), 5);
        const QStringList ids{QStringLiteral("m3-ultra-70b"), QString(), QStringLiteral("seed"), QStringLiteral("inline"),
                              QStringLiteral("too-big")};
        for (int i = 0; i < results.size(); ++i) {
            verifyAnswered(results.at(i).toObject());
            if (!ids.at(i).isEmpty())
                QCOMPARE(results.at(i).toObject().value(QStringLiteral("id")).toString(), ids.at(i));
        }
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("id")).toInt(), 2);
        // The seed method reproduces the article's cell (~4 t/s on the 64 GB Mac mini).
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("decode_tps_per_user")).toDouble(), 4.0);
        QVERIFY(results.at(2).toObject().value(QStringLiteral("prefill_tps")).isNull());
        // The roofline method estimates prompt processing.
        QVERIFY(results.at(0).toObject().value(QStringLiteral("prefill_tps")).toDouble() > 0);
        QVERIFY(results.at(0).toObject().value(QStringLiteral("ttft_s")).toDouble() > 0);
        // A 671B model on an 8 GB card: does not fit, speeds null.
        QCOMPARE(results.at(4).toObject().value(QStringLiteral("fit")).toString(), QStringLiteral("does-not-fit"));
        QVERIFY(results.at(4).toObject().value(QStringLiteral("decode_tps_per_user")).isNull());
    }

    void unwritableOutput()
    {
        Options options;
        options.command = Command::Estimate;
        options.input = dataPath(QStringLiteral("valid-batch.json"));
        options.output = QStringLiteral("/nonexistent-directory/results.json");
        QString errText;
        QTextStream err(&errText);
        QCOMPARE(runEstimate(options, err), 2);
        err.flush();
        QVERIFY2(errText.contains(QStringLiteral("/nonexistent-directory/results.json: cannot write")), qPrintable(errText));
    }

    void commandWithFiles_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("catalog");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("results");
        QTest::addColumn<QStringList>("messages");

        QTest::newRow("valid batch") << QStringLiteral("valid-batch.json") << QString() << 0 << 5 << QStringList();
        QTest::newRow("one bad query") << QStringLiteral("mixed-batch.json") << QString() << 2 << 3
                                       << QStringList{QStringLiteral("1 query is invalid")};
        QTest::newRow("user catalog adds a device") << QStringLiteral("user-catalog-query.json")
                                                    << QStringLiteral("user-catalog.json") << 0 << 1 << QStringList();
        QTest::newRow("device of the user catalog unknown without it") << QStringLiteral("user-catalog-query.json")
                                                                       << QString() << 2 << 1 << QStringList();
        QTest::newRow("broken user catalog")
            << QStringLiteral("valid-batch.json") << QStringLiteral("broken-catalog.json") << 2 << -1
            << QStringList{QStringLiteral("broken-catalog.json"), QStringLiteral("bad-card"), QStringLiteral("bandwidth_gbs")};
        QTest::newRow("duplicate ids in the user catalog")
            << QStringLiteral("valid-batch.json") << QStringLiteral("duplicate-catalog.json") << 2 << -1
            << QStringList{QStringLiteral("duplicate-catalog.json"), QStringLiteral("twin")};
        QTest::newRow("missing user catalog") << QStringLiteral("valid-batch.json") << QStringLiteral("no-such-catalog.json")
                                              << 2 << -1 << QStringList{QStringLiteral("no-such-catalog.json")};
        QTest::newRow("missing input") << QStringLiteral("no-such-input.json") << QString() << 2 << -1
                                       << QStringList{QStringLiteral("no-such-input.json"), QStringLiteral("cannot open: No such file")};
        QTest::newRow("input not JSON") << QStringLiteral("article-table-seed.md") << QString() << 2 << -1
                                        << QStringList{QStringLiteral("article-table-seed.md"), QStringLiteral("byte")};
    }

    void commandWithFiles()
    {
        QFETCH(QString, input);
        QFETCH(QString, catalog);
        QFETCH(int, exitCode);
        QFETCH(int, results);
        QFETCH(QStringList, messages);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Options options;
        options.command = Command::Estimate;
        options.input = dataPath(input);
        options.output = dir.filePath(QStringLiteral("results.json"));
        if (!catalog.isEmpty())
            options.catalogPath = dataPath(catalog);
        QString errText;
        QTextStream err(&errText);
        QCOMPARE(runEstimate(options, err), exitCode);
        err.flush();
        for (const QString &message : messages)
            QVERIFY2(errText.contains(message), qPrintable(errText));
        QFile output(options.output);
        if (results < 0) {
            QVERIFY2(!output.exists(), "no output is written for unusable input");
            QVERIFY(!errText.isEmpty());
            return;
        }
        QVERIFY(output.open(QIODevice::ReadOnly));
        const QJsonDocument document = QJsonDocument::fromJson(output.readAll());
        QCOMPARE(document.object().value(QStringLiteral("results")).toArray().size(), results);
    }
};

QTEST_GUILESS_MAIN(TestEstimateCommand)
#include "tst_estimate_command.moc"
