#pragma once

#include "core/Hardware.h"
#include "core/Platform.h"

#include <QList>
#include <QString>

namespace headroom {

// Calibrated behaviour of one runtime on one platform family. Every constant is fitted by
// tools/fit-calibration from resources/measured.csv and guarded by tst_calibration.
struct RuntimeProfile {
    Runtime runtime = Runtime::LlamaCpp;
    PlatformClass platform = PlatformClass::Other;
    double bandwidthEfficiency = 0.65;   // share of spec bandwidth reached while decoding
    double computeEfficiency = 0.5;      // share of spec FLOPs reached while decoding
    double prefillEfficiency = 0.5;      // share of spec FLOPs reached in prompt processing
    double perTokenOverheadMs = 0;       // fixed cost per decode step (kernel launches, sampling) of a 32-layer model; scales with layers
    double layerSplitOverheadMs = 0;     // extra per decode step for each additional card, layer split
    double tensorSyncUs = 0;             // per layer all-reduce latency, tensor split
    double batchEfficiency = 1;          // how well the runtime batches concurrent users (1 = ideal)
    int rowsFitted = 0;                  // calibration rows behind this profile
    QString provenance;                  // how the constants were obtained
    // Highest rate (GB/s) at which the runtime's one-token mat-vec kernels stream weights, however
    // fast the memory: keeping HBM busy needs more loads in flight than these kernels issue.
    // 0 = no ceiling. Combined with the device bandwidth as a smooth minimum (RooflineConstants.h).
    double kernelCeilingGBs = 0;
    bool operator==(const RuntimeProfile &) const = default;
};

// Measured relative error of one class of estimates, for the uncertainty band.
struct ErrorBand {
    PlatformClass platform = PlatformClass::Other;
    double mape = 0.25; // hold-out mean absolute percentage error, as a fraction
    int rows = 0;
    bool operator==(const ErrorBand &) const = default;
};

class Calibration final
{
public:
    // The constants compiled into the binary.
    static const Calibration &builtIn();

    // Exact (runtime, platform) match, else the runtime's closest family, else a neutral default.
    const RuntimeProfile &profile(Runtime runtime, PlatformClass platform) const;
    ErrorBand errorBand(PlatformClass platform) const;

    const QList<RuntimeProfile> &profiles() const { return m_profiles; }
    void setProfiles(const QList<RuntimeProfile> &profiles);
    void setErrorBands(const QList<ErrorBand> &bands);

private:
    QList<RuntimeProfile> m_profiles;
    QList<ErrorBand> m_bands;
};

// Runtime::Auto resolved for a device: llama.cpp (Metal on Apple, CUDA elsewhere).
Runtime resolveRuntime(Runtime runtime, const Device &device);

} // namespace headroom
