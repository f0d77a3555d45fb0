// The window's advisor question from a scenario, and the shortlist put back into the scenario.
#include "scenario/EstimateSet.h"
#include "engine/ScaledModel.h"
#include "scenario/ScenarioAdvisor.h"

#include <QTest>

using namespace headroom;

namespace {

AdvisorRequest requestFor(const Scenario &scenario)
{
    const AdvisorRequestOrProblem result = advisorRequestFor(scenario, embeddedCatalog());
    if (const auto *problem = std::get_if<QString>(&result))
        qFatal("unexpected problem: %s", qPrintable(*problem));
    return std::get<AdvisorRequest>(result);
}

} // namespace

class TestScenarioAdvisor final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copiesTheScenarioQuestion()
    {
        Scenario scenario;
        scenario.modelId = QStringLiteral("qwen3-30b-a3b");
        scenario.quantName = QStringLiteral("q8_0"); // case-insensitive, as the catalog
        scenario.workload = Workload{32768, 1000, 200, 8, KvCacheType::Q8_0};
        scenario.appleUsableFraction = 0.9;
        scenario.advisor.budgetUsd = 12000;
        scenario.advisor.minDecodeTpsPerUser = 30;
        scenario.advisor.platforms = {Platform::Apple};
        const AdvisorRequest request = requestFor(scenario);
        QCOMPARE(request.model.id, QStringLiteral("qwen3-30b-a3b"));
        QCOMPARE(request.quant.name, QStringLiteral("Q8_0"));
        QVERIFY(request.quant.bitsPerWeight > 8);
        QVERIFY(request.workload == scenario.workload);
        QCOMPARE(request.appleUsableFraction, 0.9);
        QVERIFY(request.requirements == scenario.advisor);
    }

    void customModelWins()
    {
        Scenario scenario;
        scenario.customModel = scaledModel(llamaLikeShape(), 33);
        const AdvisorRequest request = requestFor(scenario);
        QCOMPARE(request.model, *scenario.customModel);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<bool>("autoQuant");
        QTest::addColumn<QString>("problem"); // empty: a request
        QTest::newRow("unknown model") << QStringLiteral("gpt-9") << QStringLiteral("Q4_K_M") << false
                                       << QStringLiteral("unknown model \"gpt-9\"");
        QTest::newRow("unknown quant") << QStringLiteral("llama-3.3-70b") << QStringLiteral("Q1") << false
                                       << QStringLiteral("unknown quantization \"Q1\"");
        QTest::newRow("unknown quant, auto") << QStringLiteral("llama-3.3-70b") << QStringLiteral("Q1") << true << QString();
        QTest::newRow("unknown model, auto") << QStringLiteral("gpt-9") << QStringLiteral("Q4_K_M") << true
                                             << QStringLiteral("unknown model \"gpt-9\"");
    }
    void problems()
    {
        QFETCH(QString, modelId);
        QFETCH(QString, quant);
        QFETCH(bool, autoQuant);
        QFETCH(QString, problem);
        Scenario scenario;
        scenario.modelId = modelId;
        scenario.quantName = quant;
        scenario.advisor.autoQuant = autoQuant;
        const AdvisorRequestOrProblem result = advisorRequestFor(scenario, embeddedCatalog());
        if (problem.isEmpty()) {
            QVERIFY(std::holds_alternative<AdvisorRequest>(result));
        } else {
            QVERIFY(std::holds_alternative<QString>(result));
            QCOMPARE(std::get<QString>(result), problem);
        }
    }

    void scenarioRuntimePerPlatform_data()
    {
        QTest::addColumn<Runtime>("scenarioRuntime");
        QTest::addColumn<Runtime>("ownNvidiaRuntime");
        QTest::addColumn<Runtime>("apple");
        QTest::addColumn<Runtime>("nvidia");
        QTest::addColumn<Runtime>("other");
        QTest::newRow("auto") << Runtime::Auto << Runtime::Auto << Runtime::Auto << Runtime::Auto << Runtime::Auto;
        QTest::newRow("llama.cpp everywhere") << Runtime::LlamaCpp << Runtime::Auto << Runtime::LlamaCpp
                                              << Runtime::LlamaCpp << Runtime::LlamaCpp;
        QTest::newRow("mlx on Apple only") << Runtime::Mlx << Runtime::Auto << Runtime::Mlx << Runtime::Auto << Runtime::Auto;
        QTest::newRow("vllm not on Apple") << Runtime::Vllm << Runtime::Auto << Runtime::Auto << Runtime::Vllm << Runtime::Vllm;
        QTest::newRow("requirement's own runtime kept") << Runtime::Ollama << Runtime::TensorRtLlm << Runtime::Ollama
                                                        << Runtime::TensorRtLlm << Runtime::Ollama;
    }
    void scenarioRuntimePerPlatform()
    {
        QFETCH(Runtime, scenarioRuntime);
        QFETCH(Runtime, ownNvidiaRuntime);
        QFETCH(Runtime, apple);
        QFETCH(Runtime, nvidia);
        QFETCH(Runtime, other);
        Scenario scenario;
        scenario.runtime = scenarioRuntime;
        scenario.advisor.nvidiaRuntime = ownNvidiaRuntime;
        const AdvisorRequest request = requestFor(scenario);
        QCOMPARE(toString(request.requirements.appleRuntime), toString(apple));
        QCOMPARE(toString(request.requirements.nvidiaRuntime), toString(nvidia));
        QCOMPARE(toString(request.requirements.otherRuntime), toString(other));
    }

    void picksEstimateAsShortlisted_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<int>("users");
        QTest::addColumn<double>("minSpeed");
        QTest::addColumn<bool>("autoQuant");
        QTest::addColumn<int>("maxCount");
        QTest::newRow("llama 70b, 1 user, 20 t/s") << QStringLiteral("llama-3.3-70b") << 1 << 20.0 << false << 8;
        QTest::newRow("qwen3 30b, 8 users, 30 t/s") << QStringLiteral("qwen3-30b-a3b") << 8 << 30.0 << false << 3;
        QTest::newRow("llama 8b, auto quant") << QStringLiteral("llama-3.1-8b") << 1 << 40.0 << true << 8;
    }
    void picksEstimateAsShortlisted()
    {
        QFETCH(QString, modelId);
        QFETCH(int, users);
        QFETCH(double, minSpeed);
        QFETCH(bool, autoQuant);
        QFETCH(int, maxCount);
        Scenario scenario = articleLineupScenario();
        scenario.modelId = modelId;
        scenario.workload.users = users;
        scenario.advisor.minDecodeTpsPerUser = minSpeed;
        scenario.advisor.autoQuant = autoQuant;
        const AdvisorResult result = advise(requestFor(scenario), embeddedCatalog());
        QVERIFY2(!result.shortlist.isEmpty(), qPrintable(result.reason));

        const Scenario picked = scenarioWithPicks(scenario, result, maxCount);
        const int expected = std::min<int>(maxCount, int(result.shortlist.size()));
        QCOMPARE(picked.configurations.size(), expected);
        QCOMPARE(picked.modelId, scenario.modelId);
        QVERIFY(picked.advisor == scenario.advisor);
        if (autoQuant)
            QCOMPARE(picked.quantName, result.shortlist.first().quant.name);
        const EstimateSet estimates = computeEstimates(picked, embeddedCatalog());
        QVERIFY2(estimates.problem.isEmpty(), qPrintable(estimates.problem));
        QCOMPARE(estimates.rows.size(), expected);
        for (int i = 0; i < expected; ++i) {
            const AdvisorCandidate &candidate = result.shortlist.at(i);
            const ScenarioConfiguration &entry = picked.configurations.at(i);
            QVERIFY(entry.checked);
            QCOMPARE(entry.label, candidate.label);
            QCOMPARE(entry.systemId, candidate.systemId);
            QCOMPARE(estimates.rows.at(i).label, candidate.label);
            if (candidate.quant.name != picked.quantName)
                continue; // auto quantization: the scenario holds one quantization, the top pick's
            QVERIFY(estimates.rows.at(i).input == candidate.input);
            QCOMPARE(estimates.rows.at(i).estimate.decodeTpsPerUser, candidate.estimate.decodeTpsPerUser);
        }
    }
};

QTEST_GUILESS_MAIN(TestScenarioAdvisor)
#include "tst_scenario_advisor.moc"
