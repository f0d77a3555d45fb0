// Prices the way they are paid: a named system's price, or devices x count marked as cards only.
#include "advisor/ConfigurationPrice.h"

#include "advisor/HostPlatform.h"
#include "catalog/ClusterLinkLookup.h"
#include "engine/Cluster.h"
#include "core/Platform.h"

#include <cmath>

namespace headroom {
namespace {

constexpr double memoryMatchToleranceGB = 1e-6;

void addHost(ConfigurationPrice &price, const Device &device, int count, const QMap<QString, double> &quotesUsd)
{
    const HostPlatform *host = hostPlatformFor(device, count);
    if (!host)
        return;
    const bool quoted = quotesUsd.contains(host->id);
    price.hostUsd = quoted ? quotesUsd.value(host->id) : host->priceUsd;
    price.hostId = host->id;
    price.hostName = host->name;
    price.hostSource = quoted ? quoteSource() : host->priceSource;
    *price.usd += *price.hostUsd;
    price.cardsOnly = false;
}

} // namespace

QString quoteSource()
{
    return QStringLiteral("your quote");
}

const NamedSystem *systemSelling(const Catalog &catalog, const Device &device, const Configuration &configuration)
{
    const double memoryGB = configuration.memoryGB > 0 ? configuration.memoryGB : device.largestMemoryGB();
    for (const NamedSystem &system : catalog.systems()) {
        const Configuration &sold = system.configuration;
        const double soldMemoryGB = sold.memoryGB > 0 ? sold.memoryGB : device.largestMemoryGB();
        if (sold.deviceId == device.id && sold.count == configuration.count
            && std::abs(soldMemoryGB - memoryGB) < memoryMatchToleranceGB)
            return &system;
    }
    return nullptr;
}

ConfigurationPrice configurationPrice(const Catalog &catalog, const Device &device, const Configuration &configuration,
                                      const NamedSystem *system, const QMap<QString, double> &quotesUsd)
{
    if (configuration.isCluster()) {
        Configuration machine = configuration;
        machine.nodes = 1;
        ConfigurationPrice price = configurationPrice(catalog, device, machine, system, quotesUsd);
        const int nodes = configuration.nodes;
        price.nodes = nodes;
        if (price.usd)
            *price.usd *= nodes;
        if (price.hostUsd)
            *price.hostUsd *= nodes;
        const ClusterLink link = lookUpClusterLink(catalog, configuration, device).link;
        price.linkUsd = linkHardwareUsd(link, nodes);
        price.linkSource = price.linkUsd ? link.priceSource : QString();
        if (price.usd && price.linkUsd)
            *price.usd += *price.linkUsd;
        return price;
    }
    const bool apple = platformOf(device) == Platform::Apple;
    if (!system && apple)
        system = systemSelling(catalog, device, configuration);
    ConfigurationPrice price;
    if (system && quotesUsd.contains(system->id)) {
        price.usd = quotesUsd.value(system->id);
        price.source = quoteSource();
    } else if (system && system->priceUsd) {
        price.usd = system->priceUsd;
        price.cardsOnly = system->cardsOnly;
        price.source = system->priceSource;
        price.date = system->priceDate;
    } else if (quotesUsd.contains(device.id) && !apple) {
        price.usd = quotesUsd.value(device.id) * configuration.count;
        price.cardsOnly = device.kind == MemoryKind::Discrete;
        price.source = quoteSource();
    } else if (device.priceUsd && !apple) {
        // A discrete card's list price leaves out the host; a unified-memory device (DGX Spark) is the machine.
        price.usd = *device.priceUsd * configuration.count;
        price.cardsOnly = device.kind == MemoryKind::Discrete;
        price.source = device.priceSource;
        price.date = device.priceDate;
    }
    if (price.usd && price.cardsOnly)
        addHost(price, device, configuration.count, quotesUsd);
    return price;
}

} // namespace headroom
