// The `advise` request and answer (model/protocol/AdvisorJson.h, SPEC §5): fields and types of the contract,
// "estimate" identical to what `estimate` answers for the same configuration, and bad requests
// refused with one line naming the field.
#include "advisor/ConfigurationPrice.h"
#include "advisor/Advisor.h"
#include "protocol/AdvisorJson.h"
#include "engine/Estimator.h"
#include "protocol/QueryJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace headroom;

namespace {

QJsonObject answerTo(const QByteArray &request)
{
    const ParsedAdviseRequest parsed = parseAdviseRequest(request, embeddedCatalog());
    if (!parsed.error.isEmpty())
        qFatal("request refused: %s", qPrintable(parsed.error));
    const QByteArray bytes = serializeAdvice(advise(parsed.request, embeddedCatalog()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("answer is not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// The `estimate` answer for the configuration of one shortlist entry.
QJsonObject estimateFor(const QJsonObject &entry, const QByteArray &modelId, int users)
{
    QJsonObject query{{QStringLiteral("hardware"), entry.value(QStringLiteral("hardware"))},
                      {QStringLiteral("count"), entry.value(QStringLiteral("count"))},
                      {QStringLiteral("memory_gb"), entry.value(QStringLiteral("memory_gb"))},
                      {QStringLiteral("split"), entry.value(QStringLiteral("split"))},
                      {QStringLiteral("model"), QString::fromUtf8(modelId)},
                      {QStringLiteral("quant"), entry.value(QStringLiteral("quant"))},
                      {QStringLiteral("concurrency"), users}};
    const QJsonObject batch{{QStringLiteral("queries"), QJsonArray{query}}};
    const ParsedBatch parsed = parseQueries(QJsonDocument(batch).toJson(), embeddedCatalog());
    if (!parsed.fatalError.isEmpty() || parsed.queries.front().error.size())
        qFatal("estimate query refused");
    const QByteArray answer = serializeResults(parsed.queries, {estimate(parsed.queries.front().input)});
    return QJsonDocument::fromJson(answer).object().value(QStringLiteral("results")).toArray().first().toObject();
}

} // namespace

class TestAdvisorJson final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractFieldsAndTypes()
    {
        const QJsonObject answer = answerTo(R"({"model":"llama-3.3-70b","quant":"Q4_K_M","min_decode_tps_per_user":20,
                                               "cloud_usd_per_million_tokens":5,"limit":4})");
        QVERIFY(answer.value(QStringLiteral("considered")).isDouble());
        QVERIFY(answer.value(QStringLiteral("reason")).toString().contains(QStringLiteral("ranked by price")));
        const QJsonArray shortlist = answer.value(QStringLiteral("shortlist")).toArray();
        QCOMPARE(shortlist.size(), 4);
        for (int i = 0; i < shortlist.size(); ++i) {
            const QJsonObject entry = shortlist.at(i).toObject();
            QCOMPARE(entry.value(QStringLiteral("rank")).toInt(), i + 1);
            for (const char *key : {"hardware", "split", "runtime", "quant", "label", "platform"})
                QVERIFY2(entry.value(QLatin1String(key)).isString(), key);
            for (const char *key : {"count", "memory_gb", "usd_per_million_tokens"})
                QVERIFY2(entry.value(QLatin1String(key)).isDouble(), key);
            for (const char *key : {"system", "price_usd", "power_w", "breakeven_months", "price_source"})
                QVERIFY2(entry.contains(QLatin1String(key)), key);
            QVERIFY(entry.value(QStringLiteral("system")).isNull() || entry.value(QStringLiteral("system")).isString());
            QVERIFY(entry.value(QStringLiteral("price_usd")).isDouble()); // ranked by price: known prices first
            QVERIFY(entry.value(QStringLiteral("breakeven_months")).isDouble()
                    || entry.value(QStringLiteral("breakeven_months")).isNull());
            QVERIFY(entry.value(QStringLiteral("estimate")).isObject());
            QCOMPARE(entry.value(QStringLiteral("estimate")).toObject().value(QStringLiteral("fit")).isString(), true);
        }
        const QJsonArray rejected = answer.value(QStringLiteral("rejected")).toArray();
        QVERIFY(!rejected.isEmpty());
        for (const QJsonValue &value : rejected) {
            const QJsonObject entry = value.toObject();
            for (const char *key : {"hardware", "split", "requirement", "reason"})
                QVERIFY2(entry.value(QLatin1String(key)).isString(), key);
            QVERIFY(entry.value(QStringLiteral("count")).isDouble());
            QVERIFY(entry.value(QStringLiteral("memory_gb")).isDouble());
            const QString requirement = entry.value(QStringLiteral("requirement")).toString();
            QVERIFY2(requirement == QLatin1String("fit") || requirement == QLatin1String("speed"), qPrintable(requirement));
        }
    }

    void estimateIsWhatEstimateAnswers_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QByteArray>("quant");
        QTest::addColumn<int>("users");
        QTest::newRow("70B Q4_K_M") << QByteArray("llama-3.3-70b") << QByteArray("\"Q4_K_M\"") << 1;
        QTest::newRow("30B-A3B auto, 8 users") << QByteArray("qwen3-30b-a3b") << QByteArray("\"auto\"") << 8;
    }

    void estimateIsWhatEstimateAnswers()
    {
        QFETCH(QByteArray, model);
        QFETCH(QByteArray, quant);
        QFETCH(int, users);
        const QByteArray request = "{\"model\":\"" + model + "\",\"quant\":" + quant + ",\"concurrency\":"
            + QByteArray::number(users) + ",\"rank_by\":\"speed\",\"limit\":6}";
        const QJsonArray shortlist = answerTo(request).value(QStringLiteral("shortlist")).toArray();
        QCOMPARE(shortlist.size(), 6);
        for (const QJsonValue &value : shortlist) {
            const QJsonObject entry = value.toObject();
            QCOMPARE(entry.value(QStringLiteral("estimate")).toObject(), estimateFor(entry, model, users));
        }
    }

    void runtimesPerPlatform()
    {
        const ParsedAdviseRequest all = parseAdviseRequest(R"({"model":"llama-3.1-8b","runtime":"vllm"})", embeddedCatalog());
        QVERIFY2(all.error.isEmpty(), qPrintable(all.error));
        QVERIFY(all.request.requirements.appleRuntime == Runtime::Vllm && all.request.requirements.otherRuntime == Runtime::Vllm);
        const ParsedAdviseRequest each = parseAdviseRequest(
            R"({"model":"llama-3.1-8b","runtime":{"apple":"mlx","nvidia":"vllm"},"platforms":["apple","nvidia"],"quant":"AUTO"})",
            embeddedCatalog());
        QVERIFY2(each.error.isEmpty(), qPrintable(each.error));
        QVERIFY(each.request.requirements.appleRuntime == Runtime::Mlx);
        QVERIFY(each.request.requirements.nvidiaRuntime == Runtime::Vllm);
        QVERIFY(each.request.requirements.otherRuntime == Runtime::Auto);
        QVERIFY(each.request.requirements.autoQuant);
        QCOMPARE(each.request.requirements.platforms.size(), 2);
    }

    void defaults()
    {
        const ParsedAdviseRequest parsed = parseAdviseRequest(R"({"model":"llama-3.1-8b"})", embeddedCatalog());
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const AdvisorRequirements &r = parsed.request.requirements;
        QCOMPARE(parsed.request.workload.contextTokens, 4096);
        QCOMPARE(parsed.request.workload.users, 1);
        QCOMPARE(parsed.request.quant.name, QStringLiteral("Q4_K_M"));
        QVERIFY(!r.autoQuant && !r.budgetUsd && !r.maxPowerW && !r.minDecodeTpsPerUser && !r.maxTtftSeconds);
        QVERIFY(r.rankBy == RankBy::Price);
        QCOMPARE(r.limit, 10);
        QCOMPARE(r.cost.amortizationYears, 3.0);
        QCOMPARE(r.cost.utilization, 0.5);
        QCOMPARE(r.cost.electricityUsdPerKwh, 0.15);
        QVERIFY(!r.cost.cloudUsdPerMillionTokens);
    }

    // The workload fields `estimate` takes for a follow-up turn and a context all users share.
    void readsCachedAndSharedContext()
    {
        const ParsedAdviseRequest parsed = parseAdviseRequest(
            R"({"model":"llama-3.1-8b","context":32768,"concurrency":16,"shared_context_tokens":30000,"cached_tokens":2048})",
            embeddedCatalog());
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.request.workload.sharedContextTokens, 30000);
        QCOMPARE(parsed.request.workload.cachedTokens, 2048);
    }

    void badRequestNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("field");
        QTest::newRow("not JSON") << QByteArray("{model:") << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("request:");
        QTest::newRow("too deep") << QByteArray(100, '[') << QStringLiteral("nested deeper");
        QTest::newRow("no model") << QByteArray("{}") << QStringLiteral("model:");
        QTest::newRow("unknown model") << QByteArray(R"({"model":"gpt-9"})") << QStringLiteral("model: unknown model 'gpt-9'");
        QTest::newRow("unknown quant") << QByteArray(R"({"model":"llama-3.1-8b","quant":"Q1"})") << QStringLiteral("quant:");
        QTest::newRow("unknown field") << QByteArray(R"({"model":"llama-3.1-8b","budget":5})") << QStringLiteral("budget: unknown field");
        QTest::newRow("zero budget") << QByteArray(R"({"model":"llama-3.1-8b","budget_usd":0})") << QStringLiteral("budget_usd:");
        QTest::newRow("negative power") << QByteArray(R"({"model":"llama-3.1-8b","max_power_w":-5})") << QStringLiteral("max_power_w:");
        QTest::newRow("zero users") << QByteArray(R"({"model":"llama-3.1-8b","concurrency":0})") << QStringLiteral("concurrency:");
        QTest::newRow("zero speed") << QByteArray(R"({"model":"llama-3.1-8b","min_decode_tps_per_user":0})")
                                    << QStringLiteral("min_decode_tps_per_user:");
        QTest::newRow("text ttft") << QByteArray(R"({"model":"llama-3.1-8b","max_ttft_s":"fast"})") << QStringLiteral("max_ttft_s:");
        QTest::newRow("zero context") << QByteArray(R"({"model":"llama-3.1-8b","context":0})") << QStringLiteral("context:");
        QTest::newRow("zero limit") << QByteArray(R"({"model":"llama-3.1-8b","limit":0})") << QStringLiteral("limit:");
        QTest::newRow("shared context beyond the context")
            << QByteArray(R"({"model":"llama-3.1-8b","context":4096,"shared_context_tokens":5000})")
            << QStringLiteral("shared_context_tokens: must be at most context");
        QTest::newRow("quotes not an object") << QByteArray(R"({"model":"llama-3.1-8b","quotes_usd":5})")
                                              << QStringLiteral("quotes_usd:");
        QTest::newRow("negative quote") << QByteArray(R"({"model":"llama-3.1-8b","quotes_usd":{"rtx-5090":-1}})")
                                        << QStringLiteral("quotes_usd.rtx-5090:");
        QTest::newRow("quote for an unknown id") << QByteArray(R"({"model":"llama-3.1-8b","quotes_usd":{"rtx-9090":1999}})")
                                                 << QStringLiteral("quotes_usd.rtx-9090: no named system, device or host");
        QTest::newRow("zero host quote") << QByteArray(R"({"model":"llama-3.1-8b","quotes_usd":{"host-2-4-cards":0}})")
                                         << QStringLiteral("quotes_usd.host-2-4-cards: must be a price");
        QTest::newRow("fractional limit") << QByteArray(R"({"model":"llama-3.1-8b","limit":2.5})") << QStringLiteral("limit:");
        QTest::newRow("zero years") << QByteArray(R"({"model":"llama-3.1-8b","amortization_years":0})")
                                    << QStringLiteral("amortization_years:");
        QTest::newRow("utilisation above 1") << QByteArray(R"({"model":"llama-3.1-8b","utilization":1.5})")
                                             << QStringLiteral("utilization:");
        QTest::newRow("zero utilisation") << QByteArray(R"({"model":"llama-3.1-8b","utilization":0})")
                                          << QStringLiteral("utilization:");
        QTest::newRow("unknown platform") << QByteArray(R"({"model":"llama-3.1-8b","platforms":["amiga"]})")
                                          << QStringLiteral("platforms: unknown platform 'amiga'");
        QTest::newRow("empty platforms") << QByteArray(R"({"model":"llama-3.1-8b","platforms":[]})") << QStringLiteral("platforms:");
        QTest::newRow("unknown rank_by") << QByteArray(R"({"model":"llama-3.1-8b","rank_by":"color"})")
                                         << QStringLiteral("rank_by: unknown value 'color'");
        QTest::newRow("unknown runtime") << QByteArray(R"({"model":"llama-3.1-8b","runtime":"tgi"})") << QStringLiteral("runtime:");
        QTest::newRow("unknown runtime platform") << QByteArray(R"({"model":"llama-3.1-8b","runtime":{"amiga":"mlx"}})")
                                                  << QStringLiteral("runtime: amiga: unknown platform");
        QTest::newRow("negative cloud price") << QByteArray(R"({"model":"llama-3.1-8b","cloud_usd_per_million_tokens":-1})")
                                              << QStringLiteral("cloud_usd_per_million_tokens:");
    }

    // Quotes may price a named system, a card or a typical host; the host's quote then replaces its share.
    void hostQuotesAreRead()
    {
        const ParsedAdviseRequest parsed = parseAdviseRequest(
            R"({"model":"llama-3.3-70b","platforms":["nvidia"],"rank_by":"speed","limit":1000,"quotes_usd":{"host-2-4-cards":2500,"rtx-5090":2400,"mac-studio-m3-ultra-256":7000}})",
            embeddedCatalog());
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const QMap<QString, double> &quotes = parsed.request.requirements.quotesUsd;
        QCOMPARE(quotes.value(QStringLiteral("host-2-4-cards")), 2500.0);
        QCOMPARE(quotes.size(), 3);
        const AdvisorResult result = advise(parsed.request, embeddedCatalog());
        int checked = 0;
        for (const AdvisorCandidate &candidate : result.shortlist) {
            if (candidate.configuration.deviceId == QLatin1String("rtx-5090") && candidate.configuration.count == 2) {
                QCOMPARE(*candidate.priceUsd, 2 * 2400.0 + 2500.0);
                QCOMPARE(candidate.hostSource, quoteSource());
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    void badRequestNamesTheField()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, field);
        const ParsedAdviseRequest parsed = parseAdviseRequest(request, embeddedCatalog());
        QVERIFY2(parsed.error.contains(field), qPrintable(parsed.error));
        QVERIFY(!parsed.error.contains(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestAdvisorJson)
#include "tst_advisor_json.moc"
