// parseCommandLine(): every command and option, the defaults, and the errors (SPEC §5).
#include "CommandLine.h"

#include <QTest>

using namespace headroom;

Q_DECLARE_METATYPE(headroom::Options)

namespace {

QStringList args(const QString &line)
{
    QStringList result{QStringLiteral("headroom")};
    if (!line.isEmpty())
        result << line.split(QLatin1Char(' '));
    return result;
}

Options make(Command command)
{
    Options options;
    options.command = command;
    switch (command) {
    case Command::Table: options.format = QStringLiteral("markdown"); break;
    case Command::Validate: options.format = QStringLiteral("text"); break;
    case Command::RunsOn: options.format = QStringLiteral("json"); break;
    case Command::Detect: options.format = QStringLiteral("text"); break;
    default: break;
    }
    return options;
}

} // namespace

class TestCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<Options>("expected");

        QTest::newRow("no arguments opens the window") << QString() << make(Command::Window);
        Options withFile = make(Command::Window);
        withFile.scenarioPath = QStringLiteral("lineup.headroom.json");
        QTest::newRow("positional scenario file") << QStringLiteral("lineup.headroom.json") << withFile;
        QTest::newRow("relative path") << QStringLiteral("dir/lineup") << [] {
            Options o = make(Command::Window);
            o.scenarioPath = QStringLiteral("dir/lineup");
            return o;
        }();
        Options windowCatalog = make(Command::Window);
        windowCatalog.catalogPath = QStringLiteral("mine.json");
        QTest::newRow("window with catalog") << QStringLiteral("--catalog mine.json") << windowCatalog;
        Options windowScenario = make(Command::Window);
        windowScenario.scenarioPath = QStringLiteral("s.json");
        QTest::newRow("window --scenario") << QStringLiteral("--scenario s.json") << windowScenario;

        QTest::newRow("--version") << QStringLiteral("--version") << make(Command::Version);
        QTest::newRow("--help") << QStringLiteral("--help") << make(Command::Help);
        QTest::newRow("-h") << QStringLiteral("-h") << make(Command::Help);
        QTest::newRow("help after a command") << QStringLiteral("estimate --help") << make(Command::Help);

        QTest::newRow("estimate defaults") << QStringLiteral("estimate") << make(Command::Estimate);
        Options estimate = make(Command::Estimate);
        estimate.input = QStringLiteral("q.json");
        estimate.output = QStringLiteral("r.json");
        estimate.catalogPath = QStringLiteral("c.json");
        QTest::newRow("estimate all options") << QStringLiteral("estimate --input q.json --output r.json --catalog c.json")
                                              << estimate;
        QTest::newRow("estimate --opt=value") << QStringLiteral("estimate --input=q.json --output=r.json --catalog=c.json")
                                              << estimate;
        QTest::newRow("estimate stdin dash") << QStringLiteral("estimate --input - --output -") << make(Command::Estimate);

        QTest::newRow("table defaults: seed markdown") << QStringLiteral("table") << make(Command::Table);
        Options table = make(Command::Table);
        table.method = QStringLiteral("roofline");
        table.format = QStringLiteral("csv");
        QTest::newRow("table roofline csv") << QStringLiteral("table --method roofline --format csv") << table;
        Options tableJson = make(Command::Table);
        tableJson.format = QStringLiteral("json");
        QTest::newRow("table json") << QStringLiteral("table --format json") << tableJson;

        Options exportPng = make(Command::Export);
        exportPng.output = QStringLiteral("speed.png");
        QTest::newRow("export defaults") << QStringLiteral("export --output speed.png") << exportPng;
        Options exportSvg = make(Command::Export);
        exportSvg.scenarioPath = QStringLiteral("s.headroom.json");
        exportSvg.chart = QStringLiteral("memory");
        exportSvg.output = QStringLiteral("m.svg");
        exportSvg.width = 800;
        exportSvg.height = 600;
        QTest::newRow("export every option")
            << QStringLiteral("export --scenario s.headroom.json --chart memory --output m.svg --width 800 --height 600")
            << exportSvg;
        for (const char *chart : {"speed", "memory", "concurrency", "accuracy"}) {
            Options o = make(Command::Export);
            o.chart = QString::fromLatin1(chart);
            o.output = QStringLiteral("c.png");
            QTest::addRow("export chart %s", chart) << QStringLiteral("export --chart %1 --output c.png").arg(o.chart) << o;
        }

        QTest::newRow("validate defaults") << QStringLiteral("validate") << make(Command::Validate);
        Options validate = make(Command::Validate);
        validate.dataPath = QStringLiteral("m.csv");
        validate.format = QStringLiteral("json");
        QTest::newRow("validate data json") << QStringLiteral("validate --data m.csv --format json") << validate;

        Options runsOn = make(Command::RunsOn);
        runsOn.hardware = QStringLiteral("m3-ultra");
        QTest::newRow("runs-on defaults") << QStringLiteral("runs-on --hardware m3-ultra") << runsOn;
        Options runsOnAll = make(Command::RunsOn);
        runsOnAll.hardware = QStringLiteral("rtx-5090");
        runsOnAll.count = 2;
        runsOnAll.memoryGB = 32;
        runsOnAll.context = 32768;
        runsOnAll.concurrency = 8;
        runsOnAll.format = QStringLiteral("markdown");
        runsOnAll.catalogPath = QStringLiteral("c.json");
        QTest::newRow("runs-on every option")
            << QStringLiteral("runs-on --hardware rtx-5090 --count 2 --memory-gb 32 --context 32768 --concurrency 8 "
                              "--format markdown --catalog c.json")
            << runsOnAll;

        Options thisMachine = make(Command::RunsOn);
        thisMachine.thisMachine = true;
        thisMachine.format = QStringLiteral("markdown");
        QTest::newRow("runs-on this machine") << QStringLiteral("runs-on --this-machine --format markdown") << thisMachine;
        QTest::newRow("detect defaults") << QStringLiteral("detect") << make(Command::Detect);
        Options detectJson = make(Command::Detect);
        detectJson.format = QStringLiteral("json");
        QTest::newRow("detect json") << QStringLiteral("detect --format json") << detectJson;

        QTest::newRow("advise defaults") << QStringLiteral("advise") << make(Command::Advise);
        Options advise = make(Command::Advise);
        advise.input = QStringLiteral("request.json");
        advise.output = QStringLiteral("answer.json");
        advise.catalogPath = QStringLiteral("c.json");
        QTest::newRow("advise every option")
            << QStringLiteral("advise --input request.json --output answer.json --catalog c.json") << advise;
        Options importModel = make(Command::ImportModel);
        importModel.modelFile = QStringLiteral("config.json");
        QTest::newRow("import-model file") << QStringLiteral("import-model config.json") << importModel;
        Options importAll = importModel;
        importAll.modelFile = QStringLiteral("m.gguf");
        importAll.modelId = QStringLiteral("my-model");
        importAll.output = QStringLiteral("entry.json");
        QTest::newRow("import-model every option")
            << QStringLiteral("import-model m.gguf --id my-model --output entry.json") << importAll;
        Options importIdFirst = importAll;
        QTest::newRow("import-model options before the file")
            << QStringLiteral("import-model --id my-model --output entry.json m.gguf") << importIdFirst;
    }

    void parses()
    {
        QFETCH(QString, line);
        QFETCH(Options, expected);
        const ParsedCommandLine parsed = parseCommandLine(args(line));
        if (const auto *error = std::get_if<CommandLineError>(&parsed))
            QFAIL(qPrintable(QStringLiteral("unexpected error: ") + error->message));
        const Options &options = std::get<Options>(parsed);
        QCOMPARE(int(options.command), int(expected.command));
        QCOMPARE(options.input, expected.input);
        QCOMPARE(options.output, expected.output);
        QCOMPARE(options.catalogPath, expected.catalogPath);
        QCOMPARE(options.method, expected.method);
        QCOMPARE(options.format, expected.format);
        QCOMPARE(options.scenarioPath, expected.scenarioPath);
        QCOMPARE(options.chart, expected.chart);
        QCOMPARE(options.width, expected.width);
        QCOMPARE(options.height, expected.height);
        QCOMPARE(options.dataPath, expected.dataPath);
        QCOMPARE(options.hardware, expected.hardware);
        QCOMPARE(options.count, expected.count);
        QCOMPARE(options.memoryGB, expected.memoryGB);
        QCOMPARE(options.context, expected.context);
        QCOMPARE(options.concurrency, expected.concurrency);
        QVERIFY(options == expected);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expectedMessage");

        QTest::newRow("unknown command") << QStringLiteral("frobnicate") << QStringLiteral("unknown command 'frobnicate'");
        QTest::newRow("advise stray argument") << QStringLiteral("advise q.json") << QStringLiteral("unexpected argument 'q.json'");
        QTest::newRow("advise unknown option") << QStringLiteral("advise --budget 5") << QStringLiteral("unknown option '--budget'");
        QTest::newRow("import-model without a file") << QStringLiteral("import-model") << QStringLiteral("missing FILE");
        QTest::newRow("import-model two files") << QStringLiteral("import-model a.json b.gguf") << QStringLiteral("unexpected argument 'b.gguf'");
        QTest::newRow("import-model empty id") << QStringLiteral("import-model a.json --id=") << QStringLiteral("--id: needs a model id");
        QTest::newRow("demo without tour") << QStringLiteral("demo") << QStringLiteral("missing --tour");
        QTest::newRow("unknown top-level option") << QStringLiteral("--frobnicate") << QStringLiteral("unknown option '--frobnicate'");
        QTest::newRow("single-dash option") << QStringLiteral("-x") << QStringLiteral("unknown option '-x'");
        QTest::newRow("two scenario files") << QStringLiteral("a.json b.json") << QStringLiteral("unexpected argument 'b.json'");
        QTest::newRow("estimate unknown option") << QStringLiteral("estimate --bogus 1") << QStringLiteral("estimate: unknown option '--bogus'");
        QTest::newRow("estimate --version") << QStringLiteral("estimate --version") << QStringLiteral("unknown option '--version'");
        QTest::newRow("estimate missing value") << QStringLiteral("estimate --input") << QStringLiteral("--input needs a value");
        QTest::newRow("estimate value is an option") << QStringLiteral("estimate --input --output r.json")
                                                     << QStringLiteral("--input needs a value");
        QTest::newRow("estimate empty value") << QStringLiteral("estimate --input=") << QStringLiteral("--input: needs a file name");
        QTest::newRow("estimate stray argument") << QStringLiteral("estimate q.json") << QStringLiteral("unexpected argument 'q.json'");
        QTest::newRow("table unknown method") << QStringLiteral("table --method magic") << QStringLiteral("--method: unknown value 'magic'");
        QTest::newRow("table unknown format") << QStringLiteral("table --format html") << QStringLiteral("--format: unknown value 'html'");
        QTest::newRow("table method missing value") << QStringLiteral("table --method") << QStringLiteral("--method needs a value");
        QTest::newRow("table scenario not an option") << QStringLiteral("table --scenario s.json")
                                                      << QStringLiteral("table: unknown option '--scenario'");
        QTest::newRow("export unknown chart") << QStringLiteral("export --chart pie --output p.png")
                                              << QStringLiteral("--chart: unknown value 'pie'");
        QTest::newRow("export missing output") << QStringLiteral("export --chart speed") << QStringLiteral("missing --output");
        QTest::newRow("export output stdout") << QStringLiteral("export --output -") << QStringLiteral("missing --output");
        QTest::newRow("export non-numeric width") << QStringLiteral("export --output a.png --width wide")
                                                  << QStringLiteral("--width: expected a whole number from 1 to 16384, got 'wide'");
        QTest::newRow("export zero height") << QStringLiteral("export --output a.png --height 0") << QStringLiteral("--height: expected");
        QTest::newRow("export huge width") << QStringLiteral("export --output a.png --width 99999") << QStringLiteral("--width: expected");
        QTest::newRow("export fractional width") << QStringLiteral("export --output a.png --width 10.5") << QStringLiteral("--width: expected");
        QTest::newRow("validate unknown format") << QStringLiteral("validate --format csv") << QStringLiteral("--format: unknown value 'csv'");
        QTest::newRow("validate data missing value") << QStringLiteral("validate --data") << QStringLiteral("--data needs a value");
        QTest::newRow("runs-on without hardware") << QStringLiteral("runs-on") << QStringLiteral("runs-on: missing --hardware");
        QTest::newRow("runs-on hardware and this machine") << QStringLiteral("runs-on --hardware m1 --this-machine")
                                                           << QStringLiteral("exclude each other");
        QTest::newRow("detect bad format") << QStringLiteral("detect --format xml") << QStringLiteral("--format");
        QTest::newRow("runs-on zero count") << QStringLiteral("runs-on --hardware m1 --count 0") << QStringLiteral("--count: expected");
        QTest::newRow("runs-on too many cards") << QStringLiteral("runs-on --hardware m1 --count 65") << QStringLiteral("--count: expected");
        QTest::newRow("runs-on negative memory") << QStringLiteral("runs-on --hardware m1 --memory-gb -5")
                                                 << QStringLiteral("--memory-gb: expected a positive number");
        QTest::newRow("runs-on non-numeric memory") << QStringLiteral("runs-on --hardware m1 --memory-gb lots")
                                                    << QStringLiteral("--memory-gb: expected a positive number");
        QTest::newRow("runs-on zero memory") << QStringLiteral("runs-on --hardware m1 --memory-gb=0")
                                             << QStringLiteral("--memory-gb: expected a positive number");
        QTest::newRow("runs-on zero context") << QStringLiteral("runs-on --hardware m1 --context 0") << QStringLiteral("--context: expected");
        QTest::newRow("runs-on too many users") << QStringLiteral("runs-on --hardware m1 --concurrency 5000")
                                                << QStringLiteral("--concurrency: expected a whole number from 1 to 4096");
        QTest::newRow("runs-on unknown format") << QStringLiteral("runs-on --hardware m1 --format csv")
                                                << QStringLiteral("--format: unknown value 'csv'");
    }

    void rejects()
    {
        QFETCH(QString, line);
        QFETCH(QString, expectedMessage);
        const ParsedCommandLine parsed = parseCommandLine(args(line));
        const auto *error = std::get_if<CommandLineError>(&parsed);
        QVERIFY2(error, "the command line was accepted");
        QVERIFY2(error->message.contains(expectedMessage), qPrintable(error->message));
        QVERIFY(!error->message.contains(QLatin1Char('\n')));
    }

    void helpNamesEveryCommand_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : {"estimate", "table", "export", "validate", "runs-on", "advise", "import-model",
                                 "rank_by", "--version", "--catalog",
                                 "--memory-gb", "--concurrency", "bits_per_weight", "kv_cache_type"})
            QTest::newRow(text) << QString::fromLatin1(text);
    }

    void helpNamesEveryCommand()
    {
        QFETCH(QString, text);
        QVERIFY(helpText().contains(text));
    }

};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
