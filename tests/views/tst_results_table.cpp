// ResultsTable keeps every column wide enough for its values as they change, by the measure its
// delegate draws with, so no value is ever elided.
#include "catalog/Catalog.h"
#include "scenario/EstimateSet.h"
#include "views/results/ResultsTable.h"
#include "views/results/StaticTextDelegate.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>
#include <QTest>

using namespace headroom;

namespace {

EstimateSet articleEstimates(int users, double contextTokens)
{
    Scenario scenario = articleLineupScenario();
    scenario.workload.users = users;
    scenario.workload.contextTokens = int(contextTokens);
    return computeEstimates(scenario, embeddedCatalog());
}

} // namespace

class TestResultsTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesFitTheirColumns_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<double>("context");
        QTest::newRow("more users: larger totals") << 64 << 4096.0;
        QTest::newRow("longer context: more memory") << 1 << 131072.0;
    }

    // The table is sized when it is built; a later update in place (the same configurations,
    // new values) has to widen the columns its longer values need.
    void valuesFitTheirColumns()
    {
        QFETCH(int, users);
        QFETCH(double, context);
        ResultsTable table;
        table.resize(1200, 300);
        table.show();
        table.setEstimates(articleEstimates(1, 4096));
        QList<int> before;
        QHeaderView *header = table.view()->horizontalHeader();
        for (int column = 0; column < header->count(); ++column)
            before.append(header->sectionSize(column));

        table.setEstimates(articleEstimates(users, context));
        auto *delegate = qobject_cast<StaticTextDelegate *>(table.view()->itemDelegate());
        QVERIFY(delegate);
        const int margins = 2 * (table.view()->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table.view()) + 1);
        const QAbstractItemModel *model = table.view()->model();
        bool widened = false;
        for (int column = 0; column < model->columnCount(); ++column) {
            // Columns never shrink under a value (the last one stretches to what the others leave).
            if (column + 1 < model->columnCount())
                QVERIFY2(header->sectionSize(column) >= before.at(column), qPrintable(QString::number(column)));
            widened = widened || header->sectionSize(column) > before.at(column);
            for (int row = 0; row < model->rowCount(); ++row) {
                const QString text = model->index(row, column).data().toString();
                QVERIFY2(delegate->textWidth(text, table.view()->font()) + margins <= header->sectionSize(column),
                         qPrintable(QStringLiteral("'%1' in column %2 (%3 px)").arg(text).arg(column).arg(header->sectionSize(column))));
            }
        }
        QVERIFY2(widened, "the new values were expected to need a wider column");
    }
};

QTEST_MAIN(TestResultsTable)
#include "tst_results_table.moc"
