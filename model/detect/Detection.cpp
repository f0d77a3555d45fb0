#include "detect/Detection.h"

#include "catalog/Catalog.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

// Words a vendor's tools and the catalog spell differently or leave out.
const QSet<QString> &ignoredWords()
{
    static const QSet<QString> words{QStringLiteral("nvidia"), QStringLiteral("geforce"), QStringLiteral("amd"),
                                     QStringLiteral("intel"), QStringLiteral("apple"), QStringLiteral("generation"),
                                     QStringLiteral("edition"), QStringLiteral("graphics"), QStringLiteral("gpu"),
                                     QStringLiteral("core")};
    return words;
}

QSet<QString> wordsOf(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    QSet<QString> words;
    for (const QString &word : name.toLower().split(separators, Qt::SkipEmptyParts)) {
        if (!ignoredWords().contains(word))
            words.insert(word);
    }
    return words;
}

// "Apple M3 Max (40-core GPU)": the core count, else 0.
int gpuCoresInName(const QString &name)
{
    static const QRegularExpression cores(QStringLiteral("(\\d+)-core GPU"));
    return cores.match(name).captured(1).toInt();
}

QString withoutCoreCount(const QString &name)
{
    static const QRegularExpression cores(QStringLiteral("\\(?\\d+-core GPU\\)?"));
    return QString(name).remove(cores);
}

// The words of the catalog name the detected words contain: the whole name, else the chip named in its
// parentheses ("NVIDIA DGX Spark (GB10)" is what nvidia-smi calls "NVIDIA GB10"); empty when neither.
QSet<QString> namesOf(const QString &catalogName, const QSet<QString> &detected)
{
    static const QRegularExpression parenthesised(QStringLiteral("\\(([^)]*)\\)"));
    const QSet<QString> whole = wordsOf(QString(catalogName).remove(parenthesised));
    if (!whole.isEmpty() && detected.contains(whole))
        return whole;
    const QSet<QString> chip = wordsOf(parenthesised.match(catalogName).captured(1));
    if (!chip.isEmpty() && detected.contains(chip))
        return chip;
    return {};
}

double nearestOption(const Device &device, double memoryGB)
{
    double best = device.largestMemoryGB();
    double bestGap = std::numeric_limits<double>::max();
    for (double option : device.memoryOptionsGB) {
        // Tools count memory in GiB or MiB; the catalog in marketed GB: compare both ways.
        const double gap = std::min(std::abs(option - memoryGB), std::abs(option * 1.073741824 - memoryGB));
        if (gap < bestGap) {
            bestGap = gap;
            best = option;
        }
    }
    return best;
}

} // namespace

std::optional<QString> matchDevice(const Catalog &catalog, const DetectedGpu &gpu, QStringList &notes)
{
    const QSet<QString> detected = wordsOf(gpu.name);
    QList<const Device *> best;
    qsizetype bestScore = 0;
    for (const Device &device : catalog.devices()) {
        const QSet<QString> wanted = namesOf(withoutCoreCount(device.name), detected);
        if (wanted.isEmpty())
            continue;
        if (wanted.size() > bestScore) {
            bestScore = wanted.size();
            best = {&device};
        } else if (wanted.size() == bestScore) {
            best << &device;
        }
    }
    if (best.isEmpty()) {
        notes << QStringLiteral("\"%1\" is not in the catalog").arg(gpu.name);
        return std::nullopt;
    }
    if (best.size() > 1 && gpu.gpuCores > 0) {
        for (const Device *device : std::as_const(best)) {
            if (gpuCoresInName(device->name) == gpu.gpuCores)
                return device->id;
        }
    }
    if (best.size() > 1) {
        // Variants of one chip: the one that sold with this much memory, else the first listed.
        for (const Device *device : std::as_const(best)) {
            const double option = nearestOption(*device, gpu.memoryGB);
            if (std::abs(option - gpu.memoryGB) < 0.1 * option || std::abs(option * 1.073741824 - gpu.memoryGB) < 0.1 * option) {
                notes << QStringLiteral("\"%1\": GPU core count not read; taken as %2").arg(gpu.name, device->name);
                return device->id;
            }
        }
        notes << QStringLiteral("\"%1\": several catalog variants match; taken as %2").arg(gpu.name, best.first()->name);
    }
    return best.first()->id;
}

Detection detectFrom(const MachineReadings &readings, const Catalog &catalog)
{
    Detection detection;
    detection.readings = readings;
    QMap<QString, QList<DetectedGpu>> byDevice;
    for (const DetectedGpu &gpu : readings.gpus) {
        if (const std::optional<QString> id = matchDevice(catalog, gpu, detection.notes))
            byDevice[*id].append(gpu);
    }
    if (byDevice.isEmpty()) {
        detection.notes << QStringLiteral("no accelerator of the catalog found: nothing changed");
        return detection;
    }
    auto chosen = byDevice.constBegin();
    for (auto it = byDevice.constBegin(); it != byDevice.constEnd(); ++it) {
        if (it.value().size() > chosen.value().size())
            chosen = it;
    }
    if (byDevice.size() > 1)
        detection.notes << QStringLiteral("different cards found; the configuration takes the most numerous");
    const Device &device = *catalog.device(chosen.key());
    const QList<DetectedGpu> &cards = chosen.value();
    Configuration configuration;
    configuration.deviceId = device.id;
    configuration.count = std::min<int>(int(cards.size()), device.maxCount);
    if (configuration.count < cards.size())
        detection.notes << QStringLiteral("%1 cards found; the catalog's %2 takes at most %3")
                               .arg(cards.size()).arg(device.name).arg(device.maxCount);
    const double memoryRead = cards.first().memoryGB > 0 ? cards.first().memoryGB : readings.systemMemoryGB;
    configuration.memoryGB = nearestOption(device, memoryRead);
    detection.configuration = configuration;
    detection.deviceName = device.name;
    detection.notes << QStringLiteral("%1 (%2) matched as %3 with %4 GB")
                           .arg(cards.first().name, cards.first().source, device.name)
                           .arg(configuration.memoryGB);
    return detection;
}

} // namespace headroom
