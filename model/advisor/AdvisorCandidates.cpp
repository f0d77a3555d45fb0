// The configurations the advisor's search considers: catalog slots and named systems, priced.
#include "advisor/AdvisorCandidates.h"

#include "advisor/AdvisorFormat.h"
#include "advisor/ConfigurationPrice.h"
#include "catalog/ClusterLinkLookup.h"
#include "engine/Cluster.h"
#include "engine/TensorParallel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace headroom::advisor {
namespace {

constexpr double memoryMatchToleranceGB = 1e-6;
// The clusters considered: two, four and eight identical machines.
constexpr int kClusterSizes[] = {2, 4, 8};

Runtime runtimeFor(Platform platform, const AdvisorRequirements &requirements)
{
    switch (platform) {
    case Platform::Apple: return requirements.appleRuntime;
    case Platform::Nvidia: return requirements.nvidiaRuntime;
    case Platform::Other: return requirements.otherRuntime;
    }
    return Runtime::Auto;
}

QString labelOf(const Device &device, const Configuration &configuration)
{
    QString label = device.name;
    if (configuration.count > 1)
        label = QString::number(configuration.count) + QStringLiteral("x ") + label;
    if (device.memoryOptionsGB.size() > 1)
        label += QLatin1Char(' ') + plain(configuration.memoryGB) + QStringLiteral(" GB");
    if (configuration.count > 1)
        label += QStringLiteral(" (") + toString(configuration.split) + QLatin1Char(')');
    return label;
}

bool sameSlot(const Configuration &a, const Configuration &b)
{
    return a.deviceId == b.deviceId && a.count == b.count && std::abs(a.memoryGB - b.memoryGB) < memoryMatchToleranceGB
        && a.split == b.split;
}

Configuration systemSlot(const NamedSystem &system, const Device &device)
{
    Configuration configuration = system.configuration;
    configuration.runtime = Runtime::Auto;
    if (configuration.memoryGB <= 0)
        configuration.memoryGB = device.largestMemoryGB();
    if (configuration.count == 1)
        configuration.split = Split::Auto;
    return configuration;
}

// The runtime people cluster a platform's machines with: exo on Macs joined by RDMA, vLLM on NVIDIA machines
// joined by RDMA, llama.cpp's RPC backend otherwise.
Runtime clusterRuntime(const Device &device, const ClusterLink &link)
{
    if (!link.rdma)
        return Runtime::LlamaCpp;
    if (device.isApple())
        return Runtime::Exo;
    return device.vendor == QLatin1String("nvidia") ? Runtime::Vllm : Runtime::LlamaCpp;
}

AdvisorCandidate makeCandidate(const AdvisorRequest &request, const Catalog &catalog, const Quantization &quant, const Device &device,
                               const Configuration &slot, const NamedSystem *system)
{
    const AdvisorRequirements &requirements = request.requirements;
    AdvisorCandidate candidate;
    candidate.platform = platformOf(device);
    candidate.configuration = slot;
    candidate.configuration.runtime = system && system->configuration.runtime != Runtime::Auto
        ? system->configuration.runtime
        : runtimeFor(candidate.platform, requirements);
    candidate.systemId = system ? system->id : QString();
    candidate.label = system ? system->name : labelOf(device, slot);
    if (slot.isCluster()) {
        candidate.input.link = lookUpClusterLink(catalog, slot, device).link;
        candidate.label = clusterLabel(candidate.label, slot.nodes, candidate.input.link);
        if (runtimeFor(candidate.platform, requirements) == Runtime::Auto)
            candidate.configuration.runtime = clusterRuntime(device, candidate.input.link);
    }
    const ConfigurationPrice price = configurationPrice(catalog, device, slot, system, requirements.quotesUsd);
    candidate.priceUsd = price.usd;
    candidate.priceCardsOnly = price.cardsOnly;
    candidate.priceSource = price.source;
    candidate.hostUsd = price.hostUsd;
    candidate.hostName = price.hostName;
    candidate.hostSource = price.hostSource;
    candidate.linkUsd = price.linkUsd;
    candidate.powerW = (system && system->powerW > 0 ? system->powerW : device.powerW * slot.count) * slot.nodes;
    candidate.input.device = device;
    candidate.input.configuration = candidate.configuration;
    candidate.input.model = request.model;
    candidate.input.workload = request.workload;
    candidate.input.method = Method::Roofline;
    candidate.input.appleUsableFraction = request.appleUsableFraction;
    candidate.quant = quant;
    candidate.input.quant = candidate.quant;
    return candidate;
}

// Clusters of 2, 4 and 8 machines joined by their device's cluster link: every named system (a Mac Studio, a DGX
// Spark partner box, an 8-GPU server) and every unified-memory device sold as the machine itself (DGX Spark,
// Strix Halo boards); a cluster no runtime can run is left out.
void appendClusters(const AdvisorRequest &request, const Catalog &catalog, const Quantization &quant,
                    QList<AdvisorCandidate> &candidates)
{
    const auto add = [&](const Device &device, const Configuration &machine, const NamedSystem *system) {
        if (device.clusterLinkId.isEmpty())
            return;
        for (const int nodes : kClusterSizes) {
            Configuration slot = machine;
            slot.nodes = nodes;
            const ClusterLinkLookup link = lookUpClusterLink(catalog, slot, device);
            if (!link.problem.isEmpty())
                continue;
            AdvisorCandidate candidate = makeCandidate(request, catalog, quant, device, slot, system);
            if (clusterRefusalOf(device, candidate.configuration, request.model, link.link).isEmpty())
                candidates.append(candidate);
        }
    };
    for (const NamedSystem &system : catalog.systems()) {
        if (const Device *device = catalog.device(system.configuration.deviceId))
            add(*device, systemSlot(system, *device), &system);
    }
    for (const Device &device : catalog.devices()) {
        if (device.kind != MemoryKind::Unified || device.isApple())
            continue; // a Mac is bought as its named system
        for (const double memoryGB : device.memoryOptionsGB)
            add(device, Configuration{device.id, 1, memoryGB, Split::Auto, Runtime::Auto}, nullptr);
    }
}

} // namespace

QList<AdvisorCandidate> enumerateCandidates(const AdvisorRequest &request, const Catalog &catalog,
                                            const Quantization &quant)
{
    struct Slot {
        const Device *device;
        Configuration configuration;
    };
    QList<Slot> slots;
    for (const Device &device : catalog.devices()) {
        for (int count = 1; count <= device.maxCount; ++count) {
            for (const double memoryGB : device.memoryOptionsGB) {
                const std::array<Split, 2> multiCard{Split::Layer, Split::Tensor};
                const QList<Split> splits = count == 1 ? QList<Split>{Split::Auto}
                                                       : QList<Split>(multiCard.begin(), multiCard.end());
                for (const Split split : splits) {
                    if (split == Split::Tensor && !tensorParallelRefusal(request.model, count).isEmpty())
                        continue; // no engine runs it
                    slots.append({&device, Configuration{device.id, count, memoryGB, split, Runtime::Auto}});
                }
            }
        }
    }
    QList<QList<const NamedSystem *>> systemsAt(slots.size());
    QList<std::pair<const Device *, const NamedSystem *>> unmatched;
    for (const NamedSystem &system : catalog.systems()) {
        const Device *device = catalog.device(system.configuration.deviceId);
        if (!device)
            continue;
        Configuration configuration = systemSlot(system, *device);
        const auto match = std::find_if(slots.cbegin(), slots.cend(), [&](const Slot &slot) {
            return sameSlot(slot.configuration, configuration);
        });
        if (match == slots.cend())
            unmatched.append({device, &system});
        else
            systemsAt[match - slots.cbegin()].append(&system);
    }
    QList<AdvisorCandidate> candidates;
    candidates.reserve(slots.size() + unmatched.size());
    for (qsizetype i = 0; i < slots.size(); ++i) {
        if (systemsAt.at(i).isEmpty())
            candidates.append(makeCandidate(request, catalog, quant, *slots.at(i).device, slots.at(i).configuration, nullptr));
        for (const NamedSystem *system : systemsAt.at(i))
            candidates.append(makeCandidate(request, catalog, quant, *slots.at(i).device, slots.at(i).configuration, system));
    }
    for (const auto &[device, system] : unmatched)
        candidates.append(makeCandidate(request, catalog, quant, *device, systemSlot(*system, *device), system));
    appendClusters(request, catalog, quant, candidates);
    return candidates;
}

} // namespace headroom::advisor
