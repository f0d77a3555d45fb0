// The real `headroom` binary against hostile and unlucky inputs: a full disk, devices and FIFOs as inputs
// and outputs, endless inputs, values the catalog refuses, terminal escapes in messages. Nothing may be
// lost, nothing may hang, and every refusal names the file or field.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "../support/HeadroomProcess.h"

#include <sys/stat.h>
#include <unistd.h>

using namespace headroom::test;

namespace {

const QByteArray OneQuery = R"({"queries":[{"hardware":"m3-ultra","model":"llama-3.3-70b","quant":"Q4_K_M"}]})";

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

mode_t modeOf(const QString &path)
{
    struct stat status {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode : 0;
}

QJsonObject firstResult(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).object().value(QStringLiteral("results")).toArray().first().toObject();
}

} // namespace

class TestHostileInputs final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("HEADROOM_BINARY")));
        QVERIFY(m_dir.isValid());
        m_fifo = m_dir.filePath(QStringLiteral("fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(m_fifo).constData(), 0600) == 0);
        m_query = m_dir.filePath(QStringLiteral("q.json"));
        QVERIFY(writeFile(m_query, OneQuery));
        // The shipped CSV's first rows: every failure path of `validate` without its full cross-validation.
        QFile shipped(QStringLiteral(HEADROOM_SOURCE_DIR "/resources/measured.csv"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        m_measuredHead = shipped.readAll().split('\n').mid(0, 40);
        QCOMPARE(m_measuredHead.size(), 40);
        m_measured = m_dir.filePath(QStringLiteral("measured.csv"));
        QVERIFY(writeFile(m_measured, m_measuredHead.join('\n')));
    }

    // Issue reproduction 1: the old result survives a save on a full disk, and the command fails.
    void fullDiskKeepsTheOldOutput()
    {
        const QString output = m_dir.filePath(QStringLiteral("r.json"));
        QVERIFY(writeFile(output, "previous result"));
        Setup setup;
        setup.fileSizeLimit = 64;
        const Run result = run({QStringLiteral("estimate"), QStringLiteral("--input"), m_query, QStringLiteral("--output"), output},
                               setup);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("r.json: cannot write: File too large"), result.err.constData());
        QCOMPARE(fileBytes(output), QByteArray("previous result"));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral(".r.json*")}, QDir::Files | QDir::Hidden).isEmpty());
    }

    void standardOutputOnAFullDeviceFails_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("estimate") << QStringList{QStringLiteral("estimate"), QStringLiteral("--input"), m_query};
        QTest::newRow("table") << QStringList{QStringLiteral("table")};
        QTest::newRow("validate") << QStringList{QStringLiteral("validate"), QStringLiteral("--data"), m_measured};
    }

    void standardOutputOnAFullDeviceFails()
    {
        QFETCH(QStringList, arguments);
        Setup setup;
        setup.standardOutputFile = QStringLiteral("/dev/full");
        const Run result = run(arguments, setup);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("No space left on device"), result.err.constData());
    }

    void outputsThatAreNotRegularFilesAreNotReplaced()
    {
        const Run toNull = run({QStringLiteral("estimate"), QStringLiteral("--input"), m_query, QStringLiteral("--output"),
                                QStringLiteral("/dev/null")});
        QCOMPARE(toNull.exitCode, 0);
        QVERIFY(S_ISCHR(modeOf(QStringLiteral("/dev/null"))));

        const Run toFifo = run({QStringLiteral("estimate"), QStringLiteral("--input"), m_query, QStringLiteral("--output"), m_fifo});
        QCOMPARE(toFifo.exitCode, 2);
        QVERIFY2(toFifo.err.contains("FIFO"), toFifo.err.constData());
        QVERIFY(S_ISFIFO(modeOf(m_fifo)));

        const Run toStdout = run({QStringLiteral("estimate"), QStringLiteral("--input"), m_query, QStringLiteral("--output"),
                                  QStringLiteral("/dev/stdout")});
        QCOMPARE(toStdout.exitCode, 0);
        QVERIFY(toStdout.out.contains("\"results\""));
    }

    void specialInputsAreRefusedAtOnce_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        const QByteArray fifo = "is a FIFO (named pipe), not a regular file";
        const QByteArray device = "is a character device, not a regular file";
        QTest::newRow("estimate FIFO") << QStringList{QStringLiteral("estimate"), QStringLiteral("--input"), m_fifo} << fifo;
        QTest::newRow("advise FIFO") << QStringList{QStringLiteral("advise"), QStringLiteral("--input"), m_fifo} << fifo;
        QTest::newRow("estimate /dev/zero") << QStringList{QStringLiteral("estimate"), QStringLiteral("--input"), QStringLiteral("/dev/zero")} << device;
        QTest::newRow("--catalog FIFO") << QStringList{QStringLiteral("estimate"), QStringLiteral("--input"), m_query,
                                                       QStringLiteral("--catalog"), m_fifo} << fifo;
        QTest::newRow("--catalog /dev/urandom") << QStringList{QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("rtx-5090"),
                                                               QStringLiteral("--catalog"), QStringLiteral("/dev/urandom")} << device;
        QTest::newRow("import-model FIFO") << QStringList{QStringLiteral("import-model"), m_fifo} << fifo;
        QTest::newRow("import-model /dev/zero") << QStringList{QStringLiteral("import-model"), QStringLiteral("/dev/zero")} << device;
        QTest::newRow("validate FIFO") << QStringList{QStringLiteral("validate"), QStringLiteral("--data"), m_fifo} << fifo;
        QTest::newRow("demo FIFO") << QStringList{QStringLiteral("demo"), QStringLiteral("--tour"), m_fifo, QStringLiteral("--output"),
                                                  m_dir.filePath(QStringLiteral("deck.pdf"))} << fifo;
        QTest::newRow("export FIFO") << QStringList{QStringLiteral("export"), QStringLiteral("--scenario"), m_fifo, QStringLiteral("--chart"),
                                                    QStringLiteral("speed"), QStringLiteral("--output"), m_dir.filePath(QStringLiteral("x.png"))} << fifo;
    }

    void specialInputsAreRefusedAtOnce()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void endlessStandardInputStopsAtTheLimit()
    {
        Setup setup;
        setup.standardInputFile = QStringLiteral("/dev/zero");
        const Run result = run({QStringLiteral("estimate"), QStringLiteral("--input"), QStringLiteral("-")}, setup);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("standard input: is larger than the 67108864-byte limit"), result.err.constData());
    }

    void demoCreatesNoTreeOfFolders()
    {
        const QString output = m_dir.filePath(QStringLiteral("no/such/folder/"));
        const Run result = run({QStringLiteral("demo"), QStringLiteral("--tour"), QStringLiteral("article"), QStringLiteral("--output"), output});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("does not exist"), result.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no"))));
    }

    void cardCountsAboveTheDevicesMaximumAreRefused_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("error");
        QTest::newRow("eight M3 Ultras") << QByteArray(R"({"hardware":"m3-ultra","count":8,"model":"deepseek-r1-671b","quant":"Q4_K_M"})")
                                         << QByteArray("count: 8 exceeds the max_count (1) of \"m3-ultra\"");
        QTest::newRow("64 B200 by seed") << QByteArray(R"({"hardware":"b200-sxm","count":64,"model":"llama-3.3-70b","method":"seed"})")
                                         << QByteArray("count: 64 exceeds the max_count (8) of \"b200-sxm\"");
    }

    void cardCountsAboveTheDevicesMaximumAreRefused()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, error);
        Setup setup;
        setup.input = "{\"queries\":[" + query + "]}";
        const Run result = run({QStringLiteral("estimate")}, setup);
        QCOMPARE(result.exitCode, 2);
        const QString reported = firstResult(result.out).value(QStringLiteral("error")).toString();
        QVERIFY2(reported.contains(QString::fromUtf8(error)), qPrintable(reported));
    }

    void tinyValuesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("bandwidth") << QByteArray(R"({"hardware":{"id":"x","name":"X","vendor":"Acme","kind":"discrete","memory_options_gb":[24],"bandwidth_gbs":1e-300,"fp16_tflops":50},"model":"llama-3.1-8b"})")
                                   << QByteArray("bandwidth_gbs");
        QTest::newRow("params") << QByteArray(R"({"hardware":"rtx-5090","model":{"id":"m","name":"M","params_b":1e-300}})")
                                << QByteArray("params_b");
    }

    void tinyValuesAreRefused()
    {
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, field);
        Setup setup;
        setup.input = "{\"queries\":[" + query + "]}";
        const Run result = run({QStringLiteral("estimate")}, setup);
        QCOMPARE(result.exitCode, 2);
        const QString reported = firstResult(result.out).value(QStringLiteral("error")).toString();
        QVERIFY2(reported.contains(QString::fromUtf8(field)), qPrintable(reported));
    }

    void adviseRefusesAbsurdCostAssumptions()
    {
        Setup setup;
        setup.input = R"({"model":"llama-3.1-8b","utilization":1e-300})";
        const Run result = run({QStringLiteral("advise")}, setup);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("utilization: must be a number from 0.001 to 1"), result.err.constData());
    }

    void messagesCarryNoTerminalControls()
    {
        Setup setup;
        setup.input = "{\"model\":\"llama-3.3-70b\",\"rank_by\":\"x\\u001b]0;pwned\\u0007\\ny\"}";
        const Run result = run({QStringLiteral("advise")}, setup);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!result.err.contains('\x1b'));
        QVERIFY(!result.err.contains('\x07'));
        QCOMPARE(result.err.count('\n'), 1);
    }

    void adviseLeavesUnknownCostsUnknown()
    {
        Setup setup;
        setup.input = R"({"model":"llama-3.1-8b","platforms":["apple"],"limit":50})";
        const Run result = run({QStringLiteral("advise")}, setup);
        QCOMPARE(result.exitCode, 0);
        const QJsonArray shortlist = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("shortlist")).toArray();
        QVERIFY(!shortlist.isEmpty());
        for (const QJsonValue &value : shortlist) {
            const QJsonObject entry = value.toObject();
            const bool known = !entry.value(QStringLiteral("price_usd")).isNull() && !entry.value(QStringLiteral("power_w")).isNull();
            QCOMPARE(entry.value(QStringLiteral("usd_per_million_tokens")).isNull(), !known);
            QCOMPARE(entry.value(QStringLiteral("cost_unknown_because")).isNull(), known);
        }
    }

    // Overriding one field of a built-in device keeps all its others (max_count, price, power).
    void aUserCatalogOverridesFieldByField()
    {
        const QString catalog = m_dir.filePath(QStringLiteral("override.json"));
        const QByteArray overlay = R"json({"devices":[{"id":"rtx-5090","name":"RTX 5090 (my clock)","vendor":"NVIDIA",
            "memory_options_gb":[32],"bandwidth_gbs":1900,"fp16_tflops":210}]})json";
        QVERIFY(writeFile(catalog, overlay));
        Setup setup;
        setup.input = R"({"queries":[{"hardware":"rtx-5090","count":2,"model":"llama-3.3-70b","quant":"Q4_K_M"}]})";
        const Run result = run({QStringLiteral("estimate"), QStringLiteral("--catalog"), catalog}, setup);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY(!firstResult(result.out).contains(QStringLiteral("error")));
    }

    void importRefusesWhatTheCatalogWouldRefuse()
    {
        const QString config = m_dir.filePath(QStringLiteral("config.json"));
        const QByteArray refused = R"({"model_type":"llama","num_hidden_layers":2,"hidden_size":64,"num_attention_heads":4,
            "num_key_value_heads":3,"intermediate_size":128,"vocab_size":1000})";
        QVERIFY(writeFile(config, refused));
        const Run result = run({QStringLiteral("import-model"), config});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("config.json"), result.err.constData());
    }

    // Small files may not ask for unbounded work: each count has a documented limit (FileLimits.h).
    void countsAndLengthsHaveLimits_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("message");
        QByteArray manyQueries = "{\"queries\":[{}";
        for (int i = 0; i < 100'000; ++i)
            manyQueries += ",{}";
        manyQueries += "]}";
        QTest::newRow("queries per batch") << QStringList{QStringLiteral("estimate")} << manyQueries
                                           << QByteArray("holds 100001 queries; at most 100000");
        const QByteArray longName = QByteArray(300, 'x');
        QTest::newRow("device name") << QStringList{QStringLiteral("estimate")}
                                     << QByteArray(R"({"queries":[{"hardware":{"id":"x","name":")" + longName
                                                   + R"(","vendor":"Acme","kind":"discrete","memory_options_gb":[24],"bandwidth_gbs":900,"fp16_tflops":50},"model":"llama-3.1-8b"}]})")
                                     << QByteArray("name: is 300 characters long; at most 200");
        QByteArray options = "[1";
        for (int i = 2; i <= 40; ++i)
            options += ',' + QByteArray::number(i);
        options += ']';
        QTest::newRow("memory options") << QStringList{QStringLiteral("estimate")}
                                        << QByteArray(R"({"queries":[{"hardware":{"id":"x","name":"X","vendor":"Acme","kind":"discrete","memory_options_gb":)"
                                                      + options + R"(,"bandwidth_gbs":900,"fp16_tflops":50},"model":"llama-3.1-8b"}]})")
                                        << QByteArray("lists 40 options; at most 32");
    }

    void countsAndLengthsHaveLimits()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, message);
        Setup setup;
        setup.input = input;
        const Run result = run(arguments, setup);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message) || result.out.contains(message), result.err.constData());
    }

    void aScenarioComparesAtMost256Configurations()
    {
        QJsonArray configurations;
        for (int i = 0; i < 257; ++i)
            configurations.append(QJsonObject{{QStringLiteral("hardware"), QStringLiteral("rtx-5090")}});
        const QJsonObject scenario{{QStringLiteral("format"), QStringLiteral("headroom-scenario")},
                                   {QStringLiteral("version"), 1},
                                   {QStringLiteral("configurations"), configurations}};
        const QString path = m_dir.filePath(QStringLiteral("many.headroom.json"));
        QVERIFY(writeFile(path, QJsonDocument(scenario).toJson()));
        const Run result = run({QStringLiteral("export"), QStringLiteral("--scenario"), path, QStringLiteral("--chart"),
                                QStringLiteral("speed"), QStringLiteral("--output"), m_dir.filePath(QStringLiteral("many.png"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("holds 257 configurations; at most 256"), result.err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("many.png"))));
    }

    // validate scores the good rows of a user's CSV, names each refused one and exits 2.
    void validateScoresTheGoodRows()
    {
        QList<QByteArray> lines = m_measuredHead;
        QVERIFY(lines[3].contains(",tg,"));
        lines[3] = lines[3].replace(",tg,", ",tokens,");
        const QString path = m_dir.filePath(QStringLiteral("mine.csv"));
        QVERIFY(writeFile(path, "\xEF\xBB\xBF" + lines.join("\r\n")));
        const Run result = run({QStringLiteral("validate"), QStringLiteral("--data"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("mine.csv: line 4: column 18 (metric)"), result.err.constData());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.out.contains("Mean absolute percentage error"), result.out.constData());
    }

    // Headless commands say nothing on standard error when all goes well, even without XDG_RUNTIME_DIR.
    void headlessCommandsAreQuiet_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("export") << QStringList{QStringLiteral("export"), QStringLiteral("--chart"), QStringLiteral("speed"),
                                               QStringLiteral("--output"), m_dir.filePath(QStringLiteral("quiet.png"))};
        QTest::newRow("estimate") << QStringList{QStringLiteral("estimate"), QStringLiteral("--input"), m_query};
    }

    void headlessCommandsAreQuiet()
    {
        QFETCH(QStringList, arguments);
        Setup setup;
        setup.unsetVariables = {QStringLiteral("XDG_RUNTIME_DIR")};
        const Run result = run(arguments, setup);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.err, QByteArray());
    }

    // A model a scenario carries is held to the catalog's range, as every other path that builds one.
    void aScenarioModelOfNoSizeIsRefused()
    {
        const QJsonObject scenario{{QStringLiteral("format"), QStringLiteral("headroom-scenario")},
                                   {QStringLiteral("version"), 1},
                                   {QStringLiteral("model"), QJsonObject{{QStringLiteral("id"), QStringLiteral("tiny")},
                                                                         {QStringLiteral("name"), QStringLiteral("Tiny")},
                                                                         {QStringLiteral("params_b"), 1e-300}}}};
        const QString path = m_dir.filePath(QStringLiteral("tiny.headroom.json"));
        QVERIFY(writeFile(path, QJsonDocument(scenario).toJson()));
        const Run result = run({QStringLiteral("export"), QStringLiteral("--scenario"), path, QStringLiteral("--chart"),
                                QStringLiteral("speed"), QStringLiteral("--output"), m_dir.filePath(QStringLiteral("tiny.png"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("model.params_b: must be between 1e-05 and 100000"), result.err.constData());
    }

private:
    QTemporaryDir m_dir;
    QString m_fifo;
    QString m_query;
    QString m_measured;               // the shipped CSV's first rows
    QList<QByteArray> m_measuredHead; // its lines
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostile_inputs.moc"
