// Runtime profiles: lookup, platform classes and the profiles of runtimes without measurements.
#include "engine/Calibration.h"
#include "engine/CalibrationConstants.h"

namespace headroom {
namespace {

// Ollama wraps llama.cpp behind an HTTP server: the same kernels plus a small per-token cost
// (request streaming, JSON encoding). An assumption, not a measurement: no Ollama rows yet.
constexpr double kOllamaExtraOverheadMs = 0.3;

// Continuous-batching servers (vLLM, SGLang, TensorRT-LLM) share one weight read among all
// running sequences (PagedAttention / in-flight batching).
constexpr double kContinuousBatchingEfficiency = 1.0;

const RuntimeProfile &neutralProfile()
{
    static const RuntimeProfile profile{Runtime::LlamaCpp, PlatformClass::Other, 0.65, 0.5, 0.5, 0, 0, 0, 1, 0,
                                        QStringLiteral("neutral default: no calibration loaded")};
    return profile;
}

RuntimeProfile derivedFrom(const RuntimeProfile &base, Runtime runtime, const QString &how)
{
    RuntimeProfile profile = base;
    profile.runtime = runtime;
    profile.rowsFitted = 0;
    profile.provenance = how;
    return profile;
}

} // namespace

namespace calibration {

QList<RuntimeProfile> completeProfiles(const QList<RuntimeProfile> &fitted)
{
    QList<RuntimeProfile> profiles = fitted;
    for (const RuntimeProfile &base : fitted) {
        if (base.runtime != Runtime::LlamaCpp)
            continue;
        const QString platform = toString(base.platform);
        RuntimeProfile ollama = derivedFrom(base, Runtime::Ollama,
            QStringLiteral("not fitted (no Ollama rows): llama.cpp %1 + %2 ms per token for the server")
                .arg(platform).arg(kOllamaExtraOverheadMs));
        ollama.perTokenOverheadMs += kOllamaExtraOverheadMs;
        profiles << ollama;
        if (base.platform == PlatformClass::Apple) {
            profiles << derivedFrom(base, Runtime::Mlx,
                QStringLiteral("not fitted (no MLX rows): llama.cpp Metal constants"));
            continue;
        }
        for (Runtime server : {Runtime::Vllm, Runtime::Sglang, Runtime::TensorRtLlm}) {
            RuntimeProfile profile = derivedFrom(base, server,
                QStringLiteral("not fitted (no %1 rows): llama.cpp %2 constants with continuous batching")
                    .arg(toString(server), platform));
            profile.batchEfficiency = kContinuousBatchingEfficiency;
            profiles << profile;
        }
    }
    return profiles;
}

} // namespace calibration

Runtime resolveRuntime(Runtime runtime, const Device &device)
{
    Q_UNUSED(device); // llama.cpp everywhere: Metal on Apple, CUDA (or Vulkan) elsewhere
    return runtime == Runtime::Auto ? Runtime::LlamaCpp : runtime;
}

const Calibration &Calibration::builtIn()
{
    static const Calibration calibration = [] {
        Calibration built;
        built.setProfiles(calibration::completeProfiles(calibration::fittedProfiles()));
        built.setErrorBands(calibration::holdOutErrorBands());
        return built;
    }();
    return calibration;
}

const RuntimeProfile &Calibration::profile(Runtime runtime, PlatformClass platform) const
{
    const Runtime wanted = runtime == Runtime::Auto ? Runtime::LlamaCpp : runtime;
    for (const RuntimeProfile &candidate : m_profiles) {
        if (candidate.runtime == wanted && candidate.platform == platform)
            return candidate;
    }
    // Closest family: llama.cpp on the same platform, then the same runtime on NVIDIA consumer
    // cards (the best-measured class), then llama.cpp there.
    const std::pair<Runtime, PlatformClass> fallbacks[] = {{Runtime::LlamaCpp, platform},
                                                           {wanted, PlatformClass::NvidiaConsumer},
                                                           {Runtime::LlamaCpp, PlatformClass::NvidiaConsumer}};
    for (const auto &[fallbackRuntime, fallbackPlatform] : fallbacks) {
        for (const RuntimeProfile &candidate : m_profiles) {
            if (candidate.runtime == fallbackRuntime && candidate.platform == fallbackPlatform)
                return candidate;
        }
    }
    return m_profiles.isEmpty() ? neutralProfile() : m_profiles.constFirst();
}

ErrorBand Calibration::errorBand(PlatformClass platform) const
{
    for (const ErrorBand &band : m_bands) {
        if (band.platform == platform)
            return band;
    }
    ErrorBand fallback;
    fallback.platform = platform;
    for (const ErrorBand &band : m_bands)
        fallback.mape = std::max(fallback.mape, band.mape); // unmeasured class: the widest band we know
    return fallback;
}

void Calibration::setProfiles(const QList<RuntimeProfile> &profiles)
{
    m_profiles = profiles;
}

void Calibration::setErrorBands(const QList<ErrorBand> &bands)
{
    m_bands = bands;
}

} // namespace headroom
