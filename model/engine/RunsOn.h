#pragma once

#include "engine/Calibration.h"
#include "core/Defaults.h"
#include "catalog/Catalog.h"
#include "core/Estimate.h"

#include <QList>
#include <QString>

#include <optional>

namespace headroom {

// The reverse view (SPEC §5 `runs-on`): every catalog model x quantization on one configuration,
// with its fit and speed, and per model the highest-quality quantization that fits.

// One catalog model at one quantization on the chosen configuration.
struct RunsOnRow {
    QString modelId;
    QString modelName;
    QString quantName;
    double bitsPerWeight = 0;
    Fit fit = Fit::DoesNotFit;
    double decodeTpsPerUser = 0; // meaningful only when the model runs
    bool bestQuant = false;      // highest-bits quantization of this model that fits (fits or tight)
    bool operator==(const RunsOnRow &) const = default;
};

struct RunsOnReport {
    QString hardware;
    QString hardwareName;
    int count = 1;
    double memoryGB = 0; // per device, resolved
    int contextTokens = 0;
    int users = 1;
    QList<RunsOnRow> rows; // catalog model order, then catalog quantization order
    int nodes = 1;         // machines of a cluster
    QString linkId {};     // the link joining them (resolved), empty for one machine
    bool operator==(const RunsOnReport &) const = default;
};

// Every catalog model x quantization on `configuration` (memoryGB 0 = the device's largest option)
// under `workload`, by the roofline method. nullopt when the catalog has no such device.
// The caller checks that configuration.memoryGB is an option of the device.
std::optional<RunsOnReport> runsOn(const Catalog &catalog, const Configuration &configuration,
                                   const Workload &workload, double appleUsableFraction = defaults::kAppleUsableFraction,
                                   const Calibration &calibration = Calibration::builtIn());

} // namespace headroom
