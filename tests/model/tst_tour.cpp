// Tours: valid and refused documents with their diagnostics, cumulative steps, built-in tours, recording.
#include "scenario/Tour.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

QString dataPath(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/tours/") + name;
}

// Diagnostics as text for failure messages (QVERIFY2 evaluates its message eagerly).
QString problems(const TourOrDiagnostics &result)
{
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    return diagnostics ? toString(*diagnostics) : QString();
}

Tour readValid(const QString &path)
{
    TourOrDiagnostics result = readTourFile(path, embeddedCatalog());
    if (const auto *diagnostics = std::get_if<Diagnostics>(&result)) {
        qWarning("%s", qPrintable(toString(*diagnostics)));
        return {};
    }
    return std::get<Tour>(result);
}

Scenario presenterScenario()
{
    Scenario scenario;
    ScenarioConfiguration mac;
    mac.configuration = Configuration{QStringLiteral("m3-ultra"), 1, 512, Split::Auto, Runtime::Mlx};
    ScenarioConfiguration cards;
    cards.configuration = Configuration{QStringLiteral("rtx-pro-6000"), 4, 0, Split::Tensor, Runtime::Vllm};
    cards.checked = false;
    cards.label = QStringLiteral("ZX5500");
    scenario.configurations = {mac, cards};
    scenario.modelId = QStringLiteral("qwen3-235b-a22b");
    scenario.quantName = QStringLiteral("Q6_K");
    scenario.workload = Workload{65536, 1024, 128, 16, KvCacheType::Q8_0};
    scenario.method = Method::Seed;
    scenario.seedEfficiency = 0.72;
    scenario.appleUsableFraction = 0.9;
    scenario.chart = ChartKind::Concurrency;
    return scenario;
}

} // namespace

class TestTour final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");   // the diagnostic's field (step and field path)
        QTest::addColumn<QString>("problem"); // a fragment of its problem text

        QTest::newRow("not JSON") << "truncated.json" << "" << "not valid JSON at offset";
        QTest::newRow("wrong format") << "wrong-format.json" << "format" << "expected \"headroom-tour\"";
        QTest::newRow("future version") << "future-version.json" << "version" << "2 is newer than this Headroom reads (1)";
        QTest::newRow("missing title") << "missing-title.json" << "title" << "is required";
        QTest::newRow("empty steps") << "empty-steps.json" << "steps" << "is empty";
        QTest::newRow("steps not an array") << "steps-not-array.json" << "steps" << "must be an array of steps, found an object";
        QTest::newRow("missing caption") << "missing-caption.json" << "steps[1].caption" << "is required";
        QTest::newRow("wrong type") << "wrong-type.json" << "steps[1].scenario.workload.users"
                                    << "must be a number, found a string";
        QTest::newRow("unknown device") << "unknown-device.json" << "steps[1].scenario.configurations[1].hardware"
                                        << "unknown device \"rtx-9090\"";
        QTest::newRow("unknown model") << "unknown-model.json" << "steps[2].scenario.model"
                                       << "unknown model \"llama-5-900b\"";
        QTest::newRow("unknown quant") << "unknown-quant.json" << "steps[0].scenario.quant"
                                       << "unknown quantization \"Q1_XXL\"";
        QTest::newRow("memory option") << "bad-memory.json" << "steps[0].scenario.configurations[0].memory_gb"
                                       << "100 GB is not an option of";
        QTest::newRow("unknown field") << "unknown-field.json" << "steps[0].scenario.modle" << "unknown field";
        QTest::newRow("lineup keyword") << "bad-lineup-keyword.json" << "steps[0].scenario.configurations"
                                        << "or \"article\", found \"everything\"";
        QTest::newRow("bad chart") << "bad-chart.json" << "steps[0].scenario.chart" << "unknown value \"pie\"";
        QTest::newRow("scenario not object") << "scenario-not-object.json" << "steps[0].scenario"
                                             << "must be an object, found a string";
        QTest::newRow("negative duration") << "bad-duration.json" << "steps[0].duration_s" << "must be between";
    }

    void refused()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        QFETCH(QString, problem);
        const TourOrDiagnostics result = readTourFile(dataPath(file), embeddedCatalog());
        const auto *diagnostics = std::get_if<Diagnostics>(&result);
        QVERIFY2(diagnostics, qPrintable(file + QStringLiteral(" was accepted")));
        QVERIFY(!diagnostics->isEmpty());
        const Diagnostic &first = diagnostics->first();
        QCOMPARE(first.file, file);
        QCOMPARE(first.field, field);
        QVERIFY2(first.problem.contains(problem), qPrintable(first.toString()));
        // The rendered line names the file, the step and field, and the problem.
        QVERIFY(first.toString().startsWith(file));
        if (!field.isEmpty())
            QVERIFY(first.toString().contains(field));
    }

    void syntaxErrorNamesLineAndColumn()
    {
        const QByteArray json = "{ \"format\": \"headroom-tour\",\n  \"version\": 1\n  \"steps\": [] }";
        const TourOrDiagnostics result = parseTour(json, QStringLiteral("broken.json"), embeddedCatalog());
        QVERIFY(std::holds_alternative<Diagnostics>(result));
        QVERIFY2(problems(result).contains(QStringLiteral("broken.json: not valid JSON at offset 52: line 3, column 9: ")),
                 qPrintable(problems(result)));
    }

    void deepNestingIsRefusedNotCrashing()
    {
        const int depth = 100000;
        const QByteArray json = QByteArray(R"({"format":"headroom-tour","version":1,"x":)") + QByteArray(depth, '[')
            + QByteArray(depth, ']') + '}';
        const TourOrDiagnostics result = parseTour(json, QStringLiteral("deep.json"), embeddedCatalog());
        QVERIFY(problems(result).contains(QStringLiteral("nested deeper than 64 levels")));
    }

    void missingFileNamesIt()
    {
        const TourOrDiagnostics result = loadTour(dataPath(QStringLiteral("no-such-tour.json")), embeddedCatalog());
        QVERIFY(problems(result).contains(QStringLiteral("no-such-tour.json")));
        QVERIFY(problems(result).contains(QStringLiteral("built in: article")));
    }

    void cumulativeSteps()
    {
        const Tour tour = readValid(dataPath(QStringLiteral("valid-cumulative.json")));
        QCOMPARE(tour.steps.size(), 5);
        QCOMPARE(tour.title, QStringLiteral("Test tour"));

        Scenario expected = articleLineupScenario();
        expected.modelId = QStringLiteral("gemma-3-27b");
        QCOMPARE(tour.steps[0].scenario, expected);
        QCOMPARE(tour.steps[0].durationS, std::nullopt);

        expected.workload.users = 8;
        QCOMPARE(tour.steps[1].scenario, expected);
        QCOMPARE(tour.steps[1].durationS, std::optional<double>(2.5));

        expected.workload.contextTokens = 32768; // users stay at 8: workload merges key by key
        expected.chart = ChartKind::Memory;
        QCOMPARE(tour.steps[2].scenario, expected);

        const Scenario &fourth = tour.steps[3].scenario;
        QCOMPARE(fourth.configurations.size(), 2);
        QVERIFY(fourth.configurations[0].configuration.runtime == Runtime::Mlx);
        QCOMPARE(fourth.configurations[1].configuration.count, 2);
        QVERIFY(fourth.configurations[1].configuration.split == Split::Tensor);
        QCOMPARE(fourth.configurations[1].label, QStringLiteral("Dual 5090"));
        QCOMPARE(fourth.modelId, QStringLiteral("qwen3-30b-a3b"));
        QCOMPARE(fourth.quantName, QStringLiteral("Q8_0"));
        QVERIFY(fourth.method == Method::Seed);
        QCOMPARE(fourth.seedEfficiency, 0.7);
        QCOMPARE(fourth.workload, expected.workload); // carried over from step 2
        QVERIFY(fourth.chart == ChartKind::Memory);

        QCOMPARE(tour.steps[4].scenario, fourth);
    }

    void roundTrip()
    {
        const Tour tour = readValid(dataPath(QStringLiteral("valid-cumulative.json")));
        QVERIFY(!tour.steps.isEmpty());
        const TourOrDiagnostics again = parseTour(serializeTour(tour), tour.origin, embeddedCatalog());
        QVERIFY2(std::holds_alternative<Tour>(again), qPrintable(problems(again)));
        QCOMPARE(std::get<Tour>(again), tour);
    }

    void builtInTours_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = builtInTourNames();
        QVERIFY(names.contains(QStringLiteral("article")));
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void builtInTours()
    {
        QFETCH(QString, name);
        const TourOrDiagnostics result = loadTour(name, embeddedCatalog());
        QVERIFY2(std::holds_alternative<Tour>(result), qPrintable(problems(result)));
        const Tour &tour = std::get<Tour>(result);
        QCOMPARE(tour.name, name);
        QVERIFY(!tour.title.isEmpty());
        for (const TourStep &step : tour.steps) {
            QVERIFY(!step.title.isEmpty());
            QVERIFY2(!step.caption.isEmpty(), qPrintable(step.title));
        }
    }

    void articleTellsTheStory()
    {
        const TourOrDiagnostics result = loadTour(QStringLiteral("article"), embeddedCatalog());
        QVERIFY2(std::holds_alternative<Tour>(result), qPrintable(problems(result)));
        const Tour &tour = std::get<Tour>(result);
        QVERIFY(tour.steps.size() >= 8);
        QCOMPARE(tour.steps.first().scenario.configurations, articleLineupConfigurations());
        // Every step changes what is on screen: a step repeating the previous one tells nothing.
        for (qsizetype i = 1; i < tour.steps.size(); ++i) {
            const bool sameScenario = tour.steps[i].scenario == tour.steps[i - 1].scenario;
            QVERIFY2(!sameScenario, qPrintable(tour.steps[i].title));
        }
        QStringList models;
        for (const TourStep &step : tour.steps)
            models << step.scenario.modelId;
        for (const char *model : {"llama-3.1-8b", "llama-3.3-70b", "qwen3-30b-a3b", "llama-3.1-405b"})
            QVERIFY2(models.contains(QLatin1String(model)), model);
    }

    void recordSteps()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(QStringLiteral("customer.json"));
        const Scenario first = articleLineupScenario();
        const Scenario second = presenterScenario();

        auto number = appendRecordedStep(path, first, embeddedCatalog());
        QCOMPARE(std::get<int>(number), 1);
        number = appendRecordedStep(path, second, embeddedCatalog());
        QCOMPARE(std::get<int>(number), 2);

        const Tour tour = readValid(path);
        QCOMPARE(tour.name, QStringLiteral("customer"));
        QCOMPARE(tour.steps.size(), 2);
        QCOMPARE(tour.steps[0].title, QStringLiteral("Step 1"));
        QCOMPARE(tour.steps[1].title, QStringLiteral("Step 2"));
        QCOMPARE(tour.steps[0].scenario, first);
        QCOMPARE(tour.steps[1].scenario, second); // restored exactly, whatever came before
    }

    void recordKeepsTheRestOfTheFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("story.json"));
        QVERIFY(QFile::copy(dataPath(QStringLiteral("valid-cumulative.json")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const auto number = appendRecordedStep(path, presenterScenario(), embeddedCatalog());
        QCOMPARE(std::get<int>(number), 6);
        const Tour tour = readValid(path);
        QCOMPARE(tour.steps.size(), 6);
        QCOMPARE(tour.steps[1].durationS, std::optional<double>(2.5));
        QCOMPARE(tour.steps[5].scenario, presenterScenario());
    }

    void recordRefusesABrokenFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("broken.json"));
        QVERIFY(QFile::copy(dataPath(QStringLiteral("unknown-model.json")), path));
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();

        const auto result = appendRecordedStep(path, presenterScenario(), embeddedCatalog());
        QVERIFY(std::holds_alternative<Diagnostics>(result));
        QVERIFY(toString(std::get<Diagnostics>(result)).contains(QStringLiteral("steps[2].scenario.model")));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestTour)
#include "tst_tour.moc"
