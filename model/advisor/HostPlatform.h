#pragma once

#include "core/Hardware.h"

#include <QList>
#include <QString>

namespace headroom {

// The machine around PCIe cards bought on their own: CPU, board, RAM, SSD, power supply, case. A card's
// list price leaves it out, so a configuration priced by its cards adds the typical host for that many
// cards, shown as its own line. The figures are the non-GPU parts of published builds of that size; a quote
// under the host's id replaces them.
struct HostPlatform {
    QString id;   // "host-1-card": the key of a quote for it
    QString name; // "typical host for one card"
    int minCards = 1;
    int maxCards = 1;
    double priceUsd = 0;
    QString priceDate;   // when the build's prices were read or settled (YYYY-MM)
    QString priceSource; // URL of the published build
    QString parts;       // what the price buys, as the source lists it
    bool operator==(const HostPlatform &) const = default;
};

// Every host platform with a published price, by card count.
const QList<HostPlatform> &hostPlatforms();

// The host for `count` cards of `device`, or null: only consumer and workstation PCIe cards take one (a
// datacenter module is sold in its vendor's server, a unified-memory machine is the whole machine), and
// only for card counts a published build covers.
const HostPlatform *hostPlatformFor(const Device &device, int count);

} // namespace headroom
