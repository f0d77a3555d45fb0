// Scenario files: round trips, refused files with their diagnostics, unknown fields kept.
#include "engine/ScaledModel.h"
#include "scenario/ScenarioFile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/scenarios/") + name;
}

// Diagnostics as text for failure messages (QVERIFY2 evaluates its message eagerly).
QString problems(const ScenarioOrDiagnostics &result)
{
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    return diagnostics ? toString(*diagnostics) : QString();
}

Scenario richScenario()
{
    Scenario scenario;
    ScenarioConfiguration mac;
    mac.configuration = Configuration{QStringLiteral("m3-ultra"), 1, 256, Split::Auto, Runtime::Mlx};
    ScenarioConfiguration cards;
    cards.configuration = Configuration{QStringLiteral("rtx-5090"), 2, 0, Split::Tensor, Runtime::Vllm};
    cards.checked = false;
    cards.label = QStringLiteral("Dual \"5090\", quoted");
    cards.systemId = QStringLiteral("bizon-x5500");
    scenario.configurations = {mac, cards};
    scenario.modelId = QStringLiteral("gemma-3-27b");
    scenario.quantName = QStringLiteral("Q5_K_M");
    scenario.workload = Workload{131072, 2000, 300, 12, KvCacheType::Fp8};
    scenario.workload.sharedContextTokens = 65536;
    scenario.method = Method::Seed;
    scenario.seedEfficiency = 0.55;
    scenario.appleUsableFraction = 0.8;
    scenario.runtime = Runtime::Ollama;
    scenario.chart = ChartKind::Concurrency;
    scenario.advisor.budgetUsd = 5000;
    scenario.extra.insert(QStringLiteral("notes"), QStringLiteral("kept"));
    return scenario;
}

// Every advisor field away from its default.
AdvisorRequirements everyAdvisorField()
{
    AdvisorRequirements r;
    r.autoQuant = true;
    r.minDecodeTpsPerUser = 20;
    r.maxTtftSeconds = 1.5;
    r.budgetUsd = 19999.99;
    r.maxPowerW = 1500;
    r.platforms = {Platform::Nvidia, Platform::Apple};
    r.appleRuntime = Runtime::Mlx;
    r.nvidiaRuntime = Runtime::Vllm;
    r.otherRuntime = Runtime::LlamaCpp;
    r.rankBy = RankBy::TpsPerWatt;
    r.limit = 25;
    r.cost.amortizationYears = 4.5;
    r.cost.utilization = 0.1 + 0.2; // not representable in few digits
    r.cost.electricityUsdPerKwh = 0;
    r.cost.cloudUsdPerMillionTokens = 0.6;
    r.quotesUsd = {{QStringLiteral("mac-studio-m3-ultra-512"), 9499.5}, {QStringLiteral("rtx-5090"), 1850}};
    return r;
}

QByteArray withAdvisor(const QByteArray &advisor)
{
    return QByteArray(R"({"format":"headroom-scenario","version":1,"advisor":)") + advisor + '}';
}

} // namespace

class TestScenarioFile final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("default") << Scenario{};
        QTest::newRow("rich") << richScenario();
        Scenario custom = richScenario();
        custom.customModel = scaledModel(llamaLikeShape(), 33);
        custom.customModel->publishedSizes.append(PublishedSize{QStringLiteral("Q4_K_M"), 19.5, QStringLiteral("x")});
        custom.customModel->attention = AttentionKind::SlidingWindow;
        custom.customModel->slidingWindow = 4096;
        QTest::newRow("custom model") << custom;
        Scenario awkward;
        awkward.seedEfficiency = 0.1 + 0.2; // not representable in few digits
        awkward.workload.users = 1000;
        awkward.configurations.append(ScenarioConfiguration{});
        QTest::newRow("awkward numbers") << awkward;
        Scenario advisor;
        advisor.advisor = everyAdvisorField();
        QTest::newRow("every advisor field") << advisor;
        Scenario speedOnly;
        speedOnly.advisor.minDecodeTpsPerUser = 7.25;
        speedOnly.advisor.rankBy = RankBy::Speed;
        speedOnly.advisor.platforms = {Platform::Other};
        QTest::newRow("advisor speed only") << speedOnly;
        Scenario clusters = richScenario();
        ScenarioConfiguration macs;
        macs.configuration = Configuration{QStringLiteral("m3-ultra"), 1, 512, Split::Auto, Runtime::Exo};
        macs.configuration.nodes = 4;
        macs.configuration.linkId = QStringLiteral("tb5-rdma");
        macs.configuration.nodeSplit = NodeSplit::Tensor;
        ScenarioConfiguration lab;
        lab.configuration = Configuration{QStringLiteral("rtx-5090"), 2, 0, Split::Tensor, Runtime::Vllm};
        lab.configuration.nodes = 2;
        lab.configuration.customLink.name = QStringLiteral("Lab 40 GbE");
        lab.configuration.customLink.shortName = lab.configuration.customLink.name;
        lab.configuration.customLink.bandwidthGBs = 5;
        lab.configuration.customLink.latencyUs = 120;
        lab.configuration.nodeSplit = NodeSplit::Pipeline;
        clusters.configurations << macs << lab;
        QTest::newRow("clusters") << clusters;
    }
    void roundTrip()
    {
        QFETCH(Scenario, scenario);
        const ScenarioOrDiagnostics parsed = parseScenario(serializeScenario(scenario), QStringLiteral("memory"));
        QVERIFY2(std::holds_alternative<Scenario>(parsed), qPrintable(problems(parsed)));
        QCOMPARE(std::get<Scenario>(parsed), scenario);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("a.headroom.json"));
        QCOMPARE(writeScenarioFile(path, scenario), QString());
        const ScenarioOrDiagnostics read = readScenarioFile(path);
        QVERIFY(std::holds_alternative<Scenario>(read));
        QCOMPARE(std::get<Scenario>(read), scenario);
    }

    void readsValidFile()
    {
        const ScenarioOrDiagnostics read = readScenarioFile(dataPath(QStringLiteral("valid.headroom.json")));
        QVERIFY2(std::holds_alternative<Scenario>(read), qPrintable(problems(read)));
        const Scenario scenario = std::get<Scenario>(read);
        QCOMPARE(scenario.configurations.size(), 2);
        QCOMPARE(toString(scenario.configurations.at(0).configuration.runtime), toString(Runtime::Mlx));
        QCOMPARE(scenario.configurations.at(1).configuration.count, 2);
        QCOMPARE(toString(scenario.configurations.at(1).configuration.split), toString(Split::Tensor));
        QCOMPARE(scenario.configurations.at(1).checked, false);
        QCOMPARE(scenario.configurations.at(1).label, QStringLiteral("Dual 5090"));
        QCOMPARE(scenario.modelId, QStringLiteral("qwen3-30b-a3b"));
        QCOMPARE(scenario.workload.contextTokens, 32768);
        QCOMPARE(scenario.workload.users, 8);
        QCOMPARE(scenario.workload.sharedContextTokens, 0); // not in the file: no shared prefix
        QCOMPARE(toString(scenario.workload.kvCache), toString(KvCacheType::Q8_0));
        QCOMPARE(toString(scenario.method), toString(Method::Seed));
        QCOMPARE(scenario.seedEfficiency, 0.7);
        QCOMPARE(scenario.appleUsableFraction, 0.9);
        QCOMPARE(toString(scenario.runtime), toString(Runtime::LlamaCpp));
        QCOMPARE(toString(scenario.chart), toString(ChartKind::Memory));
    }

    void keepsUnknownFields()
    {
        const ScenarioOrDiagnostics read = readScenarioFile(dataPath(QStringLiteral("valid.headroom.json")));
        QVERIFY(std::holds_alternative<Scenario>(read));
        const Scenario scenario = std::get<Scenario>(read);
        QCOMPARE(scenario.extra.size(), 1); // "advisor" is read into Scenario::advisor
        QCOMPARE(scenario.extra.value(QStringLiteral("notes")).toString(), QStringLiteral("kept as is"));
        QCOMPARE(scenario.advisor.budgetUsd.value_or(0), 10000.0);
        QVERIFY(scenario.advisor.platforms == (QList<Platform>{Platform::Apple, Platform::Nvidia}));
        const QJsonObject written = QJsonDocument::fromJson(serializeScenario(scenario)).object();
        QCOMPARE(written.value(QStringLiteral("advisor")).toObject().value(QStringLiteral("budget_usd")).toInt(), 10000);
        QCOMPARE(written.value(QStringLiteral("notes")).toString(), QStringLiteral("kept as is"));
    }

    // Unknown fields of every JSON type are written back as they were read, and saving again changes nothing.
    void keepsUnknownFieldsOfEveryType()
    {
        const QByteArray json = R"({"format":"headroom-scenario","version":1,"notes":{"none":null,"yes":true,"count":-3,)"
                                R"("big":18446744073709551615,"share":0.1,"text":"\u00e9\u0001","list":[1,[2.5,"x"],{}]}})";
        const ScenarioOrDiagnostics read = parseScenario(json, QStringLiteral("extra.headroom.json"));
        QVERIFY2(std::holds_alternative<Scenario>(read), qPrintable(problems(read)));
        const Scenario scenario = std::get<Scenario>(read);
        const QVariantMap notes = scenario.extra.value(QStringLiteral("notes")).toMap();
        QVERIFY(notes.value(QStringLiteral("none")).isNull());
        QCOMPARE(notes.value(QStringLiteral("yes")).toBool(), true);
        QCOMPARE(notes.value(QStringLiteral("count")).toLongLong(), -3);
        QCOMPARE(notes.value(QStringLiteral("big")).toULongLong(), 18446744073709551615ULL);
        QCOMPARE(notes.value(QStringLiteral("share")).toDouble(), 0.1);
        QCOMPARE(notes.value(QStringLiteral("text")).toString(), QString(QChar(0xe9)) + QChar(1));
        QCOMPARE(notes.value(QStringLiteral("list")).toList().size(), 3);

        const QByteArray saved = serializeScenario(scenario);
        QVERIFY2(saved.contains("18446744073709551615"), saved.constData());
        const ScenarioOrDiagnostics reopened = parseScenario(saved, QStringLiteral("saved.headroom.json"));
        QVERIFY2(std::holds_alternative<Scenario>(reopened), qPrintable(problems(reopened)));
        QCOMPARE(std::get<Scenario>(reopened), scenario);
        QCOMPARE(serializeScenario(std::get<Scenario>(reopened)), saved);
    }

    // A syntax error names where it is: the offset, and the line and column an editor shows.
    void syntaxErrorNamesLineAndColumn()
    {
        const QByteArray json = "{\n  \"format\": \"headroom-scenario\",\n  \"version\": 1,\n  \"model\": ,\n}\n";
        const ScenarioOrDiagnostics parsed = parseScenario(json, QStringLiteral("broken.headroom.json"));
        QVERIFY(std::holds_alternative<Diagnostics>(parsed));
        const Diagnostics diagnostics = std::get<Diagnostics>(parsed);
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().file, QStringLiteral("broken.headroom.json"));
        QVERIFY2(diagnostics.first().problem.startsWith(QStringLiteral("not valid JSON at offset 62: line 4, column 12: ")),
                 qPrintable(diagnostics.first().problem));
    }

    void readsInlineModel()
    {
        const ScenarioOrDiagnostics read = readScenarioFile(dataPath(QStringLiteral("inline-model.headroom.json")));
        QVERIFY2(std::holds_alternative<Scenario>(read), qPrintable(problems(read)));
        const Scenario scenario = std::get<Scenario>(read);
        QVERIFY(scenario.customModel.has_value());
        QCOMPARE(scenario.customModel->id, QStringLiteral("my-13b"));
        QCOMPARE(scenario.customModel->activeParamsB, 13.0); // defaults to params_b
        QCOMPARE(scenario.customModel->kvHeads, 40);
        QCOMPARE(scenario.customModel->publishedSizeGB(QStringLiteral("q4_k_m")).value_or(0), 7.9);
        QCOMPARE(scenario.modelId, QStringLiteral("my-13b"));
        QCOMPARE(scenario.configurations.at(0).configuration.count, 1);
        QCOMPARE(scenario.configurations.at(0).checked, true);
    }

    void readsAdvisor_data()
    {
        QTest::addColumn<QByteArray>("advisor");
        QTest::addColumn<AdvisorRequirements>("expected");
        QTest::newRow("empty object: defaults") << QByteArray("{}") << AdvisorRequirements{};
        AdvisorRequirements budget;
        budget.budgetUsd = 15000;
        QTest::newRow("budget only") << QByteArray(R"({"budget_usd":15000})") << budget;
        QTest::newRow("null limits are unset") << QByteArray(R"({"budget_usd":null,"max_ttft_s":null,"cloud_usd_per_million_tokens":null})")
                                               << AdvisorRequirements{};
        AdvisorRequirements all = everyAdvisorField();
        all.cost.utilization = 0.3;
        all.budgetUsd = 20000;
        QTest::newRow("every field")
            << QByteArray(R"({"auto_quant":true,"min_decode_tps_per_user":20,"max_ttft_s":1.5,"budget_usd":20000,)"
                          R"("max_power_w":1500,"platforms":["nvidia","apple"],)"
                          R"("runtimes":{"apple":"mlx","nvidia":"vllm","other":"llama.cpp"},"rank_by":"tps_per_watt",)"
                          R"("limit":25,"amortization_years":4.5,"utilization":0.3,"electricity_usd_per_kwh":0,)"
                          R"("cloud_usd_per_million_tokens":0.6,"quotes_usd":{"mac-studio-m3-ultra-512":9499.5,"rtx-5090":1850}})")
            << all;
        AdvisorRequirements oneRuntime;
        oneRuntime.nvidiaRuntime = Runtime::TensorRtLlm;
        QTest::newRow("one runtime") << QByteArray(R"({"runtimes":{"nvidia":"tensorrt-llm"}})") << oneRuntime;
        AdvisorRequirements perDollar;
        perDollar.rankBy = RankBy::TpsPerDollar;
        QTest::newRow("rank by, any case") << QByteArray(R"({"rank_by":"TPS_PER_DOLLAR"})") << perDollar;
    }
    void readsAdvisor()
    {
        QFETCH(QByteArray, advisor);
        QFETCH(AdvisorRequirements, expected);
        const ScenarioOrDiagnostics parsed = parseScenario(withAdvisor(advisor), QStringLiteral("advisor.headroom.json"));
        QVERIFY2(std::holds_alternative<Scenario>(parsed), qPrintable(problems(parsed)));
        const Scenario scenario = std::get<Scenario>(parsed);
        QVERIFY(scenario.advisor == expected);
        QVERIFY(!scenario.extra.contains(QStringLiteral("advisor")));
    }

    void refusesBadAdvisor_data()
    {
        QTest::addColumn<QByteArray>("advisor");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("advisor") << QStringLiteral("must be an object");
        QTest::newRow("negative budget") << QByteArray(R"({"budget_usd":-5})") << QStringLiteral("advisor.budget_usd")
                                         << QStringLiteral("between 1 and 1e+12, found -5");
        QTest::newRow("zero budget") << QByteArray(R"({"budget_usd":0})") << QStringLiteral("advisor.budget_usd")
                                     << QStringLiteral("between 1 and 1e+12, found 0");
        QTest::newRow("budget string") << QByteArray(R"({"budget_usd":"20k"})") << QStringLiteral("advisor.budget_usd")
                                       << QStringLiteral("must be a number");
        QTest::newRow("zero speed") << QByteArray(R"({"min_decode_tps_per_user":0})")
                                    << QStringLiteral("advisor.min_decode_tps_per_user") << QStringLiteral("between 0.01 and");
        QTest::newRow("negative ttft") << QByteArray(R"({"max_ttft_s":-1})") << QStringLiteral("advisor.max_ttft_s")
                                       << QStringLiteral("between 0.001 and 86400");
        QTest::newRow("zero power") << QByteArray(R"({"max_power_w":0})") << QStringLiteral("advisor.max_power_w")
                                    << QStringLiteral("between 1 and");
        QTest::newRow("platforms string") << QByteArray(R"({"platforms":"apple"})") << QStringLiteral("advisor.platforms")
                                          << QStringLiteral("must be an array");
        QTest::newRow("unknown platform") << QByteArray(R"({"platforms":["apple","amd"]})")
                                          << QStringLiteral("advisor.platforms[1]") << QStringLiteral("unknown platform \"amd\"");
        QTest::newRow("platform twice") << QByteArray(R"({"platforms":["nvidia","nvidia"]})")
                                        << QStringLiteral("advisor.platforms[1]") << QStringLiteral("listed twice");
        QTest::newRow("platform number") << QByteArray(R"({"platforms":[1]})") << QStringLiteral("advisor.platforms[0]")
                                         << QStringLiteral("must be a string");
        QTest::newRow("unknown rank") << QByteArray(R"({"rank_by":"beauty"})") << QStringLiteral("advisor.rank_by")
                                      << QStringLiteral("unknown value \"beauty\"");
        QTest::newRow("zero limit") << QByteArray(R"({"limit":0})") << QStringLiteral("advisor.limit")
                                    << QStringLiteral("between 1 and");
        QTest::newRow("fractional limit") << QByteArray(R"({"limit":2.5})") << QStringLiteral("advisor.limit")
                                          << QStringLiteral("whole number");
        QTest::newRow("zero years") << QByteArray(R"({"amortization_years":0})") << QStringLiteral("advisor.amortization_years")
                                    << QStringLiteral("between 0.1 and 100");
        QTest::newRow("tiny utilization") << QByteArray(R"({"utilization":1e-300})") << QStringLiteral("advisor.utilization")
                                          << QStringLiteral("between 0.001 and 1");
        QTest::newRow("utilization above one") << QByteArray(R"({"utilization":1.5})") << QStringLiteral("advisor.utilization")
                                               << QStringLiteral("between 0.001 and 1");
        QTest::newRow("negative electricity") << QByteArray(R"({"electricity_usd_per_kwh":-0.1})")
                                              << QStringLiteral("advisor.electricity_usd_per_kwh") << QStringLiteral("between 0 and");
        QTest::newRow("zero cloud price") << QByteArray(R"({"cloud_usd_per_million_tokens":0})")
                                          << QStringLiteral("advisor.cloud_usd_per_million_tokens") << QStringLiteral("between 0.0001 and");
        QTest::newRow("auto quant string") << QByteArray(R"({"auto_quant":"yes"})") << QStringLiteral("advisor.auto_quant")
                                           << QStringLiteral("true or false");
        QTest::newRow("runtimes array") << QByteArray(R"({"runtimes":["mlx"]})") << QStringLiteral("advisor.runtimes")
                                        << QStringLiteral("must be an object");
        QTest::newRow("runtime for unknown platform") << QByteArray(R"({"runtimes":{"tpu":"vllm"}})")
                                                      << QStringLiteral("advisor.runtimes.tpu") << QStringLiteral("unknown platform");
        QTest::newRow("quotes array") << QByteArray(R"({"quotes_usd":[1]})") << QStringLiteral("advisor.quotes_usd")
                                      << QStringLiteral("must be an object");
        QTest::newRow("zero quote") << QByteArray(R"({"quotes_usd":{"rtx-5090":0}})")
                                    << QStringLiteral("advisor.quotes_usd.rtx-5090") << QStringLiteral("between 1 and");
        QTest::newRow("quote as text") << QByteArray(R"({"quotes_usd":{"rtx-5090":"cheap"}})")
                                       << QStringLiteral("advisor.quotes_usd.rtx-5090") << QStringLiteral("must be a number");
        QTest::newRow("unknown runtime") << QByteArray(R"({"runtimes":{"apple":"metal"}})")
                                         << QStringLiteral("advisor.runtimes.apple") << QStringLiteral("unknown runtime \"metal\"");
    }
    void refusesBadAdvisor()
    {
        QFETCH(QByteArray, advisor);
        QFETCH(QString, field);
        QFETCH(QString, problem);
        const ScenarioOrDiagnostics parsed = parseScenario(withAdvisor(advisor), QStringLiteral("bad.headroom.json"));
        QVERIFY(std::holds_alternative<Diagnostics>(parsed));
        const Diagnostics diagnostics = std::get<Diagnostics>(parsed);
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics.first().file, QStringLiteral("bad.headroom.json"));
        QCOMPARE(diagnostics.first().field, field);
        QVERIFY2(diagnostics.first().problem.contains(problem), qPrintable(diagnostics.first().problem));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("problem");
        QTest::newRow("corrupt") << QStringLiteral("corrupt.headroom.json") << QString() << QStringLiteral("not valid JSON");
        QTest::newRow("truncated") << QStringLiteral("truncated.headroom.json") << QString() << QStringLiteral("not valid JSON at offset");
        QTest::newRow("future version") << QStringLiteral("future-version.headroom.json") << QStringLiteral("version")
                                        << QStringLiteral("7 is newer");
        QTest::newRow("wrong format") << QStringLiteral("wrong-format.headroom.json") << QStringLiteral("format")
                                      << QStringLiteral("expected \"headroom-scenario\"");
        QTest::newRow("wrong type count") << QStringLiteral("wrong-types.headroom.json")
                                          << QStringLiteral("configurations[0].count") << QStringLiteral("must be a number, found a string");
        QTest::newRow("negative context") << QStringLiteral("wrong-types.headroom.json") << QStringLiteral("workload.context")
                                          << QStringLiteral("must be between 1 and");
        QTest::newRow("fractional users") << QStringLiteral("wrong-types.headroom.json") << QStringLiteral("workload.users")
                                          << QStringLiteral("whole number");
        QTest::newRow("wrong type efficiency") << QStringLiteral("wrong-types.headroom.json") << QStringLiteral("efficiency")
                                               << QStringLiteral("must be a number");
        QTest::newRow("missing") << QStringLiteral("does-not-exist.headroom.json") << QString() << QStringLiteral("cannot open");
    }
    void refusesBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        QFETCH(QString, problem);
        const ScenarioOrDiagnostics read = readScenarioFile(dataPath(file));
        QVERIFY(std::holds_alternative<Diagnostics>(read));
        const Diagnostics diagnostics = std::get<Diagnostics>(read);
        const auto match = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic &d) {
            return d.field == field && d.problem.contains(problem);
        });
        QVERIFY2(match != diagnostics.end(), qPrintable(toString(diagnostics)));
        QVERIFY2(match->file.endsWith(file), qPrintable(match->file));
    }

    void refusesDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("no format") << QByteArray(R"({"version":1})") << QStringLiteral("format");
        QTest::newRow("no version") << QByteArray(R"({"format":"headroom-scenario"})") << QStringLiteral("version");
        QTest::newRow("version zero") << QByteArray(R"({"format":"headroom-scenario","version":0})") << QStringLiteral("version");
        QTest::newRow("version string") << QByteArray(R"({"format":"headroom-scenario","version":"1"})") << QStringLiteral("version");
        QTest::newRow("configurations object")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":{}})") << QStringLiteral("configurations");
        QTest::newRow("configuration not object")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[3]})") << QStringLiteral("configurations[0]");
        QTest::newRow("no hardware")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{}]})")
            << QStringLiteral("configurations[0].hardware");
        QTest::newRow("unknown split")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","split":"diagonal"}]})")
            << QStringLiteral("configurations[0].split");
        QTest::newRow("checked string")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","checked":"yes"}]})")
            << QStringLiteral("configurations[0].checked");
        QTest::newRow("model number") << QByteArray(R"({"format":"headroom-scenario","version":1,"model":70})") << QStringLiteral("model");
        QTest::newRow("inline model without params")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"model":{"id":"x","name":"X"}})") << QStringLiteral("model.params_b");
        QTest::newRow("inline model bad attention")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"model":{"id":"x","name":"X","params_b":1,"attention":"psychic"}})")
            << QStringLiteral("model.attention");
        QTest::newRow("workload array") << QByteArray(R"({"format":"headroom-scenario","version":1,"workload":[]})") << QStringLiteral("workload");
        QTest::newRow("unknown kv") << QByteArray(R"({"format":"headroom-scenario","version":1,"workload":{"kv_cache_type":"f3"}})")
                                    << QStringLiteral("workload.kv_cache_type");
        QTest::newRow("shared context beyond the context")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"workload":{"context":8192,"shared_context_tokens":8193}})")
            << QStringLiteral("workload.shared_context_tokens");
        QTest::newRow("shared context negative")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"workload":{"shared_context_tokens":-1}})")
            << QStringLiteral("workload.shared_context_tokens");
        QTest::newRow("shared context fraction")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"workload":{"shared_context_tokens":10.5}})")
            << QStringLiteral("workload.shared_context_tokens");
        QTest::newRow("efficiency zero") << QByteArray(R"({"format":"headroom-scenario","version":1,"efficiency":0})") << QStringLiteral("efficiency");
        QTest::newRow("fraction above one")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"apple_usable_fraction":1.5})") << QStringLiteral("apple_usable_fraction");
        QTest::newRow("unknown method") << QByteArray(R"({"format":"headroom-scenario","version":1,"method":"guess"})") << QStringLiteral("method");
        QTest::newRow("unknown chart") << QByteArray(R"({"format":"headroom-scenario","version":1,"chart":"pie"})") << QStringLiteral("chart");
        QTest::newRow("nodes zero")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","nodes":0}]})")
            << QStringLiteral("configurations[0].nodes");
        QTest::newRow("nodes above 64")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","nodes":65}]})")
            << QStringLiteral("configurations[0].nodes");
        QTest::newRow("link zero bandwidth")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","nodes":2,)"
                          R"("link":{"bandwidth_gbs":0,"latency_us":5}}]})")
            << QStringLiteral("configurations[0].link.bandwidth_gbs");
        QTest::newRow("link a number")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","nodes":2,"link":7}]})")
            << QStringLiteral("configurations[0].link");
        QTest::newRow("unknown node split")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","node_split":"zig"}]})")
            << QStringLiteral("configurations[0].node_split");
        QTest::newRow("huge count")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[{"hardware":"a","count":1e300}]})")
            << QStringLiteral("configurations[0].count");
    }
    void refusesDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const ScenarioOrDiagnostics parsed = parseScenario(json, QStringLiteral("test.headroom.json"));
        QVERIFY(std::holds_alternative<Diagnostics>(parsed));
        const Diagnostics diagnostics = std::get<Diagnostics>(parsed);
        QVERIFY(!diagnostics.isEmpty());
        QCOMPARE(diagnostics.first().file, QStringLiteral("test.headroom.json"));
        QCOMPARE(diagnostics.first().field, field);
        QVERIFY(!diagnostics.first().problem.isEmpty());
    }

    void deepNestingIsRefusedNotCrashing()
    {
        const int depth = 100000;
        QByteArray json = QByteArray(R"({"format":"headroom-scenario","version":1,"x":)");
        json += QByteArray(depth, '[') + QByteArray(depth, ']') + '}';
        const ScenarioOrDiagnostics parsed = parseScenario(json, QStringLiteral("deep"));
        QVERIFY(std::holds_alternative<Diagnostics>(parsed));
        QVERIFY(std::get<Diagnostics>(parsed).first().problem.contains(QStringLiteral("nested deeper than 64 levels")));
    }

    void garbageNeverThrows()
    {
        // Every prefix of a valid document: refused or accepted, never a crash.
        const QByteArray valid = serializeScenario(richScenario());
        int accepted = 0;
        for (qsizetype length = 0; length <= valid.size(); ++length)
            accepted += std::holds_alternative<Scenario>(parseScenario(valid.left(length), QStringLiteral("prefix"))) ? 1 : 0;
        QVERIFY(accepted >= 1); // the whole document (and perhaps a trailing-whitespace cut)
        QVERIFY(accepted <= 2);
    }

    void writeFailsWithMessage()
    {
        const QString error = writeScenarioFile(QStringLiteral("/nonexistent-dir/x/a.headroom.json"), Scenario{});
        QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/x/a.headroom.json")));
    }

    void chartKindStrings_data()
    {
        QTest::addColumn<ChartKind>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("speed") << ChartKind::Speed << QStringLiteral("speed");
        QTest::newRow("memory") << ChartKind::Memory << QStringLiteral("memory");
        QTest::newRow("concurrency") << ChartKind::Concurrency << QStringLiteral("concurrency");
        QTest::newRow("roofline") << ChartKind::Roofline << QStringLiteral("roofline");
        QTest::newRow("value") << ChartKind::Value << QStringLiteral("value");
        QTest::newRow("accuracy") << ChartKind::Accuracy << QStringLiteral("accuracy");
    }
    void chartKindStrings()
    {
        QFETCH(ChartKind, kind);
        QFETCH(QString, text);
        QCOMPARE(toString(kind), text);
        QVERIFY(chartKindFromString(text.toUpper()).has_value());
        QCOMPARE(toString(*chartKindFromString(text.toUpper())), toString(kind));
    }
};

QTEST_GUILESS_MAIN(TestScenarioFile)
#include "tst_scenario_file.moc"
