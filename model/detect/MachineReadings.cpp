#include "detect/MachineReadings.h"

#include <QRegularExpression>

namespace headroom {
namespace {

constexpr double kBytesPerGB = 1e9;
constexpr double kKiB = 1024.0;
constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kMaxPlausibleGB = 100'000; // beyond any machine: the reading is garbage

bool plausibleGB(double gb)
{
    return gb > 0 && gb < kMaxPlausibleGB;
}

} // namespace

QList<DetectedGpu> parseNvidiaSmi(const QString &csv, QStringList &notes)
{
    QList<DetectedGpu> gpus;
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        const QStringList fields = line.split(QLatin1Char(','));
        bool ok = false;
        const QString memory = fields.value(1).trimmed();
        // A unified-memory GPU (DGX Spark's GB10) has no memory of its own: "[N/A]".
        const bool unified = memory == QLatin1String("[N/A]");
        const double mib = fields.size() == 2 && !unified ? memory.toDouble(&ok) : 0.0;
        const QString name = fields.value(0).trimmed();
        if (unified && fields.size() == 2 && !name.isEmpty()) {
            gpus.append({name, 0.0, 0, QStringLiteral("nvidia-smi")});
            continue;
        }
        if (!ok || name.isEmpty() || !plausibleGB(mib * kMiB / kBytesPerGB)) {
            notes << QStringLiteral("nvidia-smi: could not read the line \"%1\"").arg(line.left(80));
            continue;
        }
        gpus.append({name, mib * kMiB / kBytesPerGB, 0, QStringLiteral("nvidia-smi")});
    }
    return gpus;
}

double parseMeminfoGB(const QString &meminfo, QStringList &notes)
{
    static const QRegularExpression total(QStringLiteral("^MemTotal:\\s+(\\d+)\\s*kB\\s*$"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = total.match(meminfo);
    const double gb = match.hasMatch() ? match.captured(1).toDouble() * kKiB / kBytesPerGB : 0.0;
    if (!plausibleGB(gb)) {
        notes << QStringLiteral("/proc/meminfo: no MemTotal line");
        return 0;
    }
    return gb;
}

QString parseCpuModel(const QString &cpuinfo)
{
    static const QRegularExpression model(QStringLiteral("^model name\\s*:\\s*(.+)$"), QRegularExpression::MultilineOption);
    return model.match(cpuinfo).captured(1).trimmed();
}

std::optional<DetectedGpu> parseAmdSysfs(const QString &productName, const QString &vramBytes, QStringList &notes)
{
    bool ok = false;
    const double gb = vramBytes.trimmed().toDouble(&ok) / kBytesPerGB;
    const QString name = productName.trimmed();
    if (!ok || name.isEmpty() || !plausibleGB(gb)) {
        notes << QStringLiteral("sysfs: an AMD GPU whose name or memory could not be read");
        return std::nullopt;
    }
    return DetectedGpu{name, gb, 0, QStringLiteral("sysfs")};
}

std::optional<DetectedGpu> parseAppleSysctl(const QString &brand, const QString &memsizeBytes, const QString &gpuCores,
                                            QStringList &notes)
{
    const QString chip = brand.trimmed();
    bool ok = false;
    const double gb = memsizeBytes.trimmed().toDouble(&ok) / kBytesPerGB;
    if (!chip.startsWith(QLatin1String("Apple M")) || !ok || !plausibleGB(gb)) {
        notes << QStringLiteral("sysctl: not an Apple silicon chip, or its memory could not be read");
        return std::nullopt;
    }
    static const QRegularExpression cores(QStringLiteral("Total Number of Cores:\\s*(\\d+)"));
    const int gpuCoreCount = cores.match(gpuCores).captured(1).toInt();
    return DetectedGpu{chip, gb, gpuCoreCount, QStringLiteral("sysctl")};
}

} // namespace headroom
