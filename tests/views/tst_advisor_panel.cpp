// The Advisor panel, offscreen: each requirement edit is an undoable scenario change that updates the
// shortlist; "Compare these" puts the shortlisted configurations into the scenario, whose estimates
// then match the shortlist; the service searches only while active and only when the question changed.
#include "views/advisor/AdvisorPanel.h"
#include "views/advisor/AdvisorRequirementsForm.h"
#include "session/AdvisorService.h"
#include "itemmodels/AdvisorShortlistModel.h"
#include "scenario/EstimateSet.h"
#include "itemmodels/QuoteTableModel.h"
#include "views/advisor/QuotesDialog.h"
#include "session/ScenarioController.h"
#include "views/pickers/SteppedSlider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace headroom;

namespace {

// Moves a stepped slider's handle to the step nearest `value`, as a user would.
void choose(SteppedSlider *slider, double value)
{
    slider->slider()->setValue(slider->nearestStep(value));
}

Scenario question()
{
    Scenario scenario = articleLineupScenario(); // Llama 3.3 70B Q4_K_M, 1 user, 4K
    scenario.advisor.limit = 20;
    return scenario;
}

struct Fixture {
    ScenarioController controller;
    AdvisorService service{&controller, embeddedCatalog()};
    AdvisorPanel panel{&controller, &service};

    Fixture()
    {
        controller.reset(question());
        controller.flush();
        service.setActive(true);
    }
    // Delivers the pending scenario notification (the controller coalesces to one per frame).
    void settle() { controller.flush(); }
};

} // namespace

class TestAdvisorPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheShortlist()
    {
        Fixture f;
        QVERIFY(f.service.searchCount() >= 1);
        QCOMPARE(f.panel.shortlistModel()->rowCount(), int(f.service.result().shortlist.size()));
        QVERIFY(f.panel.shortlistModel()->rowCount() > 0);
        QVERIFY(!f.panel.reasonLabel()->text().isEmpty());
        QVERIFY(f.panel.compareButton()->isEnabled());
    }

    void editsChangeRequirementsAndShortlist_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("budget") << QStringLiteral("budget");
        QTest::newRow("min speed") << QStringLiteral("speed");
        QTest::newRow("max power") << QStringLiteral("power");
        QTest::newRow("platforms") << QStringLiteral("platforms");
        QTest::newRow("rank by") << QStringLiteral("rank");
        QTest::newRow("cloud price") << QStringLiteral("cloud");
    }
    void editsChangeRequirementsAndShortlist()
    {
        QFETCH(QString, field);
        Fixture f;
        AdvisorRequirementsForm *form = f.panel.form();
        const int searches = f.service.searchCount();
        if (field == QLatin1String("budget")) {
            choose(form->budgetSlider(), 5000);
        } else if (field == QLatin1String("speed")) {
            choose(form->minSpeedSlider(), 40);
        } else if (field == QLatin1String("power")) {
            choose(form->maxPowerSlider(), 700);
        } else if (field == QLatin1String("platforms")) {
            form->platformBox(Platform::Nvidia)->setChecked(false);
        } else if (field == QLatin1String("rank")) {
            form->rankByCombo()->setCurrentIndex(form->rankByCombo()->findData(int(RankBy::Speed)));
            Q_EMIT form->rankByCombo()->activated(form->rankByCombo()->currentIndex());
        } else {
            form->cloudPriceField()->setValue(2.5);
        }
        f.settle();
        const AdvisorRequirements &r = f.controller.scenario().advisor;
        const AdvisorResult &result = f.service.result();
        QCOMPARE(f.service.searchCount(), searches + 1);
        QCOMPARE(f.panel.shortlistModel()->rowCount(), int(result.shortlist.size()));
        QVERIFY2(!result.shortlist.isEmpty(), qPrintable(result.reason)); // the checks below are not vacuous
        for (const AdvisorCandidate &c : result.shortlist) {
            if (field == QLatin1String("budget")) {
                QCOMPARE(r.budgetUsd.value_or(0), 5000.0);
                QVERIFY(c.priceUsd && *c.priceUsd <= 5000);
            } else if (field == QLatin1String("speed")) {
                QCOMPARE(r.minDecodeTpsPerUser.value_or(0), 40.0);
                QVERIFY(c.estimate.decodeTpsPerUser >= 40);
            } else if (field == QLatin1String("power")) {
                QCOMPARE(r.maxPowerW.value_or(0), 700.0);
                QVERIFY(c.powerW <= 700);
            } else if (field == QLatin1String("platforms")) {
                QVERIFY(r.platforms == (QList<Platform>{Platform::Apple, Platform::Other}));
                QVERIFY(c.platform != Platform::Nvidia);
            } else if (field == QLatin1String("rank")) {
                QVERIFY(r.rankBy == RankBy::Speed);
            } else {
                QCOMPARE(r.cost.cloudUsdPerMillionTokens.value_or(0), 2.5);
                QCOMPARE(f.panel.shortlistModel()->index(0, AdvisorShortlistModel::CostPerTokenColumn).data(Qt::ToolTipRole).toString(),
                         explainCost(result.shortlist.first(), r.cost));
            }
        }
        if (field == QLatin1String("rank")) {
            for (qsizetype i = 1; i < result.shortlist.size(); ++i)
                QVERIFY(result.shortlist.at(i - 1).estimate.decodeTpsPerUser >= result.shortlist.at(i).estimate.decodeTpsPerUser);
        }

        // One undo step restores the requirements and the shortlist.
        f.controller.undoStack()->undo();
        f.settle();
        QVERIFY(f.controller.scenario().advisor == question().advisor);
        QCOMPARE(f.panel.shortlistModel()->rowCount(), int(f.service.result().shortlist.size()));
    }

    void lastPlatformStaysTicked()
    {
        Fixture f;
        AdvisorRequirementsForm *form = f.panel.form();
        form->platformBox(Platform::Nvidia)->setChecked(false);
        form->platformBox(Platform::Other)->setChecked(false);
        form->platformBox(Platform::Apple)->setChecked(false); // refused: no platform is no question
        f.settle();
        QVERIFY(form->platformBox(Platform::Apple)->isChecked());
        QVERIFY(f.controller.scenario().advisor.platforms == QList<Platform>{Platform::Apple});
    }

    void fieldsCannotGoNegative()
    {
        Fixture f;
        AdvisorRequirementsForm *form = f.panel.form();
        form->electricityField()->setValue(-1);
        form->yearsField()->setValue(-3);
        f.settle();
        QCOMPARE(f.controller.scenario().advisor.cost.electricityUsdPerKwh, 0.0);
        QVERIFY(f.controller.scenario().advisor.cost.amortizationYears > 0);
        QCOMPARE(form->budgetSlider()->steps().first(), 0.0); // "no limit", never a negative budget
        QVERIFY(form->budgetSlider()->steps().at(1) > 0);
    }

    void compareTheseFillsTheComparison()
    {
        Fixture f;
        QSignalSpy compared(&f.panel, &AdvisorPanel::compareRequested);
        const AdvisorResult result = f.service.result();
        QVERIFY(result.shortlist.size() > AdvisorPanel::MaxComparedPicks); // the cap matters here
        const int searches = f.service.searchCount();
        f.panel.replaceButton()->click();
        QCOMPARE(compared.size(), 1);
        f.settle();
        QCOMPARE(f.service.searchCount(), searches); // the question did not change

        const Scenario &scenario = f.controller.scenario();
        QCOMPARE(scenario.configurations.size(), AdvisorPanel::MaxComparedPicks);
        QCOMPARE(f.controller.undoStack()->undoText(), QStringLiteral("Compare advisor picks"));
        const EstimateSet estimates = computeEstimates(scenario, embeddedCatalog());
        QVERIFY2(estimates.problem.isEmpty(), qPrintable(estimates.problem));
        QCOMPARE(estimates.rows.size(), AdvisorPanel::MaxComparedPicks);
        for (int i = 0; i < AdvisorPanel::MaxComparedPicks; ++i) {
            const AdvisorCandidate &pick = result.shortlist.at(i);
            QVERIFY(scenario.configurations.at(i).checked);
            QCOMPARE(scenario.configurations.at(i).systemId, pick.systemId);
            QCOMPARE(estimates.rows.at(i).label, pick.label);
            QCOMPARE(estimates.rows.at(i).estimate.decodeTpsPerUser, pick.estimate.decodeTpsPerUser);
            QCOMPARE(toString(estimates.rows.at(i).estimate.fit), toString(pick.estimate.fit));
        }
    }

    // "Add to comparison" keeps what is compared, appends the picks it lacks and ticks the ones it has.
    void addToComparisonKeepsWhatIsCompared()
    {
        Fixture f;
        const AdvisorResult result = f.service.result();
        QVERIFY(result.shortlist.size() > AdvisorPanel::MaxComparedPicks);
        Scenario scenario = f.controller.scenario();
        ScenarioConfiguration already;
        already.configuration = result.shortlist.at(1).configuration;
        already.systemId = result.shortlist.at(1).systemId;
        already.label = result.shortlist.at(1).label;
        already.checked = false;
        scenario.configurations.append(already);
        f.controller.edit(scenario, QStringLiteral("One pick already listed, unticked"));
        f.settle();
        const QList<ScenarioConfiguration> before = f.controller.scenario().configurations;

        f.panel.compareButton()->click();
        f.settle();
        const QList<ScenarioConfiguration> &after = f.controller.scenario().configurations;
        QCOMPARE(after.size(), before.size() + AdvisorPanel::MaxComparedPicks - 1);
        for (qsizetype i = 0; i + 1 < before.size(); ++i)
            QCOMPARE(after.at(i), before.at(i));
        QVERIFY(after.at(before.size() - 1).checked); // the one already there, ticked and not repeated
        QCOMPARE(f.controller.undoStack()->undoText(), QStringLiteral("Add advisor picks"));
        f.controller.undoStack()->undo();
        QCOMPARE(f.controller.scenario().configurations, before);
    }

    // At a dock's width the buyer still sees each pick's speed and price without scrolling.
    void speedAndPriceInViewWhenNarrow()
    {
        Fixture f;
        f.panel.resize(360, 700); // the window's default dock width
        f.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        f.settle();
        QTableView *view = f.panel.shortlistView();
        QVERIFY(view->model()->rowCount() > 0);
        for (int column : {int(AdvisorShortlistModel::DecodePerUserColumn), int(AdvisorShortlistModel::PriceColumn)}) {
            const int right = view->columnViewportPosition(column) + view->columnWidth(column);
            QVERIFY2(view->columnViewportPosition(column) >= 0 && right <= view->viewport()->width(),
                     qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(column).arg(right).arg(view->viewport()->width())));
        }
    }

    void compareFollowsTheTableOrder()
    {
        Fixture f;
        f.panel.shortlistView()->sortByColumn(AdvisorShortlistModel::DecodePerUserColumn, Qt::DescendingOrder);
        f.panel.compareShortlist(PickMode::Replace);
        f.settle();
        const EstimateSet estimates = computeEstimates(f.controller.scenario(), embeddedCatalog());
        QVERIFY(!estimates.rows.isEmpty());
        double fastest = 0;
        for (const AdvisorCandidate &c : f.service.result().shortlist)
            fastest = std::max(fastest, c.estimate.decodeTpsPerUser);
        QCOMPARE(estimates.rows.first().estimate.decodeTpsPerUser, fastest);
    }

    // A quote entered in the price editor is one undoable scenario edit and reaches the search:
    // a system with no public price becomes a candidate under a budget once quoted.
    void quotesPriceWhatListPricesCannot()
    {
        Fixture f;
        Scenario scenario = f.controller.scenario();
        scenario.modelId = QStringLiteral("llama-3.1-405b");
        scenario.advisor.autoQuant = true;
        scenario.advisor.minDecodeTpsPerUser.reset();
        scenario.advisor.budgetUsd = 15000;
        f.controller.edit(scenario, QStringLiteral("405B under $15,000"));
        f.settle();
        const QString box = QStringLiteral("bizon-zx5500");
        const auto hasBox = [&] {
            const QList<AdvisorCandidate> &list = f.service.result().shortlist;
            return std::any_of(list.cbegin(), list.cend(), [&](const AdvisorCandidate &c) { return c.systemId == box; });
        };
        QVERIFY(!hasBox());
        QuotesDialog *dialog = f.panel.quotesDialog();
        QVERIFY(dialog);
        QuoteTableModel *model = f.panel.quoteModel();
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, 0).data(QuoteTableModel::IdRole).toString() == box)
                row = r;
        }
        QVERIFY(row >= 0);
        QVERIFY(model->setData(model->index(row, QuoteTableModel::QuoteColumn), 14000.0));
        f.settle();
        QCOMPARE(f.controller.scenario().advisor.quotesUsd.value(box), 14000.0);
        QVERIFY2(hasBox(), qPrintable(f.service.result().reason));
        f.controller.undoStack()->undo();
        f.settle();
        QVERIFY(f.controller.scenario().advisor.quotesUsd.isEmpty());
        QVERIFY(model->quotes().isEmpty()); // the editor follows undo
        QVERIFY(!hasBox());
    }

    void searchesOnlyWhileActive()
    {
        ScenarioController controller;
        AdvisorService service(&controller, embeddedCatalog());
        QSignalSpy advice(&service, &AdvisorService::adviceChanged);
        controller.reset(question());
        controller.flush();
        QCOMPARE(service.searchCount(), 0);
        Scenario edited = question();
        edited.advisor.budgetUsd = 9000;
        controller.edit(edited, QStringLiteral("budget"));
        controller.flush();
        QCOMPARE(service.searchCount(), 0);
        service.setActive(true);
        QCOMPARE(service.searchCount(), 1);
        QCOMPARE(advice.size(), 1);
        QCOMPARE(service.requirements().budgetUsd.value_or(0), 9000.0);
        service.setActive(false);
        service.setActive(true); // same question: no new search
        QCOMPARE(service.searchCount(), 1);
        service.reloadCatalog(); // same question, new catalog: searched again
        QCOMPARE(service.searchCount(), 2);
        QCOMPARE(advice.size(), 2);
    }

    void unknownModelIsAReasonNotACrash()
    {
        Fixture f;
        Scenario scenario = f.controller.scenario();
        scenario.modelId = QStringLiteral("no-such-model");
        f.controller.edit(scenario, QStringLiteral("model"));
        f.settle();
        QCOMPARE(f.service.problem(), QStringLiteral("unknown model \"no-such-model\""));
        QCOMPARE(f.panel.shortlistModel()->rowCount(), 0);
        QVERIFY(f.panel.reasonLabel()->text().contains(QStringLiteral("no-such-model")));
        QVERIFY(!f.panel.compareButton()->isEnabled());
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("HEADROOM_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("HEADROOM_SCREENSHOT_DIR is not set");
        Fixture f;
        choose(f.panel.form()->minSpeedSlider(), 20);
        choose(f.panel.form()->budgetSlider(), 15000);
        f.settle();
        f.panel.resize(900, 760);
        f.panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.panel));
        QVERIFY(f.panel.grab().save(QDir(dir).filePath(QStringLiteral("advisor-panel.png"))));
        QuotesDialog *quotes = f.panel.quotesDialog();
        quotes->show();
        QVERIFY(QTest::qWaitForWindowExposed(quotes));
        QVERIFY(quotes->grab().save(QDir(dir).filePath(QStringLiteral("advisor-quotes.png"))));
    }
};

QTEST_MAIN(TestAdvisorPanel)
#include "tst_advisor_panel.moc"
