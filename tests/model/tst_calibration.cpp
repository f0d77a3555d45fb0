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
                && closeEnough(a.perTokenOverheadMs, b.perTokenOverheadMs)
                && closeEnough(a.layerSplitOverheadMs, b.layerSplitOverheadMs)
                && closeEnough(a.tensorSyncUs, b.tensorSyncUs) && closeEnough(a.kernelCeilingGBs, b.kernelCeilingGBs) && closeEnough(a.batchEfficiency, b.batchEfficiency)
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
            QCOMPARE(int(compiled.at(i).platform), int(m_fit.bands.at(i).platform));
            QCOMPARE(compiled.at(i).rows, m_fit.bands.at(i).rows);
            QVERIFY2(closeEnough(compiled.at(i).mape, m_fit.bands.at(i).mape), qPrintable(toString(compiled.at(i).platform)));
        }
    }

    void fittedConstantsArePhysical()
    {
        for (const RuntimeProfile &profile : Calibration::builtIn().profiles()) {
            QVERIFY(profile.bandwidthEfficiency > 0 && profile.bandwidthEfficiency <= 1);
            QVERIFY(profile.computeEfficiency > 0 && profile.computeEfficiency <= 1);
            QVERIFY(profile.prefillEfficiency > 0 && profile.prefillEfficiency <= 1);
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

    void emptyCalibrationFallsBackToNeutral()
    {
        const Calibration empty;
        const RuntimeProfile &profile = empty.profile(Runtime::Vllm, PlatformClass::Apple);
        QVERIFY(profile.bandwidthEfficiency > 0);
        QVERIFY(empty.errorBand(PlatformClass::Apple).mape > 0);
    }

private:
    CalibrationFitResult m_fit;
};

QTEST_GUILESS_MAIN(TestCalibration)
#include "tst_calibration.moc"
