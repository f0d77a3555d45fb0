// Present mode, offscreen: keys drive the tour through the window's controller, each step's scenario is
// restored exactly, autoplay advances, steps are recorded, bad tours are refused.
#include "views/charts/ChartBase.h"
#include "scenario/ScenarioFile.h"
#include "scenario/TourCaptions.h"
#include "session/EstimateService.h"
#include "views/present/PresentMode.h"
#include "views/present/PresentModeActions.h"
#include "views/present/PresentModeControls.h"
#include "session/ScenarioController.h"
#include "views/pickers/SteppedSlider.h"
#include "session/TourPlayer.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

constexpr QSize ProjectorSize{1920, 1080};

QString tourData(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/tours/") + name;
}

Tour loadOrFail(const QString &nameOrPath)
{
    TourOrDiagnostics result = loadTour(nameOrPath, embeddedCatalog());
    if (const auto *diagnostics = std::get_if<Diagnostics>(&result)) {
        qWarning("%s", qPrintable(toString(*diagnostics)));
        return {};
    }
    return std::get<Tour>(result);
}

// The window's pipeline, as MainWindow builds it, with present mode on top.
struct Stage {
    ScenarioController controller;
    EstimateService service{&controller, embeddedCatalog()};
    PresentMode present{&controller, &service, embeddedCatalog()};

    explicit Stage(const Tour &tour)
    {
        controller.reset(Scenario{});
        present.resize(ProjectorSize);
        present.present(tour, 0, false);
    }
};

// Set HEADROOM_KEEP_TEST_OUTPUT to look at present-mode frames (steps `steps`) as a projector shows them.
void saveFramesIfAsked(Stage &stage, const QList<int> &steps)
{
    if (!qEnvironmentVariableIsSet("HEADROOM_KEEP_TEST_OUTPUT"))
        return;
    QTemporaryDir directory;
    directory.setAutoRemove(false);
    for (int step : steps) {
        stage.present.player()->goTo(step);
        stage.controller.flush();
        QTRY_VERIFY(!stage.present.isTransitionRunning());
        QTest::qWait(PresentMode::TransitionMs); // chart animations settle
        stage.present.grab().save(directory.filePath(QStringLiteral("present-%1.png").arg(step + 1)));
    }
    qInfo("present-mode frames kept in %s", qPrintable(directory.path()));
}

int labelPixels(const PresentMode &present, const QString &text)
{
    for (const QLabel *label : present.findChildren<QLabel *>()) {
        if (label->text() == text)
            return label->font().pixelSize();
    }
    return -1;
}

} // namespace

class TestPresentMode final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keysStepThroughTheTour_data()
    {
        QTest::addColumn<QList<int>>("keys");
        QTest::addColumn<int>("expectedStep");
        QTest::newRow("start") << QList<int>{} << 0;
        QTest::newRow("right") << QList<int>{Qt::Key_Right} << 1;
        QTest::newRow("space") << QList<int>{Qt::Key_Space} << 1;
        QTest::newRow("page down (clicker)") << QList<int>{Qt::Key_PageDown, Qt::Key_PageDown} << 2;
        QTest::newRow("page up (clicker)") << QList<int>{Qt::Key_PageDown, Qt::Key_PageDown, Qt::Key_PageUp} << 1;
        QTest::newRow("left") << QList<int>{Qt::Key_Right, Qt::Key_Right, Qt::Key_Right, Qt::Key_Left} << 2;
        QTest::newRow("left at the start stays") << QList<int>{Qt::Key_Left} << 0;
        QTest::newRow("end") << QList<int>{Qt::Key_End} << 4;
        QTest::newRow("past the end stays")
            << QList<int>{Qt::Key_Right, Qt::Key_Right, Qt::Key_Right, Qt::Key_Right, Qt::Key_Right, Qt::Key_Right} << 4;
        QTest::newRow("home") << QList<int>{Qt::Key_End, Qt::Key_Home} << 0;
    }

    void keysStepThroughTheTour()
    {
        QFETCH(QList<int>, keys);
        QFETCH(int, expectedStep);
        const Tour tour = loadOrFail(tourData(QStringLiteral("valid-cumulative.json")));
        QCOMPARE(tour.steps.size(), 5);
        Stage stage(tour);
        for (int key : keys)
            QTest::keyClick(&stage.present, Qt::Key(key));
        QCOMPARE(stage.present.player()->currentIndex(), expectedStep);
        QVERIFY(stage.controller.scenario() == tour.steps[expectedStep].scenario);
        QCOMPARE(stage.present.titleText(), tour.steps[expectedStep].title);
        QCOMPARE(stage.present.captionText(), tour.steps[expectedStep].caption);
        QCOMPARE(stage.present.counterText(), QStringLiteral("%1 / 5").arg(expectedStep + 1));
        stage.controller.flush();
        QVERIFY(stage.present.chart()->kind() == tour.steps[expectedStep].scenario.chart);
        QCOMPARE(stage.present.chart()->estimates(), stage.service.estimates());
        // The chart sits between the caption and the presenter's controls, whichever chart the step shows.
        QTRY_VERIFY(stage.present.chart()->geometry().bottom() < stage.present.controls()->geometry().top());
        QTRY_VERIFY(stage.present.chart()->height() > ProjectorSize.height() / 2);
    }

    void forwardAndBackRestoreEachStep()
    {
        const Tour tour = loadOrFail(QStringLiteral("article"));
        Stage stage(tour);
        const int last = int(tour.steps.size()) - 1;
        for (int step = 1; step <= last; ++step) {
            QTest::keyClick(&stage.present, Qt::Key_Right);
            QVERIFY2(stage.controller.scenario() == tour.steps[step].scenario, qPrintable(tour.steps[step].title));
        }
        for (int step = last - 1; step >= 0; --step) {
            QTest::keyClick(&stage.present, Qt::Key_Left);
            QVERIFY2(stage.controller.scenario() == tour.steps[step].scenario, qPrintable(tour.steps[step].title));
        }
    }

    void presenterChangesThenTheScriptResumes()
    {
        const Tour tour = loadOrFail(tourData(QStringLiteral("valid-cumulative.json")));
        Stage stage(tour);
        SteppedSlider *users = stage.present.controls()->usersSlider();
        const int before = stage.controller.scenario().workload.users;
        users->slider()->setValue(users->nearestStep(32));
        QCOMPARE(stage.controller.scenario().workload.users, 32);
        QVERIFY(before != 32);
        QVERIFY(stage.controller.scenario() != tour.steps[0].scenario);

        QTest::keyClick(&stage.present, Qt::Key_Right);
        QVERIFY(stage.controller.scenario() == tour.steps[1].scenario);
        QTest::keyClick(&stage.present, Qt::Key_Left);
        QVERIFY(stage.controller.scenario() == tour.steps[0].scenario); // the presenter's change is gone
        stage.controller.flush();
        QCOMPARE(users->value(), double(tour.steps[0].scenario.workload.users));
    }

    // The presenter's shorter context takes a shared prefix down with it: the scenario stays one a file can hold.
    void presenterContextKeepsTheSharedPrefixWithin()
    {
        const Tour tour = loadOrFail(tourData(QStringLiteral("valid-cumulative.json")));
        Stage stage(tour);
        Scenario shared = stage.controller.scenario();
        shared.workload.contextTokens = 32768;
        shared.workload.sharedContextTokens = 32768;
        stage.controller.edit(shared, QStringLiteral("shared document"));
        stage.controller.flush();
        SteppedSlider *context = stage.present.controls()->contextSlider();
        context->slider()->setValue(context->nearestStep(4096));
        QCOMPARE(stage.controller.scenario().workload.contextTokens, 4096);
        QCOMPARE(stage.controller.scenario().workload.sharedContextTokens, 4096);
        const ScenarioOrDiagnostics reread = parseScenario(serializeScenario(stage.controller.scenario()), QStringLiteral("saved"));
        QVERIFY(std::holds_alternative<Scenario>(reread));
    }

    // The cliff step's caption quotes the numbers its chart plots, and follows the presenter's edits.
    void captionQuotesTheChartOnScreen()
    {
        const Tour tour = loadOrFail(QStringLiteral("article"));
        const auto cliff = std::find_if(tour.steps.cbegin(), tour.steps.cend(),
                                        [](const TourStep &step) { return step.caption.contains(QStringLiteral("{drop:")); });
        QVERIFY(cliff != tour.steps.cend());
        Stage stage(tour);
        stage.present.player()->goTo(int(cliff - tour.steps.cbegin()));
        QVERIFY2(!stage.present.captionText().contains(QLatin1Char('{')), qPrintable(stage.present.captionText()));
        QCOMPARE(stage.present.captionText(), liveCaption(cliff->caption, stage.present.chart()->estimates()));
        QCOMPARE(stage.present.chart()->estimates(), stage.service.estimates());

        // A caption quoting the current user count changes with the presenter's slider.
        const QString quoting = QStringLiteral("{tps:m3-ultra}");
        Tour edited = tour;
        edited.steps[cliff - tour.steps.cbegin()].caption = quoting;
        stage.present.player()->updateTour(edited);
        stage.present.player()->goTo(int(cliff - tour.steps.cbegin()));
        const QString before = stage.present.captionText();
        SteppedSlider *users = stage.present.controls()->usersSlider();
        users->slider()->setValue(users->nearestStep(64));
        stage.controller.flush();
        QVERIFY2(!before.contains(QLatin1Char('{')) && stage.present.captionText() != before,
                 qPrintable(before + QStringLiteral(" / ") + stage.present.captionText()));
        QCOMPARE(stage.present.captionText(), liveCaption(quoting, stage.service.estimates()));
    }

    // The keys are the presenter's: not on screen until H, gone again on the next H.
    void keysHiddenFromTheAudience()
    {
        Stage stage(loadOrFail(QStringLiteral("article")));
        const auto keysLabel = [&stage] {
            for (QLabel *label : stage.present.controls()->findChildren<QLabel *>()) {
                if (label->text().contains(QStringLiteral("Esc leave")))
                    return label;
            }
            return static_cast<QLabel *>(nullptr);
        };
        QVERIFY(keysLabel());
        QVERIFY(!keysLabel()->isVisible());
        QTest::keyClick(&stage.present, Qt::Key_H);
        QVERIFY(keysLabel()->isVisible());
        QTest::keyClick(&stage.present, Qt::Key_H);
        QVERIFY(!keysLabel()->isVisible());
    }

    void escapeLeaves()
    {
        Stage stage(loadOrFail(QStringLiteral("article")));
        QSignalSpy left(&stage.present, &PresentMode::left);
        QVERIFY(stage.present.isVisible());
        QTest::keyClick(&stage.present, Qt::Key_Escape);
        QVERIFY(!stage.present.isVisible());
        QCOMPARE(left.count(), 1);
    }

    void autoplayAdvancesToTheEnd()
    {
        const Tour tour = loadOrFail(QStringLiteral("article"));
        Stage stage(tour);
        TourPlayer *player = stage.present.player();
        player->setDefaultStepDurationS(0.02);
        QTest::keyClick(&stage.present, Qt::Key_A);
        QVERIFY(player->autoplay());
        const int last = int(tour.steps.size()) - 1;
        QTRY_COMPARE(player->currentIndex(), last);
        QTRY_VERIFY(!player->autoplay()); // stops on the last step
        QVERIFY(stage.controller.scenario() == tour.steps[last].scenario);
    }

    void stepDurations()
    {
        const Tour tour = loadOrFail(tourData(QStringLiteral("valid-cumulative.json")));
        ScenarioController controller;
        TourPlayer player(&controller);
        player.setTour(tour);
        player.setDefaultStepDurationS(3);
        QCOMPARE(player.stepDurationS(0), 3.0);
        QCOMPARE(player.stepDurationS(1), 2.5); // the step's own duration_s
    }

    void stepChangeFades()
    {
        Stage stage(loadOrFail(QStringLiteral("article")));
        QTest::keyClick(&stage.present, Qt::Key_Right);
        QVERIFY(stage.present.isTransitionRunning());
        QTRY_VERIFY(!stage.present.isTransitionRunning());
    }

    void projectorSizedType()
    {
        const Tour tour = loadOrFail(QStringLiteral("article"));
        Stage stage(tour);
        QVERIFY(labelPixels(stage.present, stage.present.titleText()) >= 40);
        QVERIFY(labelPixels(stage.present, stage.present.captionText()) >= 24);
        QVERIFY(stage.present.chart()->presentationMode());
        saveFramesIfAsked(stage, {0, 5, 6});
        stage.present.resize(640, 360); // a small window keeps readable minimums
        QVERIFY(labelPixels(stage.present, stage.present.titleText()) >= 40);
    }

    void recordStepIntoANewFile()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("customer.json"));
        Stage stage(loadOrFail(QStringLiteral("article")));
        stage.present.setRecordingPath(path);
        QTest::keyClick(&stage.present, Qt::Key_Right);
        stage.present.controls()->usersSlider()->slider()->setValue(
            stage.present.controls()->usersSlider()->nearestStep(16));
        QTest::keyClick(&stage.present, Qt::Key_R);
        QVERIFY2(stage.present.controls()->status().contains(QStringLiteral("Recorded step 1 in customer.json")),
                 qPrintable(stage.present.controls()->status()));
        const Tour recorded = loadOrFail(path);
        QCOMPARE(recorded.steps.size(), 1);
        QVERIFY(recorded.steps[0].scenario == stage.controller.scenario());
        QCOMPARE(recorded.steps[0].scenario.workload.users, 16);
    }

    void recordStepIntoThePlayingTour()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("story.json"));
        QVERIFY(QFile::copy(tourData(QStringLiteral("valid-cumulative.json")), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        Stage stage(loadOrFail(path));
        QTest::keyClick(&stage.present, Qt::Key_R); // no recording path: the tour's own file
        QCOMPARE(stage.present.recordingPath(), path);
        QCOMPARE(stage.present.player()->stepCount(), 6);
        QCOMPARE(stage.present.counterText(), QStringLiteral("1 / 6"));
        QTest::keyClick(&stage.present, Qt::Key_End);
        QVERIFY(stage.controller.scenario() == stage.present.player()->tour().steps[0].scenario);
    }

    void recordingIntoABrokenFileSaysWhy()
    {
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("broken.json"));
        QVERIFY(QFile::copy(tourData(QStringLiteral("future-version.json")), path));
        Stage stage(loadOrFail(QStringLiteral("article")));
        stage.present.setRecordingPath(path);
        QVERIFY(!stage.present.recordStep());
        QVERIFY2(stage.present.controls()->status().contains(QStringLiteral("version")),
                 qPrintable(stage.present.controls()->status()));
    }

    void windowRefusesABadTour_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("where");
        QTest::newRow("unknown model") << "unknown-model.json" << "steps[2].scenario.model";
        QTest::newRow("unknown device") << "unknown-device.json" << "steps[1].scenario.configurations[1].hardware";
        QTest::newRow("empty") << "empty-steps.json" << "steps";
        QTest::newRow("future version") << "future-version.json" << "version";
        QTest::newRow("wrong type") << "wrong-type.json" << "steps[1].scenario.workload.users";
        QTest::newRow("missing file") << "does-not-exist.json" << "no such tour file";
    }

    void windowRefusesABadTour()
    {
        QFETCH(QString, file);
        QFETCH(QString, where);
        QWidget window;
        ScenarioController controller;
        EstimateService service(&controller, embeddedCatalog());
        Scenario mine = articleLineupScenario();
        mine.workload.users = 3;
        controller.reset(mine);
        PresentModeActions actions(&window, &controller, &service, embeddedCatalog());
        QCOMPARE(actions.currentTour().name, QStringLiteral("article"));

        QVERIFY(!actions.openTour(tourData(file)));
        QVERIFY2(actions.lastProblem().contains(where), qPrintable(actions.lastProblem()));
        QVERIFY(actions.lastProblem().contains(file));
        QCOMPARE(actions.currentTour().name, QStringLiteral("article")); // the previous tour stays
        QVERIFY(controller.scenario() == mine);                          // and so does the scenario
    }

    void windowActionsPresentAndExport()
    {
        QWidget window;
        ScenarioController controller;
        EstimateService service(&controller, embeddedCatalog());
        PresentModeActions actions(&window, &controller, &service, embeddedCatalog());
        QCOMPARE(actions.presentAction()->shortcut(), QKeySequence(Qt::Key_F5));
        QVERIFY(actions.openTour(tourData(QStringLiteral("valid-cumulative.json"))));
        actions.presentAction()->trigger();
        QVERIFY(actions.presentMode()->isVisible());
        QVERIFY(controller.scenario() == actions.currentTour().steps[0].scenario);
        QTest::keyClick(actions.presentMode(), Qt::Key_Escape);
        QVERIFY(!actions.presentMode()->isVisible());

        QTemporaryDir directory;
        QVERIFY(actions.exportTour(directory.filePath(QStringLiteral("frames/"))));
        QCOMPARE(QDir(directory.filePath(QStringLiteral("frames"))).entryList(QDir::Files).size(), 5);
        QVERIFY(!actions.exportTour(directory.filePath(QStringLiteral("deck.txt"))));
        QVERIFY(actions.lastProblem().contains(QStringLiteral("give a .pdf file")));
    }
};

QTEST_MAIN(TestPresentMode)
#include "tst_present_mode.moc"
