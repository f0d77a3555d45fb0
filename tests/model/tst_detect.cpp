// "What can my computer run?": recorded outputs of the machine's tools read and matched to the catalog.
// Never the real machine: every input here is a recording.
#include "catalog/Catalog.h"
#include "detect/Detection.h"

#include <QTest>

using namespace headroom;

namespace {

MachineReadings fromNvidiaSmi(const QString &csv, double systemGB = 128)
{
    MachineReadings readings;
    readings.systemMemoryGB = systemGB;
    readings.gpus = parseNvidiaSmi(csv, readings.notes);
    return readings;
}

} // namespace

class TestDetect final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nvidiaSmi_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("memoryGB");
        QTest::newRow("two RTX 4090") << "NVIDIA GeForce RTX 4090, 24564\nNVIDIA GeForce RTX 4090, 24564\n"
                                      << "rtx-4090" << 2 << 24.0;
        QTest::newRow("RTX 6000 Ada") << "NVIDIA RTX 6000 Ada Generation, 49140\n" << "rtx-6000-ada" << 1 << 48.0;
        QTest::newRow("RTX PRO 6000, not its Max-Q")
            << "NVIDIA RTX PRO 6000 Blackwell Workstation Edition, 97887\n" << "rtx-pro-6000" << 1 << 96.0;
        QTest::newRow("RTX PRO 6000 Max-Q")
            << "NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition, 97887\n" << "rtx-pro-6000-maxq" << 1 << 96.0;
        QTest::newRow("DGX Spark: unified memory") << "NVIDIA GB10, [N/A]\n" << "dgx-spark" << 1 << 128.0;
        QTest::newRow("mixed cards: the most numerous")
            << "NVIDIA GeForce RTX 3090, 24576\nNVIDIA GeForce RTX 4090, 24564\nNVIDIA GeForce RTX 4090, 24564\n"
            << "rtx-4090" << 2 << 24.0;
        QTest::newRow("Tesla T4: named as nvidia-smi names it") << "Tesla T4, 15360\n" << "t4" << 1 << 16.0;
        QTest::newRow("RTX 4070 SUPER, not the RTX 4070") << "NVIDIA GeForce RTX 4070 SUPER, 12282\n" << "rtx-4070-super" << 1 << 12.0;
        QTest::newRow("RTX 4070, not its SUPER or Ti") << "NVIDIA GeForce RTX 4070, 12282\n" << "rtx-4070" << 1 << 12.0;
        QTest::newRow("unknown card") << "Tesla P40, 24576\n" << "" << 0 << 0.0;
        QTest::newRow("garbled") << "NVIDIA GeForce RTX 4090 24564\n" << "" << 0 << 0.0;
        QTest::newRow("truncated") << "NVIDIA GeForce RTX 40" << "" << 0 << 0.0;
        QTest::newRow("absurd memory") << "NVIDIA GeForce RTX 4090, 99999999999999\n" << "" << 0 << 0.0;
        QTest::newRow("nothing") << "" << "" << 0 << 0.0;
    }
    void nvidiaSmi()
    {
        QFETCH(QString, output);
        QFETCH(QString, device);
        QFETCH(int, count);
        QFETCH(double, memoryGB);
        const Detection detection = detectFrom(fromNvidiaSmi(output), embeddedCatalog());
        if (device.isEmpty()) {
            QVERIFY(!detection.configuration);
            QVERIFY(!(detection.readings.notes + detection.notes).isEmpty()); // says why
            return;
        }
        QVERIFY2(detection.configuration, qPrintable(detection.notes.join(QStringLiteral("; "))));
        QCOMPARE(detection.configuration->deviceId, device);
        QCOMPARE(detection.configuration->count, count);
        QCOMPARE(detection.configuration->memoryGB, memoryGB);
    }

    void appleSysctl_data()
    {
        QTest::addColumn<QString>("brand");
        QTest::addColumn<QString>("memsize");
        QTest::addColumn<QString>("displays");
        QTest::addColumn<QString>("device");
        QTest::addColumn<double>("memoryGB");
        const QString gb128 = QStringLiteral("137438953472");
        QTest::newRow("M3 Max, 40 GPU cores read") << "Apple M3 Max" << gb128 << "Chipset Model: Apple M3 Max\n  Total Number of Cores: 40"
                                                   << "m3-max-40c" << 128.0;
        QTest::newRow("M3 Max 36 GB, cores not read") << "Apple M3 Max" << "38654705664" << "" << "m3-max-30c" << 36.0;
        QTest::newRow("M3 Ultra 256 GB") << "Apple M3 Ultra" << "274877906944" << "" << "m3-ultra" << 256.0;
        QTest::newRow("M4 Pro 64 GB") << "Apple M4 Pro" << "68719476736" << "" << "m4-pro" << 64.0;
        QTest::newRow("M2 16 GB, not the M2 Pro") << "Apple M2" << "17179869184" << "" << "m2" << 16.0;
        QTest::newRow("M2 Pro, not the M2") << "Apple M2 Pro" << "34359738368" << "" << "m2-pro" << 32.0;
        QTest::newRow("an Intel Mac") << "Intel(R) Core(TM) i9-9880H CPU @ 2.30GHz" << gb128 << "" << "" << 0.0;
        QTest::newRow("memsize garbled") << "Apple M3 Max" << "lots" << "" << "" << 0.0;
    }
    void appleSysctl()
    {
        QFETCH(QString, brand);
        QFETCH(QString, memsize);
        QFETCH(QString, displays);
        QFETCH(QString, device);
        QFETCH(double, memoryGB);
        MachineReadings readings;
        readings.systemMemoryGB = memsize.toDouble() / 1e9;
        if (const auto gpu = parseAppleSysctl(brand, memsize, displays, readings.notes))
            readings.gpus << *gpu;
        const Detection detection = detectFrom(readings, embeddedCatalog());
        if (device.isEmpty()) {
            QVERIFY(!detection.configuration);
            return;
        }
        QVERIFY2(detection.configuration, qPrintable(detection.notes.join(QStringLiteral("; "))));
        QCOMPARE(detection.configuration->deviceId, device);
        QCOMPARE(detection.configuration->memoryGB, memoryGB);
    }

    void procFiles_data()
    {
        QTest::addColumn<QString>("meminfo");
        QTest::addColumn<double>("gb");
        QTest::newRow("64 GiB") << "MemTotal:       65859236 kB\nMemFree:        1000 kB\n" << 67.439857664;
        QTest::newRow("no MemTotal") << "MemFree: 1000 kB\n" << 0.0;
        QTest::newRow("garbled") << "MemTotal: lots kB\n" << 0.0;
    }
    void procFiles()
    {
        QFETCH(QString, meminfo);
        QFETCH(double, gb);
        QStringList notes;
        QCOMPARE(parseMeminfoGB(meminfo, notes), gb);
        QCOMPARE(notes.isEmpty(), gb > 0);
        QCOMPARE(parseCpuModel(QStringLiteral("processor : 0\nmodel name\t: AMD Ryzen 9 7950X 16-Core Processor\n")),
                 QStringLiteral("AMD Ryzen 9 7950X 16-Core Processor"));
    }

    void amdSysfs()
    {
        QStringList notes;
        MachineReadings readings;
        const auto gpu = parseAmdSysfs(QStringLiteral("AMD Radeon AI PRO R9700\n"), QStringLiteral("34208743424\n"), notes);
        QVERIFY(gpu);
        readings.gpus << *gpu;
        const Detection detection = detectFrom(readings, embeddedCatalog());
        QVERIFY(detection.configuration);
        QCOMPARE(detection.configuration->deviceId, QStringLiteral("radeon-ai-pro-r9700"));
        QVERIFY(!parseAmdSysfs(QString(), QStringLiteral("34208743424"), notes));
        QVERIFY(!notes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDetect)
#include "tst_detect.moc"
