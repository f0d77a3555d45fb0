// Physics of the roofline method on inline hardware and models (no catalog needed).
#include "catalog/Catalog.h"
#include "engine/Estimator.h"
#include "engine/RooflineMemory.h"
#include "engine/RooflineShape.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace headroom;

Q_DECLARE_METATYPE(LanguageModel)
Q_DECLARE_METATYPE(Device)

namespace {

Device gpu(double bandwidthGBs, double memoryGB, double tflops = 200, const char *link = "pcie5", double linkGBs = 64)
{
    Device device;
    device.id = QStringLiteral("gpu");
    device.name = QStringLiteral("Test GPU");
    device.vendor = QStringLiteral("nvidia");
    device.kind = MemoryKind::Discrete;
    device.segment = Segment::Consumer;
    device.memoryOptionsGB = {memoryGB};
    device.bandwidthGBs = bandwidthGBs;
    device.fp16Tflops = tflops;
    device.interconnect = Interconnect{QString::fromLatin1(link), linkGBs};
    device.maxCount = 8;
    return device;
}

Device mac(double bandwidthGBs, double memoryGB, double tflops = 16)
{
    Device device = gpu(bandwidthGBs, memoryGB, tflops, "none", 0);
    device.id = QStringLiteral("mac");
    device.vendor = QStringLiteral("apple");
    device.kind = MemoryKind::Unified;
    device.segment = Segment::Apple;
    return device;
}

LanguageModel dense(double paramsB, int layers, int hidden, int heads, int kvHeads, int headDim = 128)
{
    LanguageModel model;
    model.id = QStringLiteral("dense-%1").arg(paramsB);
    model.paramsB = paramsB;
    model.activeParamsB = paramsB;
    model.layers = layers;
    model.hidden = hidden;
    model.attentionHeads = heads;
    model.kvHeads = kvHeads;
    model.headDim = headDim;
    model.maxContext = 131072;
    return model;
}

LanguageModel llama8b() { return dense(8.03, 32, 4096, 32, 8); }
LanguageModel llama70b() { return dense(70.55, 80, 8192, 64, 8); }

LanguageModel qwenMoe()
{
    LanguageModel model = dense(30.5, 48, 2048, 32, 4);
    model.id = QStringLiteral("moe");
    model.activeParamsB = 3.3;
    model.experts = 128;
    model.expertsPerToken = 8;
    return model;
}

Quantization q4() { return Quantization{QStringLiteral("Q4_K_M"), 4.85}; }

EstimateInput input(const Device &device, const LanguageModel &model, int count = 1, int users = 1, int context = 4096)
{
    EstimateInput in;
    in.device = device;
    in.configuration.deviceId = device.id;
    in.configuration.count = count;
    in.model = model;
    in.quant = q4();
    in.workload.users = users;
    in.workload.contextTokens = context;
    return in;
}

void verifyFinite(const Estimate &e)
{
    for (double value : {e.decodeTpsPerUser, e.decodeTpsTotal, e.outputTpsTotal, e.prefillTps, e.ttftSeconds,
                         e.decodeTpsLow, e.decodeTpsHigh, e.memory.totalGB, e.memory.kvCacheGB, e.memory.usableGB,
                         e.terms.memoryTimeMs, e.terms.computeTimeMs, e.terms.interconnectMs, e.terms.bytesPerTokenGB}) {
        QVERIFY(std::isfinite(value));
        QVERIFY(value >= 0);
    }
    QVERIFY(e.maxUsers >= 0);
    QVERIFY(e.maxContext >= 0);
}

ClusterLink link(double bandwidthGBs, double latencyUs, bool rdma, LinkTopology topology = LinkTopology::Switch)
{
    ClusterLink result;
    result.id = QStringLiteral("test-link");
    result.name = QStringLiteral("Test link");
    result.bandwidthGBs = bandwidthGBs;
    result.latencyUs = latencyUs;
    result.rdma = rdma;
    result.topology = topology;
    return result;
}

EstimateInput cluster(EstimateInput in, int nodes, const ClusterLink &joinedBy, NodeSplit split, Runtime runtime)
{
    in.configuration.nodes = nodes;
    in.configuration.nodeSplit = split;
    in.configuration.runtime = runtime;
    in.link = joinedBy;
    return in;
}

} // namespace

class TestRoofline final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // "116.8B-A5.1B" is how most people know a MoE: active below total is enough to read active weights per
    // token, and the documented default expert counts give the growth of experts touched with users.
    void aMoeKnownByItsParameterCountsIsAMoe_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<double>("tolerance"); // relative, against the same model with its expert counts
        QTest::newRow("one user") << 1 << 0.01;
        QTest::newRow("eight users") << 8 << 0.15;
    }
    void aMoeKnownByItsParameterCountsIsAMoe()
    {
        QFETCH(int, users);
        QFETCH(double, tolerance);
        LanguageModel counts = dense(116.8, 36, 2880, 64, 8, 64);
        counts.activeParamsB = 5.1;
        QVERIFY(counts.isMoe());
        QVERIFY(!counts.expertCountsGiven());
        QCOMPARE(counts.routedExperts(), LanguageModel::kDefaultExperts);
        QCOMPARE(counts.routedExpertsPerToken(), 5); // 128 x 5.1 / 116.8 = 5.6: no more experts than the active share holds
        LanguageModel explicitExperts = counts;
        explicitExperts.experts = 128;
        explicitExperts.expertsPerToken = 4;
        const Device spark = mac(273, 128, 100);
        const Estimate fromCounts = rooflineEstimate(input(spark, counts, 1, users));
        const Estimate fromExperts = rooflineEstimate(input(spark, explicitExperts, 1, users));
        const Estimate asDense = rooflineEstimate(input(spark, dense(116.8, 36, 2880, 64, 8, 64), 1, users));
        QVERIFY2(std::abs(fromCounts.decodeTpsPerUser / fromExperts.decodeTpsPerUser - 1) < tolerance,
                 qPrintable(QStringLiteral("%1 vs %2").arg(fromCounts.decodeTpsPerUser).arg(fromExperts.decodeTpsPerUser)));
        QVERIFY(fromCounts.decodeTpsPerUser > 3 * asDense.decodeTpsPerUser);
    }

    void speedFallsWithContext()
    {
        double previous = 1e12;
        for (int context : {1, 4096, 16384, 65536, 131072}) {
            const Estimate e = rooflineEstimate(input(gpu(1792, 96), llama8b(), 1, 1, context));
            QVERIFY(e.runs());
            QVERIFY2(e.decodeTpsPerUser < previous, qPrintable(QString::number(context)));
            previous = e.decodeTpsPerUser;
        }
    }

    void speedFallsWithModelSize()
    {
        double previous = 1e12;
        for (double params : {1.0, 8.0, 27.0, 70.0, 120.0}) {
            const Estimate e = rooflineEstimate(input(gpu(1792, 96), dense(params, 0, 0, 0, 0, 0)));
            QVERIFY(e.runs());
            QVERIFY(e.decodeTpsPerUser < previous);
            previous = e.decodeTpsPerUser;
        }
    }

    void speedRisesWithBandwidth()
    {
        double previous = 0;
        for (double bandwidth : {100.0, 400.0, 800.0, 1600.0, 3200.0}) {
            const Estimate e = rooflineEstimate(input(gpu(bandwidth, 96), llama70b()));
            QVERIFY(e.decodeTpsPerUser > previous);
            previous = e.decodeTpsPerUser;
        }
    }

    void moeBeatsDenseOfSameFileSize()
    {
        LanguageModel same = dense(30.5, 48, 5120, 40, 8);
        const Estimate denseEstimate = rooflineEstimate(input(gpu(1792, 32), same));
        const Estimate moeEstimate = rooflineEstimate(input(gpu(1792, 32), qwenMoe()));
        QCOMPARE(moeEstimate.memory.weightsGB, denseEstimate.memory.weightsGB);
        QVERIFY(moeEstimate.decodeTpsPerUser > 2 * denseEstimate.decodeTpsPerUser);
        QVERIFY(moeEstimate.terms.expertCoverage < 0.1);
    }

    void splitForOneUser_data()
    {
        QTest::addColumn<int>("split");
        QTest::addColumn<bool>("helps");
        QTest::newRow("tensor") << int(Split::Tensor) << true;
        QTest::newRow("layer") << int(Split::Layer) << false;
    }

    void splitForOneUser()
    {
        QFETCH(int, split);
        QFETCH(bool, helps);
        const Estimate one = rooflineEstimate(input(gpu(1792, 96), llama70b(), 1));
        EstimateInput two = input(gpu(1792, 96), llama70b(), 2);
        two.configuration.split = Split(split);
        const Estimate twoCards = rooflineEstimate(two);
        QCOMPARE(int(twoCards.terms.split), split);
        if (helps) {
            QVERIFY(twoCards.decodeTpsPerUser > 1.3 * one.decodeTpsPerUser);
            QVERIFY(twoCards.terms.interconnectMs > 0);
        } else {
            QVERIFY(twoCards.decodeTpsPerUser <= one.decodeTpsPerUser);
        }
        QVERIFY(twoCards.memory.usableGB > 1.9 * one.memory.usableGB);
    }

    // A ring all-reduce passes its message card to card, 2(n-1) hops: its software cost grows with the cards,
    // while the link's own latency is paid once.
    void tensorSyncGrowsWithTheRing_data()
    {
        QTest::addColumn<int>("cards");
        QTest::newRow("2 cards") << 2;
        QTest::newRow("4 cards") << 4;
        QTest::newRow("8 cards") << 8;
    }

    void tensorSyncGrowsWithTheRing()
    {
        QFETCH(int, cards);
        RuntimeProfile profile;
        profile.runtime = Runtime::Vllm;
        profile.platform = PlatformClass::NvidiaConsumer;
        const auto interconnectMs = [&](double tensorSyncUs) {
            profile.tensorSyncUs = tensorSyncUs;
            Calibration calibration;
            calibration.setProfiles({profile});
            EstimateInput in = input(gpu(1792, 96), llama70b(), cards);
            in.configuration.runtime = Runtime::Vllm;
            in.configuration.split = Split::Tensor;
            return rooflineEstimate(in, calibration).terms.interconnectMs;
        };
        const double allReducesPerStep = 2.0 * llama70b().layers;
        const double syncMsPerMicrosecond = (interconnectMs(10.0) - interconnectMs(0.0)) / 10.0;
        QVERIFY(std::abs(syncMsPerMicrosecond - allReducesPerStep * (cards - 1) / 1000.0) < 1e-9);
    }

    // A serving runtime prepares the next step (scheduling, sampling, kernel launches) while the GPU runs the
    // current one: its host overhead costs nothing while the GPU's work is longer and only the excess beyond it.
    // llama.cpp waits for each token first, so there the overhead always adds.
    void hostOverheadHidesBehindTheGpuOnlyForServingRuntimes_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::addColumn<double>("overheadMs");
        QTest::addColumn<bool>("overlaps");
        QTest::newRow("vllm, overhead shorter than the step") << int(Runtime::Vllm) << 2.0 << true;
        QTest::newRow("vllm, overhead longer than the step") << int(Runtime::Vllm) << 200.0 << true;
        QTest::newRow("tensorrt-llm") << int(Runtime::TensorRtLlm) << 2.0 << true;
        QTest::newRow("llama.cpp") << int(Runtime::LlamaCpp) << 2.0 << false;
        QTest::newRow("llama.cpp, long overhead") << int(Runtime::LlamaCpp) << 200.0 << false;
    }

    void hostOverheadHidesBehindTheGpuOnlyForServingRuntimes()
    {
        QFETCH(int, runtime);
        QFETCH(double, overheadMs);
        QFETCH(bool, overlaps);
        RuntimeProfile profile;
        profile.runtime = Runtime(runtime);
        profile.platform = PlatformClass::NvidiaConsumer;
        profile.perTokenOverheadMs = overheadMs;
        Calibration calibration;
        calibration.setProfiles({profile});
        EstimateInput in = input(gpu(1008, 24), llama8b(), 1);
        in.configuration.runtime = Runtime(runtime);
        const Estimate estimate = rooflineEstimate(in, calibration);
        const FormulaTerms &terms = estimate.terms;
        QCOMPARE(terms.overheadOverlapsGpu, overlaps);
        QVERIFY(terms.overheadMs > 0);
        const double gpuMs = std::max(terms.memoryTimeMs, terms.computeTimeMs);
        const double expected = (overlaps ? std::max(gpuMs, terms.overheadMs) : gpuMs + terms.overheadMs) + terms.interconnectMs;
        QVERIFY(std::abs(terms.stepMs - expected) < 1e-9);
        QVERIFY(std::abs(estimate.decodeTpsPerUser - 1000.0 / terms.stepMs) < 1e-6);
        QVERIFY(explain(in, estimate).contains(overlaps ? QStringLiteral("prepared while the GPU runs the step before")
                                                        : QStringLiteral("+ overhead")));
    }

    // llama.cpp's layer split pipelines the micro-batches of a 2,048-token batch through its cards: m of them on
    // n cards take m + n - 1 stage times of 1/n of the model. One micro-batch gains nothing; Ollama (batches of
    // one micro-batch) and a split across machines run at one card's speed. A serving runtime's tensor split
    // shares every matmul.
    void layerSplitPipelinesThePromptsMicroBatches_data()
    {
        QTest::addColumn<int>("cards");
        QTest::addColumn<int>("prompt");
        QTest::addColumn<Runtime>("runtime");
        QTest::addColumn<double>("speedup");
        QTest::newRow("2 cards, one micro-batch") << 2 << 512 << Runtime::LlamaCpp << 1.0;
        QTest::newRow("4 cards, two micro-batches") << 4 << 1024 << Runtime::LlamaCpp << 8.0 / 5.0;
        QTest::newRow("4 cards, a full batch in flight") << 4 << 4096 << Runtime::LlamaCpp << 16.0 / 7.0;
        QTest::newRow("8 cards, a full batch in flight") << 8 << 16384 << Runtime::LlamaCpp << 32.0 / 11.0;
        QTest::newRow("Ollama, 4 cards") << 4 << 4096 << Runtime::Ollama << 1.0;
    }

    void layerSplitPipelinesThePromptsMicroBatches()
    {
        QFETCH(int, cards);
        QFETCH(int, prompt);
        QFETCH(Runtime, runtime);
        QFETCH(double, speedup);
        const auto inputFor = [&](int count, Split split, Runtime on) {
            EstimateInput in = input(gpu(1008, 96, 165), llama8b(), count, 1, prompt);
            in.workload.promptTokens = prompt;
            in.configuration.split = split;
            in.configuration.runtime = on;
            return in;
        };
        const auto estimate = [&](int count, Split split, Runtime on) { return rooflineEstimate(inputFor(count, split, on)); };
        const Estimate one = estimate(1, Split::Auto, runtime);
        const Estimate split = estimate(cards, Split::Layer, runtime);
        QVERIFY(one.prefillTps > 0);
        QCOMPARE(split.terms.promptPipelineSpeedup, speedup);
        // The request's fixed set-up is not pipelined: the whole prompt gains a little less than its matmuls.
        const double setUpPerToken = split.terms.promptOverheadMs / 1000.0 / prompt;
        const double expected = 1.0 / ((1.0 / one.prefillTps - setUpPerToken) / speedup + setUpPerToken);
        QVERIFY2(std::abs(split.prefillTps / expected - 1.0) < 1e-9,
                 qPrintable(QStringLiteral("%1 t/s on %2 cards, %3 expected").arg(split.prefillTps).arg(cards).arg(expected)));
        QCOMPARE(explain(inputFor(cards, Split::Layer, runtime), split).contains(QStringLiteral("prefill pipeline:")),
                 speedup > 1.0);

        // A prompt long enough that the request's fixed set-up is a small share of it.
        prompt = std::max(prompt, 16384);
        QVERIFY(estimate(cards, Split::Tensor, Runtime::Vllm).prefillTps > 1.5 * estimate(1, Split::Auto, Runtime::Vllm).prefillTps);
    }

    // A follow-up turn: the prompt's tokens attend to everything already cached, so the same prompt on a full
    // cache is slower, and more so for a model whose attention is a larger share of its FLOPs.
    void cachedTokensSlowThePrompt_data()
    {
        QTest::addColumn<int>("cached");
        QTest::newRow("empty cache") << 0;
        QTest::newRow("8K cached") << 8192;
        QTest::newRow("32K cached") << 32768;
        QTest::newRow("96K cached") << 98304;
    }

    void cachedTokensSlowThePrompt()
    {
        QFETCH(int, cached);
        EstimateInput fresh = input(gpu(1008, 24, 165), llama8b(), 1, 1, 2048 + cached);
        fresh.workload.promptTokens = 2048;
        EstimateInput followUp = fresh;
        followUp.workload.cachedTokens = cached;
        RuntimeProfile profile;
        profile.attentionEfficiency = 0.5;
        Calibration calibration;
        calibration.setProfiles({profile});
        const Estimate freshEstimate = rooflineEstimate(fresh, calibration);
        const Estimate followUpEstimate = rooflineEstimate(followUp, calibration);
        if (cached == 0) {
            QCOMPARE(followUpEstimate.prefillTps, freshEstimate.prefillTps);
            return;
        }
        QVERIFY(followUpEstimate.prefillTps < freshEstimate.prefillTps);
        // Attention per token grows with the span: cached + prompt / 2 against prompt / 2.
        const double perTokenFresh = 1.0 / freshEstimate.prefillTps;
        const double perTokenFollowUp = 1.0 / followUpEstimate.prefillTps;
        const double attentionFresh = roofline::attentionFlopsPerToken(llama8b(), 1024);
        const double attentionFollowUp = roofline::attentionFlopsPerToken(llama8b(), cached + 1024);
        const double secondsPerAttentionFlop = (perTokenFollowUp - perTokenFresh) / (attentionFollowUp - attentionFresh);
        const double expected = 1.0 / (165e12 * profile.attentionEfficiency);
        QVERIFY2(std::abs(secondsPerAttentionFlop / expected - 1.0) < 1e-6,
                 qPrintable(QStringLiteral("%1 s per attention FLOP, expected %2").arg(secondsPerAttentionFlop).arg(expected)));
        // Decode is unchanged: the KV depth is the context either way.
        QCOMPARE(followUpEstimate.decodeTpsPerUser, freshEstimate.decodeTpsPerUser);
        QVERIFY(followUpEstimate.ttftSeconds > freshEstimate.ttftSeconds);
    }

    // Each query-key score pays the profile's softmax work on top of its head's 4 x head_dim FLOPs: over the same
    // attention FLOPs, heads of 64 dimensions (four times the scores of 256) slow a long prompt the most.
    void scoresPayTheirSoftmax_data()
    {
        QTest::addColumn<int>("heads");
        QTest::addColumn<int>("headDim");
        QTest::addColumn<int>("cached");
        QTest::addColumn<double>("scoreFlops");
        QTest::newRow("64 heads of 64, 32K cached, 512 FLOPs") << 64 << 64 << 32768 << 512.0;
        QTest::newRow("32 heads of 128, 32K cached, 512 FLOPs") << 32 << 128 << 32768 << 512.0;
        QTest::newRow("16 heads of 256, 32K cached, 512 FLOPs") << 16 << 256 << 32768 << 512.0;
        QTest::newRow("32 heads of 128, fresh prompt, 1024 FLOPs") << 32 << 128 << 0 << 1024.0;
        QTest::newRow("32 heads of 128, 32K cached, no softmax cost") << 32 << 128 << 32768 << 0.0;
    }

    void scoresPayTheirSoftmax()
    {
        QFETCH(int, heads);
        QFETCH(int, headDim);
        QFETCH(int, cached);
        QFETCH(double, scoreFlops);
        EstimateInput in = input(gpu(1008, 48, 165), dense(8.03, 32, 4096, heads, 8, headDim), 1, 1, 65536);
        in.workload.promptTokens = 2048;
        in.workload.cachedTokens = cached;
        const auto estimateWith = [&](double flopsPerScore) {
            RuntimeProfile profile;
            profile.attentionEfficiency = 0.25;
            profile.attentionScoreFlops = flopsPerScore;
            Calibration calibration;
            calibration.setProfiles({profile});
            return rooflineEstimate(in, calibration);
        };
        const Estimate plain = estimateWith(0);
        const Estimate withSoftmax = estimateWith(scoreFlops);
        const double span = cached + 1024.0;
        const roofline::AttentionWork work = roofline::attentionWorkPerToken(in.model, span);
        QCOMPARE(work.scores, double(heads) * 32 * span);
        QCOMPARE(work.flops, 4.0 * headDim * work.scores);
        const double extraSeconds = 1.0 / withSoftmax.prefillTps - 1.0 / plain.prefillTps;
        const double expected = work.scores * scoreFlops / (165e12 * 0.25);
        QVERIFY2(std::abs(extraSeconds - expected) <= 1e-9 * (1.0 / plain.prefillTps),
                 qPrintable(QStringLiteral("%1 s per token for the softmax, expected %2").arg(extraSeconds).arg(expected)));
        QCOMPARE(withSoftmax.terms.attentionScoreFlops, scoreFlops);
        QCOMPARE(withSoftmax.decodeTpsPerUser, plain.decodeTpsPerUser);
        QCOMPARE(explain(in, withSoftmax).contains(QStringLiteral("of softmax per query-key score")), scoreFlops > 0);
    }

    void expertsFillTheirTilesWithTokens_data()
    {
        QTest::addColumn<int>("prompt");
        QTest::addColumn<double>("halfRateTokens");
        // qwenMoe: 128 experts, 8 per token; a 512-token micro-batch gives each expert 32 tokens.
        QTest::newRow("512 tokens, half rate at 64") << 512 << 64.0;
        QTest::newRow("512 tokens, half rate at 8") << 512 << 8.0;
        QTest::newRow("128 tokens, half rate at 64") << 128 << 64.0;
        QTest::newRow("4K tokens (one micro-batch of 512), half rate at 32") << 4096 << 32.0;
    }

    void expertsFillTheirTilesWithTokens()
    {
        QFETCH(int, prompt);
        QFETCH(double, halfRateTokens);
        EstimateInput in = input(gpu(1008, 24, 165), qwenMoe(), 1, 1, 8192);
        in.workload.promptTokens = prompt;
        RuntimeProfile profile;
        profile.expertTokensAtHalfRate = halfRateTokens;
        Calibration calibration;
        calibration.setProfiles({profile});
        const Estimate estimate = rooflineEstimate(in, calibration);
        const double tokensPerExpert = std::min(double(prompt), profile.prefillMicroBatchTokens) * 8.0 / 128.0;
        QCOMPARE(estimate.terms.expertPromptRate, tokensPerExpert / (tokensPerExpert + halfRateTokens));
        // Experts that fill their tiles sooner make the prompt faster; decode does not change.
        RuntimeProfile slower = profile;
        slower.expertTokensAtHalfRate = halfRateTokens * 4;
        Calibration slowerCalibration;
        slowerCalibration.setProfiles({slower});
        const Estimate slowerEstimate = rooflineEstimate(in, slowerCalibration);
        QVERIFY(slowerEstimate.prefillTps < estimate.prefillTps);
        QCOMPARE(slowerEstimate.decodeTpsPerUser, estimate.decodeTpsPerUser);
    }

    // The runtimes that unpack quantized weights in their own prompt kernels read them at the profile's fitted
    // share of the F16 rate; F16 weights, and the serving engines (whose quantized rates are the tensor cores'),
    // do not change, and neither does decode.
    void quantizedWeightsTakeTheirPromptRate_data()
    {
        QTest::addColumn<double>("bits");
        QTest::addColumn<Runtime>("runtime");
        QTest::addColumn<double>("expectedRate");
        QTest::newRow("Q4_K_M on llama.cpp") << 4.85 << Runtime::LlamaCpp << 1.5;
        QTest::newRow("Q8_0 on MLX") << 8.5 << Runtime::Mlx << 1.5;
        QTest::newRow("F16 on llama.cpp") << 16.0 << Runtime::LlamaCpp << 1.0;
        QTest::newRow("AWQ on vLLM") << 4.25 << Runtime::Vllm << 1.0;
    }

    void quantizedWeightsTakeTheirPromptRate()
    {
        QFETCH(double, bits);
        QFETCH(Runtime, runtime);
        QFETCH(double, expectedRate);
        EstimateInput in = input(gpu(1008, 96, 165), llama8b(), 1, 1, 8192);
        in.workload.promptTokens = 2048;
        in.quant.bitsPerWeight = bits;
        in.configuration.runtime = runtime;
        const auto estimateWith = [&](double rate) {
            RuntimeProfile profile;
            profile.quantizedPromptRate = rate;
            Calibration calibration;
            calibration.setProfiles({profile});
            return rooflineEstimate(in, calibration);
        };
        const Estimate plain = estimateWith(1.0);
        const Estimate faster = estimateWith(1.5);
        QCOMPARE(faster.terms.quantizedPromptRate, expectedRate);
        QCOMPARE(faster.terms.reachedPromptTflops, plain.terms.reachedPromptTflops * expectedRate);
        QCOMPARE(faster.prefillTps > plain.prefillTps, expectedRate > 1.0);
        QCOMPARE(faster.decodeTpsPerUser, plain.decodeTpsPerUser);
        QCOMPARE(explain(in, faster).contains(QStringLiteral("for quantized weights")), expectedRate != 1.0);
        // A rate that rounds to 1 at two decimals is not worth a word.
        QVERIFY(!explain(in, estimateWith(1.003)).contains(QStringLiteral("for quantized weights")));
    }

    void promptOverheadIsPaidOncePerRequest_data()
    {
        QTest::addColumn<int>("prompt");
        QTest::addColumn<double>("overheadMs");
        QTest::newRow("16 tokens, 300 ms") << 16 << 300.0;
        QTest::newRow("115 tokens, 300 ms") << 115 << 300.0;
        QTest::newRow("4K tokens, 300 ms") << 4096 << 300.0;
        QTest::newRow("512 tokens, none") << 512 << 0.0;
    }

    void promptOverheadIsPaidOncePerRequest()
    {
        QFETCH(int, prompt);
        QFETCH(double, overheadMs);
        EstimateInput in = input(gpu(1008, 24, 165), llama8b(), 1, 1, 8192);
        in.workload.promptTokens = prompt;
        RuntimeProfile plain;
        RuntimeProfile withOverhead = plain;
        withOverhead.promptOverheadMs = overheadMs;
        Calibration plainCalibration;
        plainCalibration.setProfiles({plain});
        Calibration overheadCalibration;
        overheadCalibration.setProfiles({withOverhead});
        const Estimate without = rooflineEstimate(in, plainCalibration);
        const Estimate with = rooflineEstimate(in, overheadCalibration);
        // The whole prompt takes exactly the overhead longer; decode does not change.
        const double extraSeconds = prompt / with.prefillTps - prompt / without.prefillTps;
        QVERIFY2(std::abs(extraSeconds - overheadMs / 1000.0) < 1e-9,
                 qPrintable(QStringLiteral("%1 s more, expected %2 ms").arg(extraSeconds).arg(overheadMs)));
        QVERIFY(std::abs(with.ttftSeconds - without.ttftSeconds - overheadMs / 1000.0) < 1e-9);
        QCOMPARE(with.decodeTpsPerUser, without.decodeTpsPerUser);
        QCOMPARE(with.terms.promptOverheadMs, overheadMs);
    }

    void autoSplitFollowsRuntime_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::addColumn<int>("expected");
        QTest::newRow("llama.cpp") << int(Runtime::LlamaCpp) << int(Split::Layer);
        QTest::newRow("auto") << int(Runtime::Auto) << int(Split::Layer);
        QTest::newRow("vllm") << int(Runtime::Vllm) << int(Split::Tensor);
        QTest::newRow("tensorrt") << int(Runtime::TensorRtLlm) << int(Split::Tensor);
    }

    void autoSplitFollowsRuntime()
    {
        QFETCH(int, runtime);
        QFETCH(int, expected);
        EstimateInput in = input(gpu(1792, 32), llama70b(), 2);
        in.configuration.runtime = Runtime(runtime);
        QCOMPARE(int(rooflineEstimate(in).terms.split), expected);
    }

    void concurrency_data()
    {
        QTest::addColumn<bool>("moe");
        QTest::newRow("dense") << false;
        QTest::newRow("moe") << true;
    }

    void concurrency()
    {
        QFETCH(bool, moe);
        const LanguageModel model = moe ? qwenMoe() : llama8b();
        double previousTotal = 0;
        double previousPerUser = 1e12;
        for (int users : {1, 2, 4, 8, 16, 32}) {
            EstimateInput in = input(gpu(1792, 96), model, 1, users, 2048);
            in.configuration.runtime = Runtime::Vllm;
            const Estimate e = rooflineEstimate(in);
            QVERIFY(e.runs());
            QVERIFY2(e.decodeTpsTotal > previousTotal, qPrintable(QString::number(users)));
            QVERIFY(e.decodeTpsPerUser <= previousPerUser);
            QCOMPARE(e.decodeTpsTotal, e.decodeTpsPerUser * users);
            previousTotal = e.decodeTpsTotal;
            previousPerUser = e.decodeTpsPerUser;
        }
    }

    void moeBatchingGainsLess()
    {
        const auto gain = [](const LanguageModel &model) {
            EstimateInput in = input(gpu(1792, 96), model, 1, 1, 1024);
            const double one = rooflineEstimate(in).decodeTpsTotal;
            in.workload.users = 8;
            return rooflineEstimate(in).decodeTpsTotal / one;
        };
        QVERIFY(gain(qwenMoe()) < gain(llama8b()));
    }

    void appleUsableFraction_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<bool>("runs");
        QTest::newRow("0.5") << 0.5 << false;
        QTest::newRow("0.75") << 0.75 << true;
        QTest::newRow("0.9") << 0.9 << true;
    }

    void appleUsableFraction()
    {
        QFETCH(double, fraction);
        QFETCH(bool, runs);
        EstimateInput in = input(mac(273, 64, 8), llama70b());
        in.model.publishedSizes = {PublishedSize{QStringLiteral("Q4_K_M"), 42.5, QString()}};
        in.appleUsableFraction = fraction;
        const Estimate e = rooflineEstimate(in);
        QCOMPARE(e.runs(), runs);
        QVERIFY(e.fit != Fit::Offload); // unified memory has nowhere to offload to
        QCOMPARE(e.memory.usableGB, 64 * 1.073741824 * fraction);
    }

    void articleStarCellIsTight()
    {
        EstimateInput in = input(mac(273, 64, 8), llama70b());
        in.model.publishedSizes = {PublishedSize{QStringLiteral("Q4_K_M"), 42.5, QString()}};
        QCOMPARE(toString(rooflineEstimate(in).fit), toString(Fit::Tight));
    }

    void kvCacheBytesExact_data()
    {
        QTest::addColumn<LanguageModel>("model");
        QTest::addColumn<int>("kvType");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<double>("expected");
        QTest::newRow("llama 3 70B, 1 token") << llama70b() << int(KvCacheType::F16) << 1 << 327680.0;
        QTest::newRow("llama 3 70B, 4K") << llama70b() << int(KvCacheType::F16) << 4096 << 327680.0 * 4096;
        QTest::newRow("llama 3 70B, q8_0") << llama70b() << int(KvCacheType::Q8_0) << 1 << 327680.0 * 34 / 64;
        QTest::newRow("llama 3 8B") << llama8b() << int(KvCacheType::F16) << 1000 << 131072.0 * 1000;
        LanguageModel sliding = dense(27, 62, 5376, 32, 16);
        sliding.attention = AttentionKind::SlidingWindow;
        sliding.slidingWindow = 1024;
        sliding.slidingLayers = 52;
        const double perLayer = 2.0 * 16 * 128 * 2;
        QTest::newRow("gemma-like sliding, 32K") << sliding << int(KvCacheType::F16) << 32768
                                                 << perLayer * (10.0 * 32768 + 52.0 * 1024);
        QTest::newRow("gemma-like sliding, 512") << sliding << int(KvCacheType::F16) << 512 << perLayer * 62 * 512;
        LanguageModel mla = dense(671, 61, 7168, 128, 128);
        mla.attention = AttentionKind::Mla;
        mla.mlaLatentDim = 576;
        QTest::newRow("deepseek MLA") << mla << int(KvCacheType::F16) << 100 << 61.0 * 576 * 100 * 2;
        LanguageModel linear = llama8b();
        linear.linearLayers = 24;
        QTest::newRow("hybrid linear") << linear << int(KvCacheType::F16) << 10 << 2.0 * 8 * 128 * 2 * 8 * 10;
        QTest::newRow("zero tokens") << llama8b() << int(KvCacheType::F16) << 0 << 0.0;
        // Nemotron 3 Nano (config.json): of 52 blocks, 23 Mamba-2 keep a fixed state and 23 MoE none, so only the 6
        // attention blocks grow: 2 (K, V) x 6 x 2 KV heads x 128 x 2 bytes = 6,144 B per token;
        // x 32,768 tokens = 201,326,592 B (0.20 GB).
        LanguageModel mamba = dense(31.58, 52, 2688, 32, 2);
        mamba.attention = AttentionKind::Linear;
        mamba.linearLayers = 46;
        QTest::newRow("mamba-2 hybrid, 32K") << mamba << int(KvCacheType::F16) << 32768 << 201326592.0;
        // Qwen3.5 397B-A17B: 45 of 60 layers Gated DeltaNet (fixed state); 15 full-attention layers x 2 x 2 KV heads
        // x 256 x 2 bytes = 30,720 B per token; x 32,768 = 1,006,632,960 B (1.01 GB).
        LanguageModel deltaNet = dense(396.35, 60, 4096, 32, 2, 256);
        deltaNet.attention = AttentionKind::Linear;
        deltaNet.linearLayers = 45;
        QTest::newRow("gated deltanet hybrid, 32K") << deltaNet << int(KvCacheType::F16) << 32768 << 1006632960.0;
    }

    void kvCacheBytesExact()
    {
        QFETCH(LanguageModel, model);
        QFETCH(int, kvType);
        QFETCH(int, tokens);
        QFETCH(double, expected);
        QCOMPARE(kvCacheBytes(model, KvCacheType(kvType), tokens), expected);
    }

    void unknownShapeIsEstimated()
    {
        const LanguageModel bare = dense(70, 0, 0, 0, 0, 0);
        const double perToken = kvCacheBytes(bare, KvCacheType::F16, 1);
        // Llama-like estimate lands within a factor 1.5 of the real 70B's 327,680 bytes per token.
        QVERIFY(perToken > 327680.0 / 1.5 && perToken < 327680.0 * 1.5);
    }

    void fitVerdicts_data()
    {
        QTest::addColumn<Device>("device");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("paramsB");
        QTest::addColumn<double>("bits");
        QTest::addColumn<int>("expected");
        QTest::newRow("8B on 32 GB") << gpu(1792, 32) << 1 << 8.0 << 4.85 << int(Fit::Fits);
        QTest::newRow("70B on 24 GB: offload") << gpu(936, 24) << 1 << 70.0 << 4.85 << int(Fit::Offload);
        QTest::newRow("70B on 2x 24 GB") << gpu(936, 24) << 2 << 70.0 << 4.85 << int(Fit::Tight);
        QTest::newRow("405B F16 on 24 GB") << gpu(936, 24) << 1 << 405.0 << 16.0 << int(Fit::DoesNotFit);
        QTest::newRow("405B on a 64 GB Mac") << mac(546, 64) << 1 << 405.0 << 4.85 << int(Fit::DoesNotFit);
    }

    void fitVerdicts()
    {
        QFETCH(Device, device);
        QFETCH(int, count);
        QFETCH(double, paramsB);
        QFETCH(double, bits);
        QFETCH(int, expected);
        EstimateInput in = input(device, dense(paramsB, 0, 0, 0, 0, 0), count, 1, 4096);
        in.quant.name = QStringLiteral("custom");
        in.quant.bitsPerWeight = bits;
        const Estimate e = rooflineEstimate(in);
        QCOMPARE(toString(e.fit), toString(Fit(expected)));
        QCOMPARE(e.runs(), e.decodeTpsPerUser > 0);
        if (e.fit == Fit::Offload) {
            EstimateInput roomy = in;
            roomy.device = gpu(device.bandwidthGBs, 96);
            QVERIFY(rooflineEstimate(roomy).decodeTpsPerUser > 3 * e.decodeTpsPerUser);
        }
        if (e.fit == Fit::DoesNotFit)
            QCOMPARE(toString(e.bottleneck), toString(Bottleneck::Capacity));
    }

    void limitsAgreeWithFit_data()
    {
        QTest::addColumn<Device>("device");
        QTest::addColumn<int>("count");
        QTest::newRow("2x 32 GB, 70B") << gpu(1792, 32) << 2;
        QTest::newRow("96 GB, 70B") << gpu(1792, 96) << 1;
        QTest::newRow("128 GB Mac, 70B") << mac(546, 128) << 1;
    }

    void limitsAgreeWithFit()
    {
        QFETCH(Device, device);
        QFETCH(int, count);
        const EstimateInput base = input(device, llama70b(), count, 1, 8192);
        const Estimate e = rooflineEstimate(base);
        QVERIFY(e.maxUsers >= 1);
        QVERIFY(e.maxContext >= 8192);
        const auto inVram = [](const Estimate &x) { return x.fit == Fit::Fits || x.fit == Fit::Tight; };

        EstimateInput atLimit = base;
        atLimit.workload.users = e.maxUsers;
        QVERIFY(inVram(rooflineEstimate(atLimit)));
        atLimit.workload.users = e.maxUsers + 1;
        QVERIFY(!inVram(rooflineEstimate(atLimit)));

        EstimateInput longest = base;
        longest.model.maxContext = 0; // no cap from the model
        const int maxContext = rooflineEstimate(longest).maxContext;
        longest.workload.contextTokens = maxContext;
        QVERIFY(inVram(rooflineEstimate(longest)));
        longest.workload.contextTokens = maxContext + 1;
        QVERIFY(!inVram(rooflineEstimate(longest)));
        QCOMPARE(e.maxContext, std::min(maxContext, base.model.maxContext));
    }

    void extremeInputsStayFinite_data()
    {
        QTest::addColumn<double>("paramsB");
        QTest::addColumn<int>("context");
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("count");
        QTest::newRow("1 token") << 8.0 << 1 << 1 << 1;
        QTest::newRow("1e6 context") << 8.0 << 1000000 << 1 << 1;
        QTest::newRow("1024 users") << 8.0 << 4096 << 1024 << 1;
        QTest::newRow("0.5B") << 0.5 << 4096 << 1 << 1;
        QTest::newRow("2000B on 8 cards") << 2000.0 << 4096 << 1 << 8;
        QTest::newRow("2000B, 1024 users, 1e6") << 2000.0 << 1000000 << 1024 << 8;
        QTest::newRow("zero everything") << 0.0 << 0 << 0 << 0;
    }

    void extremeInputsStayFinite()
    {
        QFETCH(double, paramsB);
        QFETCH(int, context);
        QFETCH(int, users);
        QFETCH(int, count);
        for (const Device &device : {gpu(1792, 96), mac(819, 512), gpu(0, 0, 0)}) {
            EstimateInput in = input(device, dense(paramsB, 0, 0, 0, 0, 0), count, users, context);
            for (Split split : {Split::Layer, Split::Tensor}) {
                in.configuration.split = split;
                verifyFinite(rooflineEstimate(in));
                verifyFinite(seedEstimate(in));
            }
        }
    }

    // Every speed and time comes with a likely range that holds it, from its class's held-out error.
    void likelyRangesHoldTheEstimate_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("runtime");
        QTest::addColumn<bool>("apple");
        QTest::newRow("llama.cpp, one user") << 1 << int(Runtime::LlamaCpp) << false;
        QTest::newRow("vllm, 32 users") << 32 << int(Runtime::Vllm) << false;
        QTest::newRow("mlx, one user") << 1 << int(Runtime::Mlx) << true;
    }

    void likelyRangesHoldTheEstimate()
    {
        QFETCH(int, users);
        QFETCH(int, runtime);
        QFETCH(bool, apple);
        EstimateInput in = input(apple ? mac(819, 512) : gpu(1792, 96, 100), llama8b(), 1, users, 4096);
        in.configuration.runtime = Runtime(runtime);
        const Estimate e = rooflineEstimate(in);
        QVERIFY(e.runs());
        const auto holds = [](double low, double value, double high) { return low > 0 && low <= value && value <= high && low < high; };
        QVERIFY(holds(e.decodeTpsLow, e.decodeTpsPerUser, e.decodeTpsHigh));
        QVERIFY(holds(e.decodeTpsTotalLow, e.decodeTpsTotal, e.decodeTpsTotalHigh));
        QVERIFY(holds(e.outputTpsTotalLow, e.outputTpsTotal, e.outputTpsTotalHigh));
        QVERIFY(holds(e.prefillTpsLow, e.prefillTps, e.prefillTpsHigh));
        QVERIFY(holds(e.ttftSecondsLow, e.ttftSeconds, e.ttftSecondsHigh));
        const ErrorBand band = Calibration::builtIn().errorBand(users > 1 ? SpeedClass::Concurrency : SpeedClass::Decode,
                                                                Runtime(runtime), platformClassOf(in.device), in.model.isMoe());
        QCOMPARE(e.decodeTpsLow, e.decodeTpsPerUser * band.lowRatio);
        QCOMPARE(e.decodeTpsHigh, e.decodeTpsPerUser * band.highRatio);
    }

    // A pipeline passes one user's token through every machine in turn: no machine reads faster than one that
    // holds the whole model, and every hop adds its latency.
    void pipelineGivesOneUserNoSpeedUp_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addColumn<double>("linkGBs");
        QTest::addColumn<double>("latencyUs");
        QTest::addColumn<int>("runtime");
        QTest::newRow("2 Macs, TB5 RDMA, exo") << 2 << 10.0 << 9.0 << int(Runtime::Exo);
        QTest::newRow("2 Macs, 10 GbE, llama.cpp RPC") << 2 << 1.25 << 300.0 << int(Runtime::LlamaCpp);
        QTest::newRow("4 Macs, TB5 TCP, llama.cpp RPC") << 4 << 10.0 << 300.0 << int(Runtime::LlamaCpp);
        QTest::newRow("8 Macs, 400G, vLLM") << 8 << 50.0 << 2.0 << int(Runtime::Vllm);
    }

    void pipelineGivesOneUserNoSpeedUp()
    {
        QFETCH(int, nodes);
        QFETCH(double, linkGBs);
        QFETCH(double, latencyUs);
        QFETCH(int, runtime);
        EstimateInput one = input(mac(819, 512, 60), llama70b(), 1, 1, 4096);
        one.configuration.runtime = Runtime(runtime);
        const Estimate single = rooflineEstimate(one);
        QVERIFY(single.runs());
        const Estimate piped = rooflineEstimate(cluster(one, nodes, link(linkGBs, latencyUs, false), NodeSplit::Pipeline,
                                                        Runtime(runtime)));
        QVERIFY(piped.runs());
        QVERIFY2(piped.decodeTpsPerUser < single.decodeTpsPerUser,
                 qPrintable(QStringLiteral("%1 vs %2").arg(piped.decodeTpsPerUser).arg(single.decodeTpsPerUser)));
        QCOMPARE(toString(piped.terms.nodeSplit), toString(NodeSplit::Pipeline));
        QVERIFY(piped.terms.linkMs > 0);
        // The machines pool their memory, each paying its runtime's overhead.
        QCOMPARE(piped.memory.usableGB, nodes * single.memory.usableGB);
        QCOMPARE(piped.memory.overheadGB, nodes * single.memory.overheadGB);
    }

    // Tensor parallelism across machines all-reduces twice per layer: over RDMA it pays off, over 10 GbE's TCP
    // round trips the link is what binds.
    void tensorSplitAcrossMachinesAndItsLink()
    {
        const EstimateInput one = input(mac(819, 512, 60), llama70b(), 1, 1, 4096);
        const Estimate single = rooflineEstimate(one);
        const Estimate rdma = rooflineEstimate(cluster(one, 2, link(10, 9, true, LinkTopology::Mesh), NodeSplit::Tensor, Runtime::Exo));
        const Estimate ethernet = rooflineEstimate(cluster(one, 2, link(1.25, 300, false), NodeSplit::Tensor, Runtime::Exo));
        QVERIFY(rdma.decodeTpsPerUser > single.decodeTpsPerUser);
        QCOMPARE(toString(rdma.bottleneck), toString(Bottleneck::Bandwidth));
        QCOMPARE(toString(ethernet.bottleneck), toString(Bottleneck::Interconnect));
        QVERIFY(ethernet.decodeTpsPerUser < single.decodeTpsPerUser);
        QVERIFY(ethernet.terms.linkMs > ethernet.terms.memoryTimeMs);
    }

    // The link's model adds its own error: a cluster's likely range is at least as wide as one machine's.
    void clusterRangeIsNoNarrower()
    {
        EstimateInput one = input(mac(819, 512, 60), llama70b(), 1, 1, 4096);
        one.configuration.runtime = Runtime::Mlx;
        const Estimate single = rooflineEstimate(one);
        const Estimate two = rooflineEstimate(cluster(one, 2, link(10, 9, true), NodeSplit::Tensor, Runtime::Mlx));
        QVERIFY(two.decodeTpsLow / two.decodeTpsPerUser <= single.decodeTpsLow / single.decodeTpsPerUser + 1e-12);
        QVERIFY(two.decodeTpsHigh / two.decodeTpsPerUser >= single.decodeTpsHigh / single.decodeTpsPerUser - 1e-12);
        QVERIFY(explain(cluster(one, 2, link(10, 9, true), NodeSplit::Tensor, Runtime::Mlx), two)
                    .contains(QStringLiteral("tensor parallel across machines")));
    }

    void bottleneckMovesToCompute()
    {
        const Estimate one = rooflineEstimate(input(gpu(1792, 96, 100), llama8b(), 1, 1, 512));
        QCOMPARE(toString(one.bottleneck), toString(Bottleneck::Bandwidth));
        EstimateInput many = input(gpu(1792, 96, 100), llama8b(), 1, 256, 512);
        many.configuration.runtime = Runtime::Vllm;
        QCOMPARE(toString(rooflineEstimate(many).bottleneck), toString(Bottleneck::Compute));
    }

    // Users arriving together: the last one waits for every prompt, but the request set-up before the first
    // token runs once, since the engine reads their prompts in the same forward passes.
    void prefillAndEndToEnd_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::newRow("llama.cpp") << int(Runtime::LlamaCpp);
        QTest::newRow("vllm") << int(Runtime::Vllm);
        QTest::newRow("mlx") << int(Runtime::Mlx);
    }

    void prefillAndEndToEnd()
    {
        QFETCH(int, runtime);
        EstimateInput in = input(gpu(1792, 96), llama8b(), 1, 4, 4096);
        in.configuration.runtime = Runtime(runtime);
        in.workload.promptTokens = 1000;
        in.workload.outputTokens = 200;
        const Estimate e = rooflineEstimate(in);
        QVERIFY(e.prefillTps > e.decodeTpsPerUser * 10);
        const double oneRequest = 1000 / e.prefillTps;
        const double setup = Calibration::builtIn().profile(Runtime(runtime), platformClassOf(in.device)).promptOverheadMs / 1000;
        QVERIFY(setup < oneRequest);
        QCOMPARE(e.ttftSeconds, oneRequest + 3 * (oneRequest - setup));
        QVERIFY(e.ttftSecondsLow < e.ttftSeconds && e.ttftSeconds < e.ttftSecondsHigh);
        QVERIFY(e.outputTpsTotal < e.decodeTpsTotal);
        QVERIFY(e.decodeTpsLow < e.decodeTpsPerUser && e.decodeTpsPerUser < e.decodeTpsHigh);
    }

    void explanationNamesTheTerms()
    {
        const EstimateInput in = input(gpu(1792, 96), llama70b(), 2);
        const QString text = explain(in, rooflineEstimate(in));
        for (const char *needle : {"memory time", "compute time", "step =", "KV cache", "bottleneck"})
            QVERIFY2(text.contains(QLatin1String(needle)), needle);
    }

    // The details pane breaks the KV cache down by layer kind, each with its bytes per token.
    void kvCacheByLayerKind_data()
    {
        QTest::addColumn<QString>("modelId");
        QTest::addColumn<QString>("expected");
        // Llama 3.3 70B: 80 layers x 2 (K, V) x 8 KV heads x 128 x 2 bytes = 4,096 bytes per layer and token.
        QTest::newRow("dense GQA") << "llama-3.3-70b" << "80 full-attention layers x 4.096 KB per token = 10737.4 MB";
        // DeepSeek R1: (512 latent + 64 rope) x 2 bytes = 1,152 bytes per layer and token.
        QTest::newRow("MLA") << "deepseek-r1-671b" << "61 MLA (latent) layers x 1.152 KB per token";
        // Qwen3-Next: 12 of 48 layers attend (2 KV heads x 256 x 2 x 2 bytes); 36 Gated DeltaNet layers keep
        // 19,759,104 state elements in F32 under llama.cpp: 79.0 MB.
        QTest::newRow("Gated DeltaNet hybrid") << "qwen3-next-80b-a3b"
                                               << "12 full-attention layers x 2.048 KB per token = 805.3 MB; "
                                                  "36 linear-attention or Mamba-2 layers: a fixed state of 79 MB (19759104 elements x 4 bytes)";
        QTest::newRow("sliding window") << "gemma-4-31b" << "sliding-window layers";
        // GLM-5: (576 latent + 128 indexer key) x 2 bytes per layer; at 32K a step reads every key and 2,048 latents.
        QTest::newRow("sparse attention") << "glm-5" << "the latents are read for the 2048 tokens attended";
        // DeepSeek V4 Flash: (512 + 128) x 2 bytes per 4 tokens in 21 layers, 512 x 2 per 128 tokens in 20.
        QTest::newRow("compressed attention") << "deepseek-v4-flash"
                                              << "every one of 43 layers keeps its last 128 tokens x 1.024 KB = 5.6 MB; "
                                                 "21 compressed layers add one entry and an indexer key per 4 tokens (0.32 KB per token each) = 220.2 MB; "
                                                 "20 heavily compressed layers add one entry per 128 tokens (0.008 KB per token each) = 5.2 MB";
    }

    // DeepSeek V4's compressed attention: every layer's 128-token window, an entry and indexer key per 4 tokens in
    // the compressed layers (of which a step reads the indexer keys and the 512 best entries), an entry per 128
    // tokens in the heavily compressed ones (all read); attention compute follows the same entries.
    void compressedAttentionReadsWindowTopKAndHeavyEntries_data()
    {
        QTest::addColumn<int>("depth");
        QTest::newRow("inside the window") << 100;
        QTest::newRow("within the top-k") << 1000;
        QTest::newRow("past the top-k") << 32768;
        QTest::newRow("a million tokens") << 1048576;
    }
    void compressedAttentionReadsWindowTopKAndHeavyEntries()
    {
        QFETCH(int, depth);
        const LanguageModel *flash = embeddedCatalog().model(QStringLiteral("deepseek-v4-flash"));
        QVERIFY(flash);
        constexpr double f16 = 2;
        const double tokens = depth;
        const double window = std::min(tokens, 128.0);
        QCOMPARE(kvCacheBytes(*flash, KvCacheType::F16, depth),
                 f16 * (43 * 512 * window + tokens * (21 * (512.0 + 128) / 4 + 20 * 512.0 / 128)));
        const double topK = std::min(tokens / 4, 512.0);
        QCOMPARE(roofline::kvReadBytes(*flash, KvCacheType::F16, depth),
                 f16 * (43 * 512 * window + 21 * (128 * tokens / 4 + 512 * topK) + 20 * 512 * tokens / 128));
        QCOMPARE(roofline::attentionFlopsPerToken(*flash, depth),
                 4.0 * 64 * 512 * (43 * window + 21 * topK + 20 * tokens / 128) + 21 * 2.0 * 64 * 128 * tokens / 4);
    }

    // DeepSeek Sparse Attention (GLM-5): the cache holds the latent and the indexer key of every token, a decode
    // step reads every indexer key but only the top-k latents, and attention compute follows the same split.
    void sparseAttentionReadsTheTopK_data()
    {
        QTest::addColumn<int>("depth");
        QTest::newRow("within the top-k") << 1000;
        QTest::newRow("at the top-k") << 2048;
        QTest::newRow("long context") << 131072;
    }
    void sparseAttentionReadsTheTopK()
    {
        QFETCH(int, depth);
        const LanguageModel *glm = embeddedCatalog().model(QStringLiteral("glm-5"));
        QVERIFY(glm);
        constexpr double f16 = 2;
        const double layers = 78;
        QCOMPARE(kvCacheBytes(*glm, KvCacheType::F16, depth), layers * (576 + 128) * f16 * depth);
        const double attended = std::min(depth, 2048);
        QCOMPARE(roofline::kvReadBytes(*glm, KvCacheType::F16, depth), layers * f16 * (128.0 * depth + 576.0 * attended));
        QCOMPARE(roofline::attentionFlopsPerToken(*glm, depth),
                 layers * (4.0 * 64 * 576 * attended + 2.0 * 32 * 128 * depth));
        LanguageModel dense = *glm; // the same model read densely: everything, every token
        dense.sparseTopK = dense.indexerHeads = dense.indexerKeyDim = 0;
        QCOMPARE(roofline::kvReadBytes(dense, KvCacheType::F16, depth), kvCacheBytes(dense, KvCacheType::F16, depth));
        QVERIFY(roofline::kvReadBytes(*glm, KvCacheType::F16, depth) <= kvCacheBytes(*glm, KvCacheType::F16, depth));
    }
    void kvCacheByLayerKind()
    {
        QFETCH(QString, modelId);
        QFETCH(QString, expected);
        const Catalog &catalog = embeddedCatalog();
        const LanguageModel *model = catalog.model(modelId);
        QVERIFY(model);
        const EstimateInput in = input(*catalog.device(QStringLiteral("b200-sxm")), *model, 8, 1, 32768);
        const QString text = explain(in, rooflineEstimate(in));
        QVERIFY2(text.contains(expected), qPrintable(text));
    }

    // A linear-attention model's fixed state: F32 under llama.cpp, BF16 under vLLM, per user, and moved (read and
    // written back) by every decode step.
    void linearStateIsHeldPerUserAndMovedEveryStep_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::addColumn<double>("bytesPerElement");
        QTest::addColumn<int>("users");
        QTest::newRow("llama.cpp, 1 user") << int(Runtime::LlamaCpp) << 4.0 << 1;
        QTest::newRow("llama.cpp, 8 users") << int(Runtime::LlamaCpp) << 4.0 << 8;
        QTest::newRow("vLLM, 16 users") << int(Runtime::Vllm) << 2.0 << 16;
    }
    void linearStateIsHeldPerUserAndMovedEveryStep()
    {
        QFETCH(int, runtime);
        QFETCH(double, bytesPerElement);
        QFETCH(int, users);
        const Catalog &catalog = embeddedCatalog();
        const LanguageModel *model = catalog.model(QStringLiteral("qwen3-next-80b-a3b"));
        QVERIFY(model);
        QVERIFY(model->linearStateElements > 0);
        LanguageModel stateless = *model;
        stateless.linearStateElements = 0;
        EstimateInput with = input(*catalog.device(QStringLiteral("h100-sxm")), *model, 1, users, 8192);
        with.configuration.runtime = Runtime(runtime);
        EstimateInput without = with;
        without.model = stateless;
        const Estimate a = rooflineEstimate(with);
        const Estimate b = rooflineEstimate(without);
        const double stateGB = model->linearStateElements * bytesPerElement / 1e9;
        QCOMPARE(a.memory.kvCacheGB - b.memory.kvCacheGB, users * stateGB);
        QVERIFY(std::abs((a.terms.kvBytesPerTokenGB - b.terms.kvBytesPerTokenGB) - 2 * users * stateGB) < 1e-9);
        QVERIFY(a.decodeTpsPerUser < b.decodeTpsPerUser);
        QVERIFY(a.maxUsers <= b.maxUsers);
    }

    // A context every user shares (one document sent to all): a prefix-caching engine holds its KV once;
    // vLLM's cascade attention also reads it once a step; llama.cpp keeps and reads a copy per user.
    void sharedContextIsHeldAndReadOnce_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("shared");
        QTest::addColumn<bool>("heldOnce");
        QTest::addColumn<bool>("readOnce");
        QTest::newRow("vLLM, 32 users, all shared") << int(Runtime::Vllm) << 32 << 16384 << true << true;
        QTest::newRow("vLLM, 8 users, half shared") << int(Runtime::Vllm) << 8 << 8192 << true << true;
        QTest::newRow("vLLM, one user") << int(Runtime::Vllm) << 1 << 16384 << true << true;
        QTest::newRow("SGLang, 32 users") << int(Runtime::Sglang) << 32 << 16384 << true << false;
        QTest::newRow("TensorRT-LLM, 16 users") << int(Runtime::TensorRtLlm) << 16 << 4096 << true << false;
        QTest::newRow("llama.cpp, 4 users") << int(Runtime::LlamaCpp) << 4 << 16384 << false << false;
    }
    void sharedContextIsHeldAndReadOnce()
    {
        QFETCH(int, runtime);
        QFETCH(int, users);
        QFETCH(int, shared);
        QFETCH(bool, heldOnce);
        QFETCH(bool, readOnce);
        const int context = 16384;
        EstimateInput own = input(gpu(4800, 141, 989, "nvlink4", 450), llama8b(), 1, users, context);
        own.configuration.runtime = Runtime(runtime);
        EstimateInput common = own;
        common.workload.sharedContextTokens = shared;
        const Estimate a = rooflineEstimate(own);
        const Estimate b = rooflineEstimate(common);
        const roofline::KvLayout layout = roofline::kvLayout(llama8b(), KvCacheType::F16,
                                                             roofline::linearStateBytesPerElement(Runtime(runtime)));
        const double prefixGB = layout.growingBytesPerToken * shared / 1e9;
        const double savedGB = (users - 1) * prefixGB;
        QCOMPARE(roofline::sharedPrefixKvGB(common), heldOnce ? prefixGB : 0.0);
        QVERIFY(std::abs((a.memory.kvCacheGB - b.memory.kvCacheGB) - (heldOnce ? savedGB : 0.0)) < 1e-9);
        QVERIFY(std::abs((a.terms.kvBytesPerTokenGB - b.terms.kvBytesPerTokenGB) - (readOnce ? savedGB : 0.0)) < 1e-9);
        if (readOnce && users > 1)
            QVERIFY(b.decodeTpsPerUser > a.decodeTpsPerUser);
        else
            QCOMPARE(b.decodeTpsPerUser, a.decodeTpsPerUser);
        if (heldOnce)
            QVERIFY(b.maxUsers > a.maxUsers);
        else
            QCOMPARE(b.maxUsers, a.maxUsers);
        QVERIFY(a.fit == Fit::Fits || a.fit == Fit::Tight); // on the card: no offload to blur the speeds
        const bool explained = explain(common, b).contains(QStringLiteral("are the same for every user"));
        QCOMPARE(explained, users > 1);
    }

    // Multi-token-prediction layers take memory but plain decoding never reads them.
    void mtpLayersTakeMemoryNotBandwidth()
    {
        const Catalog &catalog = embeddedCatalog();
        const LanguageModel *model = catalog.model(QStringLiteral("glm-4.5-air"));
        QVERIFY(model);
        QVERIFY(model->mtpParamsB > 0);
        LanguageModel withoutMtp = *model;
        withoutMtp.mtpParamsB = 0;
        const EstimateInput with = input(*catalog.device(QStringLiteral("m3-ultra")), *model);
        EstimateInput without = with;
        without.model = withoutMtp;
        const Estimate a = rooflineEstimate(with);
        const Estimate b = rooflineEstimate(without);
        QCOMPARE(a.memory.mtpWeightsGB, model->mtpParamsB * q4().bitsPerWeight / 8);
        QCOMPARE(a.memory.weightsGB, b.memory.weightsGB + a.memory.mtpWeightsGB);
        QCOMPARE(a.decodeTpsPerUser, b.decodeTpsPerUser);
        QCOMPARE(a.terms.weightBytesPerTokenGB, b.terms.weightBytesPerTokenGB);
        QVERIFY(explain(with, a).contains(QStringLiteral("multi-token-prediction layers")));
        // A published file size already counts what the file holds.
        LanguageModel published = *model;
        published.publishedSizes = {PublishedSize{q4().name, 70.0, QStringLiteral("https://example.org/file")}};
        EstimateInput withPublished = with;
        withPublished.model = published;
        QCOMPARE(rooflineEstimate(withPublished).memory.mtpWeightsGB, 0.0);
    }
};


QTEST_GUILESS_MAIN(TestRoofline)
#include "tst_roofline.moc"
