// GGUF header import (issue #11): files written by GgufTestWriter read back exactly (element counts,
// tensor bytes, bits per weight, quantization names, architecture fields), every corrupt case gives a
// one-line diagnostic with its byte offset, the fuzz seeds stay in step with the writer, and a
// 400 GB file's header imports without touching the data.
#include "import/GgufReader.h"
#include "GgufTestWriter.h"
#include "import/ModelImport.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace headroom;
using headroom::test::GgufTestWriter;

namespace {

// ggml type ids (enum ggml_type).
enum : std::uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9, Q2_K = 10, Q3_K = 11, Q4_K = 12,
    Q5_K = 13, Q6_K = 14, Q8_K = 15, IQ2_XXS = 16, IQ2_XS = 17, IQ3_XXS = 18, IQ1_S = 19, IQ4_NL = 20, IQ3_S = 21,
    IQ2_S = 22, IQ4_XS = 23, I8 = 24, I16 = 25, I32 = 26, I64 = 27, F64 = 28, IQ1_M = 29, BF16 = 30, TQ1_0 = 34,
    TQ2_0 = 35, MXFP4 = 39, NVFP4 = 40
};
constexpr std::uint32_t kLlamaFileTypeQ4KM = 15; // LLAMA_FTYPE_MOSTLY_Q4_K_M

GgufTestWriter tinyLlama()
{
    GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
    writer.addString(QStringLiteral("general.name"), QStringLiteral("Tiny Llama 3"));
    writer.addUInt32(QStringLiteral("general.file_type"), kLlamaFileTypeQ4KM);
    writer.addUInt32(QStringLiteral("llama.block_count"), 2);
    writer.addUInt32(QStringLiteral("llama.context_length"), 4096);
    writer.addUInt32(QStringLiteral("llama.embedding_length"), 256);
    writer.addUInt32(QStringLiteral("llama.attention.head_count"), 4);
    writer.addUInt32(QStringLiteral("llama.attention.head_count_kv"), 2);
    writer.addFloat32(QStringLiteral("llama.rope.freq_base"), 500000.0f);
    writer.addStringArray(QStringLiteral("tokenizer.ggml.tokens"), {"<s>", "</s>", "hello", "world"});
    writer.addTensor(QStringLiteral("token_embd.weight"), {256, 2}, Q4_K);
    writer.addTensor(QStringLiteral("blk.0.attn_q.weight"), {256, 4}, Q4_K);
    writer.addTensor(QStringLiteral("blk.0.ffn_down.weight"), {256, 4}, Q6_K);
    writer.addTensor(QStringLiteral("output_norm.weight"), {256}, F32);
    writer.addTensor(QStringLiteral("output.weight"), {256, 2}, Q8_0);
    return writer;
}

GgufTestWriter moeMxfp4()
{
    GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("gpt-oss"));
    writer.addUInt32(QStringLiteral("gpt-oss.block_count"), 2);
    writer.addUInt32(QStringLiteral("gpt-oss.context_length"), 131072);
    writer.addUInt32(QStringLiteral("gpt-oss.embedding_length"), 256);
    writer.addUInt32(QStringLiteral("gpt-oss.attention.head_count"), 8);
    writer.addUInt32(QStringLiteral("gpt-oss.attention.head_count_kv"), 2);
    writer.addUInt32(QStringLiteral("gpt-oss.attention.key_length"), 64);
    writer.addUInt32(QStringLiteral("gpt-oss.attention.sliding_window"), 128);
    writer.addUInt32(QStringLiteral("gpt-oss.expert_count"), 4);
    writer.addUInt32(QStringLiteral("gpt-oss.expert_used_count"), 2);
    writer.addTensor(QStringLiteral("token_embd.weight"), {256, 2}, F16);
    writer.addTensor(QStringLiteral("blk.0.attn_q.weight"), {256, 8}, BF16);
    writer.addTensor(QStringLiteral("blk.0.ffn_up_exps.weight"), {256, 8, 4}, MXFP4);
    writer.addTensor(QStringLiteral("blk.0.ffn_down_exps.weight"), {64, 32, 4}, MXFP4);
    return writer;
}

GgufTestWriter deepseekMla()
{
    GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("deepseek2"));
    writer.addString(QStringLiteral("general.source.huggingface.repository"), QStringLiteral("deepseek-ai/DeepSeek-V3"));
    writer.addUInt32(QStringLiteral("deepseek2.block_count"), 61);
    writer.addUInt32(QStringLiteral("deepseek2.context_length"), 163840);
    writer.addUInt32(QStringLiteral("deepseek2.embedding_length"), 7168);
    writer.addUInt32(QStringLiteral("deepseek2.attention.head_count"), 128);
    writer.addUInt32(QStringLiteral("deepseek2.attention.head_count_kv"), 1);
    writer.addUInt32(QStringLiteral("deepseek2.attention.key_length"), 576);
    writer.addUInt32(QStringLiteral("deepseek2.attention.value_length"), 512);
    writer.addUInt32(QStringLiteral("deepseek2.attention.key_length_mla"), 192);
    writer.addUInt32(QStringLiteral("deepseek2.attention.value_length_mla"), 128);
    writer.addUInt32(QStringLiteral("deepseek2.attention.kv_lora_rank"), 512);
    writer.addUInt32(QStringLiteral("deepseek2.rope.dimension_count"), 64);
    writer.addUInt32(QStringLiteral("deepseek2.expert_count"), 256);
    writer.addUInt32(QStringLiteral("deepseek2.expert_used_count"), 8);
    writer.addTensor(QStringLiteral("blk.0.attn_kv_a_mqa.weight"), {512, 8}, Q8_0);
    return writer;
}

struct Seed {
    const char *fileName;
    GgufTestWriter (*make)();
};
constexpr Seed kSeeds[] = {
    {"tiny-llama-q4_k_m.gguf", &tinyLlama},
    {"moe-mxfp4.gguf", &moeMxfp4},
    {"deepseek2-mla.gguf", &deepseekMla},
};

ImportResult importBytes(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return importGgufHeader(buffer, QStringLiteral("model.gguf"));
}

ImportedModel imported(const GgufTestWriter &writer)
{
    const ImportResult result = importBytes(writer.file());
    if (const auto *diagnostic = std::get_if<Diagnostic>(&result))
        qFatal("%s", qPrintable(diagnostic->toString()));
    return std::get<ImportedModel>(result);
}

QString failure(const QByteArray &bytes)
{
    const ImportResult result = importBytes(bytes);
    const auto *diagnostic = std::get_if<Diagnostic>(&result);
    return diagnostic ? diagnostic->toString() : QStringLiteral("imported without a diagnostic");
}

QByteArray replaced(QByteArray bytes, qsizetype at, std::uint64_t value)
{
    QByteArray field;
    GgufTestWriter::put(field, value);
    return bytes.replace(at, field.size(), field);
}

QByteArray rawTensor(const QByteArray &name, const QList<std::uint64_t> &dimensions, std::uint32_t type)
{
    QByteArray bytes;
    GgufTestWriter::putString(bytes, name);
    GgufTestWriter::put(bytes, std::uint32_t(dimensions.size()));
    for (const std::uint64_t size : dimensions)
        GgufTestWriter::put(bytes, size);
    GgufTestWriter::put(bytes, type);
    GgufTestWriter::put(bytes, std::uint64_t(0));
    return bytes;
}

} // namespace

class TestGgufReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tensorBytesPerType_data();
    void tensorBytesPerType();
    void denseFileReadsBackExactly();
    void moeFileCountsActiveExperts();
    void mlaFileGivesLatent();
    void fileTypeNames_data();
    void fileTypeNames();
    void corruptHeaders_data();
    void corruptHeaders();
    void everyTruncationIsDiagnosed();
    void jsonOutput();
    void seedsMatchTheWriter();
    void largeFileHeaderImports();
};

void TestGgufReader::tensorBytesPerType_data()
{
    QTest::addColumn<std::uint32_t>("type");
    QTest::addColumn<std::uint64_t>("elements");
    QTest::addColumn<std::uint64_t>("bytes");
    // Bytes per block from the block structs of ggml-common.h: 256-element super-blocks for K- and I-quants.
    const struct { const char *name; std::uint32_t type; std::uint64_t elements, bytes; } rows[] = {
        {"F32", F32, 10, 40}, {"F16", F16, 10, 20}, {"BF16", BF16, 10, 20}, {"F64", F64, 3, 24},
        {"I8", I8, 5, 5}, {"I16", I16, 5, 10}, {"I32", I32, 5, 20}, {"I64", I64, 5, 40},
        {"Q4_0", Q4_0, 64, 36}, {"Q4_1", Q4_1, 64, 40}, {"Q5_0", Q5_0, 64, 44}, {"Q5_1", Q5_1, 64, 48},
        {"Q8_0", Q8_0, 64, 68}, {"Q8_1", Q8_1, 64, 72},
        {"Q2_K", Q2_K, 512, 168}, {"Q3_K", Q3_K, 512, 220}, {"Q4_K", Q4_K, 512, 288}, {"Q5_K", Q5_K, 512, 352},
        {"Q6_K", Q6_K, 512, 420}, {"Q8_K", Q8_K, 256, 292},
        {"IQ2_XXS", IQ2_XXS, 256, 66}, {"IQ2_XS", IQ2_XS, 256, 74}, {"IQ2_S", IQ2_S, 256, 82},
        {"IQ3_XXS", IQ3_XXS, 256, 98}, {"IQ3_S", IQ3_S, 256, 110}, {"IQ1_S", IQ1_S, 256, 50}, {"IQ1_M", IQ1_M, 256, 56},
        {"IQ4_NL", IQ4_NL, 64, 36}, {"IQ4_XS", IQ4_XS, 512, 272},
        {"TQ1_0", TQ1_0, 256, 54}, {"TQ2_0", TQ2_0, 256, 66}, {"MXFP4", MXFP4, 64, 34}, {"NVFP4", NVFP4, 128, 72},
    };
    for (const auto &row : rows)
        QTest::newRow(row.name) << row.type << row.elements << row.bytes;
}

void TestGgufReader::tensorBytesPerType()
{
    QFETCH(std::uint32_t, type);
    QFETCH(std::uint64_t, elements);
    QFETCH(std::uint64_t, bytes);
    GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
    writer.addTensor(QStringLiteral("t"), {elements}, type);
    QBuffer buffer;
    buffer.setData(writer.file());
    buffer.open(QIODevice::ReadOnly);
    const auto header = gguf::readGgufHeader(buffer);
    QVERIFY(std::holds_alternative<gguf::GgufHeader>(header));
    QCOMPARE(std::get<gguf::GgufHeader>(header).totalTensorBytes, bytes);
    QCOMPARE(std::get<gguf::GgufHeader>(header).totalElements, elements);
    QCOMPARE(QLatin1String(std::get<gguf::GgufHeader>(header).tensors.first().type.name), QLatin1String(QTest::currentDataTag()));
}

void TestGgufReader::denseFileReadsBackExactly()
{
    const GgufTestWriter writer = tinyLlama();
    QBuffer buffer;
    buffer.setData(writer.file());
    buffer.open(QIODevice::ReadOnly);
    const auto parsed = gguf::readGgufHeader(buffer);
    QVERIFY(std::holds_alternative<gguf::GgufHeader>(parsed));
    const gguf::GgufHeader &header = std::get<gguf::GgufHeader>(parsed);
    QCOMPARE(header.version, 3u);
    QCOMPARE(header.metadata.size(), 10);
    QCOMPARE(header.tensors.size(), 5);
    QCOMPARE(header.value(QStringLiteral("tokenizer.ggml.tokens"))->arrayLength, 4u);
    QCOMPARE(header.value(QStringLiteral("llama.rope.freq_base"))->floatValue, 500000.0);
    QCOMPARE(header.dataOffset, std::uint64_t(writer.header().size()));
    // 256x2 + 256x4 + 256x4 + 256 + 256x2 elements; Q4_K 144 bytes per 256, Q6_K 210, Q8_0 34 per 32, F32 4.
    constexpr std::uint64_t elements = 512 + 1024 + 1024 + 256 + 512;
    constexpr std::uint64_t bytes = 2 * 144 + 4 * 144 + 4 * 210 + 256 * 4 + 16 * 34;
    QCOMPARE(header.totalElements, elements);
    QCOMPARE(header.totalTensorBytes, bytes);

    const ImportedModel model = imported(writer);
    QCOMPARE(model.architecture, QStringLiteral("llama"));
    QCOMPARE(model.model.name, QStringLiteral("Tiny Llama 3"));
    QCOMPARE(model.model.id, QStringLiteral("tiny-llama-3"));
    QCOMPARE(model.model.paramsB, elements / 1e9);
    QCOMPARE(model.model.activeParamsB, elements / 1e9);
    QCOMPARE((QList<int>{model.model.layers, model.model.hidden, model.model.attentionHeads, model.model.kvHeads, model.model.headDim}),
             (QList<int>{2, 256, 4, 2, 64}));
    QCOMPARE(model.model.maxContext, 4096);
    QCOMPARE(toString(model.model.attention), toString(AttentionKind::Full));
    QVERIFY(model.quant.has_value());
    QCOMPARE(model.quant->name, QStringLiteral("Q4_K_M"));
    QCOMPARE(model.quant->bitsPerWeight, bytes * 8.0 / elements);
    QCOMPARE(*model.fileSizeGB, bytes / 1e9);
    QCOMPARE(model.model.source, QStringLiteral("model.gguf"));
}

void TestGgufReader::moeFileCountsActiveExperts()
{
    const ImportedModel model = imported(moeMxfp4());
    constexpr double elements = 512 + 2048 + 8192 + 8192;
    constexpr double expertElements = 8192 + 8192;
    QCOMPARE(model.model.paramsB, elements / 1e9);
    // 2 of 4 experts unused per token.
    QCOMPARE(model.model.activeParamsB, (elements - expertElements / 2) / 1e9);
    QCOMPARE(model.model.experts, 4);
    QCOMPARE(model.model.expertsPerToken, 2);
    // No general.file_type: the type with the most bytes (MXFP4, 2 x 256 blocks x 17 bytes).
    QCOMPARE(model.quant->name, QStringLiteral("MXFP4"));
    constexpr double bytes = 512 * 2 + 2048 * 2 + 2 * 256 * 17;
    QCOMPARE(*model.fileSizeGB, bytes / 1e9);
    QCOMPARE(model.quant->bitsPerWeight, bytes * 8 / elements);
    // llama.cpp's gpt-oss pattern: sliding and full layers alternate.
    QCOMPARE(toString(model.model.attention), toString(AttentionKind::SlidingWindow));
    QCOMPARE(model.model.slidingWindow, 128);
    QCOMPARE(model.model.slidingLayers, 1);
    QCOMPARE(model.model.headDim, 64);
    QCOMPARE(model.model.name, QStringLiteral("model"));
}

void TestGgufReader::mlaFileGivesLatent()
{
    const ImportedModel model = imported(deepseekMla());
    QCOMPARE(toString(model.model.attention), toString(AttentionKind::Mla));
    QCOMPARE(model.model.mlaLatentDim, 576);
    QCOMPARE(model.model.headDim, 128);
    QCOMPARE(model.model.kvHeads, 128);
    QCOMPARE(model.model.layers, 61);
    QCOMPARE(model.model.source, QStringLiteral("https://huggingface.co/deepseek-ai/DeepSeek-V3"));
    QCOMPARE(model.quant->name, QStringLiteral("Q8_0"));
    QCOMPARE(model.quant->bitsPerWeight, 34.0 * 8 / 32);
}

void TestGgufReader::fileTypeNames_data()
{
    QTest::addColumn<std::uint32_t>("fileType");
    QTest::addColumn<QString>("name");
    QTest::newRow("0") << 0u << "F32";
    QTest::newRow("1") << 1u << "F16";
    QTest::newRow("7") << 7u << "Q8_0";
    QTest::newRow("15") << 15u << "Q4_K_M";
    QTest::newRow("17") << 17u << "Q5_K_M";
    QTest::newRow("18") << 18u << "Q6_K";
    QTest::newRow("27") << 27u << "IQ3_M";
    QTest::newRow("30") << 30u << "IQ4_XS";
    QTest::newRow("32") << 32u << "BF16";
    QTest::newRow("38") << 38u << "MXFP4_MOE";
    QTest::newRow("retired 4") << 4u << QString();
    QTest::newRow("guessed") << 1024u << QString();
}

void TestGgufReader::fileTypeNames()
{
    QFETCH(std::uint32_t, fileType);
    QFETCH(QString, name);
    QCOMPARE(gguf::fileTypeName(fileType).value_or(QString()), name);
}

void TestGgufReader::corruptHeaders_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    const QByteArray valid = tinyLlama().file();
    QTest::newRow("empty") << QByteArray() << "model.gguf: at byte 0: truncated: magic needs 4 bytes, 0 left in the file";
    QTest::newRow("wrong magic") << QByteArray(valid).replace(0, 4, "GGUG") << "model.gguf: at byte 0: not a GGUF file (magic is not \"GGUF\")";
    QTest::newRow("version 1") << replaced(valid, GgufTestWriter::kVersionOffset, 1).remove(8, 4)
                               << "model.gguf: at byte 4: GGUF version 1 is not supported (versions 2 and 3 are)";
    GgufTestWriter v4 = tinyLlama();
    v4.version = 4;
    QTest::newRow("version 4") << v4.file() << "model.gguf: at byte 4: GGUF version 4 is not supported (versions 2 and 3 are)";
    GgufTestWriter v2 = tinyLlama();
    v2.version = 2;
    QTest::newRow("version 2 reads") << v2.file() << QString();
    QTest::newRow("2^60 tensors") << replaced(valid, GgufTestWriter::kTensorCountOffset, 1ull << 60)
                                  << QStringLiteral("model.gguf: at byte 8: tensor count 1152921504606846976 cannot fit in the %1 bytes left in the file").arg(valid.size() - 24);
    QTest::newRow("2^60 keys") << replaced(valid, GgufTestWriter::kMetadataCountOffset, 1ull << 60)
                               << QStringLiteral("model.gguf: at byte 16: metadata count 1152921504606846976 cannot fit in the %1 bytes left in the file").arg(valid.size() - 24);
    QTest::newRow("huge key length") << replaced(valid, GgufTestWriter::kFirstKeyOffset, 1ull << 62)
                                     << "model.gguf: at byte 24: key length 4611686018427387904 exceeds the limit of 65535 bytes";
    const QByteArray headerOnly = tinyLlama().header();
    QTest::newRow("key longer than file") << replaced(headerOnly, GgufTestWriter::kFirstKeyOffset, 60000)
                                          << QStringLiteral("model.gguf: at byte 24: key length 60000 is longer than the %1 bytes left in the file").arg(headerOnly.size() - 32);
    // general.architecture's value length sits after its key (8 + 20 bytes) and type (4).
    constexpr qsizetype valueLengthAt = 24 + 8 + 20 + 4;
    QTest::newRow("string longer than file") << replaced(valid, valueLengthAt, 1ull << 40)
                                             << QStringLiteral("model.gguf: at byte %1: string value length 1099511627776 exceeds the limit of 67108864 bytes").arg(valueLengthAt);
    QTest::newRow("unknown value type") << replaced(valid, valueLengthAt - 4, 13).remove(valueLengthAt + 4, 4)
                                        << QStringLiteral("model.gguf: at byte %1: metadata \"general.architecture\" has unknown value type 13").arg(valueLengthAt - 4);

    auto withRawTensor = [](const QByteArray &raw) {
        GgufTestWriter writer;
        writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
        writer.addRawTensor(raw);
        return writer.file();
    };
    // Header: 24 + key (8 + 20) + type 4 + value (8 + 5) = 69; the tensor's name (8 + 1), dimension count (4).
    constexpr qsizetype tensorAt = 69;
    QTest::newRow("unknown tensor type") << withRawTensor(rawTensor("w", {32}, 99))
                                         << QStringLiteral("model.gguf: at byte %1: tensor \"w\" has unknown type 99").arg(tensorAt + 9 + 4 + 8);
    QTest::newRow("retired tensor type") << withRawTensor(rawTensor("w", {32}, 31))
                                         << QStringLiteral("model.gguf: at byte %1: tensor \"w\" has unknown type 31").arg(tensorAt + 9 + 4 + 8);
    QTest::newRow("overflowing dims") << withRawTensor(rawTensor("w", {1ull << 40, 1ull << 40}, F32))
                                      << QStringLiteral("model.gguf: at byte %1: tensor \"w\" dimensions overflow 63 bits").arg(tensorAt + 9 + 4 + 8);
    QTest::newRow("5 dimensions") << withRawTensor(rawTensor("w", {1, 1, 1, 1, 1}, F32))
                                  << QStringLiteral("model.gguf: at byte %1: tensor \"w\" has 5 dimensions (1 to 4 allowed)").arg(tensorAt + 9);
    QTest::newRow("row not whole blocks") << withRawTensor(rawTensor("w", {100}, Q4_K))
                                          << QStringLiteral("model.gguf: at byte %1: tensor \"w\" row of 100 is not a multiple of the Q4_K block size 256").arg(tensorAt + 9 + 4 + 8);
    QTest::newRow("long tensor name") << withRawTensor(rawTensor(QByteArray(65, 'n'), {32}, F32))
                                      << QStringLiteral("model.gguf: at byte %1: tensor name length 65 exceeds the limit of 64 bytes").arg(tensorAt);
    QTest::newRow("data missing") << headerOnly
                                  << QStringLiteral("model.gguf: at byte %1: tensor \"token_embd.weight\" data (288 bytes at data offset 0) extends "
                                                    "past the end of the file (%1 bytes): truncated download?").arg(headerOnly.size());
    {
        // ggml refuses a file whose tensors share a name; so does the reader, at the repeated tensor.
        GgufTestWriter writer;
        writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
        writer.addRawTensor(rawTensor("w", {32}, F32));
        writer.addRawTensor(rawTensor("w", {32}, F32));
        QTest::newRow("repeated tensor name") << writer.file()
                                              << QStringLiteral("model.gguf: at byte %1: tensor name \"w\" repeats (ggml refuses such files)")
                                                     .arg(tensorAt + rawTensor("w", {32}, F32).size());
    }
    {
        // The alignment's problem is reported where its value is, not at byte 0: after the architecture
        // entry (69 bytes), the key "general.alignment" (8 + 17); its type sits there.
        GgufTestWriter writer;
        writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
        writer.addUInt32(QStringLiteral("general.alignment"), 3);
        QTest::newRow("alignment not a power of two") << writer.file()
                                                      << QStringLiteral("model.gguf: at byte %1: general.alignment must be a power of two, got 3")
                                                             .arg(tensorAt + 8 + 17);
    }
    QByteArray overlapping;
    {
        GgufTestWriter writer;
        writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
        writer.addRawTensor(rawTensor("a", {64}, F32));
        writer.addRawTensor(rawTensor("b", {64}, F32)); // also at data offset 0
        overlapping = writer.header() + QByteArray(512, '\0');
    }
    QTest::newRow("overlapping tensors") << overlapping
                                         << "model.gguf: at byte 135: tensor \"b\" data offset 0, expected 256 (tensors must follow each other)";
    GgufTestWriter nested;
    QByteArray entry;
    GgufTestWriter::putString(entry, "x");
    GgufTestWriter::put(entry, std::uint32_t(GgufTestWriter::Array));
    GgufTestWriter::put(entry, std::uint32_t(GgufTestWriter::Array));
    GgufTestWriter::put(entry, std::uint64_t(1));
    nested.addRawEntry(entry);
    QTest::newRow("nested array") << nested.file() << "model.gguf: at byte 37: nested arrays are not supported";
    GgufTestWriter noArchitecture;
    noArchitecture.addUInt32(QStringLiteral("llama.block_count"), 2);
    QTest::newRow("no architecture") << noArchitecture.file() << "model.gguf: general.architecture: missing; not a model file?";
    GgufTestWriter missing;
    missing.addString(QStringLiteral("general.architecture"), QStringLiteral("newarch"));
    missing.addUInt32(QStringLiteral("newarch.block_count"), 2);
    QTest::newRow("missing fields") << missing.file()
                                    << "model.gguf: newarch.embedding_length, newarch.attention.head_count: missing (architecture newarch); fill it in by hand";
    GgufTestWriter split = tinyLlama();
    split.addUInt32(QStringLiteral("split.count"), 3);
    QTest::newRow("split part") << split.file()
                                << "model.gguf: split.count: this file is one part of 3 of a split GGUF; merge the parts (llama-gguf-split --merge) and import the whole";
}

void TestGgufReader::corruptHeaders()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const ImportResult result = importBytes(bytes);
    if (expected.isEmpty()) {
        QVERIFY(std::holds_alternative<ImportedModel>(result));
        return;
    }
    QCOMPARE(failure(bytes), expected);
}

void TestGgufReader::everyTruncationIsDiagnosed()
{
    // Every size through the header, then every 97th byte of the tensor data.
    const QByteArray file = tinyLlama().file();
    const qsizetype headerSize = tinyLlama().header().size();
    constexpr qsizetype dataStep = 97;
    for (qsizetype size = 0; size < file.size(); size += size < headerSize ? 1 : dataStep) {
        const ImportResult result = importBytes(file.left(size));
        const auto *diagnostic = std::get_if<Diagnostic>(&result);
        QVERIFY2(diagnostic, qPrintable(QStringLiteral("truncated at %1 imported").arg(size)));
        QVERIFY(diagnostic->entry.startsWith(QStringLiteral("at byte ")));
        QVERIFY(diagnostic->entry.mid(8).toLongLong() <= size);
        QVERIFY(!diagnostic->toString().contains(QLatin1Char('\n')));
    }
}

void TestGgufReader::jsonOutput()
{
    const QByteArray json = importedModelJson(imported(tinyLlama()));
    QVERIFY(json.contains("\"id\": \"tiny-llama-3\""));
    QVERIFY(json.contains("\"quant\": {\n    \"name\": \"Q4_K_M\",\n    \"bits_per_weight\": 7.865,\n    \"file_size_gb\": 0.0"));
    // Under a billion parameters the count keeps three significant digits: never rounded to 0.
    QVERIFY(!json.contains("\"params_b\": 0.0,"));
    const double paramsB = QJsonDocument::fromJson(json).object().value(QStringLiteral("model")).toObject()
                               .value(QStringLiteral("params_b")).toDouble();
    const double exact = imported(tinyLlama()).model.paramsB;
    QVERIFY2(std::abs(paramsB - exact) <= exact * 0.005, qPrintable(QStringLiteral("%1 vs %2").arg(paramsB).arg(exact)));
}

// The committed seeds of tests/fuzz/seeds/gguf are exactly what the writer makes; set
// HEADROOM_WRITE_FUZZ_SEEDS=1 to rewrite them after changing a builder.
void TestGgufReader::seedsMatchTheWriter()
{
    const QString directory = QStringLiteral(HEADROOM_TEST_DATA "/../fuzz/seeds/gguf/");
    const bool rewrite = qEnvironmentVariableIsSet("HEADROOM_WRITE_FUZZ_SEEDS");
    for (const Seed &seed : kSeeds) {
        const QByteArray bytes = seed.make().file();
        QFile file(directory + QLatin1String(seed.fileName));
        if (rewrite) {
            QVERIFY(QDir().mkpath(directory));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(bytes), bytes.size());
            file.close();
        }
        QVERIFY2(file.open(QIODevice::ReadOnly), seed.fileName);
        QVERIFY2(file.readAll() == bytes, seed.fileName);
    }
}

// A header describing ~400 GB of tensors (the file made sparse with resize): imports from the header
// alone. The time is reported, not asserted.
void TestGgufReader::largeFileHeaderImports()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
    writer.addString(QStringLiteral("general.name"), QStringLiteral("Huge"));
    writer.addUInt32(QStringLiteral("llama.block_count"), 400);
    writer.addUInt32(QStringLiteral("llama.embedding_length"), 16384);
    writer.addUInt32(QStringLiteral("llama.attention.head_count"), 128);
    constexpr int vocabulary = 150'000; // a real tokenizer's size: the header's bulk
    QList<QByteArray> tokens;
    tokens.reserve(vocabulary);
    for (int i = 0; i < vocabulary; ++i)
        tokens.append("token" + QByteArray::number(i));
    writer.addStringArray(QStringLiteral("tokenizer.ggml.tokens"), tokens);
    constexpr int tensors = 400;
    constexpr std::uint64_t rows = 108'544; // 16384 x 108544 Q4_K elements: 1.0004 GB per tensor
    for (int i = 0; i < tensors; ++i)
        writer.addTensor(QStringLiteral("blk.%1.ffn.weight").arg(i), {16384, rows}, Q4_K);
    QFile file(directory.filePath(QStringLiteral("huge.gguf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QByteArray header = writer.header();
    QCOMPARE(file.write(header), header.size());
    QVERIFY(file.resize(qint64(header.size()) + qint64(writer.dataBytes())));
    file.close();

    QElapsedTimer timer;
    timer.start();
    const ImportResult result = importModelFile(file.fileName());
    const qint64 elapsedUs = timer.nsecsElapsed() / 1000;
    QVERIFY2(std::holds_alternative<ImportedModel>(result), qPrintable(std::get_if<Diagnostic>(&result) ? std::get<Diagnostic>(result).toString() : QString()));
    const ImportedModel &model = std::get<ImportedModel>(result);
    const double expectedBytes = double(tensors) * 16384.0 * rows / 256 * 144;
    QCOMPARE(*model.fileSizeGB, expectedBytes / 1e9);
    QCOMPARE(model.quant->name, QStringLiteral("Q4_K"));
    QCOMPARE(model.quant->bitsPerWeight, 4.5);
    qInfo("imported a %.1f GB GGUF (header %lld bytes, %d tokens, %d tensors) in %.3f ms", double(file.size()) / 1e9,
          qlonglong(header.size()), vocabulary, tensors, elapsedUs / 1000.0);
}

QTEST_GUILESS_MAIN(TestGgufReader)
#include "tst_gguf_reader.moc"
