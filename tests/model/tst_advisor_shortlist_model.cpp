// The advisor's shortlist table: watched by QAbstractItemModelTester through resets and in-place
// updates; display text, sort keys and the tooltips that explain each cell.
#include "../support/AdvisorCandidates.h"
#include "core/ConfigurationLabels.h"
#include "itemmodels/AdvisorShortlistModel.h"
#include "engine/Estimator.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <limits>

#include <cmath>

using namespace headroom;

namespace {

const CostAssumptions Assumptions{3, 0.5, 0.15, 0.6};

// One shortlisted configuration of Llama 3.3 70B Q4_K_M, estimated for real so tooltips have formulas.
AdvisorCandidate candidate(const QString &deviceId, int count, std::optional<double> priceUsd, double powerW)
{
    return testing::advisorCandidate(deviceId, count, priceUsd, powerW, Assumptions);
}

AdvisorResult result(QList<AdvisorCandidate> shortlist)
{
    AdvisorResult r;
    r.shortlist = std::move(shortlist);
    r.considered = 40;
    r.reason = QStringLiteral("hand-made");
    return r;
}

AdvisorResult three()
{
    return result({candidate(QStringLiteral("m3-ultra"), 1, 5599, 480),
                   candidate(QStringLiteral("rtx-pro-6000"), 2, std::nullopt, 1200),
                   candidate(QStringLiteral("rtx-5090"), 2, 3998, 0)});
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestAdvisorShortlistModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resetsAndUpdatesInPlace()
    {
        AdvisorShortlistModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(AdvisorShortlistModel::ColumnCount));

        model.setResult(three(), Assumptions);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(changes.size(), 0);

        AdvisorResult faster = three();
        std::swap(faster.shortlist[0], faster.shortlist[2]);
        model.setResult(faster, Assumptions); // same row count: in place
        QCOMPARE(resets.size(), 1);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().at(0).value<QModelIndex>(), model.index(0, 0));
        QCOMPARE(changes.first().at(1).value<QModelIndex>(), model.index(2, AdvisorShortlistModel::ColumnCount - 1));
        QCOMPARE(cell(model, 0, AdvisorShortlistModel::ConfigurationColumn),
                 compactConfigurationLabels({faster.shortlist.at(0).label}).first());

        model.setResult(faster, Assumptions); // nothing changed: no signal
        QCOMPARE(changes.size(), 1);

        model.setResult(result({faster.shortlist.first()}), Assumptions);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(resets.size(), 2);
        model.setResult(AdvisorResult{}, Assumptions);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 3);
    }

    void displayText_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::newRow("rank") << 1 << int(AdvisorShortlistModel::RankColumn) << QStringLiteral("2");
        QTest::newRow("label") << 0 << int(AdvisorShortlistModel::ConfigurationColumn) << QStringLiteral("Apple M3 Ultra");
        QTest::newRow("quant") << 0 << int(AdvisorShortlistModel::QuantColumn) << QStringLiteral("Q4_K_M");
        QTest::newRow("fit") << 0 << int(AdvisorShortlistModel::FitColumn) << QStringLiteral("Fits");
        QTest::newRow("price grouped") << 0 << int(AdvisorShortlistModel::PriceColumn) << QStringLiteral("$5,599");
        QTest::newRow("price unknown") << 1 << int(AdvisorShortlistModel::PriceColumn) << QStringLiteral("price unknown");
        QTest::newRow("power") << 1 << int(AdvisorShortlistModel::PowerColumn) << QStringLiteral("1200");
        QTest::newRow("power unknown") << 2 << int(AdvisorShortlistModel::PowerColumn) << QStringLiteral("unknown");
        QTest::newRow("no break-even without a price") << 1 << int(AdvisorShortlistModel::BreakevenColumn)
                                                       << QStringLiteral("\u2014");
    }
    void displayText()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        QFETCH(QString, text);
        AdvisorShortlistModel model;
        model.setResult(three(), Assumptions);
        QString expected = text;
        if (column == AdvisorShortlistModel::ConfigurationColumn) // the catalog's device name, compact
            expected = compactConfigurationLabels({model.candidate(row).label}).first();
        QCOMPARE(cell(model, row, column), expected);
    }

    void numbersMatchTheCandidates()
    {
        AdvisorShortlistModel model;
        model.setResult(three(), Assumptions);
        for (int row = 0; row < model.rowCount(); ++row) {
            const AdvisorCandidate &c = model.candidate(row);
            QCOMPARE(model.index(row, AdvisorShortlistModel::DecodePerUserColumn).data(AdvisorShortlistModel::SortRole).toDouble(),
                     c.estimate.decodeTpsPerUser);
            QCOMPARE(model.index(row, AdvisorShortlistModel::CostPerTokenColumn).data(AdvisorShortlistModel::SortRole).toDouble(),
                     c.cost.usdPerMillionTokens.value_or(std::numeric_limits<double>::infinity()));
            QCOMPARE(model.index(row, 0).data(AdvisorShortlistModel::PlatformRole).toInt(),
                     static_cast<int>(c.platform));
            QCOMPARE(model.index(row, 0).data(AdvisorShortlistModel::PriceKnownRole).toBool(), c.priceUsd.has_value());
        }
        // Unknown prices and powers sort after every known one.
        QVERIFY(std::isinf(model.index(1, AdvisorShortlistModel::PriceColumn).data(AdvisorShortlistModel::SortRole).toDouble()));
        QVERIFY(std::isinf(model.index(2, AdvisorShortlistModel::PowerColumn).data(AdvisorShortlistModel::SortRole).toDouble()));
    }

    void sortsThroughAProxy_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("order"); // device ids, ascending
        QTest::newRow("price, unknown last") << int(AdvisorShortlistModel::PriceColumn)
                                             << QStringList{QStringLiteral("rtx-5090"), QStringLiteral("m3-ultra"),
                                                            QStringLiteral("rtx-pro-6000")};
        QTest::newRow("rank") << int(AdvisorShortlistModel::RankColumn)
                              << QStringList{QStringLiteral("m3-ultra"), QStringLiteral("rtx-pro-6000"), QStringLiteral("rtx-5090")};
    }
    void sortsThroughAProxy()
    {
        QFETCH(int, column);
        QFETCH(QStringList, order);
        AdvisorShortlistModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(AdvisorShortlistModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(three(), Assumptions);
        proxy.sort(column, Qt::AscendingOrder);
        QStringList sorted;
        for (int row = 0; row < proxy.rowCount(); ++row)
            sorted << model.candidate(proxy.mapToSource(proxy.index(row, 0)).row()).configuration.deviceId;
        QCOMPARE(sorted, order);
    }

    void tooltipsExplainTheCell()
    {
        AdvisorShortlistModel model;
        model.setResult(three(), Assumptions);
        for (int row = 0; row < model.rowCount(); ++row) {
            const AdvisorCandidate &c = model.candidate(row);
            const QString cost = explainCost(c, Assumptions);
            QVERIFY(!cost.isEmpty());
            QCOMPARE(cell(model, row, AdvisorShortlistModel::CostPerTokenColumn, Qt::ToolTipRole), cost);
            QCOMPARE(cell(model, row, AdvisorShortlistModel::BreakevenColumn, Qt::ToolTipRole), cost);
            QCOMPARE(cell(model, row, AdvisorShortlistModel::DecodePerUserColumn, Qt::ToolTipRole),
                     c.label + QStringLiteral("\n\n") + explain(c.input, c.estimate));
        }
        QVERIFY(cell(model, 0, AdvisorShortlistModel::PriceColumn, Qt::ToolTipRole).contains(QStringLiteral("https://example.invalid")));
        QVERIFY(cell(model, 1, AdvisorShortlistModel::PriceColumn, Qt::ToolTipRole).contains(QStringLiteral("No public list price")));
        QVERIFY(!model.headerData(AdvisorShortlistModel::CostPerTokenColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAdvisorShortlistModel)
#include "tst_advisor_shortlist_model.moc"
