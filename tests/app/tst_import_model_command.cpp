// `headroom import-model FILE [--id ID] [--output FILE|-]` (SPEC §5), through the real binary
// (HEADROOM_BINARY): the model entry and quantization on standard output or in a file, exit 2 with one
// line naming the file and the offset or field on bad input.
#include "../model/GgufTestWriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using headroom::test::GgufTestWriter;

namespace {

constexpr int processTimeoutMs = 60'000;
constexpr std::uint32_t kQ4K = 12; // GGML_TYPE_Q4_K
constexpr std::uint32_t kF32 = 0;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runHeadroom(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("HEADROOM_BINARY"), arguments);
    if (!process.waitForStarted(processTimeoutMs) || !process.waitForFinished(processTimeoutMs)) {
        process.kill();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QString fixture(const char *folder)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/import/") + QLatin1String(folder) + QStringLiteral("/config.json");
}

QByteArray smallGguf()
{
    GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("qwen3"));
    writer.addString(QStringLiteral("general.name"), QStringLiteral("Qwen3 Tiny"));
    writer.addUInt32(QStringLiteral("general.file_type"), 15);
    writer.addUInt32(QStringLiteral("qwen3.block_count"), 1);
    writer.addUInt32(QStringLiteral("qwen3.embedding_length"), 256);
    writer.addUInt32(QStringLiteral("qwen3.attention.head_count"), 2);
    writer.addUInt32(QStringLiteral("qwen3.context_length"), 32768);
    writer.addTensor(QStringLiteral("blk.0.attn_q.weight"), {256, 256}, kQ4K);
    writer.addTensor(QStringLiteral("output_norm.weight"), {256}, kF32);
    return writer.file();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestImportModelCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void configJsonToStandardOutput();
    void idOverrideAndOutputFile();
    void ggufGivesQuantization();
    void badInputExitsTwo_data();
    void badInputExitsTwo();

private:
    QTemporaryDir m_directory;
};

void TestImportModelCommand::initTestCase()
{
    QVERIFY2(QFile::exists(qEnvironmentVariable("HEADROOM_BINARY")), "HEADROOM_BINARY must name the built headroom");
    QVERIFY(m_directory.isValid());
}

void TestImportModelCommand::configJsonToStandardOutput()
{
    const Run run = runHeadroom({QStringLiteral("import-model"), fixture("Qwen3-30B-A3B")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QJsonObject document = QJsonDocument::fromJson(run.out).object();
    const QJsonObject model = document.value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("id")).toString(), QStringLiteral("qwen3-30b-a3b"));
    QCOMPARE(model.value(QStringLiteral("params_b")).toDouble(), 30.53);
    QCOMPARE(model.value(QStringLiteral("active_params_b")).toDouble(), 3.35);
    QCOMPARE(model.value(QStringLiteral("experts")).toInt(), 128);
    QCOMPARE(model.value(QStringLiteral("attention")).toString(), QStringLiteral("full"));
    QVERIFY(document.value(QStringLiteral("quant")).isNull());
    QCOMPARE(document.value(QStringLiteral("provenance")).toObject().value(QStringLiteral("kv_heads")).toString(),
             QStringLiteral("config.json num_key_value_heads"));
}

void TestImportModelCommand::idOverrideAndOutputFile()
{
    const QString output = m_directory.filePath(QStringLiteral("gemma.json"));
    const Run run = runHeadroom({QStringLiteral("import-model"), fixture("gemma-3-27b-it"), QStringLiteral("--id"),
                              QStringLiteral("my-gemma"), QStringLiteral("--output"), output});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject model = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("model")).toObject();
    QCOMPARE(model.value(QStringLiteral("id")).toString(), QStringLiteral("my-gemma"));
    QCOMPARE(model.value(QStringLiteral("attention")).toString(), QStringLiteral("sliding"));
    QCOMPARE(model.value(QStringLiteral("sliding_window")).toInt(), 1024);
    QCOMPARE(model.value(QStringLiteral("sliding_layers")).toInt(), 52);
}

void TestImportModelCommand::ggufGivesQuantization()
{
    const QString path = m_directory.filePath(QStringLiteral("tiny.gguf"));
    QVERIFY(writeFile(path, smallGguf()));
    const Run run = runHeadroom({QStringLiteral("import-model"), path, QStringLiteral("--output"), QStringLiteral("-")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(document.value(QStringLiteral("model")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("qwen3-tiny"));
    const QJsonObject quant = document.value(QStringLiteral("quant")).toObject();
    QCOMPARE(quant.value(QStringLiteral("name")).toString(), QStringLiteral("Q4_K_M"));
    // 256 Q4_K blocks of 144 bytes + 256 F32 values over 65,792 weights.
    QCOMPARE(quant.value(QStringLiteral("bits_per_weight")).toDouble(), 4.607);
    QCOMPARE(quant.value(QStringLiteral("file_size_gb")).toDouble(), 0.0);
}

void TestImportModelCommand::badInputExitsTwo_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // after "headroom import-model: PATH: "
    QByteArray wrongVersion = smallGguf();
    wrongVersion[4] = 7;
    QTest::newRow("gguf version") << "v7.gguf" << wrongVersion << "at byte 4: GGUF version 7 is not supported (versions 2 and 3 are)";
    QTest::newRow("truncated gguf") << "cut.gguf" << smallGguf().left(30) << "at byte 8: tensor count 2 cannot fit in the 6 bytes left in the file";
    QTest::newRow("not json") << "config.json" << QByteArray("{\"model_type\": ")
                              << "not valid JSON (nor a GGUF file) at byte 16: line 1, column 16: syntax error while parsing "
                                 "value - unexpected end of input; expected '[', '{', or a literal";
    QTest::newRow("missing field") << "partial.json" << QByteArray(R"({"architectures": ["NewForCausalLM"], "hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 16})")
                                   << "vocab_size: missing (architecture NewForCausalLM); fill it in by hand";
}

void TestImportModelCommand::badInputExitsTwo()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = m_directory.filePath(name);
    QVERIFY(writeFile(path, bytes));
    const Run run = runHeadroom({QStringLiteral("import-model"), path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(QString::fromUtf8(run.err), QStringLiteral("headroom import-model: ") + path + QStringLiteral(": ") + expected + QLatin1Char('\n'));
}

QTEST_GUILESS_MAIN(TestImportModelCommand)
#include "tst_import_model_command.moc"
