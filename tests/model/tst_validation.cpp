// Validation: the roofline beats the article's rule on public measurements, within the targets,
// under leave-one-device-out hold-out; bad CSV is rejected with line and column.
#include "engine/Calibration.h"
#include "measured/CalibrationFit.h"
#include "catalog/Catalog.h"
#include "engine/Estimator.h"
#include "measured/MeasuredData.h"
#include "measured/MeasuredNotes.h"
#include "measured/Validation.h"

#include <QTest>

using namespace headroom;

namespace {

// Targets for decode t/s (roofline, hold-out).
constexpr double kOverallHoldOutTarget = 0.20; // leave-one-source-out, the error to expect on a new source
constexpr double kClassHoldOutTarget = 0.30; // datacenter single-stream rows are few (41) and from many sources
// The likely ranges leave at most 8% of a class's held-out measurements out on either side (fewer for small
// classes): 84% or more inside on the rows they were built from; never below this overall.
constexpr double kMinHeldOutCoverage = 0.78;
constexpr int kRowsForClassTarget = 10;

// One measurement of a source "TEST" on one device, to score by hand.
MeasuredRow measuredRow(const char *hardwareId, const char *backend, const char *modelId, const char *quant,
                        MeasuredMetric metric)
{
    MeasuredRow row;
    row.sourceId = QStringLiteral("TEST");
    row.hardwareId = QString::fromLatin1(hardwareId);
    row.deviceCount = 1;
    row.backend = QString::fromLatin1(backend);
    row.modelId = QString::fromLatin1(modelId);
    row.quant = QString::fromLatin1(quant);
    row.metric = metric;
    return row;
}

const QByteArray kHeader = "source_id,url,hardware,hardware_id,device_count,split,backend,model,model_id,params_b,"
                           "active_params_b,quant,model_size_gb,memory_gb_per_device,bandwidth_gbs_per_device,"
                           "context,concurrency,metric,tps,notes\n";
const QByteArray kGoodRow = "T,https://example.org,3090,rtx-3090,1,none,llama.cpp-CUDA,Llama 3 8B,llama-3-8b,8.03,8.03,"
                            "Q4_K_M,4.92,24,936,0,1,tg,111.74,\"quoted, with comma\"\n";

} // namespace

class TestValidation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A CSV from a thousand sources must not cost a thousand refits: folds are shared beyond
    // kMaxHoldOutFolds sources, every source is held out exactly once, and only the folds asked for are fitted.
    void holdOutFoldsAreBounded()
    {
        MeasuredRows rows = embeddedMeasuredRows();
        for (qsizetype i = 0; i < rows.size(); ++i)
            rows[i].sourceId = QStringLiteral("source-%1").arg(i % 60);
        const QList<HoldOutFold> folds = holdOutFolds(rows, embeddedCatalog(), {QStringLiteral("source-0")});
        QCOMPARE(folds.size(), qsizetype(kMaxHoldOutFolds));
        QStringList heldOut;
        for (const HoldOutFold &fold : folds) {
            QVERIFY(!fold.sourceIds.isEmpty());
            QCOMPARE(fold.fitted, fold.sourceIds.contains(QStringLiteral("source-0")));
            QCOMPARE(fold.profiles.isEmpty(), !fold.fitted);
            heldOut << fold.sourceIds;
        }
        QCOMPARE(heldOut.size(), 60);
        heldOut.removeDuplicates();
        QCOMPARE(heldOut.size(), 60);
    }

    // Scoring a few rows fits only the folds that hold their sources, and a fold's fit does not depend on
    // which other folds are fitted with it: same members, same profiles.
    void onlyNeededFoldsAreFitted()
    {
        const MeasuredRows rows = embeddedMeasuredRows();
        const QList<HoldOutFold> partition = holdOutFolds(rows, embeddedCatalog(), {QStringLiteral("no such source")});
        QVERIFY(partition.size() >= 2);
        const QString source = partition.at(0).sourceIds.constFirst();
        const QString other = partition.at(1).sourceIds.constFirst();
        const QList<HoldOutFold> two = holdOutFolds(rows, embeddedCatalog(), {source, other});
        const QList<HoldOutFold> one = holdOutFolds(rows, embeddedCatalog(), {source});
        QCOMPARE(one.size(), partition.size());
        QCOMPARE(two.size(), partition.size());
        int fitted = 0;
        for (qsizetype i = 0; i < one.size(); ++i) {
            QVERIFY(!partition.at(i).fitted);
            QCOMPARE(one.at(i).sourceIds, partition.at(i).sourceIds);
            QCOMPARE(two.at(i).sourceIds, partition.at(i).sourceIds);
            QCOMPARE(one.at(i).fitted, i == 0);
            QCOMPARE(two.at(i).fitted, i <= 1);
            if (!one.at(i).fitted)
                continue;
            ++fitted;
            QCOMPARE(one.at(i).profiles.size(), two.at(i).profiles.size());
            for (qsizetype p = 0; p < one.at(i).profiles.size(); ++p)
                QCOMPARE(one.at(i).profiles.at(p), two.at(i).profiles.at(p));
        }
        QCOMPARE(fitted, 1);
    }

    void modelledRuntimes_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("runtime"); // -1: not modelled
        QTest::newRow("llama.cpp cuda") << "llama.cpp-CUDA" << int(Runtime::LlamaCpp);
        QTest::newRow("lm studio gguf") << "llama.cpp-Metal (LM Studio)" << int(Runtime::LlamaCpp);
        QTest::newRow("lm studio mlx") << "mlx (LM Studio)" << int(Runtime::Mlx);
        QTest::newRow("vllm-mlx runs mlx kernels") << "vllm-mlx" << int(Runtime::Mlx);
        QTest::newRow("ollama") << "ollama-Metal" << int(Runtime::Ollama);
        QTest::newRow("vllm") << "vLLM" << int(Runtime::Vllm);
        QTest::newRow("sglang") << "sglang" << int(Runtime::Sglang);
        QTest::newRow("trt-llm") << "tensorrt-llm" << int(Runtime::TensorRtLlm);
        QTest::newRow("nvidia nim serves trt-llm engines") << "nvidia-nim" << int(Runtime::TensorRtLlm);
        QTest::newRow("exllama") << "exllamav2" << -1;
        QTest::newRow("lmdeploy") << "lmdeploy-turbomind" << -1;
    }

    void modelledRuntimes()
    {
        QFETCH(QString, backend);
        QFETCH(int, runtime);
        const std::optional<Runtime> modelled = modelledRuntime(backend);
        QCOMPARE(modelled ? int(*modelled) : -1, runtime);
    }

    void speculativeNotes_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<bool>("speculative");
        QTest::newRow("mtp heads") << "--tp 8 --ep 2, MTP speculative decoding (3 nextn layers) - NOT plain decode" << true;
        QTest::newRow("draft model") << "EAGLE-3 speculative decoding with a 1B draft" << true;
        QTest::newRow("mtp alone") << "batch 1, MTP 3" << true;
        QTest::newRow("no mtp") << "max_batch_size 896, 114688 requests, no MTP; per-user 6.18 tps/user" << false;
        QTest::newRow("mtp off") << "DeepSeek V3, MTP off" << false;
        QTest::newRow("no speculative") << "no speculative decoding, batch 1" << false;
        QTest::newRow("plain") << "tg: mean over generating 1024 tokens" << false;
        QTest::newRow("word inside another") << "SMTP relay host" << false;
    }

    void speculativeNotes()
    {
        QFETCH(QString, notes);
        QFETCH(bool, speculative);
        QCOMPARE(notesSaySpeculative(notes), speculative);
    }

    void setAsideNotes_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("marked") << "pp: 1024-token prompt; [set aside: the same table has this card at 5864 t/s]"
                                << "the same table has this card at 5864 t/s";
        QTest::newRow("upper case") << "[SET ASIDE:  slower on four cards than on one ]" << "slower on four cards than on one";
        QTest::newRow("unmarked") << "tg: mean over generating 1024 tokens" << QString();
        QTest::newRow("words without the brackets") << "set aside: not a marker" << QString();
        QTest::newRow("never closed") << "[set aside: open" << QString();
    }

    void setAsideNotes()
    {
        QFETCH(QString, notes);
        QFETCH(QString, reason);
        QCOMPARE(setAsideReasonInNotes(notes), reason);
    }

    void promptOnDepthNotes_data()
    {
        QTest::addColumn<QString>("notes");
        QTest::addColumn<int>("prompt");
        QTest::addColumn<int>("cached");
        QTest::newRow("llama-bench spaced") << "test pp2048 @ d32768 (2048-token prompt on top of 32768 tokens)" << 2048 << 32768;
        QTest::newRow("llama-bench compact") << "llama-bench pp512@d32768 = 512-token prompt" << 512 << 32768;
        QTest::newRow("upper case") << "PP4096 @ D8192" << 4096 << 8192;
        QTest::newRow("no depth") << "test pp512; size 11.27 GiB" << 0 << 0;
        QTest::newRow("decode at depth") << "tg128 @ d4096" << 0 << 0;
        QTest::newRow("inside a word") << "app2048 @ d32768" << 0 << 0;
    }

    void promptOnDepthNotes()
    {
        QFETCH(QString, notes);
        QFETCH(int, prompt);
        QFETCH(int, cached);
        const auto [foundPrompt, foundCached] = promptOnDepthInNotes(notes);
        QCOMPARE(foundPrompt, prompt);
        QCOMPARE(foundCached, cached);
    }

    // "pp2048 @ d32768" is a 2048-token prompt after 32768 cached tokens, not a 34816-token fresh prompt.
    void promptOnDepthIsScoredAsAFollowUp()
    {
        MeasuredRow row = measuredRow("rtx-4090", "llama.cpp-CUDA", "llama-3-8b", "Q4_K_M", MeasuredMetric::Pp);
        row.context = 34816;
        row.tokensPerSecond = 1000;
        row.promptTokens = 2048;
        row.cachedTokens = 32768;
        const EstimateInput followUp = inputForRow(row, embeddedCatalog());
        QCOMPARE(followUp.workload.promptTokens, 2048);
        QCOMPARE(followUp.workload.cachedTokens, 32768);
        QCOMPARE(followUp.workload.contextTokens, 34816);

        row.cachedTokens = 0;
        const EstimateInput fresh = inputForRow(row, embeddedCatalog());
        QCOMPARE(fresh.workload.promptTokens, 34816);
        QCOMPARE(fresh.workload.cachedTokens, 0);
    }

    // A speed measured with speculative decoding is scored but never fitted, and only reported in its own
    // runtime group: the estimator models plain decode.
    void speculativeRowsStandApart()
    {
        MeasuredRow row = embeddedMeasuredRows().constFirst();
        QVERIFY(fittedRuntime(row).has_value());
        row.speculative = true;
        QVERIFY(!fittedRuntime(row).has_value());
        int speculativeRows = 0;
        for (const RowScore &score : std::as_const(m_report.rows)) {
            if (score.speculative) {
                QVERIFY(!score.fitted);
                ++speculativeRows;
            }
        }
        QVERIFY(speculativeRows >= 3); // TensorRT-LLM's DeepSeek-R1 min-latency rows use MTP
        const ScoreGroup *own = m_report.group(ScoreSection::Concurrency, QStringLiteral("runtime"),
                                               QStringLiteral("speculative decoding"));
        QVERIFY(own);
        int concurrencyRows = 0;
        int concurrencySpeculative = 0;
        int concurrencyClusters = 0;
        for (const RowScore &score : std::as_const(m_report.rows)) {
            if (score.section == ScoreSection::Concurrency) {
                ++concurrencyRows;
                concurrencySpeculative += score.speculative ? 1 : 0;
                concurrencyClusters += score.nodes > 1 ? 1 : 0;
            }
        }
        QCOMPARE(own->rows, concurrencySpeculative);
        const ScoreGroup *overall = m_report.group(ScoreSection::Concurrency, QStringLiteral("overall"), QStringLiteral("all"));
        QVERIFY(overall);
        QCOMPARE(overall->rows, concurrencyRows - concurrencySpeculative - concurrencyClusters);
    }

    // A row a measurement beside it contradicts is scored but never fitted, and reported only in its own runtime group
    // and in the set-aside list (with its reason), so that it cannot drag the fit or hide in the error figures.
    void setAsideRowsStandApart()
    {
        MeasuredRow row = embeddedMeasuredRows().constFirst();
        QVERIFY(fittedRuntime(row).has_value());
        row.setAside = QStringLiteral("contradicted by the same table");
        QVERIFY(!fittedRuntime(row).has_value());
        int setAsideRows = 0;
        int prefillRows = 0;
        int prefillSetAside = 0;
        for (const RowScore &score : std::as_const(m_report.rows)) {
            if (!score.setAside.isEmpty()) {
                QVERIFY(!score.fitted);
                QVERIFY(!measuresTheEstimator(score));
                ++setAsideRows;
            }
            if (score.section == ScoreSection::Prefill && measuresTheEstimator(score))
                ++prefillRows;
            if (score.section == ScoreSection::Prefill && !score.setAside.isEmpty())
                ++prefillSetAside;
        }
        QVERIFY(setAsideRows >= 5); // XiongjieDai's F16 prompts that its own Q4_K_M and 70B rows contradict
        const ScoreGroup *own = m_report.group(ScoreSection::Prefill, QStringLiteral("runtime"), QStringLiteral("set aside"));
        QVERIFY(own);
        QCOMPARE(own->rows, prefillSetAside);
        const ScoreGroup *overall = m_report.group(ScoreSection::Prefill, QStringLiteral("overall"), QStringLiteral("all"));
        QVERIFY(overall);
        QCOMPARE(overall->rows, prefillRows);
    }

    // A file named F16 whose stated size gives few bits per weight keeps most of its weights quantized (gpt-oss's
    // "F16" GGUFs carry the MXFP4 experts): it is scored as the quantized file it is.
    void fileSizeRevealsAMostlyQuantizedF16_data()
    {
        QTest::addColumn<QString>("quant");
        QTest::addColumn<double>("sizeGB");
        QTest::addColumn<double>("expectedBits");
        QTest::newRow("gpt-oss F16 GGUF with MXFP4 experts") << QStringLiteral("F16 (MXFP4 experts)") << 13.78
                                                             << 13.78 * 8 / 20.9;
        QTest::newRow("a true F16 file") << QStringLiteral("F16") << 41.8 << 16.0;
        QTest::newRow("F16 without a stated size") << QStringLiteral("F16") << 0.0 << 16.0;
        QTest::newRow("a quantized file keeps its format's bits") << QStringLiteral("Q4_K_M") << 13.78 << 4.85;
    }

    void fileSizeRevealsAMostlyQuantizedF16()
    {
        QFETCH(QString, quant);
        QFETCH(double, sizeGB);
        QFETCH(double, expectedBits);
        MeasuredRow row = measuredRow("ryzen-ai-max-395", "llama.cpp-Vulkan", "gpt-oss-20b", "F16", MeasuredMetric::Pp);
        row.quant = quant;
        row.paramsB = 20.9;
        row.activeParamsB = 3.6;
        if (sizeGB > 0)
            row.modelSizeGB = sizeGB;
        QCOMPARE(inputForRow(row, embeddedCatalog()).quant.bitsPerWeight, expectedBits);
    }

    // A serving benchmark whose users' caches did not all fit ran as many as fitted and queued the rest: it is
    // scored at the largest batch that fits.
    void servingRowsBeyondCapacityQueue()
    {
        MeasuredRow row = measuredRow("rtx-pro-6000", "vllm", "llama-3.3-70b", "AWQ-INT4", MeasuredMetric::TgPerUser);
        row.context = 1000;
        row.concurrency = 400;
        row.tokensPerSecond = 5.6;
        const EstimateInput input = inputForRow(row, embeddedCatalog());
        QVERIFY(input.workload.users > 1);
        QVERIFY(input.workload.users < row.concurrency);
        const Estimate batch = rooflineEstimate(input, Calibration::builtIn());
        QVERIFY(batch.runs());
        EstimateInput oneMore = input;
        ++oneMore.workload.users;
        const Fit beyond = rooflineEstimate(oneMore, Calibration::builtIn()).fit;
        QVERIFY(beyond != Fit::Fits && beyond != Fit::Tight);
        // A running user decodes at the batch's speed (what a benchmark's time per output token measures).
        QCOMPARE(predictedValue(row, batch), batch.decodeTpsPerUser);
        row.metric = MeasuredMetric::TgTotal;
        QCOMPARE(predictedValue(row, batch), batch.decodeTpsTotal);

        // Within capacity nothing queues: the users' own speed.
        row.concurrency = 8;
        row.metric = MeasuredMetric::TgPerUser;
        const EstimateInput small = inputForRow(row, embeddedCatalog());
        QCOMPARE(small.workload.users, 8);
        const Estimate all = rooflineEstimate(small, Calibration::builtIn());
        QCOMPARE(predictedValue(row, all), all.decodeTpsPerUser);
    }

    // A cluster's speed holds the link model on top of a runtime's: it is scored in its own groups, calibrates
    // the link's costs and never a runtime profile, and its held-out estimate uses costs fitted without its source.
    void clusterRowsStandApart()
    {
        int clusterRows = 0;
        for (const RowScore &score : std::as_const(m_report.rows)) {
            if (score.nodes <= 1)
                continue;
            ++clusterRows;
            QVERIFY(!score.fitted);
            QVERIFY(score.rooflineHoldOut.has_value());
        }
        QVERIFY(clusterRows >= 15);
        for (ScoreSection section : {ScoreSection::Decode, ScoreSection::Concurrency, ScoreSection::Prefill}) {
            const ScoreGroup *own = m_report.group(section, QStringLiteral("runtime"), QStringLiteral("cluster"));
            QVERIFY(own);
            const ScoreGroup *single = m_report.group(section, QStringLiteral("cluster"), QStringLiteral("one machine"));
            const ScoreGroup *overall = m_report.group(section, QStringLiteral("overall"), QStringLiteral("all"));
            QVERIFY(single && overall);
            QCOMPARE(single->rows, overall->rows);
        }
    }

    // A row whose device Headroom cannot describe is named, not scored against nonsense.
    void unscorableRowsAreNamed()
    {
        MeasuredRow known = embeddedMeasuredRows().constFirst();
        MeasuredRow unknownNoBandwidth = known;
        unknownNoBandwidth.line = 7;
        unknownNoBandwidth.hardwareId = QStringLiteral("mystery-gpu");
        unknownNoBandwidth.bandwidthGBsPerDevice = 0;
        MeasuredRow unknownPrefill = unknownNoBandwidth;
        unknownPrefill.line = 8;
        unknownPrefill.bandwidthGBsPerDevice = 500;
        unknownPrefill.metric = MeasuredMetric::Pp;
        Diagnostics problems;
        const MeasuredRows kept = scorableRows({known, unknownNoBandwidth, unknownPrefill}, embeddedCatalog(),
                                               QStringLiteral("mine.csv"), problems);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(problems.size(), 2);
        QVERIFY(toString(problems).contains(QStringLiteral("mine.csv: line 7")));
        QVERIFY(toString(problems).contains(QStringLiteral("FLOPs")));
    }

    // The likely ranges are built from held-out error: most held-out estimates' ranges hold the measurement.
    void rangesCoverHeldOutMeasurements_data()
    {
        QTest::addColumn<int>("section");
        QTest::newRow("decode") << int(ScoreSection::Decode);
        QTest::newRow("concurrency") << int(ScoreSection::Concurrency);
        QTest::newRow("prefill") << int(ScoreSection::Prefill);
    }

    void rangesCoverHeldOutMeasurements()
    {
        QFETCH(int, section);
        const ScoreGroup *overall = m_report.group(ScoreSection(section), QStringLiteral("overall"), QStringLiteral("all"));
        QVERIFY(overall && overall->holdOutCoverage);
        qInfo("%s: held-out range coverage %.1f%% over %d rows", qPrintable(toString(ScoreSection(section))),
              *overall->holdOutCoverage * 100, overall->rows);
        QVERIFY(*overall->holdOutCoverage >= kMinHeldOutCoverage);
    }

    void initTestCase()
    {
        QVERIFY(!embeddedMeasuredRows().isEmpty());
        m_report = validate(embeddedMeasuredRows(), embeddedCatalog());
        if (qEnvironmentVariableIsSet("HEADROOM_VALIDATION_ROWS")) {
            for (const RowScore &row : std::as_const(m_report.rows))
                qInfo().noquote() << row.line << toString(row.section) << row.hardwareId << row.gpuCount
                                  << "measured" << row.measured << "seed" << row.seed.value_or(-1) << "roofline"
                                  << row.roofline << "holdout" << row.rooflineHoldOut.value_or(-1);
        }
    }

    void everyRowIsScored()
    {
        QCOMPARE(m_report.rows.size(), embeddedMeasuredRows().size());
        for (const RowScore &row : std::as_const(m_report.rows)) {
            QVERIFY2(row.roofline > 0, qPrintable(QStringLiteral("line %1 has no roofline estimate").arg(row.line)));
            QVERIFY(row.rooflineHoldOut.has_value());
        }
    }

    void decodeTargets_data()
    {
        QTest::addColumn<QString>("dimension");
        QTest::addColumn<QString>("key");
        QTest::newRow("overall") << "overall" << "all";
        for (PlatformClass platform : {PlatformClass::Apple, PlatformClass::NvidiaConsumer, PlatformClass::NvidiaDatacenter})
            QTest::newRow(qPrintable(toString(platform))) << "platform" << toString(platform);
        QTest::newRow("dense") << "model class" << "dense";
        QTest::newRow("1 gpu") << "gpu count" << "1";
    }

    void decodeTargets()
    {
        QFETCH(QString, dimension);
        QFETCH(QString, key);
        const ScoreGroup *group = m_report.group(ScoreSection::Decode, dimension, key);
        QVERIFY2(group, qPrintable(QStringLiteral("no decode rows for %1 %2").arg(dimension, key)));
        QVERIFY(group->seedMape && group->rooflineHoldOutMape);
        const double holdOut = *group->rooflineHoldOutMape;
        qInfo("%s %s: %d rows, seed %.1f%%, roofline %.1f%%, hold-out %.1f%%", qPrintable(dimension), qPrintable(key),
              group->rows, *group->seedMape * 100, group->rooflineMape * 100, holdOut * 100);
        QVERIFY2(holdOut < *group->seedMape, "the roofline must beat the article's rule");
        QVERIFY2(group->rooflineMape < *group->seedMape, "the roofline must beat the article's rule");
        if (dimension == QLatin1String("overall"))
            QVERIFY2(holdOut <= kOverallHoldOutTarget, "overall hold-out MAPE above target");
        else if (dimension == QLatin1String("platform") && group->rows >= kRowsForClassTarget)
            QVERIFY2(holdOut <= kClassHoldOutTarget, "class hold-out MAPE above target");
    }

    void goodCsvParses()
    {
        const auto parsed = parseMeasuredCsv(kHeader + kGoodRow, QStringLiteral("good.csv"));
        QVERIFY(std::holds_alternative<MeasuredRows>(parsed));
        const MeasuredRows rows = std::get<MeasuredRows>(parsed);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).line, 2);
        QCOMPARE(rows.at(0).tokensPerSecond, 111.74);
        QCOMPARE(rows.at(0).notes, QStringLiteral("quoted, with comma"));
        QCOMPARE(rows.at(0).modelSizeGB.value_or(0), 4.92);
    }

    // Drafting changes the tokens a decode step yields, not how fast a prompt is read: a prompt rate measured
    // with speculative decoding is plain prefill, a decode speed is not.
    void speculativeDecodingMarksOnlyDecodeRows_data()
    {
        QTest::addColumn<QByteArray>("metric");
        QTest::addColumn<bool>("speculative");
        QTest::newRow("decode") << QByteArray(",tg,") << true;
        QTest::newRow("decode per user") << QByteArray(",tg_per_user,") << true;
        QTest::newRow("prompt") << QByteArray(",pp,") << false;
    }

    void speculativeDecodingMarksOnlyDecodeRows()
    {
        QFETCH(QByteArray, metric);
        QFETCH(bool, speculative);
        QByteArray row = kGoodRow;
        row.replace(",tg,", metric).replace("quoted, with comma", "EAGLE speculative decoding, 3 draft tokens");
        const auto parsed = parseMeasuredCsv(kHeader + row, QStringLiteral("spec.csv"));
        QVERIFY(std::holds_alternative<MeasuredRows>(parsed));
        QCOMPARE(std::get<MeasuredRows>(parsed).constFirst().speculative, speculative);
    }

    // The optional column shared_context_tokens: a whole number of tokens, at most the row's context.
    void sharedContextColumn_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("shared");
        QTest::addColumn<QString>("problem");
        QTest::newRow("all of the context") << QByteArray("4096") << 4096 << QString();
        QTest::newRow("part of it") << QByteArray("1024") << 1024 << QString();
        QTest::newRow("not stated") << QByteArray() << 0 << QString();
        QTest::newRow("more than the context") << QByteArray("8192") << 0
                                               << QStringLiteral("column 21 (shared_context_tokens): 8192 exceeds context (4096)");
        QTest::newRow("not a number") << QByteArray("half") << 0
                                      << QStringLiteral("column 21 (shared_context_tokens): 'half' is not a number");
        QTest::newRow("fraction") << QByteArray("10.5") << 0
                                  << QStringLiteral("column 21 (shared_context_tokens): '10.5' must be a whole number");
    }
    void sharedContextColumn()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, shared);
        QFETCH(QString, problem);
        QByteArray header = kHeader;
        header.replace("notes\n", "notes,shared_context_tokens\n");
        QByteArray row = kGoodRow;
        row.replace(",0,1,tg,", ",4096,8,tg_total,").replace("comma\"\n", QByteArray(QByteArray("comma\",") + value + '\n'));
        const auto parsed = parseMeasuredCsv(header + row, QStringLiteral("shared.csv"));
        if (!problem.isEmpty()) {
            QVERIFY(std::holds_alternative<Diagnostics>(parsed));
            const QString message = toString(std::get<Diagnostics>(parsed));
            QVERIFY2(message.contains(problem), qPrintable(message));
            return;
        }
        QVERIFY(std::holds_alternative<MeasuredRows>(parsed));
        QCOMPARE(std::get<MeasuredRows>(parsed).constFirst().sharedContextTokens, shared);
    }

    // A user's file: good rows are scored and each refused row is named; a byte order mark and CRLF line ends
    // are read as spreadsheets write them.
    void refusedRowsLeaveTheGoodOnes_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("problem");
        QByteArray badNumber = kGoodRow;
        badNumber.replace(",111.74,", ",fast,");
        QByteArray crlf = kHeader + kGoodRow;
        crlf.replace("\n", "\r\n");
        QTest::newRow("one bad row") << kHeader + kGoodRow + badNumber + kGoodRow << 2
                                     << QStringLiteral("line 3: column 19 (tps): 'fast' is not a number");
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF") + kHeader + kGoodRow << 1 << QString();
        QTest::newRow("CRLF") << crlf << 1 << QString();
    }
    void refusedRowsLeaveTheGoodOnes()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, rows);
        QFETCH(QString, problem);
        const MeasuredCsv read = readMeasuredCsv(csv, QStringLiteral("mine.csv"));
        QVERIFY(!read.fileRefused);
        QCOMPARE(read.rows.size(), qsizetype(rows));
        QCOMPARE(read.problems.isEmpty(), problem.isEmpty());
        if (!problem.isEmpty())
            QVERIFY2(read.problems.first().toString().contains(problem), qPrintable(read.problems.first().toString()));
    }

    void badCsvRejected_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected"); // substring of the diagnostics
        QByteArray badNumber = kGoodRow;
        badNumber.replace(",111.74,", ",fast,");
        QByteArray badMetric = kGoodRow;
        badMetric.replace(",tg,", ",speed,");
        QByteArray zeroCards = kGoodRow;
        zeroCards.replace(",rtx-3090,1,", ",rtx-3090,0,");
        QByteArray shortRow = "T,u,3090,rtx-3090,1\n";
        QTest::newRow("not a number") << kHeader + kGoodRow + badNumber << "line 3: column 19 (tps): 'fast' is not a number";
        QTest::newRow("unknown metric") << kHeader + badMetric << "line 2: column 18 (metric)";
        QTest::newRow("zero cards") << kHeader + zeroCards << "line 2: column 5 (device_count)";
        QTest::newRow("short row") << kHeader + shortRow << "line 2: column 6: row has 5 fields";
        QTest::newRow("missing column") << QByteArray("hardware_id,tps\nrtx-3090,1\n") << "device_count: required column";
        QTest::newRow("unclosed quote") << kHeader + "\"open" << "line 2: quoted field is never closed";
        QTest::newRow("empty") << QByteArray() << "no header row";
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe,\n\x01", 6) << "required column";
    }

    void badCsvRejected()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        const auto parsed = parseMeasuredCsv(csv, QStringLiteral("bad.csv"));
        QVERIFY(std::holds_alternative<Diagnostics>(parsed));
        const QString message = toString(std::get<Diagnostics>(parsed));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY(message.startsWith(QLatin1String("bad.csv")));
    }

    void fileFromTestData()
    {
        const auto parsed = loadMeasuredCsv(QStringLiteral(HEADROOM_TEST_DATA "/measured/bad-tps.csv"));
        QVERIFY(std::holds_alternative<Diagnostics>(parsed));
        QVERIFY(toString(std::get<Diagnostics>(parsed)).contains(QLatin1String("line 4: column 19 (tps): -3 must be positive")));
        const auto missing = loadMeasuredCsv(QStringLiteral(HEADROOM_TEST_DATA "/measured/does-not-exist.csv"));
        QVERIFY(std::holds_alternative<Diagnostics>(missing));
    }

private:
    ValidationReport m_report;
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
