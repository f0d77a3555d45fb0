// `headroom advise`: in-process (adviseRequest) and through the real binary (HEADROOM_BINARY).
#include "commands/AdviseCommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace headroom;

namespace {

constexpr int processTimeoutMs = 30'000;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runBinary(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(qEnvironmentVariable("HEADROOM_BINARY"), arguments);
    Run result;
    if (!process.waitForStarted(processTimeoutMs))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(processTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace

class TestAdviseCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inProcess_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expected"); // in the output's reason, or in the error
        QTest::newRow("shortlist") << QByteArray(R"({"model":"llama-3.1-8b","min_decode_tps_per_user":50})") << 0
                                   << QStringLiteral("configurations meet every requirement");
        QTest::newRow("nothing qualifies is an answer")
            << QByteArray(R"({"model":"llama-3.1-405b","quant":"F16","budget_usd":500})") << 0
            << QStringLiteral("No configuration meets every requirement");
        QTest::newRow("bad rank_by") << QByteArray(R"({"model":"llama-3.1-8b","rank_by":"vibes"})") << 2
                                     << QStringLiteral("rank_by:");
    }

    void inProcess()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, exitCode);
        QFETCH(QString, expected);
        const AdviseRun run = adviseRequest(request, embeddedCatalog());
        QCOMPARE(run.exitCode(), exitCode);
        if (exitCode == 0) {
            const QJsonObject answer = QJsonDocument::fromJson(run.output).object();
            QVERIFY2(answer.value(QStringLiteral("reason")).toString().contains(expected),
                     qPrintable(answer.value(QStringLiteral("reason")).toString()));
            QVERIFY(answer.value(QStringLiteral("considered")).toInt() > 0);
        } else {
            QVERIFY2(run.error.contains(expected), qPrintable(run.error));
            QVERIFY(run.output.isEmpty());
        }
    }

    // Every quoted system that runs is in "quoted", with its quote and what became of it.
    void listsEveryQuote()
    {
        const QByteArray request = R"({"model":"llama-3.3-70b","quant":"Q4_K_M","concurrency":8,
            "min_decode_tps_per_user":10,"limit":1,
            "quotes_usd":{"mac-studio-m3-ultra-256":7000,"workstation-2x-rtx-pro-6000":21000}})";
        const AdviseRun run = adviseRequest(request, embeddedCatalog());
        QCOMPARE(run.exitCode(), 0);
        const QJsonObject answer = QJsonDocument::fromJson(run.output).object();
        QCOMPARE(answer.value(QStringLiteral("shortlist")).toArray().size(), 1);
        QMap<QString, QJsonObject> quoted;
        for (const QJsonValue &entry : answer.value(QStringLiteral("quoted")).toArray())
            quoted.insert(entry.toObject().value(QStringLiteral("system")).toString(), entry.toObject());
        QCOMPARE(quoted.keys(), (QStringList{QStringLiteral("mac-studio-m3-ultra-256"), QStringLiteral("workstation-2x-rtx-pro-6000")}));
        const QJsonObject mac = quoted.value(QStringLiteral("mac-studio-m3-ultra-256"));
        QCOMPARE(mac.value(QStringLiteral("price_usd")).toDouble(), 7000.0);
        QCOMPARE(mac.value(QStringLiteral("price_source")).toString(), QStringLiteral("your quote"));
        QCOMPARE(mac.value(QStringLiteral("qualifies")).toBool(), false);
        QCOMPARE(mac.value(QStringLiteral("requirement")).toString(), QStringLiteral("speed"));
        QVERIFY(mac.value(QStringLiteral("rank")).isNull());
        const QJsonObject workstation = quoted.value(QStringLiteral("workstation-2x-rtx-pro-6000"));
        QCOMPARE(workstation.value(QStringLiteral("price_usd")).toDouble(), 21000.0);
        QCOMPARE(workstation.value(QStringLiteral("qualifies")).toBool(), true);
        QVERIFY(workstation.value(QStringLiteral("requirement")).isNull());
        QVERIFY(workstation.value(QStringLiteral("estimate")).toObject().contains(QStringLiteral("decode_tps_per_user")));
    }

    void binary_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("expected"); // on stdout (exit 0) or stderr (exit 2)
        QTest::newRow("70B for one user at 20 t/s")
            << QByteArray(R"({"model":"llama-3.3-70b","quant":"Q4_K_M","min_decode_tps_per_user":20,"limit":3})") << 0
            << QByteArray("\"rank\":3");
        QTest::newRow("unknown model") << QByteArray(R"({"model":"nope"})") << 2
                                       << QByteArray("headroom advise: standard input: model: unknown model 'nope'");
        QTest::newRow("not JSON") << QByteArray("budget please") << 2 << QByteArray("not valid JSON");
    }

    void binary()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, expected);
        QVERIFY2(!qEnvironmentVariableIsEmpty("HEADROOM_BINARY"), "HEADROOM_BINARY is not set");
        const Run result = runBinary({QStringLiteral("advise"), QStringLiteral("--input"), QStringLiteral("-")}, request);
        QCOMPARE(result.exitCode, exitCode);
        if (exitCode == 0) {
            QVERIFY2(result.out.contains(expected), result.out.left(400).constData());
            const QJsonArray shortlist = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("shortlist")).toArray();
            QCOMPARE(shortlist.size(), 3);
            QVERIFY(result.err.isEmpty());
        } else {
            QVERIFY2(result.err.contains(expected), result.err.constData());
            QCOMPARE(result.err.count('\n'), 1);
            QVERIFY(result.out.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestAdviseCommand)
#include "tst_advise_command.moc"
