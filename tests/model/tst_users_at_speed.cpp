// "Users at >= N t/s each": the most users a configuration serves with every one decoding at least N t/s.
#include "catalog/Catalog.h"
#include "engine/Estimator.h"
#include "engine/UsersAtSpeed.h"

#include <QTest>

using namespace headroom;

namespace {

EstimateInput inputFor(const QString &device, int count, const QString &model)
{
    const Catalog &catalog = embeddedCatalog();
    EstimateInput input;
    input.device = *catalog.device(device);
    input.configuration.deviceId = device;
    input.configuration.count = count;
    input.configuration.memoryGB = input.device.largestMemoryGB();
    input.model = *catalog.model(model);
    input.quant = *catalog.quantization(QStringLiteral("Q4_K_M"));
    return input;
}

double perUser(EstimateInput input, int users)
{
    input.workload.users = users;
    const Estimate result = estimate(input, Calibration::builtIn());
    return result.runs() && result.fit != Fit::Offload ? result.decodeTpsPerUser : 0;
}

} // namespace

class TestUsersAtSpeed final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Whatever the count, it is the edge: that many users each reach N t/s and one more does not.
    void findsTheEdge_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("minTps");
        QTest::newRow("M3 Ultra, 70B, 10 t/s") << "m3-ultra" << 1 << "llama-3.3-70b" << 10.0;
        QTest::newRow("2x RTX 5090, 70B, 10 t/s") << "rtx-5090" << 2 << "llama-3.3-70b" << 10.0;
        QTest::newRow("RTX PRO 6000, 8B, 20 t/s") << "rtx-pro-6000" << 1 << "llama-3.1-8b" << 20.0;
        QTest::newRow("M4 Pro, 30B-A3B, 10 t/s") << "m4-pro" << 1 << "qwen3-30b-a3b" << 10.0;
    }

    void findsTheEdge()
    {
        QFETCH(QString, device);
        QFETCH(int, count);
        QFETCH(QString, model);
        QFETCH(double, minTps);
        const EstimateInput input = inputFor(device, count, model);
        const int users = usersAtMinTps(input, minTps, Calibration::builtIn());
        QVERIFY2(users >= 1, qPrintable(QStringLiteral("one user at %1 t/s").arg(perUser(input, 1))));
        QVERIFY(perUser(input, users) >= minTps);
        if (users < 4096)
            QVERIFY2(perUser(input, users + 1) < minTps, qPrintable(QString::number(users)));
    }

    // Zero when even one user is slower, or the model does not fit.
    void zeroWhenNobodyIsServed_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("model");
        QTest::addColumn<double>("minTps");
        QTest::newRow("too slow for one") << "m4-pro" << "llama-3.3-70b" << 50.0;
        QTest::newRow("does not fit") << "rtx-5090" << "llama-3.1-405b" << 1.0;
    }

    void zeroWhenNobodyIsServed()
    {
        QFETCH(QString, device);
        QFETCH(QString, model);
        QFETCH(double, minTps);
        QCOMPARE(usersAtMinTps(inputFor(device, 1, model), minTps, Calibration::builtIn()), 0);
    }
};

QTEST_MAIN(TestUsersAtSpeed)
#include "tst_users_at_speed.moc"
