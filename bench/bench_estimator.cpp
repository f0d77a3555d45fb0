// Estimates per second of the two methods (target: >= 1,000,000 per second, one thread, Release).
#include "engine/Calibration.h"
#include "engine/Estimator.h"

#include <QTest>

using namespace headroom;

namespace {

EstimateInput benchInput(Method method, int users)
{
    EstimateInput input;
    input.device.id = QStringLiteral("rtx-5090");
    input.device.vendor = QStringLiteral("nvidia");
    input.device.kind = MemoryKind::Discrete;
    input.device.segment = Segment::Consumer;
    input.device.memoryOptionsGB = {32};
    input.device.bandwidthGBs = 1792;
    input.device.fp16Tflops = 209.5;
    input.device.interconnect = Interconnect{QStringLiteral("pcie5"), 64};
    input.configuration.deviceId = input.device.id;
    input.configuration.count = 2;
    input.model.paramsB = 30.5;
    input.model.activeParamsB = 3.3;
    input.model.layers = 48;
    input.model.hidden = 2048;
    input.model.attentionHeads = 32;
    input.model.kvHeads = 4;
    input.model.headDim = 128;
    input.model.experts = 128;
    input.model.expertsPerToken = 8;
    input.model.maxContext = 40960;
    input.model.publishedSizes = {PublishedSize{QStringLiteral("Q4_K_M"), 18.6, QString()}};
    input.quant = Quantization{QStringLiteral("Q4_K_M"), 4.85};
    input.workload.users = users;
    input.method = method;
    return input;
}

} // namespace

class BenchEstimator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void estimates_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<int>("users");
        QTest::newRow("roofline, 1 user") << int(Method::Roofline) << 1;
        QTest::newRow("roofline, 32 users") << int(Method::Roofline) << 32;
        QTest::newRow("seed") << int(Method::Seed) << 1;
    }

    void estimates()
    {
        QFETCH(int, method);
        QFETCH(int, users);
        const EstimateInput input = benchInput(Method(method), users);
        const Calibration &calibration = Calibration::builtIn();
        constexpr int kBatch = 1000; // estimates per benchmark iteration
        double sink = 0;
        QBENCHMARK {
            for (int i = 0; i < kBatch; ++i)
                sink += estimate(input, calibration).decodeTpsTotal;
        }
        QVERIFY(sink > 0);
    }
};

QTEST_GUILESS_MAIN(BenchEstimator)
#include "bench_estimator.moc"
