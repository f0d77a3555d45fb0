#pragma once

#include <QList>
#include <optional>
#include <QString>
#include <QStringList>

namespace headroom {

// One accelerator as the machine's own tools describe it.
struct DetectedGpu {
    QString name;        // "NVIDIA GeForce RTX 4090", "Apple M3 Max"
    double memoryGB = 0; // its own memory, 10^9 bytes; 0 = unknown (unified memory: the system's)
    int gpuCores = 0;    // Apple GPU cores where read; 0 = unknown
    QString source;      // "nvidia-smi", "sysfs", "sysctl"
    bool operator==(const DetectedGpu &) const = default;
};

// What was read about this machine, and what could not be.
struct MachineReadings {
    QString cpuModel;
    double systemMemoryGB = 0;
    QList<DetectedGpu> gpus;
    QStringList notes; // a tool missing, output that could not be read, a limit hit
    bool operator==(const MachineReadings &) const = default;
};

// Readers of the tools' output, each given the text as recorded (tests feed recordings, never the machine).
// Garbled or truncated input gives nothing and a note, never a guess.
QList<DetectedGpu> parseNvidiaSmi(const QString &csv, QStringList &notes);        // --query-gpu=name,memory.total --format=csv,noheader,nounits
double parseMeminfoGB(const QString &meminfo, QStringList &notes);                // /proc/meminfo
QString parseCpuModel(const QString &cpuinfo);                                    // /proc/cpuinfo
std::optional<DetectedGpu> parseAmdSysfs(const QString &productName, const QString &vramBytes, QStringList &notes);
std::optional<DetectedGpu> parseAppleSysctl(const QString &brand, const QString &memsizeBytes, const QString &gpuCores,
                                            QStringList &notes);

} // namespace headroom
