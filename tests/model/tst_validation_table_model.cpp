// ValidationTableModel: the class table under the Accuracy chart, as `headroom validate` prints it.
#include "itemmodels/ValidationTableModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace headroom;

namespace {

ScoreGroup group(ScoreSection section, const char *dimension, const char *key, int rows, std::optional<double> seed,
                 double roofline, std::optional<double> heldOut, std::optional<double> coverage)
{
    ScoreGroup g;
    g.section = section;
    g.dimension = QString::fromLatin1(dimension);
    g.key = QString::fromLatin1(key);
    g.rows = rows;
    g.seedMape = seed;
    g.rooflineMape = roofline;
    g.rooflineHoldOutMape = heldOut;
    g.holdOutCoverage = coverage;
    return g;
}

ValidationReport report()
{
    ValidationReport r;
    // Deliberately out of order, with dimensions the table leaves out.
    r.groups << group(ScoreSection::Prefill, "overall", "all", 10, std::nullopt, 0.5, 0.6, 0.8)
             << group(ScoreSection::Decode, "backend", "llama.cpp-CUDA", 4, 0.9, 0.1, 0.12, 1.0)
             << group(ScoreSection::Decode, "runtime x platform", "mlx / apple", 5, 0.4, 0.2, 0.25, 0.8)
             << group(ScoreSection::Decode, "overall", "all", 9, 0.7, 0.15, 0.2, 0.85)
             << group(ScoreSection::Concurrency, "overall", "all", 3, 0.8, 0.3, std::nullopt, std::nullopt);
    return r;
}

} // namespace

class TestValidationTableModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void passesTheModelTester()
    {
        ValidationTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(report());
        model.setReport(ValidationReport());
        model.setReport(report());
    }

    void rows_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("speed");
        QTest::addColumn<QString>("klass");
        QTest::addColumn<QString>("heldOut");
        QTest::addColumn<QString>("inRange");
        QTest::newRow("decode overall first") << 0 << "Decode, one user" << "all rows" << "20.0%" << "85.0%";
        QTest::newRow("then its classes") << 1 << "Decode, one user" << "mlx / apple" << "25.0%" << "80.0%";
        QTest::newRow("concurrency, no hold-out") << 2 << "Decode, several users" << "all rows" << "\u2014" << "\u2014";
        QTest::newRow("prefill last") << 3 << "Prompt processing" << "all rows" << "60.0%" << "80.0%";
    }

    void rows()
    {
        QFETCH(int, row);
        QFETCH(QString, speed);
        QFETCH(QString, klass);
        QFETCH(QString, heldOut);
        QFETCH(QString, inRange);
        ValidationTableModel model;
        model.setReport(report());
        QCOMPARE(model.rowCount(), 4); // the "backend" breakdown is not in the table
        QCOMPARE(model.index(row, ValidationTableModel::SpeedColumn).data().toString(), speed);
        QCOMPARE(model.index(row, ValidationTableModel::ClassColumn).data().toString(), klass);
        QCOMPARE(model.index(row, ValidationTableModel::HeldOutColumn).data().toString(), heldOut);
        QCOMPARE(model.index(row, ValidationTableModel::InRangeColumn).data().toString(), inRange);
    }

    void valueRoleCarriesTheFraction()
    {
        ValidationTableModel model;
        model.setReport(report());
        QCOMPARE(model.index(0, ValidationTableModel::RooflineColumn).data(ValidationTableModel::ValueRole).toDouble(), 0.15);
        QVERIFY(!model.index(3, ValidationTableModel::SeedColumn).data(ValidationTableModel::ValueRole).isValid());
        QCOMPARE(model.index(0, ValidationTableModel::RowsColumn).data(ValidationTableModel::ValueRole).toInt(), 9);
    }
};

QTEST_GUILESS_MAIN(TestValidationTableModel)
#include "tst_validation_table_model.moc"
