// The real `headroom` binary (HEADROOM_BINARY): exit codes, standard output and standard error (SPEC §5).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "../support/HeadroomProcess.h"

using namespace headroom::test;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/queries/") + name;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString binary = qEnvironmentVariable("HEADROOM_BINARY");
        QVERIFY2(!binary.isEmpty(), "HEADROOM_BINARY is not set");
        QVERIFY2(QFile::exists(binary), qPrintable(binary));
    }

    void version()
    {
        const Run result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QByteArray("headroom " HEADROOM_VERSION "\n"));
        QVERIFY(result.err.isEmpty());
    }

    void help()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith("Usage: headroom"));
        for (const char *command : {"estimate", "table", "export", "validate", "runs-on"})
            QVERIFY2(result.out.contains(command), command);
        QVERIFY(result.err.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QByteArray("unknown command 'frobnicate'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QByteArray("unknown option '--frobnicate'");
        QTest::newRow("estimate unknown option") << QStringList{QStringLiteral("estimate"), QStringLiteral("--fast")}
                                                 << QByteArray("unknown option '--fast'");
        QTest::newRow("table bad method") << QStringList{QStringLiteral("table"), QStringLiteral("--method"), QStringLiteral("x")}
                                          << QByteArray("--method: unknown value 'x'");
        QTest::newRow("export unknown chart")
            << QStringList{QStringLiteral("export"), QStringLiteral("--chart"), QStringLiteral("pie"), QStringLiteral("--output"),
                           QStringLiteral("p.png")}
            << QByteArray("--chart: unknown value 'pie'");
        QTest::newRow("runs-on unknown device") << QStringList{QStringLiteral("runs-on"), QStringLiteral("--hardware"),
                                                               QStringLiteral("rtx-9999")}
                                                << QByteArray("unknown device 'rtx-9999'");
        QTest::newRow("runs-on cluster of cards without a link")
            << QStringList{QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("rtx-5090"),
                           QStringLiteral("--nodes"), QStringLiteral("2")}
            << QByteArray("--link: rtx-5090 names no cluster link");
        QTest::newRow("runs-on unknown link")
            << QStringList{QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("m3-ultra"),
                           QStringLiteral("--nodes"), QStringLiteral("2"), QStringLiteral("--link"), QStringLiteral("smoke")}
            << QByteArray("--link: unknown link 'smoke'");
        QTest::newRow("runs-on link for one machine")
            << QStringList{QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("m3-ultra"),
                           QStringLiteral("--link"), QStringLiteral("10gbe")}
            << QByteArray("--link: joins the machines of a cluster");
        QTest::newRow("runs-on nodes zero")
            << QStringList{QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("m3-ultra"),
                           QStringLiteral("--nodes"), QStringLiteral("0")}
            << QByteArray("--nodes");
        QTest::newRow("broken user catalog")
            << QStringList{QStringLiteral("estimate"), QStringLiteral("--input"), dataPath(QStringLiteral("valid-batch.json")),
                           QStringLiteral("--catalog"), dataPath(QStringLiteral("broken-catalog.json"))}
            << QByteArray("bandwidth_gbs");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.contains(message), result.err.constData());
        QVERIFY(result.err.endsWith('\n'));
    }

    void windowWithoutDisplay()
    {
        const Run result = run({});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("no display"), result.err.constData());
    }

    void estimateFromStdin()
    {
        const Run result = run({QStringLiteral("estimate")}, fileBytes(dataPath(QStringLiteral("valid-batch.json"))));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray results = document.object().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 5);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("m3-ultra-70b"));
        QVERIFY(results.at(0).toObject().value(QStringLiteral("decode_tps_per_user")).toDouble() > 0);
    }

    void estimateWithInvalidQuery()
    {
        const Run result = run({QStringLiteral("estimate"), QStringLiteral("--input"), dataPath(QStringLiteral("mixed-batch.json"))});
        QCOMPARE(result.exitCode, 2);
        const QJsonArray results = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(1).toObject().value(QStringLiteral("error")).toString(),
                 QStringLiteral("hardware: unknown device 'rtx-9999'"));
        QVERIFY(results.at(2).toObject().value(QStringLiteral("decode_tps_per_user")).toDouble() > 0);
        QVERIFY(result.err.contains("1 query is invalid"));
    }

    void estimateNotJson_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("text") << QByteArray("not json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("deep") << QByteArray(100000, '[');
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\xfe{\"queries\"", 15);
        QTest::newRow("no queries") << QByteArray("{}");
    }

    void estimateNotJson()
    {
        QFETCH(QByteArray, input);
        const Run result = run({QStringLiteral("estimate")}, input);
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains("byte"), result.err.constData());
    }

    void tableSeedIsTheArticlesTable()
    {
        const Run result = run({QStringLiteral("table"), QStringLiteral("--method"), QStringLiteral("seed")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QString::fromUtf8(result.out), QString::fromUtf8(fileBytes(dataPath(QStringLiteral("article-table-seed.md")))));
        QVERIFY(result.err.isEmpty());
    }

    void tableFormats_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("start");
        QTest::newRow("default is seed markdown") << QStringList{QStringLiteral("table")} << QByteArray("| Model (Q4_K_M) | Size |");
        QTest::newRow("roofline csv") << QStringList{QStringLiteral("table"), QStringLiteral("--method"), QStringLiteral("roofline"),
                                                     QStringLiteral("--format"), QStringLiteral("csv")}
                                      << QByteArray("Model (Q4_K_M),Size GB,");
        QTest::newRow("json") << QStringList{QStringLiteral("table"), QStringLiteral("--format=json")} << QByteArray("{");
    }

    void tableFormats()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, start);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(start), result.out.left(200).constData());
    }

    void exportWithoutDisplay()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("speed.png"));
        const Run result = run({QStringLiteral("export"), QStringLiteral("--chart"), QStringLiteral("speed"),
                                QStringLiteral("--output"), png, QStringLiteral("--width"), QStringLiteral("640"),
                                QStringLiteral("--height"), QStringLiteral("360")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(fileBytes(png).startsWith("\x89PNG"));
    }

    void validateRuns()
    {
        const Run result = run({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(result.out).isNull());
    }

    void runsOn()
    {
        const Run result = run({QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("m4-max-40c"),
                                QStringLiteral("--context"), QStringLiteral("8192")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject document = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(document.value(QStringLiteral("hardware")).toString(), QStringLiteral("m4-max-40c"));
        QCOMPARE(document.value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(!document.value(QStringLiteral("models")).toArray().isEmpty());
        const Run markdown = run({QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("m4-max-40c"),
                                  QStringLiteral("--format"), QStringLiteral("markdown")});
        QCOMPARE(markdown.exitCode, 0);
        QVERIFY(markdown.out.contains("| Model | Quantization | Fit |"));
    }

    // Two 512 GB Mac Studios hold what one cannot: DeepSeek R1 at Q8_0 (about 713 GB).
    void runsOnCluster()
    {
        const auto fitOf = [](const QByteArray &json, const char *quant) {
            for (const QJsonValue &entry : QJsonDocument::fromJson(json).object().value(QStringLiteral("models")).toArray()) {
                const QJsonObject row = entry.toObject();
                if (row.value(QStringLiteral("model")).toString() == QLatin1String("deepseek-r1-671b")
                    && row.value(QStringLiteral("quant")).toString() == QLatin1String(quant))
                    return row.value(QStringLiteral("fit")).toString();
            }
            return QString();
        };
        const QStringList mac{QStringLiteral("runs-on"), QStringLiteral("--hardware"), QStringLiteral("m3-ultra"),
                              QStringLiteral("--memory-gb"), QStringLiteral("512")};
        const Run one = run(mac);
        const Run two = run(mac + QStringList{QStringLiteral("--nodes"), QStringLiteral("2")});
        QCOMPARE(two.exitCode, 0);
        const QJsonObject document = QJsonDocument::fromJson(two.out).object();
        QCOMPARE(document.value(QStringLiteral("nodes")).toInt(), 2);
        QCOMPARE(document.value(QStringLiteral("link")).toString(), QStringLiteral("tb5-rdma"));
        QCOMPARE(fitOf(one.out, "Q8_0"), QStringLiteral("does-not-fit"));
        QVERIFY(fitOf(two.out, "Q8_0") == QLatin1String("fits") || fitOf(two.out, "Q8_0") == QLatin1String("tight"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
