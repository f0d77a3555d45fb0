// AccuracyPanel: the Accuracy tab shows the report it is given, its class table and where the data came from.
#include "views/charts/AccuracyChart.h"
#include "views/results/AccuracyPanel.h"
#include "itemmodels/ValidationTableModel.h"
#include "measured/Validation.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace headroom;

namespace {

ValidationReport smallReport()
{
    ValidationReport report;
    RowScore row;
    row.line = 2;
    row.measured = 50;
    row.roofline = 55;
    row.seed = 70;
    row.rooflineHoldOut = 60;
    report.rows << row;
    ScoreGroup overall;
    overall.dimension = QStringLiteral("overall");
    overall.key = QStringLiteral("all");
    overall.rows = 1;
    overall.seedMape = 0.4;
    overall.rooflineMape = 0.1;
    overall.rooflineHoldOutMape = 0.2;
    overall.holdOutCoverage = 1.0;
    report.groups << overall;
    return report;
}

QPushButton *button(const AccuracyPanel &panel, const QString &text)
{
    for (QPushButton *candidate : panel.findChildren<QPushButton *>()) {
        if (candidate->text() == text)
            return candidate;
    }
    return nullptr;
}

} // namespace

class TestAccuracyPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void asksForAReportWhenShownEmpty()
    {
        AccuracyPanel panel(new AccuracyChart);
        QSignalSpy wanted(&panel, &AccuracyPanel::reportWanted);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(wanted.size(), 1);
        // Never computes on its own: the title says it waits.
        QVERIFY(!panel.chart()->isPopulated());
    }

    void showsTheReportItIsGiven_data()
    {
        QTest::addColumn<QString>("origin");
        QTest::addColumn<int>("problems");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("shippedEnabled");
        QTest::newRow("shipped") << "shipped measurements" << 0 << "1 shipped measurements" << false;
        QTest::newRow("a file with a refused row") << "/data/mine.csv" << 1 << "mine.csv: 1 rows scored. 1 rows refused: mine.csv: line 9" << true;
    }

    void showsTheReportItIsGiven()
    {
        QFETCH(QString, origin);
        QFETCH(int, problems);
        QFETCH(QString, status);
        QFETCH(bool, shippedEnabled);
        AccuracyPanel panel(new AccuracyChart);
        Diagnostics refused;
        for (int i = 0; i < problems; ++i)
            refused << Diagnostic{QStringLiteral("mine.csv"), QStringLiteral("line 9"), QStringLiteral("column 19 (tps)"),
                                  QStringLiteral("'fast' is not a number")};
        panel.setReport(smallReport(), origin, refused);
        QVERIFY2(panel.statusText().startsWith(status), qPrintable(panel.statusText()));
        QCOMPARE(panel.tableModel()->rowCount(), 1);
        QCOMPARE(panel.table()->model(), panel.tableModel());
        QVERIFY(panel.chart()->isPopulated());
        QCOMPARE(panel.chart()->points().size(), 2); // the rule and the held-out roofline
        QPushButton *shipped = button(panel, QStringLiteral("Shipped measurements"));
        QVERIFY(shipped);
        QCOMPARE(shipped->isEnabled(), shippedEnabled);
    }

    void busyBlocksNewLoads()
    {
        AccuracyPanel panel(new AccuracyChart);
        panel.setBusy(true);
        QPushButton *load = button(panel, QStringLiteral("Load measurements\u2026"));
        QVERIFY(load && !load->isEnabled());
        QVERIFY(panel.statusText().contains(QStringLiteral("Scoring")));
        panel.setBusy(false);
        QVERIFY(load->isEnabled());
    }
};

QTEST_MAIN(TestAccuracyPanel)
#include "tst_accuracy_panel.moc"
