// computeEstimates: resolution of a scenario against the catalog, the sweep, labels and problems.
#include "scenario/ArticleLineup.h"
#include "catalog/Catalog.h"
#include "scenario/EstimateSet.h"
#include "engine/ScaledModel.h"

#include <QTest>

using namespace headroom;

namespace {

ScenarioConfiguration entry(const QString &deviceId, int count = 1, double memoryGB = 0, bool checked = true)
{
    ScenarioConfiguration result;
    result.configuration.deviceId = deviceId;
    result.configuration.count = count;
    result.configuration.memoryGB = memoryGB;
    result.checked = checked;
    return result;
}

ScenarioConfiguration cluster(const QString &linkId, int nodes)
{
    ScenarioConfiguration result = entry(QStringLiteral("m3-ultra"), 1, 512);
    result.configuration.nodes = nodes;
    result.configuration.linkId = linkId;
    result.configuration.nodeSplit = NodeSplit::Tensor;
    result.configuration.runtime = Runtime::Mlx;
    return result;
}

} // namespace

class TestEstimateSet final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sweepUserCounts_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<QList<int>>("expected");
        const QList<int> powers{1, 2, 4, 8, 16, 32, 64};
        QTest::newRow("one") << 1 << powers;
        QTest::newRow("power of two") << 8 << powers;
        QTest::newRow("between") << 12 << QList<int>{1, 2, 4, 8, 12, 16, 32, 64};
        QTest::newRow("beyond") << 256 << QList<int>{1, 2, 4, 8, 16, 32, 64, 256};
        QTest::newRow("zero is one") << 0 << powers;
    }
    void sweepUserCounts()
    {
        QFETCH(int, users);
        QFETCH(QList<int>, expected);
        QCOMPARE(headroom::sweepUserCounts(users), expected);
    }

    void articleLineupMatchesTheArticle_data()
    {
        QTest::addColumn<int>("column");
        for (int column = 0; column < articleColumns().size(); ++column)
            QTest::newRow(qPrintable(articleColumns().at(column).title)) << column;
    }
    void articleLineupMatchesTheArticle()
    {
        QFETCH(int, column);
        Scenario scenario = articleLineupScenario();
        scenario.method = Method::Seed;
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.problem, QString());
        QCOMPARE(set.rows.size(), 7);
        const EstimateRow &row = set.rows.at(column);
        QCOMPARE(row.scenarioIndex, column);
        QCOMPARE(toString(row.input.method), toString(Method::Seed));
        QCOMPARE(row.input.model.id, QStringLiteral("llama-3.3-70b"));
        // The article's Llama 3.3 70B row.
        qsizetype modelRow = -1;
        for (qsizetype i = 0; i < articleRows().size(); ++i) {
            if (articleRows().at(i).modelId == QLatin1String("llama-3.3-70b"))
                modelRow = i;
        }
        QVERIFY(modelRow >= 0);
        const ArticleCell cell = articleCell(int(modelRow), column);
        QCOMPARE(row.estimate.runs(), cell.fits);
        if (cell.fits)
            QVERIFY2(std::abs(row.estimate.decodeTpsPerUser - cell.tokensPerSecond) <= 1.0,
                     qPrintable(QString::number(row.estimate.decodeTpsPerUser)));
    }

    void skipsUncheckedAndKeepsIndices()
    {
        Scenario scenario;
        scenario.configurations = {entry(QStringLiteral("rtx-5090"), 1, 0, false), entry(QStringLiteral("rtx-pro-6000")),
                                   entry(QStringLiteral("m4-max-40c"), 1, 0, false), entry(QStringLiteral("m3-ultra"))};
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), 2);
        QCOMPARE(set.rows.at(0).scenarioIndex, 1);
        QCOMPARE(set.rows.at(1).scenarioIndex, 3);
        QCOMPARE(set.problem, QString());
    }

    void resolvesInputs()
    {
        Scenario scenario;
        scenario.configurations = {entry(QStringLiteral("m3-ultra")), entry(QStringLiteral("m4-max-40c"), 1, 64),
                                   entry(QStringLiteral("rtx-5090"), 2)};
        scenario.configurations[2].configuration.runtime = Runtime::LlamaCpp;
        scenario.runtime = Runtime::Mlx;
        scenario.workload.users = 12;
        scenario.seedEfficiency = 0.5;
        scenario.appleUsableFraction = 0.9;
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), 3);
        QCOMPARE(set.modelName, embeddedCatalog().model(scenario.modelId)->name);
        QCOMPARE(set.quantName, QStringLiteral("Q4_K_M"));
        const EstimateInput &ultra = set.rows.at(0).input;
        QCOMPARE(ultra.configuration.memoryGB, embeddedCatalog().device(QStringLiteral("m3-ultra"))->largestMemoryGB());
        QCOMPARE(toString(ultra.configuration.runtime), toString(Runtime::Mlx)); // scenario runtime applies to Apple
        QCOMPARE(ultra.seedEfficiency, 0.5);
        QCOMPARE(ultra.appleUsableFraction, 0.9);
        QCOMPARE(ultra.workload.users, 12);
        QCOMPARE(ultra.quant.name, QStringLiteral("Q4_K_M"));
        QCOMPARE(set.rows.at(1).input.configuration.memoryGB, 64.0);
        QCOMPARE(toString(set.rows.at(2).input.configuration.runtime), toString(Runtime::LlamaCpp)); // its own runtime wins
        QCOMPARE(set.rows.at(2).input.configuration.count, 2);
        QCOMPARE(set.rows.at(2).label, QStringLiteral("2x ") + embeddedCatalog().device(QStringLiteral("rtx-5090"))->name);
    }

    void scenarioRuntimeOnlyWhereItRuns_data()
    {
        QTest::addColumn<Runtime>("scenarioRuntime");
        QTest::addColumn<QString>("device");
        QTest::addColumn<Runtime>("expected");
        QTest::newRow("mlx on nvidia") << Runtime::Mlx << QStringLiteral("rtx-5090") << Runtime::Auto;
        QTest::newRow("mlx on apple") << Runtime::Mlx << QStringLiteral("m3-ultra") << Runtime::Mlx;
        QTest::newRow("vllm on apple") << Runtime::Vllm << QStringLiteral("m3-ultra") << Runtime::Auto;
        QTest::newRow("vllm on nvidia") << Runtime::Vllm << QStringLiteral("h100-sxm") << Runtime::Vllm;
        QTest::newRow("ollama anywhere") << Runtime::Ollama << QStringLiteral("m4-pro") << Runtime::Ollama;
    }
    void scenarioRuntimeOnlyWhereItRuns()
    {
        QFETCH(Runtime, scenarioRuntime);
        QFETCH(QString, device);
        QFETCH(Runtime, expected);
        Scenario scenario;
        scenario.configurations = {entry(device)};
        scenario.runtime = scenarioRuntime;
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), 1);
        QCOMPARE(toString(set.rows.at(0).input.configuration.runtime), toString(expected));
    }

    void sweepMatchesEstimate()
    {
        Scenario scenario;
        scenario.configurations = {entry(QStringLiteral("rtx-pro-6000"))};
        scenario.workload.users = 12;
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), 1);
        const EstimateRow &row = set.rows.at(0);
        QCOMPARE(row.sweep.size(), headroom::sweepUserCounts(12).size());
        for (const SweepPoint &point : row.sweep) {
            if (point.users == 12) {
                QCOMPARE(point.decodeTpsPerUser, row.estimate.decodeTpsPerUser);
                QCOMPARE(toString(point.fit), toString(row.estimate.fit));
                QCOMPARE(point.decodeTpsTotalLow, row.estimate.decodeTpsTotalLow);
                QCOMPARE(point.decodeTpsTotalHigh, row.estimate.decodeTpsTotalHigh);
            }
            // Each point of the curve carries the likely range of its total.
            if (point.fit != Fit::DoesNotFit)
                QVERIFY(point.decodeTpsTotalLow < point.decodeTpsTotal && point.decodeTpsTotal < point.decodeTpsTotalHigh);
        }
        QVERIFY(row.sweep.first().decodeTpsPerUser > 0);
        // Sharing one weight read: more users never speed each of them up.
        for (qsizetype i = 1; i < row.sweep.size(); ++i) {
            if (row.sweep.at(i).fit != Fit::DoesNotFit)
                QVERIFY(row.sweep.at(i).decodeTpsPerUser <= row.sweep.at(i - 1).decodeTpsPerUser + 1e-9);
        }
    }

    void customModelWins()
    {
        Scenario scenario;
        scenario.configurations = {entry(QStringLiteral("rtx-5090"))};
        scenario.modelId = QStringLiteral("llama-3.3-70b");
        const EstimateSet big = computeEstimates(scenario, embeddedCatalog());
        scenario.customModel = scaledModel(*embeddedCatalog().model(QStringLiteral("llama-3.3-70b")), 8);
        const EstimateSet small = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(small.rows.at(0).input.model.paramsB, 8.0);
        QCOMPARE(small.modelName, scenario.customModel->name);
        // 70B at Q4_K_M (~42 GB) does not fit a 32 GB card's memory; 8B does.
        QVERIFY(big.rows.at(0).estimate.fit == Fit::DoesNotFit || big.rows.at(0).estimate.fit == Fit::Offload);
        QCOMPARE(toString(small.rows.at(0).estimate.fit), toString(Fit::Fits));
    }

    void reportsProblems_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QString>("quant");
        QTest::addColumn<QString>("device");
        QTest::addColumn<double>("memoryGB");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown model") << QStringLiteral("gpt-9") << QStringLiteral("Q4_K_M") << QStringLiteral("rtx-5090") << 0.0
                                       << 0 << QStringLiteral("unknown model \"gpt-9\"");
        QTest::newRow("unknown quant") << QStringLiteral("llama-3.1-8b") << QStringLiteral("Q1_X") << QStringLiteral("rtx-5090")
                                       << 0.0 << 0 << QStringLiteral("unknown quantization \"Q1_X\"");
        QTest::newRow("unknown hardware") << QStringLiteral("llama-3.1-8b") << QStringLiteral("Q4_K_M") << QStringLiteral("tpu-9")
                                          << 0.0 << 1 << QStringLiteral("unknown hardware \"tpu-9\"");
        QTest::newRow("memory not an option") << QStringLiteral("llama-3.1-8b") << QStringLiteral("q4_k_m")
                                              << QStringLiteral("m3-ultra") << 200.0 << 2 << QStringLiteral("using 256 GB");
    }
    void reportsProblems()
    {
        QFETCH(QString, modelId);
        QFETCH(QString, quant);
        QFETCH(QString, device);
        QFETCH(double, memoryGB);
        QFETCH(int, rows);
        QFETCH(QString, problem);
        Scenario scenario;
        scenario.modelId = modelId;
        scenario.quantName = quant;
        scenario.configurations = {entry(QStringLiteral("rtx-pro-6000")), entry(device, 1, memoryGB)};
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), rows);
        QVERIFY2(set.problem.contains(problem), qPrintable(set.problem));
    }

    void labels_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("memoryGB");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("mac") << QStringLiteral("m3-ultra") << 1 << 256.0 << QStringLiteral(" 256 GB") << QString();
        QTest::newRow("mac largest") << QStringLiteral("m3-ultra") << 1 << 0.0 << QStringLiteral(" 512 GB") << QString();
        QTest::newRow("one card") << QStringLiteral("rtx-5090") << 1 << 0.0 << QString() << QString();
        QTest::newRow("two cards") << QStringLiteral("rtx-5090") << 2 << 0.0 << QString() << QStringLiteral("2x ");
    }
    void labels()
    {
        QFETCH(QString, device);
        QFETCH(int, count);
        QFETCH(double, memoryGB);
        QFETCH(QString, suffix);
        QFETCH(QString, prefix);
        const Device *found = embeddedCatalog().device(device);
        QVERIFY(found);
        const QString label = configurationLabel(*found, Configuration{device, count, memoryGB});
        QCOMPARE(label, prefix + found->name + suffix);
    }

    void scaledModelKeepsShape_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<double>("paramsB");
        QTest::newRow("llama down") << QStringLiteral("llama-3.3-70b") << 8.0;
        QTest::newRow("llama up") << QStringLiteral("llama-3.3-70b") << 1000.0;
        QTest::newRow("moe") << QStringLiteral("qwen3-30b-a3b") << 120.0;
        QTest::newRow("llama-like") << QString() << 1.0;
    }
    void scaledModelKeepsShape()
    {
        QFETCH(QString, base);
        QFETCH(double, paramsB);
        const LanguageModel shape = base.isEmpty() ? llamaLikeShape() : *embeddedCatalog().model(base);
        const LanguageModel scaled = scaledModel(shape, paramsB);
        QCOMPARE(scaled.paramsB, paramsB);
        QVERIFY(scaled.publishedSizes.isEmpty());
        QCOMPARE(scaled.headDim, shape.headDim);
        QCOMPARE(scaled.experts, shape.experts);
        QCOMPARE(scaled.hidden, scaled.attentionHeads * shape.headDim);
        QVERIFY(scaled.kvHeads <= scaled.attentionHeads);
        QVERIFY(scaled.kvHeads >= 1);
        QVERIFY(std::abs(scaled.activeParamsB / scaled.paramsB - shape.activeParamsB / shape.paramsB) < 1e-9);
        // Parameters ~ layers x hidden^2: the shape grows with the size.
        const double shapeSize = double(shape.layers) * shape.hidden * shape.hidden;
        const double scaledSize = double(scaled.layers) * scaled.hidden * scaled.hidden;
        QVERIFY2(std::abs(scaledSize / shapeSize / (paramsB / shape.paramsB) - 1) < 0.35,
                 qPrintable(QString::number(scaledSize / shapeSize)));
    }

    // Each sweep point carries its estimate's bottleneck (the concurrency chart marks where a cluster's link
    // binds) and the memory breakdown says how many machines pool the usable capacity (the memory chart's ticks).
    void clusterSweepAndMemory_data()
    {
        QTest::addColumn<QString>("linkId");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<bool>("linkBindsAtOneUser");
        QTest::newRow("2 Macs over 10 GbE, tensor split") << QStringLiteral("10gbe") << 2 << true;
        QTest::newRow("2 Macs over TB5 RDMA, tensor split") << QStringLiteral("tb5-rdma") << 2 << false;
    }
    void clusterSweepAndMemory()
    {
        QFETCH(QString, linkId);
        QFETCH(int, nodes);
        QFETCH(bool, linkBindsAtOneUser);
        Scenario scenario;
        scenario.modelId = QStringLiteral("llama-3.3-70b");
        scenario.configurations = {cluster(linkId, nodes), entry(QStringLiteral("m3-ultra"), 1, 512)};
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.problem, QString());
        QCOMPARE(set.rows.size(), 2);
        const EstimateRow &clustered = set.rows.at(0);
        const EstimateRow &single = set.rows.at(1);
        QCOMPARE(clustered.input.configuration.nodes, nodes);

        const MemoryBreakdown &pooled = clustered.estimate.memory;
        QCOMPARE(pooled.machines, nodes);
        QVERIFY(pooled.usablePerMachineGB > 0);
        QCOMPARE(pooled.usablePerMachineGB * nodes, pooled.usableGB);
        QCOMPARE(pooled.usablePerMachineGB, single.estimate.memory.usableGB);
        QCOMPARE(single.estimate.memory.machines, 1);
        QCOMPARE(single.estimate.memory.usablePerMachineGB, single.estimate.memory.usableGB);

        for (const EstimateRow *row : {&clustered, &single}) {
            for (const SweepPoint &point : row->sweep) {
                if (point.users == row->input.workload.users)
                    QCOMPARE(toString(point.bottleneck), toString(row->estimate.bottleneck));
                if (row == &single)
                    QVERIFY2(point.bottleneck != Bottleneck::Interconnect, qPrintable(toString(point.bottleneck)));
            }
        }
        QCOMPARE(clustered.sweep.first().users, 1);
        QCOMPARE(clustered.sweep.first().bottleneck == Bottleneck::Interconnect, linkBindsAtOneUser);
    }

    void seedMethodCountsMachines()
    {
        Scenario scenario;
        scenario.method = Method::Seed;
        scenario.configurations = {cluster(QStringLiteral("tb5-rdma"), 4)};
        const EstimateSet set = computeEstimates(scenario, embeddedCatalog());
        QCOMPARE(set.rows.size(), 1);
        const MemoryBreakdown &memory = set.rows.at(0).estimate.memory;
        QCOMPARE(memory.machines, 4);
        QCOMPARE(memory.usablePerMachineGB * 4, memory.usableGB);
    }
};

QTEST_GUILESS_MAIN(TestEstimateSet)
#include "tst_estimate_set.moc"
