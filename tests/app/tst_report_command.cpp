// `headroom report`: the article lineup or a scenario to a one-page PDF or PNG; every refusal is one line
// naming the file, with exit status 2 and no file written.
#include "../support/TestFiles.h"
#include "commands/ReportCommand.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

struct Outcome {
    int exitCode = -1;
    QString err;
};

Outcome report(const QString &scenarioPath, const QString &output)
{
    Options options;
    options.command = Command::Report;
    options.scenarioPath = scenarioPath;
    options.output = output;
    QString err;
    QTextStream stream(&err);
    const int exitCode = runReport(options, stream);
    stream.flush();
    return {exitCode, err};
}

} // namespace

class TestReportCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void articleLineup_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("pdf") << "report.pdf";
        QTest::newRow("png") << "report.png";
    }
    void articleLineup()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        const Outcome outcome = report({}, path);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY2(outcome.err.isEmpty(), qPrintable(outcome.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        if (name.endsWith(QLatin1String(".pdf")))
            QVERIFY(file.read(5) == "%PDF-");
        else
            QVERIFY(!QImage(path).isNull());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("scenario"); // empty: none given
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("message");
        QTest::newRow("output type") << QByteArray() << "report.txt" << "must end in .pdf or .png";
        QTest::newRow("broken scenario") << QByteArray("{\"format\": \"headroom-scenario\", ") << "report.pdf"
                                         << "scenario.headroom.json";
        QTest::newRow("unknown model") << QByteArray(R"({"format":"headroom-scenario","version":1,"model":"no-such-model",)"
                                                     R"("configurations":[{"hardware":"rtx-5090"}]})")
                                       << "report.pdf" << "no-such-model";
        QTest::newRow("nothing checked")
            << QByteArray(R"({"format":"headroom-scenario","version":1,"configurations":[]})") << "report.pdf"
            << "no configuration";
    }
    void refusals()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QString, output);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString scenarioPath = scenario.isEmpty() ? QString() : test::writeTestFile(dir, "scenario.headroom.json", scenario);
        const QString path = dir.filePath(output);
        const Outcome outcome = report(scenarioPath, path);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(message), qPrintable(outcome.err));
        QVERIFY2(outcome.err.startsWith(QLatin1String("headroom report: ")), qPrintable(outcome.err));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestReportCommand)
#include "tst_report_command.moc"
