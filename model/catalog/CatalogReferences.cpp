#include "catalog/CatalogReferences.h"

#include "core/CardCount.h"

#include "catalog/CatalogFieldReader.h"

#include <algorithm>
#include <cmath>

namespace headroom::catalog {
namespace {

// Memory sizes are compared with this tolerance (GB) so 95.99999 from a calculator still matches 96.
constexpr double kMemoryMatchToleranceGB = 1e-6;

QString label(const char *section, const QString &id)
{
    return QString::fromLatin1(section) + QLatin1Char('[') + id + QLatin1Char(']');
}

QString joinedNumbers(const QList<double> &numbers)
{
    QStringList texts;
    for (double number : numbers)
        texts << formatNumber(number);
    return texts.join(QStringLiteral(", "));
}

void checkSystem(const Catalog &catalog, const NamedSystem &system, const QString &file, Diagnostics &diagnostics)
{
    const QString entry = label("systems", system.id);
    const Configuration &configuration = system.configuration;
    const Device *device = catalog.device(configuration.deviceId);
    if (!device) {
        diagnostics.append({file, entry, QStringLiteral("device"),
                            QStringLiteral("names unknown device \"%1\"").arg(configuration.deviceId)});
    } else {
        const bool memoryIsOption = configuration.memoryGB == 0
            || std::any_of(device->memoryOptionsGB.cbegin(), device->memoryOptionsGB.cend(), [&](double option) {
                   return std::abs(option - configuration.memoryGB) < kMemoryMatchToleranceGB;
               });
        if (!memoryIsOption)
            diagnostics.append({file, entry, QStringLiteral("memory_gb"),
                                QStringLiteral("%1 is not a memory option of \"%2\" (%3)")
                                    .arg(formatNumber(configuration.memoryGB), device->id,
                                         joinedNumbers(device->memoryOptionsGB))});
        if (const QString problem = cardCountProblem(*device, configuration.count); !problem.isEmpty())
            diagnostics.append({file, entry, QStringLiteral("count"), problem});
    }
    for (qsizetype i = 0; i < system.compatibleDeviceIds.size(); ++i) {
        const QString &id = system.compatibleDeviceIds.at(i);
        if (!catalog.device(id))
            diagnostics.append({file, entry, QStringLiteral("compatible_devices[%1]").arg(i),
                                QStringLiteral("names unknown device \"%1\"").arg(id)});
    }
}

} // namespace

Diagnostics checkReferences(const Catalog &catalog, const QString &file)
{
    Diagnostics diagnostics;
    for (const NamedSystem &system : catalog.systems())
        checkSystem(catalog, system, file, diagnostics);
    for (const Device &device : catalog.devices()) {
        if (!device.clusterLinkId.isEmpty() && !catalog.link(device.clusterLinkId))
            diagnostics.append({file, label("devices", device.id), QStringLiteral("cluster_link"),
                                QStringLiteral("names unknown link \"%1\"").arg(device.clusterLinkId)});
    }
    for (const LanguageModel &model : catalog.models()) {
        for (qsizetype i = 0; i < model.publishedSizes.size(); ++i) {
            const QString &quant = model.publishedSizes.at(i).quant;
            if (!catalog.quantization(quant))
                diagnostics.append({file, label("models", model.id), QStringLiteral("published_sizes[%1].quant").arg(i),
                                    QStringLiteral("names unknown quantization \"%1\"").arg(quant)});
        }
    }
    return diagnostics;
}

} // namespace headroom::catalog
