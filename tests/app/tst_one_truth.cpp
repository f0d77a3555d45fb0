// One truth on screen: whatever the order of edits, undo, redo, tab switches, tour steps and present mode, the
// chart in view (in the window and in present mode) plots exactly what a chart built afresh from the table's
// estimates plots, and the table shows the estimate service's latest set. Seeded random walks, 500 steps in all.
#include "views/charts/ChartBase.h"
#include "../support/PlottedValues.h"
#include "views/charts/ChartTabs.h"
#include "MainWindow.h"
#include "views/present/PresentMode.h"
#include "views/results/ResultsTable.h"
#include "Settings.h"
#include "catalog/Catalog.h"
#include "itemmodels/EstimateTableModel.h"
#include "scenario/ArticleLineup.h"
#include "session/EstimateService.h"
#include "session/ScenarioController.h"
#include "session/TourPlayer.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QXYSeries>

using namespace headroom;

namespace {


// The actions a presenter or a user takes, in any order.
enum class Action { Model, Quant, Users, Context, Method, Undo, Redo, Tab, Present, NextStep, PreviousStep, Leave };
constexpr int ActionCount = int(Action::Leave) + 1;

const char *name(Action action)
{
    static const char *const names[] = {"model",   "quant",   "users", "context",   "method",        "undo",
                                        "redo",    "tab",     "present", "next step", "previous step", "leave"};
    return names[int(action)];
}

} // namespace

class TestOneTruth final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    MainWindow &window() { return *m_window; }

    void settle()
    {
        window().controller()->flush();
        QCoreApplication::processEvents();
    }

    PresentMode *presentMode() const
    {
        PresentMode *present = m_window->findChild<PresentMode *>();
        return present && present->isVisible() ? present : nullptr;
    }

    QAction *presentAction() const
    {
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(Qt::Key_F5))
                return action;
        }
        return nullptr;
    }

    void edit(const std::function<void(Scenario &)> &change, const QString &description)
    {
        Scenario scenario = window().controller()->scenario();
        change(scenario);
        window().controller()->edit(scenario, description);
    }

    void act(Action action, QRandomGenerator &random)
    {
        const Catalog &catalog = embeddedCatalog();
        ScenarioController *controller = window().controller();
        switch (action) {
        case Action::Model: {
            const QString id = catalog.models().at(random.bounded(int(catalog.models().size()))).id;
            edit([&](Scenario &s) { s.modelId = id; }, QStringLiteral("Model"));
            break;
        }
        case Action::Quant: {
            const QString quant = catalog.quantizations().at(random.bounded(int(catalog.quantizations().size()))).name;
            edit([&](Scenario &s) { s.quantName = quant; }, QStringLiteral("Quantization"));
            break;
        }
        case Action::Users: {
            const int users = 1 << random.bounded(7);
            edit([&](Scenario &s) { s.workload.users = users; }, QStringLiteral("Users"));
            break;
        }
        case Action::Context: {
            const int context = 1024 << random.bounded(8);
            edit([&](Scenario &s) { s.workload.contextTokens = context; }, QStringLiteral("Context"));
            break;
        }
        case Action::Method:
            edit([](Scenario &s) { s.method = s.method == Method::Seed ? Method::Roofline : Method::Seed; },
                 QStringLiteral("Method"));
            break;
        case Action::Undo:
            controller->undoStack()->undo();
            break;
        case Action::Redo:
            controller->undoStack()->redo();
            break;
        case Action::Tab:
            window().chartTabs()->setCurrentIndex(random.bounded(window().chartTabs()->count()));
            break;
        case Action::Present:
            if (!presentMode())
                presentAction()->trigger();
            break;
        case Action::NextStep:
        case Action::PreviousStep:
            if (PresentMode *present = presentMode())
                QTest::keyClick(present, action == Action::NextStep ? Qt::Key_Right : Qt::Key_Left);
            break;
        case Action::Leave:
            if (PresentMode *present = presentMode())
                QTest::keyClick(present, Qt::Key_Escape);
            break;
        }
    }

    // The chart plots what a chart of its kind built afresh from `estimates` plots. The Value chart also plots
    // the advisor's answer, which arrives on its own; the Accuracy chart plots the validation report.
    static void verifyPlots(ChartBase *shown, const EstimateSet &estimates, const QString &where)
    {
        if (shown->kind() == ChartKind::Accuracy)
            return;
        QVERIFY2(shown->estimates() == estimates, qPrintable(where + QStringLiteral(": chart holds an older set")));
        if (shown->kind() == ChartKind::Value)
            return;
        std::unique_ptr<ChartBase> fresh = createChart(shown->kind());
        fresh->setPresentationMode(shown->presentationMode());
        fresh->setEstimates(estimates);
        QCOMPARE(plottedValues(shown), plottedValues(fresh.get()));
    }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++counter)));
        m_window = std::make_unique<MainWindow>(embeddedCatalog(), *m_settings);
        window().controller()->reset(articleLineupScenario());
        window().resize(1366, 768);
        window().show();
        settle();
    }

    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void randomActionsKeepEveryViewOnOneRevision_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("steps");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u})
            QTest::addRow("seed %u", seed) << seed << 100;
    }

    void randomActionsKeepEveryViewOnOneRevision()
    {
        QFETCH(quint32, seed);
        QFETCH(int, steps);
        QRandomGenerator random(seed);
        QString trail;
        for (int step = 0; step < steps; ++step) {
            const auto action = Action(random.bounded(ActionCount));
            trail += QLatin1String(name(action)) + QLatin1String(step + 1 < steps ? ", " : "");
            act(action, random);
            settle();

            const EstimateSet &latest = window().estimateService()->estimates();
            const QString where = QStringLiteral("step %1 after %2").arg(step).arg(trail.right(200));
            QVERIFY2(window().resultsTable()->model()->estimates() == latest,
                     qPrintable(where + QStringLiteral(": table holds an older set")));
            verifyPlots(window().currentChart(), latest, where);
            if (QTest::currentTestFailed())
                return;
            if (PresentMode *present = presentMode()) {
                verifyPlots(present->chart(), latest, where + QStringLiteral(" (present mode)"));
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    // The demo that went wrong on stage: present, step through the tour, leave, undo the tour.
    void presentThenUndoLeavesNoStaleChart()
    {
        presentAction()->trigger();
        settle();
        PresentMode *present = presentMode();
        QVERIFY(present);
        for (int step = 0; step < present->player()->stepCount(); ++step) {
            QTest::keyClick(present, Qt::Key_Right);
            settle();
            verifyPlots(present->chart(), window().estimateService()->estimates(), QStringLiteral("tour"));
        }
        QTest::keyClick(present, Qt::Key_Escape);
        settle();
        for (int tab = 0; tab < window().chartTabs()->count(); ++tab) {
            window().chartTabs()->setCurrentIndex(tab);
            settle();
            verifyPlots(window().currentChart(), window().estimateService()->estimates(), QStringLiteral("after"));
        }
        window().controller()->undoStack()->undo();
        settle();
        QCOMPARE(window().estimateService()->estimates(), computeEstimates(articleLineupScenario(), embeddedCatalog()));
        verifyPlots(window().currentChart(), window().estimateService()->estimates(), QStringLiteral("undo"));
    }
};

QTEST_MAIN(TestOneTruth)
#include "tst_one_truth.moc"
