// The Advisor's price table: every named system and every non-Apple card with its list price and
// the user's quote; editing the quote column changes the quotes, and nothing else.
#include "advisor/HostPlatform.h"
#include "catalog/Catalog.h"
#include "itemmodels/QuoteTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace headroom;

class TestQuoteTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsSystemsAndCards()
    {
        QuoteTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const Catalog &catalog = embeddedCatalog();
        model.setCatalog(catalog);
        qsizetype cards = 0;
        for (const Device &device : catalog.devices())
            cards += device.isApple() ? 0 : 1;
        QCOMPARE(model.rowCount(), catalog.systems().size() + cards + hostPlatforms().size());
        QCOMPARE(model.columnCount(), int(QuoteTableModel::ColumnCount));
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString id = model.index(row, 0).data(QuoteTableModel::IdRole).toString();
            const Device *device = catalog.device(id);
            const auto host = std::find_if(hostPlatforms().cbegin(), hostPlatforms().cend(),
                                           [&id](const HostPlatform &platform) { return platform.id == id; });
            const bool isHost = host != hostPlatforms().cend();
            QVERIFY2(catalog.system(id) || (device && !device->isApple()) || isHost, qPrintable(id));
            const QString listPrice = model.index(row, QuoteTableModel::ListPriceColumn).data().toString();
            const std::optional<double> expected = catalog.system(id) ? catalog.system(id)->priceUsd
                : isHost                                              ? std::optional<double>(host->priceUsd)
                                                                      : device->priceUsd;
            QCOMPARE(listPrice == QStringLiteral("unknown"), !expected.has_value());
            QVERIFY(model.index(row, QuoteTableModel::QuoteColumn).data().toString().isEmpty());
        }
    }

    void editing_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<bool>("quoted");
        QTest::newRow("a price") << QVariant(9499.0) << true << true;
        QTest::newRow("a price as text") << QVariant(QStringLiteral("1850")) << true << true;
        QTest::newRow("zero removes") << QVariant(0.0) << true << false;
        QTest::newRow("negative refused") << QVariant(-5.0) << false << false;
        QTest::newRow("words refused") << QVariant(QStringLiteral("cheap")) << false << false;
    }
    void editing()
    {
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        QFETCH(bool, quoted);
        QuoteTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(embeddedCatalog());
        QSignalSpy edited(&model, &QuoteTableModel::quotesEdited);
        const QModelIndex quote = model.index(0, QuoteTableModel::QuoteColumn);
        const QString id = quote.data(QuoteTableModel::IdRole).toString();
        QVERIFY(model.flags(quote).testFlag(Qt::ItemIsEditable));
        QVERIFY(!model.flags(model.index(0, QuoteTableModel::ListPriceColumn)).testFlag(Qt::ItemIsEditable));
        QCOMPARE(model.setData(quote, value), accepted);
        QCOMPARE(model.quotes().contains(id), quoted);
        QCOMPARE(edited.size(), accepted ? 1 : 0);
        if (quoted) {
            QCOMPARE(model.quotes().value(id), value.toDouble());
            QVERIFY(quote.data().toString().startsWith(QLatin1Char('$')));
        }
    }

    void showsQuotesItIsGiven()
    {
        QuoteTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(embeddedCatalog());
        QSignalSpy edited(&model, &QuoteTableModel::quotesEdited);
        const QString id = model.index(1, 0).data(QuoteTableModel::IdRole).toString();
        model.setQuotes({{id, 12345}});
        QCOMPARE(model.index(1, QuoteTableModel::QuoteColumn).data().toString(), QStringLiteral("$12,345"));
        QCOMPARE(edited.size(), 0); // only user edits are reported
        model.setCatalog(embeddedCatalog()); // an import rebuilds the rows, the quotes stay
        QCOMPARE(model.quotes().value(id), 12345.0);
    }
};

QTEST_GUILESS_MAIN(TestQuoteTableModel)
#include "tst_quote_table_model.moc"
