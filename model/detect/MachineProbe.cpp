// Reading this machine: each tool runs at most ToolTimeoutMs, each file is read up to MaxReadBytes.
#include "detect/Detection.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace headroom {
namespace {

constexpr int ToolTimeoutMs = 2000;
constexpr qint64 MaxReadBytes = 1024 * 1024;
constexpr auto AmdVendorId = "0x1002";

// The tool's standard output, or nothing (and a note) when it is missing, fails or takes too long.
QString runTool(const QString &program, const QStringList &arguments, QStringList &notes)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(program, arguments, QIODevice::ReadOnly);
    if (!process.waitForStarted(ToolTimeoutMs))
        return {}; // not installed: nothing of that kind to read
    if (!process.waitForFinished(ToolTimeoutMs)) {
        process.kill();
        process.waitForFinished(ToolTimeoutMs);
        notes << QStringLiteral("%1 did not answer within 2 seconds").arg(program);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        notes << QStringLiteral("%1 failed (exit %2)").arg(program).arg(process.exitCode());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput().left(MaxReadBytes));
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.read(MaxReadBytes));
}

[[maybe_unused]] void probeLinux(MachineReadings &readings)
{
    readings.cpuModel = parseCpuModel(readText(QStringLiteral("/proc/cpuinfo")));
    const QString meminfo = readText(QStringLiteral("/proc/meminfo"));
    if (!meminfo.isEmpty())
        readings.systemMemoryGB = parseMeminfoGB(meminfo, readings.notes);
    const QString smi = runTool(QStringLiteral("nvidia-smi"),
                                {QStringLiteral("--query-gpu=name,memory.total"), QStringLiteral("--format=csv,noheader,nounits")},
                                readings.notes);
    readings.gpus << parseNvidiaSmi(smi, readings.notes);
    const QDir drm(QStringLiteral("/sys/class/drm"));
    for (const QString &card : drm.entryList({QStringLiteral("card?"), QStringLiteral("card??")}, QDir::Dirs | QDir::System)) {
        const QString device = drm.filePath(card) + QStringLiteral("/device/");
        if (readText(device + QStringLiteral("vendor")).trimmed() != QLatin1String(AmdVendorId))
            continue;
        if (const auto gpu = parseAmdSysfs(readText(device + QStringLiteral("product_name")),
                                           readText(device + QStringLiteral("mem_info_vram_total")), readings.notes))
            readings.gpus << *gpu;
    }
}

[[maybe_unused]] void probeMac(MachineReadings &readings)
{
    const QString brand = runTool(QStringLiteral("sysctl"), {QStringLiteral("-n"), QStringLiteral("machdep.cpu.brand_string")},
                                  readings.notes);
    const QString memsize = runTool(QStringLiteral("sysctl"), {QStringLiteral("-n"), QStringLiteral("hw.memsize")}, readings.notes);
    const QString displays = runTool(QStringLiteral("system_profiler"), {QStringLiteral("SPDisplaysDataType")}, readings.notes);
    readings.cpuModel = brand.trimmed();
    readings.systemMemoryGB = memsize.trimmed().toDouble() / 1e9;
    if (const auto gpu = parseAppleSysctl(brand, memsize, displays, readings.notes))
        readings.gpus << *gpu;
}

} // namespace

MachineReadings probeThisMachine()
{
    MachineReadings readings;
#if defined(Q_OS_MACOS)
    probeMac(readings);
#else
    probeLinux(readings);
#endif
    if (readings.gpus.isEmpty())
        readings.notes << QStringLiteral("no GPU found by nvidia-smi, sysfs or sysctl");
    return readings;
}

} // namespace headroom
