#pragma once

#include "core/Hardware.h"
#include "detect/MachineReadings.h"

#include <optional>

namespace headroom {

class Catalog;

// This machine in catalog terms: the configuration its accelerators make, and how each was matched.
struct Detection {
    MachineReadings readings;
    std::optional<Configuration> configuration; // nothing matched: nullopt, and `notes` say why
    QString deviceName;                         // the catalog device matched
    QStringList notes;                          // how the match was made, and what was assumed or left out
};

// The catalog device whose name the GPU's name contains (vendor words aside), the most specific such
// device when several do; an Apple chip by its GPU core count where read, else the variant that sold
// with that memory. nullopt, with a note, for a card the catalog does not know.
std::optional<QString> matchDevice(const Catalog &catalog, const DetectedGpu &gpu, QStringList &notes);

// The configuration the readings make: the most numerous matched card times its count (up to the
// device's max_count), with the catalog memory option nearest to what was read.
Detection detectFrom(const MachineReadings &readings, const Catalog &catalog);

// Reads this machine with its own tools (nvidia-smi, sysfs, /proc, sysctl), each limited to 2 seconds.
// Never needs network access or root; anything unreadable becomes a note.
MachineReadings probeThisMachine();

} // namespace headroom
