// config.json import: parameter counts against the model cards, the fields the estimator
// needs for every architecture, KV bytes per token per attention kind, clear messages for bad input,
// and agreement with the catalog entries made from the same files.
#include "catalog/Catalog.h"
#include "engine/Estimator.h"
#include "import/ModelImport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace headroom;

namespace {

QString fixturePath(const QString &folder)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/import/") + folder + QStringLiteral("/config.json");
}

ImportedModel importFixture(const QString &folder)
{
    const ImportResult result = importModelFile(fixturePath(folder));
    if (const auto *diagnostic = std::get_if<Diagnostic>(&result))
        qFatal("%s", qPrintable(diagnostic->toString()));
    return std::get<ImportedModel>(result);
}

QString problems(const CatalogOrDiagnostics &loaded)
{
    const auto *diagnostics = std::get_if<Diagnostics>(&loaded);
    return diagnostics ? toString(*diagnostics) : QString();
}

// Which fixture each new catalog entry was made from.
struct CatalogFixture {
    const char *id;
    const char *folder;
};
constexpr CatalogFixture kCatalogFixtures[] = {
    {"qwen3-next-80b-a3b", "Qwen3-Next-80B-A3B-Instruct"},
    {"qwen3-235b-a22b-2507", "Qwen3-235B-A22B-Instruct-2507"},
    {"llama-4-scout", "Llama-4-Scout-17B-16E-Instruct"},
    {"llama-4-maverick", "Llama-4-Maverick-17B-128E-Instruct"},
    {"mixtral-8x7b", "Mixtral-8x7B-v0.1"},
    {"mistral-small-24b", "Mistral-Small-24B-Instruct-2501"},
    {"deepseek-v3.1", "DeepSeek-V3.1"},
    {"kimi-k2", "Kimi-K2-Instruct"},
    {"glm-4.5", "GLM-4.5"},
    {"glm-4.5-air", "GLM-4.5-Air"},
    {"qwen3.5-397b-a17b", "Qwen3.5-397B-A17B"},
    {"qwen3.6-35b-a3b", "Qwen3.6-35B-A3B"},
    {"qwen3.6-27b", "Qwen3.6-27B"},
    {"qwen3-coder-next-80b-a3b", "Qwen3-Coder-Next"},
    {"minimax-m2", "MiniMax-M2"},
    {"nemotron-3-nano", "NVIDIA-Nemotron-3-Nano-30B-A3B-BF16"},
    {"kimi-k2.5", "Kimi-K2.5"},
    {"gemma-4-31b", "gemma-4-31B-it"},
    {"gemma-4-26b-a4b", "gemma-4-26B-A4B-it"},
    {"qwen3-14b", "Qwen3-14B"},
    {"qwen2.5-32b", "Qwen2.5-32B-Instruct"},
    {"glm-5", "GLM-5"},
    {"deepseek-v4-flash", "DeepSeek-V4-Flash"},
    {"deepseek-v4-pro", "DeepSeek-V4-Pro"},
};

// The catalog writes parameters to 0.01 B.
constexpr double kCatalogParamsTolerance = 0.0051;

void compareWithCatalogEntry(const LanguageModel &imported, const LanguageModel &entry)
{
    QVERIFY2(std::abs(imported.paramsB - entry.paramsB) < kCatalogParamsTolerance,
             qPrintable(QStringLiteral("params_b %1 vs catalog %2").arg(imported.paramsB).arg(entry.paramsB)));
    QVERIFY2(std::abs(imported.activeParamsB - entry.activeParamsB) < kCatalogParamsTolerance,
             qPrintable(QStringLiteral("active_params_b %1 vs catalog %2").arg(imported.activeParamsB).arg(entry.activeParamsB)));
    QCOMPARE(imported.layers, entry.layers);
    QCOMPARE(imported.hidden, entry.hidden);
    QCOMPARE(imported.attentionHeads, entry.attentionHeads);
    QCOMPARE(imported.kvHeads, entry.kvHeads);
    QCOMPARE(imported.headDim, entry.headDim);
    QCOMPARE(toString(imported.attention), toString(entry.attention));
    QCOMPARE(imported.slidingWindow, entry.slidingWindow);
    QCOMPARE(imported.slidingLayers, entry.slidingLayers);
    QCOMPARE(imported.linearLayers, entry.linearLayers);
    QCOMPARE(imported.mlaLatentDim, entry.mlaLatentDim);
    QCOMPARE(imported.globalKvHeads, entry.globalKvHeads);
    QCOMPARE(imported.globalHeadDim, entry.globalHeadDim);
    QCOMPARE(imported.experts, entry.experts);
    QCOMPARE(imported.expertsPerToken, entry.expertsPerToken);
    QCOMPARE(imported.maxContext, entry.maxContext);
    QCOMPARE(imported.linearStateElements, entry.linearStateElements);
    QCOMPARE(imported.linearStateBytes, entry.linearStateBytes);
    QCOMPARE(imported.sparseTopK, entry.sparseTopK);
    QCOMPARE(imported.compressedLayers, entry.compressedLayers);
    QCOMPARE(imported.compressRatio, entry.compressRatio);
    QCOMPARE(imported.heavilyCompressedLayers, entry.heavilyCompressedLayers);
    QCOMPARE(imported.heavyCompressRatio, entry.heavyCompressRatio);
    QVERIFY2(std::abs(imported.mtpParamsB - entry.mtpParamsB) < kCatalogParamsTolerance,
             qPrintable(QStringLiteral("mtp_params_b %1 vs catalog %2").arg(imported.mtpParamsB).arg(entry.mtpParamsB)));
}

} // namespace

class TestHfConfigImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paramsMatchModelCard_data();
    void paramsMatchModelCard();
    void architectureFields_data();
    void architectureFields();
    void kvBytesPerToken_data();
    void kvBytesPerToken();
    void provenanceNamesTheFields();
    void provenanceNamesOnlyTheCompressedKindsPresent_data();
    void provenanceNamesOnlyTheCompressedKindsPresent();
    void jsonOutputRoundTripsThroughTheCatalogReader();
    void embeddedCatalogMatchesTheImporter();
    void latentMoeCountsExpertsInTheLatent_data();
    void latentMoeCountsExpertsInTheLatent();
};

void TestHfConfigImport::paramsMatchModelCard_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<double>("cardTotalB");
    QTest::addColumn<double>("cardActiveB");
    QTest::addColumn<double>("tolerance");
    QTest::addColumn<QString>("card");
    constexpr double twoPercent = 0.02;
    // Cards round; the importer counts every matrix. Each row is within 2% unless its comment says why.
    QTest::newRow("llama-3.1-8b") << "Llama-3.1-8B" << 8.03 << 8.03 << twoPercent << "https://huggingface.co/meta-llama/Llama-3.1-8B";
    QTest::newRow("llama-3.3-70b") << "Llama-3.3-70B-Instruct" << 70.6 << 70.6 << twoPercent << "https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct";
    // Llama 4 cards include the vision encoder (~1 B); the importer counts the text model.
    QTest::newRow("llama-4-scout") << "Llama-4-Scout-17B-16E-Instruct" << 109.0 << 17.0 << twoPercent << "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct";
    QTest::newRow("llama-4-maverick") << "Llama-4-Maverick-17B-128E-Instruct" << 400.0 << 17.0 << twoPercent << "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct";
    QTest::newRow("mixtral-8x7b") << "Mixtral-8x7B-v0.1" << 46.7 << 12.9 << twoPercent << "https://mistral.ai/news/mixtral-of-experts";
    QTest::newRow("mistral-small-24b") << "Mistral-Small-24B-Instruct-2501" << 24.0 << 24.0 << twoPercent << "https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501";
    QTest::newRow("qwen3-32b") << "Qwen3-32B" << 32.8 << 32.8 << twoPercent << "https://huggingface.co/Qwen/Qwen3-32B";
    QTest::newRow("qwen3-30b-a3b") << "Qwen3-30B-A3B" << 30.5 << 3.3 << twoPercent << "https://huggingface.co/Qwen/Qwen3-30B-A3B";
    QTest::newRow("qwen3-235b-a22b") << "Qwen3-235B-A22B-Instruct-2507" << 235.0 << 22.0 << twoPercent << "https://huggingface.co/Qwen/Qwen3-235B-A22B-Instruct-2507";
    // "80B total, 3B activated": counted 79.67 B and 3.87 B, of which 0.62 B are the embedding and output
    // matrices; without them 3.25 B, which the card rounds to 3B. Only this row needs 8%.
    QTest::newRow("qwen3-next-80b-a3b") << "Qwen3-Next-80B-A3B-Instruct" << 80.0 << 3.0 + 0.62 << 0.08 << "https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct";
    // The card counts the text model (no vision tower): "27B".
    QTest::newRow("gemma-3-27b") << "gemma-3-27b-it" << 27.0 << 27.0 << twoPercent << "https://huggingface.co/google/gemma-3-27b-it";
    // The gpt-oss card's active counts leave out the input embedding (0.58 B / 0.58 B) but keep the unembedding.
    QTest::newRow("gpt-oss-120b") << "gpt-oss-120b" << 116.83 << 5.13 + 0.58 << twoPercent << "https://openai.com/index/gpt-oss-model-card/";
    QTest::newRow("gpt-oss-20b") << "gpt-oss-20b" << 20.91 << 3.61 + 0.58 << twoPercent << "https://openai.com/index/gpt-oss-model-card/";
    // DeepSeek's 671 B / 37 B leave out the 14 B multi-token-prediction module, as the importer does.
    QTest::newRow("deepseek-v3.1") << "DeepSeek-V3.1" << 671.0 << 37.0 << twoPercent << "https://huggingface.co/deepseek-ai/DeepSeek-V3.1";
    // "1T total, 32B activated": rounded figures; the counted 1.027 T / 32.9 B are within 3%.
    QTest::newRow("kimi-k2") << "Kimi-K2-Instruct" << 1000.0 << 32.0 << 0.03 << "https://huggingface.co/moonshotai/Kimi-K2-Instruct";
    // GLM's active figure leaves out the embedding and output matrices (1.55 B / 1.24 B).
    QTest::newRow("glm-4.5") << "GLM-4.5" << 355.0 << 32.0 + 1.55 << twoPercent << "https://huggingface.co/zai-org/GLM-4.5";
    QTest::newRow("glm-4.5-air") << "GLM-4.5-Air" << 106.0 << 12.0 + 1.24 << twoPercent << "https://huggingface.co/zai-org/GLM-4.5-Air";
    // "744B parameters, 40B active": the active figure leaves out the embedding and output matrices (1.90 B).
    QTest::newRow("glm-5") << "GLM-5" << 744.0 << 40.0 + 1.90 << twoPercent << "https://huggingface.co/zai-org/GLM-5";
    constexpr double onePercent = 0.01;
    // Cards that give three significant figures: within 1%.
    QTest::newRow("qwen3-14b") << "Qwen3-14B" << 14.8 << 14.8 << onePercent << "https://huggingface.co/Qwen/Qwen3-14B";
    QTest::newRow("qwen2.5-32b") << "Qwen2.5-32B-Instruct" << 32.5 << 32.5 << onePercent << "https://huggingface.co/Qwen/Qwen2.5-32B-Instruct";
    // "31.6B total, 3.2B active (3.6B including embeddings)": the importer counts the embedding and output matrices.
    QTest::newRow("nemotron-3-nano") << "NVIDIA-Nemotron-3-Nano-30B-A3B-BF16" << 31.6 << 3.6 << onePercent
                                     << "https://huggingface.co/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16";
    // Text model only; the card's "27B" and "397B" are whole billions. Counted 26.90 B and 396.35 B.
    QTest::newRow("qwen3.6-27b") << "Qwen3.6-27B" << 27.0 << 27.0 << onePercent << "https://huggingface.co/Qwen/Qwen3.6-27B";
    // "17B activated" in whole billions: counted 17.35 B (of which 2.03 B embedding and output), 2.1% above.
    QTest::newRow("qwen3.5-397b-a17b") << "Qwen3.5-397B-A17B" << 397.0 << 17.0 << 0.025 << "https://huggingface.co/Qwen/Qwen3.5-397B-A17B";
    // "35B total, 3B activated": counted 34.66 B and 3.45 B, of which 1.02 B embedding and output; the card's 3B
    // is the activated count rounded to one figure, so only this active figure is checked to 16%.
    QTest::newRow("qwen3.6-35b-a3b") << "Qwen3.6-35B-A3B" << 35.0 << 3.0 << 0.16 << "https://huggingface.co/Qwen/Qwen3.6-35B-A3B";
    // Qwen3-Next architecture, same shapes: "80B total, 3B activated", the active figure without the 0.62 B
    // embedding and output matrices, as for Qwen3-Next above.
    QTest::newRow("qwen3-coder-next") << "Qwen3-Coder-Next" << 80.0 << 3.0 + 0.62 << 0.08 << "https://huggingface.co/Qwen/Qwen3-Coder-Next";
    // "230B total, 10B active": the active figure leaves out the embedding and output matrices (1.23 B); the three
    // multi-token-prediction modules are left out of both, as the importer does.
    QTest::newRow("minimax-m2") << "MiniMax-M2" << 230.0 << 10.0 + 1.23 << twoPercent << "https://huggingface.co/MiniMaxAI/MiniMax-M2";
    // "1T total, 32B activated" as for Kimi K2: the text model is Kimi K2's (the 0.4 B vision encoder is not counted).
    QTest::newRow("kimi-k2.5") << "Kimi-K2.5" << 1000.0 << 32.0 << 0.03 << "https://huggingface.co/moonshotai/Kimi-K2.5";
    // "12B" with the 0.42 B vision encoder; the importer counts the 11.77 B text model (head_dim 256 by default).
    // "30.7B" dense and "25.2B total, 3.8B active": the text models (vision encoders not counted).
    QTest::newRow("gemma-4-31b") << "gemma-4-31B-it" << 30.7 << 30.7 << onePercent << "https://huggingface.co/google/gemma-4-31B-it";
    QTest::newRow("gemma-4-26b-a4b") << "gemma-4-26B-A4B-it" << 25.2 << 3.8 << onePercent << "https://huggingface.co/google/gemma-4-26B-A4B-it";
    // "284B, 13B activated" and "1.6T, 49B activated": the Flash active figure without the embedding and output
    // matrices (1.06 B); counted 284.33 B (llama-bench reports 284.33 B for its GGUF) and 1,573 B.
    QTest::newRow("deepseek-v4-flash") << "DeepSeek-V4-Flash" << 284.0 << 13.0 + 1.06 << twoPercent << "https://huggingface.co/deepseek-ai/DeepSeek-V4-Flash";
    QTest::newRow("deepseek-v4-pro") << "DeepSeek-V4-Pro" << 1600.0 << 49.0 << twoPercent << "https://huggingface.co/deepseek-ai/DeepSeek-V4-Pro";
    QTest::newRow("gemma-3-12b") << "gemma-3-12b-it" << 12.0 << 12.0 << twoPercent << "https://huggingface.co/google/gemma-3-12b-it";
}

void TestHfConfigImport::paramsMatchModelCard()
{
    QFETCH(QString, folder);
    QFETCH(double, cardTotalB);
    QFETCH(double, cardActiveB);
    QFETCH(double, tolerance);
    QFETCH(QString, card);
    const ImportedModel imported = importFixture(folder);
    qInfo("%s: total %.2f B (card %.2f), active %.2f B (card %.2f) %s", qPrintable(folder), imported.model.paramsB,
          cardTotalB, imported.model.activeParamsB, cardActiveB, qPrintable(card));
    QVERIFY2(std::abs(imported.model.paramsB / cardTotalB - 1) <= tolerance,
             qPrintable(QStringLiteral("total %1 B vs card %2 B").arg(imported.model.paramsB).arg(cardTotalB)));
    QVERIFY2(std::abs(imported.model.activeParamsB / cardActiveB - 1) <= tolerance,
             qPrintable(QStringLiteral("active %1 B vs card %2 B").arg(imported.model.activeParamsB).arg(cardActiveB)));
    QVERIFY(imported.model.activeParamsB <= imported.model.paramsB);
}

void TestHfConfigImport::architectureFields_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QList<int>>("shape"); // layers, hidden, heads, kv heads, head dim
    QTest::addColumn<AttentionKind>("attention");
    QTest::addColumn<QList<int>>("layout"); // window, sliding layers, linear layers, MLA latent
    QTest::addColumn<QList<int>>("moe");    // experts, experts per token
    QTest::addColumn<int>("maxContext");
    QTest::newRow("llama 3.1") << "Llama-3.1-8B" << "llama" << QList<int>{32, 4096, 32, 8, 128} << AttentionKind::Full
                               << QList<int>{0, 0, 0, 0} << QList<int>{0, 0} << 131072;
    QTest::newRow("llama 4 chunked") << "Llama-4-Scout-17B-16E-Instruct" << "llama4_text" << QList<int>{48, 5120, 40, 8, 128}
                                     << AttentionKind::SlidingWindow << QList<int>{8192, 36, 0, 0} << QList<int>{16, 1} << 10485760;
    QTest::newRow("mixtral") << "Mixtral-8x7B-v0.1" << "mixtral" << QList<int>{32, 4096, 32, 8, 128} << AttentionKind::Full
                             << QList<int>{0, 0, 0, 0} << QList<int>{8, 2} << 32768;
    QTest::newRow("qwen3 moe") << "Qwen3-30B-A3B" << "qwen3_moe" << QList<int>{48, 2048, 32, 4, 128} << AttentionKind::Full
                               << QList<int>{0, 0, 0, 0} << QList<int>{128, 8} << 40960;
    QTest::newRow("qwen3-next hybrid") << "Qwen3-Next-80B-A3B-Instruct" << "qwen3_next" << QList<int>{48, 2048, 16, 2, 256}
                                       << AttentionKind::Linear << QList<int>{0, 0, 36, 0} << QList<int>{512, 10} << 262144;
    QTest::newRow("gemma 3 text_config") << "gemma-3-27b-it" << "gemma3_text" << QList<int>{62, 5376, 32, 16, 128}
                                         << AttentionKind::SlidingWindow << QList<int>{1024, 52, 0, 0} << QList<int>{0, 0} << 131072;
    QTest::newRow("gpt-oss layer_types") << "gpt-oss-20b" << "gpt_oss" << QList<int>{24, 2880, 64, 8, 64} << AttentionKind::SlidingWindow
                                         << QList<int>{128, 12, 0, 0} << QList<int>{32, 4} << 131072;
    QTest::newRow("deepseek mla") << "DeepSeek-V3.1" << "deepseek_v3" << QList<int>{61, 7168, 128, 128, 128} << AttentionKind::Mla
                                  << QList<int>{0, 0, 0, 576} << QList<int>{256, 8} << 163840;
    QTest::newRow("kimi k2 mla") << "Kimi-K2-Instruct" << "kimi_k2" << QList<int>{61, 7168, 64, 64, 128} << AttentionKind::Mla
                                 << QList<int>{0, 0, 0, 576} << QList<int>{384, 8} << 131072;
    QTest::newRow("glm 4.5 moe") << "GLM-4.5" << "glm4_moe" << QList<int>{92, 5120, 96, 8, 128} << AttentionKind::Full
                                 << QList<int>{0, 0, 0, 0} << QList<int>{160, 8} << 131072;
    QTest::newRow("qwen3.5 moe layer_types") << "Qwen3.5-397B-A17B" << "qwen3_5_moe_text" << QList<int>{60, 4096, 32, 2, 256}
                                             << AttentionKind::Linear << QList<int>{0, 0, 45, 0} << QList<int>{512, 10} << 262144;
    QTest::newRow("qwen3.5 dense") << "Qwen3.6-27B" << "qwen3_5_text" << QList<int>{64, 5120, 24, 4, 256} << AttentionKind::Linear
                                   << QList<int>{0, 0, 48, 0} << QList<int>{0, 0} << 262144;
    QTest::newRow("nemotron-h mamba blocks") << "NVIDIA-Nemotron-3-Nano-30B-A3B-BF16" << "nemotron_h" << QList<int>{52, 2688, 32, 2, 128}
                                             << AttentionKind::Linear << QList<int>{0, 0, 46, 0} << QList<int>{128, 6} << 262144;
    QTest::newRow("glm-5 sparse mla") << "GLM-5" << "glm_moe_dsa" << QList<int>{78, 6144, 64, 64, 256} << AttentionKind::Mla
                                      << QList<int>{0, 0, 0, 576} << QList<int>{256, 8} << 202752;
    QTest::newRow("minimax m2") << "MiniMax-M2" << "minimax_m2" << QList<int>{62, 3072, 48, 8, 128} << AttentionKind::Full
                                << QList<int>{0, 0, 0, 0} << QList<int>{256, 8} << 196608;
    QTest::newRow("kimi k2.5 text_config") << "Kimi-K2.5" << "deepseek_v3" << QList<int>{61, 7168, 64, 64, 128} << AttentionKind::Mla
                                           << QList<int>{0, 0, 0, 576} << QList<int>{384, 8} << 262144;
    QTest::newRow("gemma 4 moe beside a dense mlp") << "gemma-4-26B-A4B-it" << "gemma4_text" << QList<int>{30, 2816, 16, 8, 256}
                                                    << AttentionKind::SlidingWindow << QList<int>{1024, 25, 0, 0} << QList<int>{128, 8} << 262144;
    QTest::newRow("deepseek v4 compressed") << "DeepSeek-V4-Flash" << "deepseek_v4" << QList<int>{43, 4096, 64, 1, 512}
                                            << AttentionKind::Compressed << QList<int>{128, 0, 0, 0} << QList<int>{256, 6} << 1048576;
    QTest::newRow("gemma 3 default head_dim") << "gemma-3-12b-it" << "gemma3_text" << QList<int>{48, 3840, 16, 8, 256}
                                              << AttentionKind::SlidingWindow << QList<int>{1024, 40, 0, 0} << QList<int>{0, 0} << 131072;
}

void TestHfConfigImport::architectureFields()
{
    QFETCH(QString, folder);
    QFETCH(QString, architecture);
    QFETCH(QList<int>, shape);
    QFETCH(AttentionKind, attention);
    QFETCH(QList<int>, layout);
    QFETCH(QList<int>, moe);
    QFETCH(int, maxContext);
    const ImportedModel imported = importFixture(folder);
    const LanguageModel &model = imported.model;
    QCOMPARE(imported.architecture, architecture);
    QCOMPARE((QList<int>{model.layers, model.hidden, model.attentionHeads, model.kvHeads, model.headDim}), shape);
    QCOMPARE(toString(model.attention), toString(attention));
    QCOMPARE((QList<int>{model.slidingWindow, model.slidingLayers, model.linearLayers, model.mlaLatentDim}), layout);
    QCOMPARE((QList<int>{model.experts, model.expertsPerToken}), moe);
    QCOMPARE(model.maxContext, maxContext);
    QCOMPARE(model.name, folder);
    QCOMPARE(model.id, modelIdFromName(folder));
    QVERIFY(model.source.endsWith(QStringLiteral("config.json")));
    QVERIFY(!imported.quant.has_value());
}

void TestHfConfigImport::kvBytesPerToken_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("tokens");
    QTest::addColumn<double>("expectedBytes");
    constexpr double f16 = 2;
    // Full: 2 (K and V) x 32 layers x 8 KV heads x 128 x 2 bytes per token.
    QTest::newRow("full, 1 token") << "Llama-3.1-8B" << 1 << 2 * 32 * 8 * 128 * f16;
    QTest::newRow("full, 4096 tokens") << "Llama-3.1-8B" << 4096 << 2 * 32 * 8 * 128 * f16 * 4096;
    // Sliding: 10 full layers grow with the context; 52 sliding layers stop at the 1,024-token window.
    QTest::newRow("sliding, 1 token") << "gemma-3-27b-it" << 1 << 2 * 62 * 16 * 128 * f16;
    QTest::newRow("sliding, 8192 tokens") << "gemma-3-27b-it" << 8192 << 2 * 16 * 128 * f16 * (10.0 * 8192 + 52.0 * 1024);
    // MLA: one 576-wide latent (512 + 64 rope) per token and layer.
    QTest::newRow("mla, 1 token") << "DeepSeek-V3.1" << 1 << 61 * 576 * f16;
    QTest::newRow("mla, 1000 tokens") << "Kimi-K2-Instruct" << 1000 << 61 * 576 * f16 * 1000;
    // Sparse MLA (GLM-5): the 576-wide latent and the indexer's 128-wide key per token and layer.
    QTest::newRow("sparse mla, 32768 tokens") << "GLM-5" << 32768 << 78 * (576 + 128) * f16 * 32768;
    // Linear: only the 12 full-attention layers of 48 keep a growing cache (2 KV heads x 256). The 36 Gated
    // DeltaNet layers keep a fixed F32 state: 32 value heads x 128 x 128, and the convolution's last 3 inputs
    // over q, k and v (2 x 16 x 128 + 32 x 128).
    constexpr double f32 = 4;
    constexpr double nextState = 36.0 * (32 * 128 * 128 + 3 * (2 * 16 * 128 + 32 * 128)) * f32;
    QTest::newRow("linear hybrid, 1 token") << "Qwen3-Next-80B-A3B-Instruct" << 1 << nextState + 2 * 12 * 2 * 256 * f16;
    QTest::newRow("linear hybrid, 100000 tokens") << "Qwen3-Next-80B-A3B-Instruct" << 100000 << nextState + 2 * 12 * 2 * 256 * f16 * 100000;
    // Mamba-2 hybrid: only the 6 attention blocks of 52 keep a growing cache (2 KV heads x 128); the 23 Mamba-2
    // blocks keep 64 heads x 64 x 128 state and 3 convolution inputs over x, B and C (64 x 64 + 2 x 8 x 128).
    constexpr double mambaState = 23.0 * (64 * 64 * 128 + 3 * (64 * 64 + 2 * 8 * 128)) * f32;
    QTest::newRow("mamba hybrid, 32768 tokens") << "NVIDIA-Nemotron-3-Nano-30B-A3B-BF16" << 32768 << mambaState + 2 * 6 * 2 * 128 * f16 * 32768;
    // Gemma 4 31B: 10 global layers x 2 x 4 KV heads x 512 grow; 50 sliding layers x 2 x 16 x 256 stop at 1,024 tokens.
    QTest::newRow("gemma 4 global heads, 32768 tokens") << "gemma-4-31B-it" << 32768 << f16 * (10.0 * 2 * 4 * 512 * 32768 + 50.0 * 2 * 16 * 256 * 1024);
    // Gated DeltaNet hybrid: the 15 full-attention layers of 60 (2 KV heads x 256); 45 linear layers of 64 value heads.
    constexpr double qwen35State = 45.0 * (64 * 128 * 128 + 3 * (2 * 16 * 128 + 64 * 128)) * f32;
    // DeepSeek V4 Flash: a 128-token window of one 512-wide vector in all 43 layers; per 4 tokens an entry and a
    // 128-wide indexer key in 21 layers; per 128 tokens an entry in 20 layers.
    QTest::newRow("compressed, 32768 tokens") << "DeepSeek-V4-Flash" << 32768
                                              << f16 * (43.0 * 128 * 512 + 32768.0 * (21 * (512 + 128) / 4 + 20 * 512 / 128));
    QTest::newRow("qwen3.5 hybrid, 32768 tokens") << "Qwen3.5-397B-A17B" << 32768 << qwen35State + 2 * 15 * 2 * 256 * f16 * 32768;
}

void TestHfConfigImport::kvBytesPerToken()
{
    QFETCH(QString, folder);
    QFETCH(int, tokens);
    QFETCH(double, expectedBytes);
    QCOMPARE(kvCacheBytes(importFixture(folder).model, KvCacheType::F16, tokens), expectedBytes);
}

void TestHfConfigImport::provenanceNamesTheFields()
{
    const ImportedModel imported = importFixture(QStringLiteral("gemma-3-27b-it"));
    QHash<QString, QString> origins;
    for (const ImportProvenance &item : imported.provenance)
        origins.insert(item.field, item.origin);
    QCOMPARE(origins.value(QStringLiteral("layers")), QStringLiteral("config.json text_config.num_hidden_layers"));
    QCOMPARE(origins.value(QStringLiteral("kv_heads")), QStringLiteral("config.json text_config.num_key_value_heads"));
    QCOMPARE(origins.value(QStringLiteral("sliding_window")), QStringLiteral("config.json text_config.sliding_window"));
    QVERIFY(origins.value(QStringLiteral("vocab_size")).contains(QStringLiteral("default")));
    QVERIFY(origins.value(QStringLiteral("max_context")).contains(QStringLiteral("default")));
    QVERIFY(origins.value(QStringLiteral("params_b")).contains(QStringLiteral("counted")));
    for (const char *field : {"params_b", "active_params_b", "hidden", "attention_heads", "head_dim", "sliding_layers", "name"})
        QVERIFY2(origins.contains(QLatin1String(field)), field);
}

void TestHfConfigImport::provenanceNamesOnlyTheCompressedKindsPresent_data()
{
    QTest::addColumn<QByteArray>("ratios");
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<bool>("heavy");
    QTest::newRow("window only") << QByteArray("[0, 0, 0]") << false << false;
    QTest::newRow("one ratio") << QByteArray("[0, 4, 4]") << true << false;
    QTest::newRow("two ratios") << QByteArray("[0, 4, 128]") << true << true;
}

// A config with one compression ratio has no heavily compressed layers: the provenance must not claim it read
// a count for them.
void TestHfConfigImport::provenanceNamesOnlyTheCompressedKindsPresent()
{
    QFETCH(QByteArray, ratios);
    QFETCH(bool, compressed);
    QFETCH(bool, heavy);
    const QByteArray config = R"({"model_type": "deepseek_v4", "num_hidden_layers": 3, "hidden_size": 64,
        "num_attention_heads": 4, "num_key_value_heads": 1, "head_dim": 16, "vocab_size": 10,
        "intermediate_size": 128, "sliding_window": 8, "q_lora_rank": 32, "o_groups": 2, "o_lora_rank": 16,
        "compress_ratios": )" + ratios + "}";
    const ImportResult result = importHfConfig(config, QStringLiteral("config.json"));
    const auto *imported = std::get_if<ImportedModel>(&result);
    QVERIFY2(imported, qPrintable(imported ? QString() : std::get<Diagnostic>(result).toString()));
    QSet<QString> fields;
    for (const ImportProvenance &item : imported->provenance)
        fields.insert(item.field);
    QCOMPARE(fields.contains(QStringLiteral("compressed_layers")), compressed);
    QCOMPARE(fields.contains(QStringLiteral("heavily_compressed_layers")), heavy);
    QCOMPARE(imported->model.heavilyCompressedLayers, heavy ? 1 : 0);
}

void TestHfConfigImport::jsonOutputRoundTripsThroughTheCatalogReader()
{
    const ImportedModel imported = importFixture(QStringLiteral("gpt-oss-120b"));
    const QByteArray output = importedModelJson(imported);
    // Wrap the "model" object as a user catalog and read it back with the catalog loader.
    const qsizetype start = output.indexOf("\"model\": ") + qsizetype(qstrlen("\"model\": "));
    const qsizetype end = output.indexOf("\n  \"quant\"");
    QVERIFY(start > 0 && end > start);
    QByteArray model = output.mid(start, end - start).trimmed();
    model.chop(1); // the comma before "quant"
    const QByteArray catalog = "{\"format\": \"headroom-catalog\", \"version\": 1, \"models\": [" + model + "]}";
    const CatalogOrDiagnostics loaded = loadCatalog(catalog, QStringLiteral("import"), true);
    QVERIFY2(std::holds_alternative<Catalog>(loaded), qPrintable(problems(loaded)));
    const LanguageModel *read = std::get<Catalog>(loaded).model(imported.model.id);
    QVERIFY(read);
    compareWithCatalogEntry(imported.model, *read);
    QVERIFY(output.contains("\"quant\": null"));
}

// Every catalog model that has a config.json fixture is what the importer computes from it.
void TestHfConfigImport::embeddedCatalogMatchesTheImporter()
{
    for (const CatalogFixture &fixture : kCatalogFixtures) {
        const LanguageModel *entry = embeddedCatalog().model(QLatin1String(fixture.id));
        QVERIFY2(entry, qPrintable(QStringLiteral("%1 is not in resources/catalog.json").arg(QLatin1String(fixture.id))));
        compareWithCatalogEntry(importFixture(QLatin1String(fixture.folder)).model, *entry);
        QVERIFY(entry->source.startsWith(QStringLiteral("https://huggingface.co/")));
    }
}

// Nemotron 3 Super's shapes as transformers' nemotron_h fields (the model card and NVIDIA Megatron-Bridge's
// tests/unit_tests/models/nemotronh/test_nemotron_h_bridge.py give them): 512 routed experts in a 1,024-wide
// latent beside a 5,376-wide shared expert. Counted by hand: 120.67 B total (llama.cpp reports
// 120,668,707,840 for its GGUF), 12.77 B active, 40 x (128 x 64 x 128 + 3 x 10,240) state elements, one 2.94 B
// multi-token-prediction block. Without the latent the same experts would count 4x wider.
void TestHfConfigImport::latentMoeCountsExpertsInTheLatent_data()
{
    QTest::addColumn<bool>("latent");
    QTest::addColumn<double>("totalB");
    QTest::addColumn<double>("activeB");
    QTest::newRow("latent experts") << true << 120.67 << 12.77;
    // 512 experts x 2 x 4,096 x 2,688 per MoE layer instead of 2 x 1,024 x 2,688, and no latent projections.
    QTest::newRow("full-width experts") << false << 120.67 + 40 * (512 * 2.0 * (4096 - 1024) * 2688 - 2.0 * 4096 * 1024) / 1e9
                                        << 12.77 + 40 * (22 * 2.0 * (4096 - 1024) * 2688 - 2.0 * 4096 * 1024) / 1e9;
}

void TestHfConfigImport::latentMoeCountsExpertsInTheLatent()
{
    QFETCH(bool, latent);
    QFETCH(double, totalB);
    QFETCH(double, activeB);
    QJsonObject config{
        {QStringLiteral("model_type"), QStringLiteral("nemotron_h")},
        {QStringLiteral("num_hidden_layers"), 88},
        {QStringLiteral("hybrid_override_pattern"),
         QStringLiteral("MEMEMEM*EMEMEMEM*EMEMEMEM*EMEMEMEMEM*EMEMEMEMEM*EMEMEMEMEM*EMEMEMEMEM*EMEMEMEM*EMEMEMEME")},
        {QStringLiteral("hidden_size"), 4096},
        {QStringLiteral("num_attention_heads"), 32},
        {QStringLiteral("num_key_value_heads"), 2},
        {QStringLiteral("head_dim"), 128},
        {QStringLiteral("mamba_num_heads"), 128},
        {QStringLiteral("mamba_head_dim"), 64},
        {QStringLiteral("ssm_state_size"), 128},
        {QStringLiteral("n_groups"), 8},
        {QStringLiteral("conv_kernel"), 4},
        {QStringLiteral("n_routed_experts"), 512},
        {QStringLiteral("num_experts_per_tok"), 22},
        {QStringLiteral("n_shared_experts"), 1},
        {QStringLiteral("moe_intermediate_size"), 2688},
        {QStringLiteral("moe_shared_expert_intermediate_size"), 5376},
        {QStringLiteral("intermediate_size"), 2688},
        {QStringLiteral("vocab_size"), 131072},
        {QStringLiteral("tie_word_embeddings"), false},
        {QStringLiteral("max_position_embeddings"), 262144},
        {QStringLiteral("num_nextn_predict_layers"), 1},
    };
    if (latent)
        config.insert(QStringLiteral("moe_latent_size"), 1024);
    const ImportResult result = importHfConfig(QJsonDocument(config).toJson(), QStringLiteral("nemotron-3-super.json"));
    if (const auto *diagnostic = std::get_if<Diagnostic>(&result))
        QFAIL(qPrintable(diagnostic->toString()));
    const auto *imported = std::get_if<ImportedModel>(&result);
    QVERIFY(imported);
    const LanguageModel &model = imported->model;
    QVERIFY2(std::abs(model.paramsB / totalB - 1) < 0.001, qPrintable(QString::number(model.paramsB)));
    QVERIFY2(std::abs(model.activeParamsB / activeB - 1) < 0.001, qPrintable(QString::number(model.activeParamsB)));
    QCOMPARE(model.linearLayers, 80);
    QCOMPARE(model.linearStateElements, 40 * (128 * 64 * 128 + 3 * (128 * 64 + 2 * 8 * 128)));
    if (latent) {
        QVERIFY2(std::abs(model.mtpParamsB - 2.94) < 0.01, qPrintable(QString::number(model.mtpParamsB)));
        const LanguageModel *entry = embeddedCatalog().model(QStringLiteral("nemotron-3-super-120b-a12b"));
        QVERIFY(entry);
        QVERIFY(std::abs(entry->paramsB - model.paramsB) < kCatalogParamsTolerance);
        QVERIFY(std::abs(entry->activeParamsB - model.activeParamsB) < kCatalogParamsTolerance);
        QCOMPARE(entry->linearStateElements, model.linearStateElements);
    }
}

QTEST_GUILESS_MAIN(TestHfConfigImport)
#include "tst_hf_config_import.moc"
