#pragma once

#include "catalog/Catalog.h"
#include "core/Hardware.h"

#include <QMap>
#include <QString>

#include <optional>

namespace headroom {

// What one configuration costs to buy, and what that figure covers.
struct ConfigurationPrice {
    std::optional<double> usd; // nullopt = unknown; cards plus host where a host was added
    bool cardsOnly = false;    // the cards, not the machine around them (chassis, CPU, board, RAM, PSU)
    QString source;            // URL of the list price, or "your quote"
    QString date;              // when the list price was read (YYYY-MM), empty for quotes and unknown prices
    // For cards bought on their own with a typical host (HostPlatform) added: its share of `usd`.
    std::optional<double> hostUsd;
    QString hostId;
    QString hostName;   // "typical host for two to four cards"
    QString hostSource; // URL of the published build, or "your quote"
    // A cluster: `usd` is nodes x one machine plus the link's hardware (cables, a switch) when its price is known.
    int nodes = 1;
    std::optional<double> linkUsd; // nullopt on a cluster: the link's hardware has no known price (not in `usd`)
    QString linkSource;
    double cardsUsd() const { return usd.value_or(0) - hostUsd.value_or(0); }
    bool operator==(const ConfigurationPrice &) const = default;
};

// The price source shown for a price the user entered.
QString quoteSource();

// A cluster: one machine's price (below) times the machines, plus the link's cables and switch (linkHardwareUsd)
// when their price is known. One machine: a named system's quote or list price; else, for a card or a unified-memory machine sold as a device
// (DGX Spark), the quote or list price per device times the count, plus for PCIe cards the typical host for
// that many cards (hostPlatformFor(); without one the price is marked cards only). Apple chips are priced
// only through their Mac (the named system with this chip, memory and count). `quotesUsd` holds the user's
// quotes by system id (the whole system), device id (one device) or host platform id (the host).
ConfigurationPrice configurationPrice(const Catalog &catalog, const Device &device, const Configuration &configuration,
                                      const NamedSystem *system, const QMap<QString, double> &quotesUsd = {});

// The named system sold with exactly this device, count and memory (the Mac for an Apple chip), or null.
const NamedSystem *systemSelling(const Catalog &catalog, const Device &device, const Configuration &configuration);

} // namespace headroom
