#include "DetectCommand.h"

#include "CommandIo.h"

#include <nlohmann/json.hpp>

namespace headroom {

QByteArray detectionJson(const Detection &detection)
{
    using Json = nlohmann::ordered_json;
    Json gpus = Json::array();
    for (const DetectedGpu &gpu : detection.readings.gpus) {
        gpus.push_back({{"name", gpu.name.toStdString()},
                        {"memory_gb", gpu.memoryGB},
                        {"gpu_cores", gpu.gpuCores > 0 ? Json(gpu.gpuCores) : Json(nullptr)},
                        {"source", gpu.source.toStdString()}});
    }
    Json notes = Json::array();
    for (const QString &note : detection.readings.notes + detection.notes)
        notes.push_back(note.toStdString());
    Json root{{"cpu", detection.readings.cpuModel.toStdString()},
              {"system_memory_gb", detection.readings.systemMemoryGB},
              {"gpus", gpus},
              {"configuration", nullptr},
              {"notes", notes}};
    if (const auto &configuration = detection.configuration) {
        root["configuration"] = {{"hardware", configuration->deviceId.toStdString()},
                                 {"name", detection.deviceName.toStdString()},
                                 {"count", configuration->count},
                                 {"memory_gb", configuration->memoryGB}};
    }
    return QByteArray::fromStdString(root.dump(2)) + '\n';
}

QString detectionText(const Detection &detection)
{
    QString text;
    const MachineReadings &readings = detection.readings;
    text += QStringLiteral("CPU: %1\n").arg(readings.cpuModel.isEmpty() ? QStringLiteral("not read") : readings.cpuModel);
    text += QStringLiteral("System memory: %1\n")
                .arg(readings.systemMemoryGB > 0 ? QString::number(readings.systemMemoryGB, 'f', 1) + QStringLiteral(" GB")
                                                 : QStringLiteral("not read"));
    for (const DetectedGpu &gpu : readings.gpus)
        text += QStringLiteral("GPU: %1, %2 GB (%3)\n").arg(gpu.name, QString::number(gpu.memoryGB, 'f', 1), gpu.source);
    if (const auto &configuration = detection.configuration)
        text += QStringLiteral("Configuration: %1x %2 (%3), %4 GB each; try: headroom runs-on --this-machine\n")
                    .arg(configuration->count).arg(detection.deviceName, configuration->deviceId)
                    .arg(configuration->memoryGB);
    else
        text += QStringLiteral("Configuration: none matched\n");
    for (const QString &note : readings.notes + detection.notes)
        text += QStringLiteral("Note: %1\n").arg(note);
    return text;
}

int runDetect(const Options &options, QTextStream &out, QTextStream &err)
{
    const std::optional<Catalog> catalog = loadCommandCatalog(options.catalogPath, QStringLiteral("detect"), err);
    if (!catalog)
        return 2;
    const Detection detection = detectFrom(probeThisMachine(), *catalog);
    if (options.format == QLatin1String("json"))
        out << QString::fromUtf8(detectionJson(detection));
    else
        out << detectionText(detection);
    out.flush();
    return detection.configuration ? 0 : 1;
}

} // namespace headroom
