// ValidationService: the Accuracy tab's report, scored off the GUI thread; the newest request wins.
#include "../support/TestFiles.h"
#include "measured/MeasuredData.h"
#include "session/ValidationService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

constexpr int kWaitMs = 300000; // a guard against a hang, not a speed target (sanitizer builds are slow)

// The header and the first `count` data lines of the shipped measurements, plus `extra` lines.
QByteArray shippedLines(int count, const QByteArray &extra = {})
{
    QFile file(QStringLiteral(":/measured.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');
    QByteArray out;
    for (int i = 0; i <= count && i < lines.size(); ++i)
        out += lines.at(i).trimmed() + '\n';
    return out + extra;
}

} // namespace

class TestValidationService final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsAFileAndNamesItsRefusedRows()
    {
        QTemporaryDir dir;
        const QString path = test::writeTestFile(dir, "mine.csv", shippedLines(12, "XD,u,x,rtx-4090,1,none,llama.cpp-CUDA,m,llama-3-8b,8,8,Q4_K_M,,24,1008,0,1,tg,fast,\n"));
        ValidationService service;
        QSignalSpy changed(&service, &ValidationService::reportChanged);
        QSignalSpy busy(&service, &ValidationService::busyChanged);
        service.load(path);
        QVERIFY(service.isBusy());
        QVERIFY(changed.wait(kWaitMs));
        QVERIFY(!service.isBusy());
        QCOMPARE(busy.size(), 2);
        QCOMPARE(service.origin(), path);
        QCOMPARE(service.rowCount(), 12);
        QCOMPARE(service.problems().size(), 1);
        QVERIFY(toString(service.problems()).contains(QStringLiteral("line 14")));
        for (const RowScore &row : service.report().rows)
            QVERIFY(row.rooflineHoldOut.has_value());
    }

    void unreadableFileKeepsTheReport()
    {
        ValidationService service;
        QSignalSpy failed(&service, &ValidationService::loadFailed);
        QSignalSpy changed(&service, &ValidationService::reportChanged);
        service.load(QStringLiteral("/nonexistent/measurements.csv"));
        QVERIFY(failed.wait(kWaitMs));
        QCOMPARE(failed.constFirst().constFirst().toString(), QStringLiteral("/nonexistent/measurements.csv"));
        QVERIFY(service.origin().isEmpty()); // no report, so no origin
        QCOMPARE(changed.size(), 0);
        QVERIFY(!service.hasReport());
        QVERIFY(!service.problems().isEmpty());
    }

    void newestRequestWins()
    {
        QTemporaryDir dir;
        const QString first = test::writeTestFile(dir, "first.csv", shippedLines(20));
        const QString second = test::writeTestFile(dir, "second.csv", shippedLines(5));
        ValidationService service;
        QSignalSpy busy(&service, &ValidationService::busyChanged);
        QSignalSpy changed(&service, &ValidationService::reportChanged);
        service.load(first);
        service.load(second);
        QTRY_VERIFY_WITH_TIMEOUT(!service.isBusy(), kWaitMs);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(service.origin(), second);
        QCOMPARE(service.rowCount(), 5);
        QCOMPARE(busy.size(), 2); // busy once for both
    }
};

QTEST_GUILESS_MAIN(TestValidationService)
#include "tst_validation_service.moc"
