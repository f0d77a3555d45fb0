// The assembled window, offscreen: sliders move estimates and charts, the hardware list drives the
// bars, the article lineup button restores the seven configurations, bad files are refused.
#include "views/results/VerdictBanner.h"
#include "views/advisor/AdvisorPanel.h"
#include "session/AdvisorService.h"
#include "scenario/ArticleLineup.h"
#include "catalog/Catalog.h"
#include "views/charts/ChartBase.h"
#include "../support/PlottedValues.h"
#include "views/results/DetailsPane.h"
#include "session/EstimateService.h"
#include "itemmodels/HardwareListModel.h"
#include "views/pickers/HardwarePanel.h"
#include "views/common/HelpDialogs.h"
#include "commands/ThisMachine.h"
#include "MainWindow.h"
#include "views/pickers/PickerPanel.h"
#include "views/results/ResultsTable.h"
#include "session/ScenarioController.h"
#include "ScenarioDocument.h"
#include "scenario/ScenarioFile.h"
#include "Settings.h"
#include "views/pickers/SteppedSlider.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QScreen>
#include <QSettings>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QComboBox>
#include <QUndoStack>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QDockWidget>
#include <QTabWidget>
#include <QChart>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QXYSeries>

using namespace headroom;

namespace {


QStringList speedCategories(MainWindow &window)
{
    for (QAbstractAxis *axis : window.chart(ChartKind::Speed)->chart()->axes()) {
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis))
            return categories->categories();
    }
    return {};
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;

    MainWindow &window() { return *m_window; }
    void settle() { window().controller()->flush(); }

private Q_SLOTS:
    void init()
    {
        static int counter = 0;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++counter)));
        m_window = std::make_unique<MainWindow>(embeddedCatalog(), *m_settings);
        window().controller()->reset(articleLineupScenario());
        window().resize(1600, 1000);
        window().show();
        settle();
    }
    void cleanup()
    {
        m_window.reset();
        m_settings.reset();
    }

    void showsTheArticleLineup()
    {
        QCOMPARE(window().estimateService()->estimates().rows.size(), 7);
        QCOMPARE(speedCategories(window()).size(), 7);
        QCOMPARE(window().resultsTable()->view()->model()->rowCount(), 7);
        QVERIFY(window().windowTitle().contains(QStringLiteral("Untitled")));
        QVERIFY(window().windowTitle().endsWith(QStringLiteral("Headroom")));
        QVERIFY(!window().isWindowModified());
        QVERIFY(window().detailsPane()->text().contains(window().estimateService()->estimates().rows.first().label));
    }

    // The verdict across the top says what the table says, and follows every edit and its undo.
    void verdictFollowsTheComparison()
    {
        settle();
        const VerdictBanner *banner = window().verdictBanner();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), window().estimateService()->estimates().verdict.text);
        QVERIFY(!banner->toolTip().isEmpty());
        const QString lineup = banner->text();
        Scenario scenario = window().controller()->scenario();
        scenario.configurations = {scenario.configurations.at(2), scenario.configurations.at(4)};
        window().controller()->edit(scenario, QStringLiteral("Compare two"));
        settle();
        const ComparisonVerdict &pair = window().estimateService()->estimates().verdict;
        QCOMPARE(toString(pair.kind), toString(ComparisonVerdict::Kind::Pair));
        QCOMPARE(banner->text(), pair.text);
        QVERIFY(banner->text() != lineup);
        window().controller()->undoStack()->undo();
        settle();
        QCOMPARE(banner->text(), lineup);
    }

    // File ▸ Export Report writes the comparison on screen, with the contact line of Report Details.
    void exportsTheReport()
    {
        QTemporaryDir dir;
        m_settings->setReportContact(QStringLiteral("Jane Doe · Acme"));
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        QCOMPARE(window().exportReport(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(window().statusBar()->currentMessage().contains(path));
        const QString refused = dir.filePath(QStringLiteral("no/such/folder/report.pdf"));
        QVERIFY(window().exportReport(refused).contains(refused)); // said in a window-modal box, not blocking
        QVERIFY(!QFile::exists(refused));
    }

    void slidersChangeEstimatesAndCharts_data()
    {
        QTest::addColumn<QString>("slider");
        QTest::addColumn<int>("steps");
        QTest::addColumn<bool>("seedMethod");
        QTest::newRow("model size") << QStringLiteral("modelSizeSlider") << -6 << false;
        QTest::newRow("context") << QStringLiteral("contextSlider") << 3 << false;
        QTest::newRow("users") << QStringLiteral("usersSlider") << 4 << false;
        QTest::newRow("efficiency") << QStringLiteral("efficiencySlider") << -3 << true;
        QTest::newRow("mac gpu memory") << QStringLiteral("appleFractionSlider") << 4 << false;
    }
    void slidersChangeEstimatesAndCharts()
    {
        QFETCH(QString, slider);
        QFETCH(int, steps);
        QFETCH(bool, seedMethod);
        if (seedMethod) {
            Scenario scenario = window().controller()->scenario();
            scenario.method = Method::Seed;
            window().controller()->edit(scenario, QStringLiteral("Use seed"));
            settle();
        }
        auto *handle = window().findChild<QSlider *>(slider);
        QVERIFY(handle);
        QVERIFY(handle->isEnabled());
        QVERIFY(!handle->parentWidget()->toolTip().isEmpty());
        const EstimateSet before = window().estimateService()->estimates();
        QList<QList<qreal>> chartsBefore;
        for (ChartKind kind : {ChartKind::Speed, ChartKind::Memory, ChartKind::Concurrency})
            chartsBefore << plottedValues(window().chart(kind));

        handle->setValue(handle->value() + steps);
        QVERIFY(window().isWindowModified());
        settle();

        const EstimateSet after = window().estimateService()->estimates();
        QVERIFY(after != before);
        QCOMPARE(after.rows.size(), before.rows.size());
        int chartsChanged = 0;
        int index = 0;
        for (ChartKind kind : {ChartKind::Speed, ChartKind::Memory, ChartKind::Concurrency})
            chartsChanged += plottedValues(window().chart(kind)) != chartsBefore.at(index++) ? 1 : 0;
        QVERIFY2(chartsChanged >= 1, "no chart series changed");

        window().controller()->undoStack()->undo();
        settle();
        QCOMPARE(window().estimateService()->estimates(), before);
    }

    void uncheckingRemovesTheBar()
    {
        HardwareListModel *model = window().hardwarePanel()->model();
        const QString removed = window().estimateService()->estimates().rows.at(3).label;
        QVERIFY(speedCategories(window()).contains(removed));
        QVERIFY(model->setData(model->indexForScenarioIndex(3), Qt::Unchecked, Qt::CheckStateRole));
        settle();
        QCOMPARE(window().estimateService()->estimates().rows.size(), 6);
        QCOMPARE(speedCategories(window()).size(), 6);
        QVERIFY(!speedCategories(window()).contains(removed));
        QCOMPARE(window().resultsTable()->view()->model()->rowCount(), 6);
    }

    void articleLineupButtonRestoresSevenColumns()
    {
        Scenario scenario = window().controller()->scenario();
        scenario.configurations = {scenario.configurations.first()};
        window().controller()->edit(scenario, QStringLiteral("Keep one"));
        settle();
        QCOMPARE(speedCategories(window()).size(), 1);
        window().hardwarePanel()->articleLineupButton()->click();
        settle();
        QCOMPARE(window().controller()->scenario().configurations, articleLineupConfigurations());
        QCOMPARE(speedCategories(window()).size(), 7);
        QCOMPARE(window().resultsTable()->view()->model()->rowCount(), 7);
    }

    void badScenarioFileIsRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("future version") << QStringLiteral("future-version.headroom.json");
        QTest::newRow("corrupt") << QStringLiteral("corrupt.headroom.json");
        QTest::newRow("wrong types") << QStringLiteral("wrong-types.headroom.json");
        QTest::newRow("missing") << QStringLiteral("missing.headroom.json");
    }
    void badScenarioFileIsRefused()
    {
        QFETCH(QString, file);
        Scenario scenario = window().controller()->scenario();
        scenario.workload.users = 4;
        window().controller()->edit(scenario, QStringLiteral("Change users"));
        settle();
        const QString title = window().windowTitle();
        QVERIFY(!window().document()->openPath(QStringLiteral(HEADROOM_TEST_DATA "/scenarios/") + file));
        QCOMPARE(window().controller()->scenario(), scenario);
        QVERIFY(window().isWindowModified());
        QCOMPARE(window().windowTitle(), title);
        auto *box = window().findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(file));
        box->close();
    }

    void saveThenOpenRoundTrips()
    {
        Scenario scenario = window().controller()->scenario();
        scenario.workload.contextTokens = 32768;
        scenario.configurations[0].checked = false;
        window().controller()->edit(scenario, QStringLiteral("Edit"));
        const QString path = m_dir.filePath(QStringLiteral("saved.headroom.json"));
        QVERIFY(window().document()->saveTo(path));
        QVERIFY(!window().isWindowModified());
        QVERIFY(window().windowTitle().startsWith(QStringLiteral("saved.headroom.json")));
        QCOMPARE(m_settings->recentFiles().first(), path);
        window().controller()->reset(articleLineupScenario());
        QVERIFY(window().document()->openPath(path));
        QCOMPARE(window().controller()->scenario(), scenario);
        QCOMPARE(m_settings->lastScenarioPath(), path);
    }

    void advisorRunsOnlyWhileShown()
    {
        QVERIFY(!window().advisorService()->isActive()); // the details tab is in front at start
        const int searches = window().advisorService()->searchCount();
        window().advisorDock()->show();
        window().advisorDock()->raise();
        settle();
        QTRY_VERIFY(window().advisorService()->isActive());
        QTRY_VERIFY(window().advisorService()->searchCount() > searches);
        window().advisorDock()->close();
        QTRY_VERIFY(!window().advisorService()->isActive());
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Value));
        QVERIFY(window().advisorService()->isActive());
    }

    // The first question: Llama 3.3 70B Q4_K_M, one user, at least 20 t/s. "Compare these"
    // puts the shortlisted configurations on the charts and brings the speed chart forward.
    void compareThesePutsThePicksOnTheCharts()
    {
        Scenario scenario = window().controller()->scenario();
        scenario.advisor.minDecodeTpsPerUser = 20;
        window().controller()->edit(scenario, QStringLiteral("Require 20 t/s"));
        window().advisorDock()->show();
        window().advisorDock()->raise();
        settle();
        QTRY_VERIFY(!window().advisorService()->result().shortlist.isEmpty());
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Memory));
        const AdvisorResult advice = window().advisorService()->result();
        QTest::mouseClick(window().advisorPanel()->replaceButton(), Qt::LeftButton);
        settle();
        QVERIFY(window().currentChart()->kind() == ChartKind::Speed);
        const qsizetype picks = std::min<qsizetype>(advice.shortlist.size(), AdvisorPanel::MaxComparedPicks);
        const EstimateSet &shown = window().estimateService()->estimates();
        QCOMPARE(shown.rows.size(), picks);
        QCOMPARE(speedCategories(window()).size(), picks);
        for (qsizetype i = 0; i < picks; ++i) {
            QCOMPARE(shown.rows.at(i).input.configuration.deviceId, advice.shortlist.at(i).configuration.deviceId);
            QCOMPARE(shown.rows.at(i).input.configuration.count, advice.shortlist.at(i).configuration.count);
            QVERIFY2(shown.rows.at(i).estimate.decodeTpsPerUser >= 20,
                     qPrintable(shown.rows.at(i).label));
        }
        QVERIFY(window().controller()->undoStack()->canUndo());
    }

    // Help offers the guide shipped in the binary, every shortcut of the menus, and What's This on the controls.
    void helpExplainsTheWindow()
    {
        QMenu *help = nullptr;
        for (QAction *action : window().menuBar()->actions()) {
            if (action->menu() && action->text().remove(QLatin1Char('&')) == QStringLiteral("Help"))
                help = action->menu();
        }
        QVERIFY(help);
        QStringList items;
        for (QAction *action : help->actions())
            items << action->text().remove(QLatin1Char('&'));
        QVERIFY2(items.contains(QStringLiteral("Headroom Guide")) && items.contains(QStringLiteral("Keyboard Shortcuts"))
                     && items.contains(QStringLiteral("What's This?")),
                 qPrintable(items.join(QStringLiteral(", "))));

        for (QAction *action : help->actions()) {
            if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Headroom Guide"))
                action->trigger();
        }
        auto *guide = window().findChild<GuideDialog *>();
        QVERIFY(guide);
        const QString guideText = guide->browser()->toPlainText();
        QVERIFY(guideText.contains(QStringLiteral("Headroom guide")));
        QVERIFY(guideText.contains(QStringLiteral("Presenting to a customer")));
        guide->close();

        const QList<ShortcutEntry> shortcuts = menuShortcuts(window().menuBar()->actions());
        const auto has = [&](const QString &action, const QString &keys) {
            return std::any_of(shortcuts.cbegin(), shortcuts.cend(), [&](const ShortcutEntry &entry) {
                return entry.action.startsWith(action) && entry.keys == keys;
            });
        };
        QVERIFY(has(QStringLiteral("Advisor"), QStringLiteral("Ctrl+B")));
        QVERIFY(has(QStringLiteral("Undo"), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
        QVERIFY(has(QStringLiteral("Present"), QStringLiteral("F5")));
        ShortcutsDialog dialog(shortcuts);
        const QString listed = dialog.browser()->toPlainText();
        QVERIFY(listed.contains(QStringLiteral("Ctrl+B")));
        QVERIFY(listed.contains(QStringLiteral("Leave Present mode")));

        for (const char *name : {"usersSlider", "contextSlider", "promptSlider", "modelSizeSlider"}) {
            auto *slider = window().findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(slider && slider->parentWidget() && !slider->parentWidget()->whatsThis().isEmpty(), name);
        }
        QVERIFY(!window().chartTabs()->whatsThis().isEmpty());
    }

    // View ▸ This Machine adds what this computer has to the comparison, off the window's thread; a machine
    // with nothing the catalog knows changes nothing and says why. Recorded readings, never the real machine.
    void thisMachineJoinsTheComparison_data()
    {
        QTest::addColumn<QString>("smi");
        QTest::addColumn<QString>("label");
        QTest::newRow("two RTX 4090") << "NVIDIA GeForce RTX 4090, 24564\nNVIDIA GeForce RTX 4090, 24564\n"
                                      << "This machine: 2x NVIDIA GeForce RTX 4090";
        QTest::newRow("no GPU") << "" << "";
    }
    void thisMachineJoinsTheComparison()
    {
        QFETCH(QString, smi);
        QFETCH(QString, label);
        ThisMachine *machine = window().thisMachine();
        QVERIFY(machine);
        machine->setProbe([smi] {
            MachineReadings readings;
            readings.systemMemoryGB = 64;
            readings.gpus = parseNvidiaSmi(smi, readings.notes);
            return readings;
        });
        const Scenario before = window().controller()->scenario();
        QSignalSpy finished(machine, &ThisMachine::finished);
        machine->action()->trigger();
        QVERIFY(finished.wait(5000));
        settle();
        const Scenario after = window().controller()->scenario();
        if (label.isEmpty()) {
            QVERIFY(after == before);
            QVERIFY(window().statusBar()->currentMessage().contains(QStringLiteral("nothing changed")));
            return;
        }
        QCOMPARE(after.configurations.size(), before.configurations.size() + 1);
        QCOMPARE(after.configurations.last().label, label);
        QCOMPARE(after.configurations.last().configuration.count, 2);
        QTRY_VERIFY(std::any_of(window().estimateService()->estimates().rows.cbegin(),
                                window().estimateService()->estimates().rows.cend(),
                                [&](const EstimateRow &row) { return row.label == label; }));
        window().controller()->undoStack()->undo();
        settle();
        QVERIFY(window().controller()->scenario() == before);
        machine->setProbe(&probeThisMachine);
    }

    // Looking at another chart is not an edit: no undo step, no "modified", and Undo leaves the tab alone.
    void choosingAChartIsNotAnEdit()
    {
        ScenarioController *controller = window().controller();
        const int steps = controller->undoStack()->count();
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Memory));
        settle();
        QCOMPARE(controller->undoStack()->count(), steps);
        QVERIFY(!controller->isDirty());
        QVERIFY(controller->scenario().chart == ChartKind::Memory);
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Concurrency));
        settle();
        QCOMPARE(controller->undoStack()->count(), steps);
        QVERIFY(window().chartTabs()->currentWidget() == window().chart(ChartKind::Concurrency));
    }

    // The prompt length is a control: a longer prompt takes longer to the first token, everywhere.
    void promptSliderMovesTimeToFirstToken()
    {
        auto *handle = window().findChild<QSlider *>(QStringLiteral("promptSlider"));
        QVERIFY(handle);
        QVERIFY(!handle->parentWidget()->toolTip().isEmpty());
        const double before = window().estimateService()->estimates().rows.first().estimate.ttftSeconds;
        handle->setValue(handle->value() + 3);
        settle();
        QCOMPARE(window().controller()->scenario().workload.promptTokens, 4096);
        const double after = window().estimateService()->estimates().rows.first().estimate.ttftSeconds;
        QVERIFY2(after > 4 * before, qPrintable(QStringLiteral("%1 s -> %2 s").arg(before).arg(after)));
    }

    // A context every user shares: vLLM caches it once and reads it once a step, so a batch of users decodes
    // faster and holds less cache; the shared part never outgrows the context, which takes it down in one undo step.
    void sharedContextIsCachedOnceForServingUsers()
    {
        Scenario scenario = window().controller()->scenario();
        scenario.runtime = Runtime::Vllm;
        scenario.modelId = QStringLiteral("qwen3-30b-a3b");
        scenario.customModel.reset();
        scenario.workload.users = 16;
        scenario.workload.contextTokens = 16384;
        window().controller()->edit(scenario, QStringLiteral("serving"));
        settle();
        const auto nvidiaRow = [this] {
            for (const EstimateRow &row : window().estimateService()->estimates().rows) {
                if (row.input.device.vendor == QLatin1String("nvidia") && row.estimate.fit == Fit::Fits)
                    return row;
            }
            return EstimateRow{};
        };
        const EstimateRow before = nvidiaRow();
        QVERIFY(!before.input.device.id.isEmpty());

        auto *handle = window().findChild<QSlider *>(QStringLiteral("sharedContextSlider"));
        QVERIFY(handle);
        QVERIFY(!handle->parentWidget()->toolTip().isEmpty());
        handle->setValue(handle->maximum());
        settle();
        QCOMPARE(window().controller()->scenario().workload.sharedContextTokens, 16384);
        const EstimateRow after = nvidiaRow();
        QCOMPARE(after.input.device.id, before.input.device.id);
        QVERIFY2(after.estimate.decodeTpsTotal > 1.2 * before.estimate.decodeTpsTotal,
                 qPrintable(QStringLiteral("%1 -> %2 t/s").arg(before.estimate.decodeTpsTotal).arg(after.estimate.decodeTpsTotal)));
        QVERIFY(after.estimate.memory.kvCacheGB < before.estimate.memory.kvCacheGB / 4);

        const int steps = window().controller()->undoStack()->count();
        auto *context = window().findChild<QSlider *>(QStringLiteral("contextSlider"));
        context->setValue(context->value() - 2);
        settle();
        QCOMPARE(window().controller()->scenario().workload.contextTokens, 4096);
        QCOMPARE(window().controller()->scenario().workload.sharedContextTokens, 4096);
        QCOMPARE(window().controller()->undoStack()->count(), steps + 1);
        window().controller()->undoStack()->undo();
        settle();
        QCOMPARE(window().controller()->scenario().workload.sharedContextTokens, 16384);
    }

    // The context stops at the longest context the model takes, and says so; a model with a shorter
    // limit brings the context down with it, in the same undo step.
    void contextStopsAtTheModelsLongest()
    {
        auto *handle = window().findChild<QSlider *>(QStringLiteral("contextSlider"));
        QVERIFY(handle);
        QLabel *note = window().pickerPanel()->contextNote();
        QVERIFY(note->isHidden());
        handle->setValue(handle->maximum());
        settle();
        QCOMPARE(window().controller()->scenario().workload.contextTokens, 131072); // Llama 3.3 70B
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(QStringLiteral("128K")), qPrintable(note->text()));

        const int steps = window().controller()->undoStack()->count();
        QComboBox *models = window().pickerPanel()->modelCombo();
        const LanguageModel *shortModel = nullptr;
        for (const LanguageModel &model : embeddedCatalog().models())
            shortModel = !shortModel && model.maxContext > 0 && model.maxContext < 131072 ? &model : shortModel;
        QVERIFY(shortModel);
        const int row = models->findText(shortModel->name);
        QVERIFY(row >= 0);
        models->setCurrentIndex(row);
        Q_EMIT models->activated(row);
        settle();
        QCOMPARE(window().controller()->scenario().workload.contextTokens, shortModel->maxContext);
        QCOMPARE(window().controller()->undoStack()->count(), steps + 1);
        window().controller()->undoStack()->undo();
        settle();
        QCOMPARE(window().controller()->scenario().workload.contextTokens, 131072);
    }

    // Ctrl+B brings the Advisor forward even when it is tabbed behind Details, and hides it when it is in front.
    void advisorShortcutRaisesTheAdvisor()
    {
        QAction *showAdvisor = window().findChild<QAction *>(QStringLiteral("showAdvisor"));
        QVERIFY(showAdvisor);
        QCOMPARE(showAdvisor->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        QDockWidget *advisor = window().advisorDock();
        QDockWidget *details = nullptr;
        for (QDockWidget *dock : window().tabifiedDockWidgets(advisor))
            details = dock->isAncestorOf(window().detailsPane()) ? dock : details;
        QVERIFY(details);
        details->raise();
        QTRY_VERIFY(!showAdvisor->isChecked()); // tabbed behind Details
        showAdvisor->trigger();
        QTRY_VERIFY(showAdvisor->isChecked());
        QVERIFY(advisor->isVisible() && !advisor->visibleRegion().isEmpty());
        showAdvisor->trigger();
        QTRY_VERIFY(!advisor->isVisible());
        QVERIFY(!showAdvisor->isChecked());
        showAdvisor->trigger();
        QTRY_VERIFY(advisor->isVisible());
        QVERIFY(showAdvisor->isChecked());
    }

    // A first start never opens larger than the screen's free area (a 1366x768 laptop included).
    void firstWindowFitsTheScreen()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        Settings fresh(m_dir.filePath(QStringLiteral("first-start.ini")));
        MainWindow first(embeddedCatalog(), fresh);
        const QSize available = first.screen()->availableGeometry().size();
        QVERIFY2(first.width() <= available.width() && first.height() <= available.height(),
                 qPrintable(QStringLiteral("%1x%2 on %3x%4").arg(first.width()).arg(first.height())
                                .arg(available.width()).arg(available.height())));
    }

    void themeSwitches()
    {
        window().setTheme(Theme::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(window().chart(ChartKind::Speed)->theme(), Theme::Dark);
        QCOMPARE(toString(m_settings->theme()), toString(ThemeSetting::Dark));
        window().setTheme(Theme::Light);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    }

    // Not an assertion: writes the window as PNGs when HEADROOM_SCREENSHOT_DIR is set, to look at.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("HEADROOM_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set HEADROOM_SCREENSHOT_DIR to write screenshots");
        for (Theme theme : {Theme::Light, Theme::Dark}) {
            window().setTheme(theme);
            QTest::qWait(50);
            QVERIFY(window().grab().save(dir + (theme == Theme::Dark ? QStringLiteral("/window-dark.png")
                                                                     : QStringLiteral("/window.png"))));
        }
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Concurrency));
        for (Theme theme : {Theme::Light, Theme::Dark}) {
            window().setTheme(theme);
            QTest::qWait(50);
            QVERIFY(window().grab().save(dir + (theme == Theme::Dark ? QStringLiteral("/window-concurrency-dark.png")
                                                                     : QStringLiteral("/window-concurrency.png"))));
        }
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Speed));
        window().setTheme(Theme::Light);
        // Clusters beside the single boxes: two Mac Studios over Thunderbolt 5 and four over 10 GbE.
        const Scenario single = window().controller()->scenario();
        Scenario clusters = single;
        for (const auto &[nodes, link] : {std::pair{2, "tb5-rdma"}, std::pair{4, "10gbe"}}) {
            ScenarioConfiguration macs;
            macs.configuration.deviceId = QStringLiteral("m3-ultra");
            macs.configuration.memoryGB = 512;
            macs.configuration.runtime = Runtime::Exo;
            macs.configuration.nodes = nodes;
            macs.configuration.linkId = QString::fromLatin1(link);
            clusters.configurations << macs;
        }
        const auto shoot = [&](ChartKind chart, const QString &name) {
            window().chartTabs()->setCurrentWidget(window().chart(chart));
            QTest::qWait(50);
            return window().grab().save(dir + QLatin1Char('/') + name);
        };
        window().controller()->edit(clusters, QStringLiteral("Add clusters"));
        settle();
        QVERIFY(shoot(ChartKind::Speed, QStringLiteral("window-clusters.png")));
        QVERIFY(shoot(ChartKind::Memory, QStringLiteral("window-clusters-memory.png")));
        // 32 users of vLLM asking about one 32K-token document.
        Scenario shared = single;
        shared.runtime = Runtime::Vllm;
        shared.workload.users = 32;
        shared.workload.contextTokens = 32768;
        shared.workload.sharedContextTokens = 32768;
        window().controller()->edit(shared, QStringLiteral("Shared document"));
        settle();
        QVERIFY(shoot(ChartKind::Concurrency, QStringLiteral("window-shared-context.png")));
        window().chartTabs()->setCurrentWidget(window().chart(ChartKind::Speed));
        window().controller()->edit(single, QStringLiteral("One user"));
        settle();
        const QSize before = window().size();
        window().resize(1366, 768); // a laptop
        QTest::qWait(50);
        QVERIFY(window().grab().save(dir + QStringLiteral("/window-1366.png")));
        window().resize(before);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
