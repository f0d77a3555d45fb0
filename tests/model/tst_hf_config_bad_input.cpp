// config.json import: clear one-line messages for bad input, and a generic decoder for an architecture not in
// the table.
#include "import/ModelImport.h"

#include <QTest>

using namespace headroom;

namespace {

Diagnostic importFailure(const QByteArray &json)
{
    const ImportResult result = importHfConfig(json, QStringLiteral("config.json"));
    if (!std::holds_alternative<Diagnostic>(result))
        return Diagnostic{QString(), QString(), QString(), QStringLiteral("imported without a diagnostic")};
    return std::get<Diagnostic>(result);
}

} // namespace

class TestHfConfigBadInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
    void unknownArchitectureWithAllFieldsImports();
};

void TestHfConfigBadInput::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the one-line message
    QTest::newRow("not json") << QByteArray("{\"hidden_size\": ")
                              << "config.json: not valid JSON (nor a GGUF file) at byte 17: line 1, column 17: syntax error while "
                                 "parsing value - unexpected end of input; expected '[', '{', or a literal";
    QTest::newRow("array") << QByteArray("[1, 2]") << "config.json: must be a JSON object, a Hugging Face config.json";
    QTest::newRow("unknown architecture, missing fields")
        << QByteArray(R"({"architectures": ["MyNewForCausalLM"], "model_type": "mynew", "hidden_size": 4096})")
        << "config.json: num_hidden_layers, num_attention_heads, vocab_size, intermediate_size: missing (architecture "
           "MyNewForCausalLM (mynew)); fill them in by hand";
    QTest::newRow("one missing field")
        << QByteArray(R"({"model_type": "llama", "hidden_size": 64, "num_attention_heads": 4, "vocab_size": 10, "intermediate_size": 128})")
        << "config.json: num_hidden_layers: missing (architecture llama); fill it in by hand";
    QTest::newRow("negative layers")
        << QByteArray(R"({"model_type": "llama", "num_hidden_layers": -3, "hidden_size": 64, "num_attention_heads": 4, "vocab_size": 10, "intermediate_size": 128})")
        << "config.json: num_hidden_layers: must be a positive integer up to 100000000, got -3";
    QTest::newRow("string in text_config")
        << QByteArray(R"({"model_type": "x", "text_config": {"hidden_size": "big", "num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 10, "intermediate_size": 128}})")
        << "config.json: text_config.hidden_size: must be a positive integer up to 100000000, got \"big\"";
    QTest::newRow("kv heads do not divide")
        << QByteArray(R"({"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 3, "vocab_size": 10, "intermediate_size": 128})")
        << "config.json: num_key_value_heads: must divide num_attention_heads (4), got 3";
    QTest::newRow("moe without top-k")
        << QByteArray(R"({"model_type": "mixtral", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "vocab_size": 10, "intermediate_size": 128, "num_local_experts": 8})")
        << "config.json: num_experts_per_tok: missing (architecture mixtral); fill it in by hand";
    QTest::newRow("block pattern shorter than the layers")
        << QByteArray(R"({"model_type": "nemotron_h", "num_hidden_layers": 3, "hidden_size": 64, "num_attention_heads": 4, "vocab_size": 10, "intermediate_size": 128, "hybrid_override_pattern": "M*"})")
        << "config.json: hybrid_override_pattern: must name num_hidden_layers (3) blocks, each Mamba-2, attention, MoE or MLP";
    QTest::newRow("compress ratios shorter than the layers")
        << QByteArray(R"({"model_type": "deepseek_v4", "num_hidden_layers": 3, "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 1, "head_dim": 16, "vocab_size": 10, "intermediate_size": 128, "sliding_window": 8, "compress_ratios": [0, 4]})")
        << "config.json: compress_ratios: must give a ratio for each of num_hidden_layers (3) layers, got 2";
    QTest::newRow("compress ratio not a number")
        << QByteArray(R"({"model_type": "deepseek_v4", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 1, "head_dim": 16, "vocab_size": 10, "intermediate_size": 128, "sliding_window": 8, "compress_ratios": [0, "4"]})")
        << "config.json: compress_ratios: must list integer compression ratios (0 for none)";
    QTest::newRow("three compress ratios")
        << QByteArray(R"({"model_type": "deepseek_v4", "num_hidden_layers": 3, "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 1, "head_dim": 16, "vocab_size": 10, "intermediate_size": 128, "sliding_window": 8, "compress_ratios": [4, 8, 16]})")
        << "config.json: compress_ratios: has 3 different ratios; compressed attention has at most two";
    QTest::newRow("compressed attention without a window")
        << QByteArray(R"({"model_type": "deepseek_v4", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 1, "head_dim": 16, "vocab_size": 10, "intermediate_size": 128, "q_lora_rank": 16, "o_groups": 2, "o_lora_rank": 8, "compress_ratios": [0, 4]})")
        << "config.json: sliding_window: missing (architecture deepseek_v4); fill it in by hand";
    QTest::newRow("absurd linear state")
        << QByteArray(R"({"model_type": "qwen3_next", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "vocab_size": 10, "intermediate_size": 128, "layer_types": ["linear_attention", "full_attention"], "linear_num_key_heads": 100000, "linear_key_head_dim": 100000, "linear_num_value_heads": 100000, "linear_value_head_dim": 100000, "linear_conv_kernel_dim": 4})")
        << "config.json: linear_num_value_heads: gives a state of 1e+15 elements per sequence, beyond any model (at most 1000000000)";
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << "config.json: at byte 64: JSON nested deeper than 64 levels";
}

void TestHfConfigBadInput::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QCOMPARE(importFailure(json).toString(), expected);
}

void TestHfConfigBadInput::unknownArchitectureWithAllFieldsImports()
{
    const QByteArray json = R"({"architectures": ["NewDenseForCausalLM"], "model_type": "newdense", "num_hidden_layers": 2,
        "hidden_size": 64, "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 100, "intermediate_size": 128,
        "tie_word_embeddings": true, "max_position_embeddings": 2048})";
    const ImportResult result = importHfConfig(json, QStringLiteral("/tmp/newdense/config.json"));
    QVERIFY(std::holds_alternative<ImportedModel>(result));
    const ImportedModel &imported = std::get<ImportedModel>(result);
    // Embedding 100x64 (tied) + 2 x (attention 64x64 + 2x64x32 + 64x64, MLP 3x64x128, 2 norms of 64) + final norm 64.
    const double expected = 100 * 64 + 2 * (64 * 64 + 2 * 64 * 32 + 64 * 64 + 3 * 64 * 128 + 2 * 64) + 64;
    QCOMPARE(imported.model.paramsB * 1e9, expected);
    QCOMPARE(imported.model.name, QStringLiteral("newdense"));
    QCOMPARE(imported.model.id, QStringLiteral("newdense"));
    bool flagged = false;
    for (const ImportProvenance &item : imported.provenance)
        flagged |= item.field == QStringLiteral("architecture") && item.origin.contains(QStringLiteral("generic"));
    QVERIFY(flagged);
}

QTEST_GUILESS_MAIN(TestHfConfigBadInput)
#include "tst_hf_config_bad_input.moc"
