// Readers for the "devices", "links", "quantizations" and "systems" sections of a catalog.
#include "catalog/CatalogEntryReaders.h"
#include "core/FileLimits.h"
#include "catalog/CatalogLimits.h"

#include <array>

namespace headroom::catalog {
namespace {

// Links a card can use to talk to its neighbours, with their per-direction bandwidth in the catalog.
// infinityfabric: AMD Instinct's GPU-to-GPU links; connectx7/connectx8: NVIDIA's network cards linking boxes.
constexpr std::array kInterconnectNames{"none", "pcie3", "pcie4", "pcie5", "nvlink2", "nvlink3", "nvlink4",
                                        "nvlink5", "infinityfabric", "connectx7", "connectx8", "thunderbolt5"};
constexpr const char *kInterconnectList = "none, pcie3, pcie4, pcie5, nvlink2, nvlink3, nvlink4, nvlink5, "
                                          "infinityfabric, connectx7, connectx8, thunderbolt5";

bool isKnownInterconnect(const QString &name)
{
    for (const char *known : kInterconnectNames) {
        if (name == QLatin1String(known))
            return true;
    }
    return false;
}

Segment defaultSegment(const Device &device)
{
    if (device.isApple())
        return Segment::Apple;
    return Segment::Other;
}

Interconnect defaultInterconnect(MemoryKind kind)
{
    if (kind == MemoryKind::Unified)
        return Interconnect{QStringLiteral("none"), 0};
    return Interconnect{QStringLiteral("pcie4"), kPcie4x16GBs};
}

void readInterconnect(EntryReader &reader, const ReadContext &context, Device &device)
{
    const Json *link = reader.child("interconnect", context.detail(), Json::value_t::object);
    if (!link)
        return;
    EntryReader linkReader(*link, context.diagnostics, context.file, reader.entry() + QStringLiteral(".interconnect"));
    const std::optional<QString> name = linkReader.text("name", Presence::Required);
    const std::optional<double> bandwidth = linkReader.number("bandwidth_gbs", Presence::Required, kInterconnectGBsLimits);
    if (name && !isKnownInterconnect(*name))
        linkReader.report(QStringLiteral("name"), EntryReader::mustBeOneOf(kInterconnectList, *name));
    else if (name && bandwidth && *name != QLatin1String("none") && *bandwidth < kMinLinkGBs)
        linkReader.report(QStringLiteral("bandwidth_gbs"),
                          QStringLiteral("must be at least %1 for a \"%2\" link, got %3")
                              .arg(formatNumber(kMinLinkGBs), *name, formatNumber(*bandwidth)));
    if (name && bandwidth)
        device.interconnect = Interconnect{*name, *bandwidth};
}

// price_usd, price_date, price_source: all three or none (a price without a date and source is not citable).
template<typename Entry>
void readPrice(EntryReader &reader, Entry &entry)
{
    entry.priceUsd = reader.number("price_usd", Presence::Optional, kPriceUsdLimits);
    const Presence pricePresence = entry.priceUsd ? Presence::Required : Presence::Optional;
    entry.priceDate = reader.text("price_date", pricePresence).value_or(QString());
    entry.priceSource = reader.text("price_source", pricePresence).value_or(QString());
}

} // namespace

std::optional<Device> readDevice(const Json &json, const ReadContext &context, const QString &entry)
{
    const qsizetype problemsBefore = context.diagnostics.size();
    EntryReader reader(json, context.diagnostics, context.file, entry);
    Device device;
    device.id = reader.identifier("id", Presence::Required).value_or(QString());
    device.name = reader.text("name", Presence::Required).value_or(QString());
    device.vendor = reader.identifier("vendor", Presence::Required).value_or(QString()).toLower();
    device.kind = reader.choice("kind", Presence::Required, &memoryKindFromString, "unified, discrete")
                      .value_or(MemoryKind::Discrete);
    device.segment = reader.choice("segment", context.detail(), &segmentFromString,
                                   "apple, consumer, workstation, datacenter, other")
                         .value_or(defaultSegment(device));
    device.memoryOptionsGB = reader.numberList("memory_options_gb", Presence::Required, kMemoryGBLimits).value_or(QList<double>());
    if (device.memoryOptionsGB.size() > limits::kMaxMemoryOptions) {
        reader.report(QStringLiteral("memory_options_gb"), QStringLiteral("lists %1 options; at most %2")
                                                               .arg(device.memoryOptionsGB.size()).arg(limits::kMaxMemoryOptions));
        device.memoryOptionsGB.clear();
    }
    device.bandwidthGBs = reader.number("bandwidth_gbs", Presence::Required, kBandwidthGBsLimits).value_or(0);
    device.fp16Tflops = reader.number("fp16_tflops", Presence::Required, kTflopsLimits).value_or(0);
    device.fp8TensorCores = reader.flag("fp8_tensor_cores", Presence::Optional).value_or(false);
    device.interconnect = defaultInterconnect(device.kind);
    readInterconnect(reader, context, device);
    device.maxCount = reader.integer("max_count", context.detail(), 1, kMaxDevicesPerChassis).value_or(kDefaultMaxCount);
    device.clusterLinkId = reader.identifier("cluster_link", Presence::Optional).value_or(QString());
    // SPEC §2 names the field tdp_w or power_w; power_w wins when both are given.
    const char *powerField = !reader.has("power_w") && reader.has("tdp_w") ? "tdp_w" : "power_w";
    device.powerW = reader.number(powerField, context.detail(), kPowerWLimits).value_or(0);
    readPrice(reader, device);
    device.source = reader.anyText("source", context.detail()).value_or(QString());
    reader.anyText("notes", Presence::Optional);

    if (context.diagnostics.size() != problemsBefore)
        return std::nullopt;
    return device;
}

std::optional<ClusterLink> readLink(const Json &json, const ReadContext &context, const QString &entry)
{
    const qsizetype problemsBefore = context.diagnostics.size();
    EntryReader reader(json, context.diagnostics, context.file, entry);
    ClusterLink link;
    link.id = reader.identifier("id", Presence::Required).value_or(QString());
    link.name = reader.text("name", Presence::Required).value_or(QString());
    link.shortName = reader.text("short_name", Presence::Optional).value_or(link.name);
    link.bandwidthGBs = reader.number("bandwidth_gbs", Presence::Required, kClusterLinkGBsLimits).value_or(0);
    link.latencyUs = reader.number("latency_us", Presence::Required, kLinkLatencyUsLimits).value_or(0);
    link.rdma = reader.flag("rdma", context.detail()).value_or(false);
    link.topology = reader.choice("topology", context.detail(), &linkTopologyFromString, "mesh, switch")
                        .value_or(LinkTopology::Switch);
    link.maxNodes = reader.integer("max_nodes", Presence::Optional, 2, kMaxDevicesPerChassis).value_or(kMaxDevicesPerChassis);
    link.cablePriceUsd = reader.number("cable_price_usd", Presence::Optional, kPriceUsdLimits);
    link.switchPriceUsd = reader.number("switch_price_usd", Presence::Optional, kPriceUsdLimits);
    const Presence pricePresence = link.cablePriceUsd || link.switchPriceUsd ? Presence::Required : Presence::Optional;
    link.priceDate = reader.text("price_date", pricePresence).value_or(QString());
    link.priceSource = reader.text("price_source", pricePresence).value_or(QString());
    link.source = reader.anyText("source", context.detail()).value_or(QString());
    reader.anyText("notes", Presence::Optional);
    if (context.diagnostics.size() != problemsBefore)
        return std::nullopt;
    return link;
}

std::optional<Quantization> readQuantization(const Json &json, const ReadContext &context, const QString &entry)
{
    const qsizetype problemsBefore = context.diagnostics.size();
    EntryReader reader(json, context.diagnostics, context.file, entry);
    Quantization quant;
    quant.name = reader.identifier("name", Presence::Required).value_or(QString());
    quant.bitsPerWeight = reader.number("bits_per_weight", Presence::Required, kBitsPerWeightLimits).value_or(0);
    reader.anyText("source", Presence::Optional);
    reader.anyText("notes", Presence::Optional);
    if (context.diagnostics.size() != problemsBefore)
        return std::nullopt;
    return quant;
}

std::optional<NamedSystem> readSystem(const Json &json, const ReadContext &context, const QString &entry)
{
    const qsizetype problemsBefore = context.diagnostics.size();
    EntryReader reader(json, context.diagnostics, context.file, entry);
    NamedSystem system;
    system.id = reader.identifier("id", Presence::Required).value_or(QString());
    system.name = reader.text("name", Presence::Required).value_or(QString());
    system.vendor = reader.identifier("vendor", context.detail()).value_or(QString()).toLower();
    Configuration &configuration = system.configuration;
    configuration.deviceId = reader.identifier("device", Presence::Required).value_or(QString());
    configuration.count = reader.integer("count", context.detail(), 1, kMaxDevicesPerChassis).value_or(1);
    // 0 = the device's largest option (Configuration's convention).
    configuration.memoryGB = reader.number("memory_gb", context.detail(), kMemoryGBLimits).value_or(0);
    configuration.split = reader.choice("split", Presence::Optional, &splitFromString, "auto, layer, tensor")
                              .value_or(Split::Auto);
    configuration.runtime = reader.choice("runtime", Presence::Optional, &runtimeFromString,
                                          "auto, llama.cpp, mlx, vllm, ollama, tensorrt-llm, sglang, exo")
                                .value_or(Runtime::Auto);
    system.compatibleDeviceIds = reader.identifierList("compatible_devices", Presence::Optional).value_or(QStringList());
    system.maxCards = reader.integer("max_cards", context.detail(), 1, kMaxDevicesPerChassis).value_or(configuration.count);
    readPrice(reader, system);
    // cards_only: the price covers the cards alone, not the host; it qualifies a price, so it needs one.
    system.cardsOnly = reader.flag("cards_only", Presence::Optional).value_or(false);
    if (system.cardsOnly && !system.priceUsd && !reader.has("price_usd"))
        reader.report(QStringLiteral("cards_only"), QStringLiteral("qualifies a price: it needs price_usd"));
    system.powerW = reader.number("power_w", Presence::Optional, kPowerWLimits).value_or(0);
    system.source = reader.anyText("source", context.detail()).value_or(QString());
    reader.anyText("notes", Presence::Optional);

    if (context.diagnostics.size() == problemsBefore && configuration.count > system.maxCards)
        reader.report(QStringLiteral("count"), QStringLiteral("must not exceed max_cards (%1), got %2")
                                                   .arg(system.maxCards)
                                                   .arg(configuration.count));
    if (context.diagnostics.size() == problemsBefore && !system.compatibleDeviceIds.isEmpty()
        && !system.compatibleDeviceIds.contains(configuration.deviceId))
        reader.report(QStringLiteral("compatible_devices"),
                      QStringLiteral("must include the system's own device \"%1\"").arg(configuration.deviceId));
    if (context.diagnostics.size() != problemsBefore)
        return std::nullopt;
    return system;
}

} // namespace headroom::catalog
