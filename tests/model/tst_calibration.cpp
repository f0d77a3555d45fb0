// The compiled-in calibration is exactly what the fitting procedure produces from the shipped data.
#include "engine/Calibration.h"
#include "engine/CalibrationConstants.h"
#include "measured/CalibrationFit.h"
#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace headroom;

namespace {

bool closeEnough(double actual, double expected)
{
    const double scale = std::max({std::abs(actual), std::abs(expected), 1e-9});
    return std::abs(actual - expected) <= 1e-6 * scale;
}

Device device(const char *vendor, Segment segment, MemoryKind kind)
{
    Device result;
    result.id = QStringLiteral("test");
    result.vendor = QString::fromLatin1(vendor);
    result.segment = segment;
    result.kind = kind;
    return result;
}

} // namespace

class TestCalibration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!embeddedMeasuredRows().isEmpty(), "the shipped measured.csv must load");
        m_fit = fitCalibration(embeddedMeasuredRows(), embeddedCatalog());
        const QByteArray target = qgetenv("HEADROOM_WRITE_CALIBRATION");
        if (!target.isEmpty()) {
            QFile file(QString::fromLocal8Bit(target));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(calibrationConstantsSource(m_fit).toUtf8());
        }
    }

    void compiledProfilesMatchRefit()
    {
        const QList<RuntimeProfile> compiled = calibration::fittedProfiles();
        if (compiled.size() != m_fit.profiles.size())
            qWarning().noquote() << "refit constants:\n" << calibrationConstantsSource(m_fit);
        QCOMPARE(compiled.size(), m_fit.profiles.size());
        for (qsizetype i = 0; i < compiled.size(); ++i) {
            const RuntimeProfile &a = compiled.at(i);
            const RuntimeProfile &b = m_fit.profiles.at(i);
            const bool same = a.runtime == b.runtime && a.platform == b.platform
                && closeEnough(a.bandwidthEfficiency, b.bandwidthEfficiency)
                && closeEnough(a.computeEfficiency, b.computeEfficiency)
                && closeEnough(a.prefillEfficiency, b.prefillEfficiency)
                && closeEnough(a.attentionEfficiency, b.attentionEfficiency)
                && closeEnough(a.perTokenOverheadMs, b.perTokenOverheadMs)
                && closeEnough(a.perSequenceOverheadMs, b.perSequenceOverheadMs)
                && closeEnough(a.layerSplitOverheadMs, b.layerSplitOverheadMs)
                && closeEnough(a.tensorSyncUs, b.tensorSyncUs) && closeEnough(a.kernelCeilingGBs, b.kernelCeilingGBs)
                && closeEnough(a.batchEfficiency, b.batchEfficiency)
                && closeEnough(a.dequantOpsPerWeight, b.dequantOpsPerWeight)
                && closeEnough(a.prefillMicroBatchTokens, b.prefillMicroBatchTokens)
                && closeEnough(a.prefillCeilingTflops, b.prefillCeilingTflops)
                && closeEnough(a.promptOverheadMs, b.promptOverheadMs)
                && closeEnough(a.expertTokensAtHalfRate, b.expertTokensAtHalfRate)
                && closeEnough(a.quantizedPromptRate, b.quantizedPromptRate)
                && closeEnough(a.attentionScoreFlops, b.attentionScoreFlops)
                && closeEnough(a.moeLayerOverheadUs, b.moeLayerOverheadUs)
                && a.rowsFitted == b.rowsFitted && a.provenance == b.provenance;
            if (!same)
                qWarning().noquote() << "refit constants:\n" << calibrationConstantsSource(m_fit);
            QVERIFY2(same, qPrintable(QStringLiteral("profile %1 (%2) drifted from the refit")
                                          .arg(i).arg(toString(a.platform))));
        }
    }

    void compiledErrorBandsMatchHoldOut()
    {
        const QList<ErrorBand> compiled = calibration::holdOutErrorBands();
        QCOMPARE(compiled.size(), m_fit.bands.size());
        for (qsizetype i = 0; i < compiled.size(); ++i) {
            const ErrorBand &a = compiled.at(i);
            const ErrorBand &b = m_fit.bands.at(i);
            QCOMPARE(int(a.speed), int(b.speed));
            QCOMPARE(int(a.runtime), int(b.runtime));
            QCOMPARE(a.anyPlatform, b.anyPlatform);
            QCOMPARE(int(a.platform), int(b.platform));
            QCOMPARE(a.rows, b.rows);
            QVERIFY(closeEnough(a.lowRatio, b.lowRatio) && closeEnough(a.highRatio, b.highRatio)
                    && closeEnough(a.mape, b.mape));
        }
    }

    // Every band holds its estimate and is no narrower than what held-out rows showed.
    void bandsAreRanges()
    {
        QVERIFY(!m_fit.bands.isEmpty());
        for (const ErrorBand &band : std::as_const(m_fit.bands)) {
            QVERIFY(band.lowRatio > 0 && band.lowRatio <= 1);
            QVERIFY(band.highRatio >= 1);
            QVERIFY(band.rows >= 8);
        }
        for (SpeedClass speed : {SpeedClass::Decode, SpeedClass::Concurrency, SpeedClass::Prefill}) {
            const ErrorBand band = Calibration::builtIn().errorBand(speed, Runtime::LlamaCpp, PlatformClass::Apple);
            QCOMPARE(int(band.speed), int(speed));
        }
    }

    void fittedConstantsArePhysical()
    {
        for (const RuntimeProfile &profile : Calibration::builtIn().profiles()) {
            QVERIFY(profile.bandwidthEfficiency > 0 && profile.bandwidthEfficiency <= 1);
            QVERIFY(profile.computeEfficiency > 0 && profile.computeEfficiency <= 1);
            QVERIFY(profile.prefillEfficiency > 0 && profile.prefillEfficiency <= 1);
            QVERIFY(profile.attentionEfficiency > 0 && profile.attentionEfficiency <= 1);
            QVERIFY(profile.dequantOpsPerWeight >= 0);
            QVERIFY(profile.perSequenceOverheadMs >= 0);
            QVERIFY(profile.moeLayerOverheadUs >= 0);
            QVERIFY(profile.bandwidthEfficiency <= 0.95 && profile.computeEfficiency <= 0.85);
            QVERIFY(profile.prefillMicroBatchTokens >= 1);
            QVERIFY(profile.perTokenOverheadMs >= 0);
            QVERIFY(profile.batchEfficiency >= 0 && profile.batchEfficiency <= 1);
            QVERIFY(!profile.provenance.isEmpty());
        }
    }

    void fitIsDeterministic()
    {
        const QList<RuntimeProfile> again = fitProfiles(embeddedMeasuredRows(), embeddedCatalog());
        QVERIFY(again == m_fit.profiles);
    }

    void platformClass_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<int>("segment");
        QTest::addColumn<int>("expected");
        QTest::newRow("apple") << "apple" << int(Segment::Apple) << int(PlatformClass::Apple);
        QTest::newRow("geforce") << "nvidia" << int(Segment::Consumer) << int(PlatformClass::NvidiaConsumer);
        QTest::newRow("rtx pro") << "nvidia" << int(Segment::Workstation) << int(PlatformClass::NvidiaConsumer);
        QTest::newRow("h100") << "nvidia" << int(Segment::Datacenter) << int(PlatformClass::NvidiaDatacenter);
        QTest::newRow("amd") << "amd" << int(Segment::Other) << int(PlatformClass::Other);
    }

    void platformClass()
    {
        QFETCH(QString, vendor);
        QFETCH(int, segment);
        QFETCH(int, expected);
        const Device d = device(vendor.toLatin1().constData(), Segment(segment), MemoryKind::Discrete);
        QCOMPARE(int(platformClassOf(d)), expected);
    }

    void profileLookup_data()
    {
        QTest::addColumn<int>("runtime");
        QTest::addColumn<int>("platform");
        QTest::addColumn<int>("expectedRuntime");
        QTest::addColumn<int>("expectedPlatform");
        QTest::newRow("auto -> llama.cpp") << int(Runtime::Auto) << int(PlatformClass::Apple)
                                           << int(Runtime::LlamaCpp) << int(PlatformClass::Apple);
        QTest::newRow("exact") << int(Runtime::Ollama) << int(PlatformClass::NvidiaConsumer)
                               << int(Runtime::Ollama) << int(PlatformClass::NvidiaConsumer);
        QTest::newRow("vllm on apple -> llama.cpp metal") << int(Runtime::Vllm) << int(PlatformClass::Apple)
                                                          << int(Runtime::LlamaCpp) << int(PlatformClass::Apple);
        QTest::newRow("mlx on nvidia -> llama.cpp cuda") << int(Runtime::Mlx) << int(PlatformClass::NvidiaDatacenter)
                                                         << int(Runtime::LlamaCpp) << int(PlatformClass::NvidiaDatacenter);
    }

    void profileLookup()
    {
        QFETCH(int, runtime);
        QFETCH(int, platform);
        QFETCH(int, expectedRuntime);
        QFETCH(int, expectedPlatform);
        const RuntimeProfile &profile = Calibration::builtIn().profile(Runtime(runtime), PlatformClass(platform));
        QCOMPARE(int(profile.runtime), expectedRuntime);
        QCOMPARE(int(profile.platform), expectedPlatform);
    }

    void bandsOfTheModelClassComeFirst_data()
    {
        QTest::addColumn<bool>("moe");
        QTest::addColumn<int>("platform");
        QTest::addColumn<double>("highRatio"); // identifies the band chosen
        QTest::newRow("moe on its platform") << true << int(PlatformClass::Apple) << 1.9;
        QTest::newRow("dense on its platform") << false << int(PlatformClass::Apple) << 1.3;
        QTest::newRow("moe, another platform: the runtime's moe band") << true << int(PlatformClass::NvidiaConsumer) << 1.7;
        QTest::newRow("dense, another platform: the runtime's band") << false << int(PlatformClass::NvidiaConsumer) << 1.4;
    }

    // A band of the model class (dense or MoE) wins over the class-blind band at the same level; the
    // platform-specific level still comes before the runtime-wide one.
    void bandsOfTheModelClassComeFirst()
    {
        QFETCH(bool, moe);
        QFETCH(int, platform);
        QFETCH(double, highRatio);
        const auto band = [](PlatformClass bandPlatform, bool anyPlatform, double high, bool anyModel, bool bandMoe) {
            ErrorBand b;
            b.speed = SpeedClass::Decode;
            b.runtime = Runtime::LlamaCpp;
            b.platform = bandPlatform;
            b.anyPlatform = anyPlatform;
            b.lowRatio = 0.8;
            b.highRatio = high;
            b.anyModel = anyModel;
            b.moe = bandMoe;
            b.rows = 20;
            return b;
        };
        Calibration calibration;
        calibration.setErrorBands({band(PlatformClass::Apple, false, 1.3, true, false),
                                   band(PlatformClass::Apple, false, 1.9, false, true),
                                   band(PlatformClass::Other, true, 1.4, true, false),
                                   band(PlatformClass::Other, true, 1.7, false, true)});
        QCOMPARE(calibration.errorBand(SpeedClass::Decode, Runtime::LlamaCpp, PlatformClass(platform), moe).highRatio, highRatio);
    }

    void emptyCalibrationFallsBackToNeutral()
    {
        const Calibration empty;
        const RuntimeProfile &profile = empty.profile(Runtime::Vllm, PlatformClass::Apple);
        QVERIFY(profile.bandwidthEfficiency > 0);
        const ErrorBand band = empty.errorBand(SpeedClass::Decode, Runtime::Vllm, PlatformClass::Apple);
        QVERIFY(band.mape > 0 && band.lowRatio < 1 && band.highRatio > 1);
    }

private:
    CalibrationFitResult m_fit;
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
