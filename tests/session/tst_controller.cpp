// ScenarioController: undoable edits, merging, coalesced notifications, dirty state and file path.
#include "scenario/ArticleLineup.h"
#include "catalog/Catalog.h"
#include "session/EstimateService.h"
#include "session/ScenarioController.h"

#include <QSignalSpy>
#include <QTest>

using namespace headroom;

namespace {

Scenario withContext(int tokens)
{
    Scenario scenario = articleLineupScenario();
    scenario.workload.contextTokens = tokens;
    return scenario;
}

} // namespace

class TestController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void undoRedo_data()
    {
        QTest::addColumn<QStringList>("descriptions"); // one edit each, context 1000, 2000, ...
        QTest::addColumn<int>("undoSteps");
        QTest::newRow("one edit") << QStringList{QStringLiteral("Change context")} << 1;
        QTest::newRow("drag merges") << QStringList{QStringLiteral("Change context"), QStringLiteral("Change context"),
                                                    QStringLiteral("Change context")}
                                     << 1;
        QTest::newRow("different edits") << QStringList{QStringLiteral("Change context"), QStringLiteral("Change users"),
                                                        QStringLiteral("Change context")}
                                         << 3;
    }
    void undoRedo()
    {
        QFETCH(QStringList, descriptions);
        QFETCH(int, undoSteps);
        ScenarioController controller;
        const Scenario start = articleLineupScenario();
        controller.reset(start, QStringLiteral("/tmp/x.headroom.json"));
        QVERIFY(!controller.isDirty());
        for (int i = 0; i < descriptions.size(); ++i)
            controller.edit(withContext(1000 * (i + 1)), descriptions.at(i));
        const Scenario last = withContext(1000 * int(descriptions.size()));
        QCOMPARE(controller.scenario(), last);
        QVERIFY(controller.isDirty());
        QCOMPARE(controller.undoStack()->count(), undoSteps);
        for (int i = 0; i < undoSteps; ++i)
            controller.undoStack()->undo();
        QCOMPARE(controller.scenario(), start);
        QVERIFY(!controller.isDirty());
        while (controller.undoStack()->canRedo())
            controller.undoStack()->redo();
        QCOMPARE(controller.scenario(), last);
        QVERIFY(controller.isDirty());
        QCOMPARE(controller.filePath(), QStringLiteral("/tmp/x.headroom.json"));
    }

    void editBackToStartLeavesNothingToUndo()
    {
        ScenarioController controller;
        controller.reset(articleLineupScenario());
        controller.edit(withContext(8192), QStringLiteral("Change context"));
        controller.edit(withContext(4096), QStringLiteral("Change context"));
        QCOMPARE(controller.undoStack()->count(), 0);
        QVERIFY(!controller.isDirty());
    }

    // The chart on screen is view state: choosing one is no undo step and no modification, and undoing an
    // edit changes the scenario without switching the chart back.
    void chartIsViewState()
    {
        ScenarioController controller;
        controller.reset(articleLineupScenario());
        controller.flush();
        QSignalSpy chartChanges(&controller, &ScenarioController::chartChanged);
        QSignalSpy scenarioChanges(&controller, &ScenarioController::scenarioChanged);
        controller.setChart(ChartKind::Memory);
        QVERIFY(controller.scenario().chart == ChartKind::Memory);
        QCOMPARE(controller.undoStack()->count(), 0);
        QVERIFY(!controller.isDirty());
        QCOMPARE(chartChanges.size(), 1);
        controller.flush();
        QCOMPARE(scenarioChanges.size(), 0); // nothing to recompute

        controller.edit(withContext(8192), QStringLiteral("Change context"));
        controller.setChart(ChartKind::Concurrency);
        controller.undoStack()->undo();
        QCOMPARE(controller.scenario().workload.contextTokens, articleLineupScenario().workload.contextTokens);
        QVERIFY(controller.scenario().chart == ChartKind::Concurrency);
        QVERIFY(!controller.isDirty());

        // An edit that brings its own chart (a tour step) shows it, without an undo step for the chart alone.
        Scenario step = controller.scenario();
        step.chart = ChartKind::Speed;
        controller.edit(step, QStringLiteral("Tour step"));
        QVERIFY(controller.scenario().chart == ChartKind::Speed);
        QCOMPARE(controller.undoStack()->count(), 1); // the context edit, now undone, is still on the stack
        QVERIFY(!controller.isDirty());
    }

    void noOpEditIsIgnored()
    {
        ScenarioController controller;
        controller.reset(articleLineupScenario());
        controller.edit(articleLineupScenario(), QStringLiteral("Nothing"));
        QCOMPARE(controller.undoStack()->count(), 0);
    }

    // The shared prefix is part of the context: any edit that leaves it longer than the context shortens it.
    void sharedContextStaysWithinTheContext_data()
    {
        QTest::addColumn<int>("context");
        QTest::addColumn<int>("shared");
        QTest::addColumn<int>("kept");
        QTest::newRow("within") << 8192 << 4096 << 4096;
        QTest::newRow("all of it") << 8192 << 8192 << 8192;
        QTest::newRow("beyond: cut to the context") << 4096 << 32768 << 4096;
        QTest::newRow("none") << 16384 << 0 << 0;
    }
    void sharedContextStaysWithinTheContext()
    {
        QFETCH(int, context);
        QFETCH(int, shared);
        QFETCH(int, kept);
        ScenarioController controller;
        controller.reset(articleLineupScenario());
        Scenario scenario = controller.scenario();
        scenario.workload.contextTokens = context;
        scenario.workload.sharedContextTokens = shared;
        controller.edit(scenario, QStringLiteral("Shared document"));
        QCOMPARE(controller.scenario().workload.contextTokens, context);
        QCOMPARE(controller.scenario().workload.sharedContextTokens, kept);
        QCOMPARE(controller.undoStack()->count(), 1);
    }

    void notificationsCoalesce_data()
    {
        QTest::addColumn<int>("edits");
        QTest::newRow("one") << 1;
        QTest::newRow("burst") << 50;
    }
    void notificationsCoalesce()
    {
        QFETCH(int, edits);
        ScenarioController controller;
        controller.reset(articleLineupScenario());
        QSignalSpy changed(&controller, &ScenarioController::scenarioChanged);
        QVERIFY(changed.wait()); // the reset's notification
        QCOMPARE(changed.size(), 1);
        changed.clear();
        for (int i = 0; i < edits; ++i)
            controller.edit(withContext(1024 + i), QStringLiteral("Change context"));
        QCOMPARE(changed.size(), 0); // nothing synchronously
        QVERIFY(changed.wait());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!changed.wait(100)); // and nothing more afterwards
        QCOMPARE(controller.scenario().workload.contextTokens, 1024 + edits - 1);
    }

    void flushEmitsPendingNow()
    {
        ScenarioController controller;
        QSignalSpy changed(&controller, &ScenarioController::scenarioChanged);
        controller.reset(articleLineupScenario());
        controller.flush();
        QCOMPARE(changed.size(), 1);
        controller.flush();
        QCOMPARE(changed.size(), 1);
    }

    void dirtyAndSave()
    {
        ScenarioController controller;
        QSignalSpy dirty(&controller, &ScenarioController::dirtyChanged);
        QSignalSpy path(&controller, &ScenarioController::filePathChanged);
        controller.reset(articleLineupScenario());
        controller.edit(withContext(2048), QStringLiteral("Change context"));
        QVERIFY(controller.isDirty());
        QCOMPARE(dirty.last().first().toBool(), true);
        controller.markSaved(QStringLiteral("/tmp/saved.headroom.json"));
        QVERIFY(!controller.isDirty());
        QCOMPARE(dirty.last().first().toBool(), false);
        QCOMPARE(path.last().first().toString(), QStringLiteral("/tmp/saved.headroom.json"));
        controller.undoStack()->undo(); // before the save point: dirty again
        QVERIFY(controller.isDirty());
    }

    void serviceComputesOncePerChange()
    {
        ScenarioController controller;
        EstimateService service(&controller, embeddedCatalog());
        QSignalSpy published(&service, &EstimateService::estimatesChanged);
        controller.reset(articleLineupScenario());
        for (int users : {2, 4, 8})
            controller.edit([&] { Scenario s = controller.scenario(); s.workload.users = users; return s; }(),
                            QStringLiteral("Change users"));
        QVERIFY(published.wait());
        QCOMPARE(published.size(), 1);
        const EstimateSet set = published.first().first().value<EstimateSet>();
        QCOMPARE(set, service.estimates());
        QCOMPARE(set.rows.size(), 7);
        QCOMPARE(set.rows.first().input.workload.users, 8);
        QCOMPARE(set, computeEstimates(controller.scenario(), embeddedCatalog()));
    }
};

QTEST_MAIN(TestController)
#include "tst_controller.moc"
