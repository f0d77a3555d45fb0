// `headroom demo`: listing tours, exporting decks, and exit status 2 with a clear line for bad input.
#include "commands/DemoCommand.h"
#include "scenario/Tour.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

struct Run {
    int status = -1;
    QString out;
    QString err;
};

Run runDemoWith(const Options &options)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.status = runDemo(options, out, err);
    return run;
}

Options demoOptions(const QString &tour, const QString &output)
{
    Options options;
    options.command = Command::Demo;
    options.tour = tour;
    options.output = output;
    return options;
}

QString tourData(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/tours/") + name;
}

} // namespace

class TestDemoCommand final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsBuiltInTours()
    {
        Options options;
        options.command = Command::Demo;
        options.listTours = true;
        const Run run = runDemoWith(options);
        QCOMPARE(run.status, 0);
        QCOMPARE(run.err, QString());
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), builtInTourNames().size());
        QVERIFY2(run.out.startsWith(QStringLiteral("article ")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("Mac Studio / Mac mini vs NVIDIA GPUs for local LLMs")));
    }

    void exportsTheArticleDeck_data()
    {
        QTest::addColumn<QString>("output"); // relative to a temporary directory
        QTest::addColumn<int>("files");
        const Tour article = std::get<Tour>(loadTour(QStringLiteral("article"), embeddedCatalog()));
        QTest::newRow("pdf") << "deck.pdf" << 1;
        QTest::newRow("png frames") << "frames/" << int(article.steps.size());
    }

    void exportsTheArticleDeck()
    {
        QFETCH(QString, output);
        QFETCH(int, files);
        QTemporaryDir directory;
        if (qEnvironmentVariableIsSet("HEADROOM_KEEP_TEST_OUTPUT")) {
            directory.setAutoRemove(false);
            qInfo("deck written to %s", qPrintable(directory.path()));
        }
        const QString path = directory.filePath(output);
        const Run run = runDemoWith(demoOptions(QStringLiteral("article"), path));
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral(" pages to ") + path));
        const QFileInfo written(path);
        QVERIFY(written.exists());
        const int count = written.isDir() ? int(QDir(path).entryList(QDir::Files).size()) : 1;
        QCOMPARE(count, files);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("tour");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown tour") << "no-such-tour" << "deck.pdf" << "no-such-tour: no such tour file";
        QTest::newRow("unknown model")
            << tourData(QStringLiteral("unknown-model.json")) << "deck.pdf"
            << "headroom demo: unknown-model.json: steps[2].scenario.model: unknown model \"llama-5-900b\"";
        QTest::newRow("future version") << tourData(QStringLiteral("future-version.json")) << "deck.pdf"
                                        << "future-version.json: version: 2 is newer";
        QTest::newRow("empty steps") << tourData(QStringLiteral("empty-steps.json")) << "deck.pdf"
                                     << "empty-steps.json: steps: is empty";
        QTest::newRow("no output") << "article" << "-" << "--output must be a .pdf file";
        QTest::newRow("wrong output kind") << "article" << "deck.pptx" << "deck.pptx'";
        QTest::newRow("no tour") << "" << "deck.pdf" << "give --list, or --tour";
    }

    void refusesBadInput()
    {
        QFETCH(QString, tour);
        QFETCH(QString, output);
        QFETCH(QString, message);
        QTemporaryDir directory;
        const QString path = output == QLatin1String("-") ? output : directory.filePath(output);
        const Run run = runDemoWith(demoOptions(tour, path));
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(run.err.endsWith(QLatin1Char('\n')));
        QVERIFY(!QFileInfo::exists(directory.filePath(output)));
    }
};

QTEST_MAIN(TestDemoCommand)
#include "tst_demo_command.moc"
