// Runtime profiles: lookup, platform classes and the profiles of runtimes without measurements.
#include "engine/Calibration.h"
#include "engine/CalibrationConstants.h"

#include <algorithm>
#include <optional>

namespace headroom {
namespace {

// Ollama wraps llama.cpp behind an HTTP server: the same kernels plus a small per-token cost
// (request streaming, JSON encoding). Used where no Ollama rows were fitted.
constexpr double kOllamaExtraOverheadMs = 0.3;

const RuntimeProfile &neutralProfile()
{
    static const RuntimeProfile profile = [] {
        RuntimeProfile neutral;
        neutral.provenance = QStringLiteral("neutral default: no calibration loaded");
        return neutral;
    }();
    return profile;
}

const RuntimeProfile *find(const QList<RuntimeProfile> &profiles, Runtime runtime, PlatformClass platform)
{
    for (const RuntimeProfile &profile : profiles) {
        if (profile.runtime == runtime && profile.platform == platform)
            return &profile;
    }
    return nullptr;
}

RuntimeProfile derivedFrom(const RuntimeProfile &base, Runtime runtime, PlatformClass platform, const QString &how)
{
    RuntimeProfile profile = base;
    profile.runtime = runtime;
    profile.platform = platform;
    profile.rowsFitted = 0;
    profile.provenance = how;
    return profile;
}

// Where a runtime has no rows on a platform, the closest platform it was measured on.
QList<PlatformClass> neighboursOf(PlatformClass platform)
{
    switch (platform) {
    case PlatformClass::NvidiaConsumer: return {PlatformClass::NvidiaDatacenter, PlatformClass::Other, PlatformClass::Apple};
    case PlatformClass::NvidiaDatacenter: return {PlatformClass::NvidiaConsumer, PlatformClass::Other, PlatformClass::Apple};
    case PlatformClass::Other: return {PlatformClass::NvidiaConsumer, PlatformClass::NvidiaDatacenter, PlatformClass::Apple};
    case PlatformClass::Apple: return {PlatformClass::Other, PlatformClass::NvidiaConsumer, PlatformClass::NvidiaDatacenter};
    case PlatformClass::OtherDatacenter:
        return {PlatformClass::NvidiaDatacenter, PlatformClass::NvidiaConsumer, PlatformClass::Other, PlatformClass::Apple};
    }
    return {};
}

} // namespace

QString toString(SpeedClass speed)
{
    switch (speed) {
    case SpeedClass::Decode: return QStringLiteral("decode");
    case SpeedClass::Concurrency: return QStringLiteral("concurrency");
    case SpeedClass::Prefill: return QStringLiteral("prefill");
    }
    return {};
}

namespace calibration {

QList<RuntimeProfile> completeProfiles(const QList<RuntimeProfile> &fitted)
{
    QList<RuntimeProfile> profiles = fitted;
    for (PlatformClass platform : kPlatformClasses) {
        const RuntimeProfile *llama = find(fitted, Runtime::LlamaCpp, platform);
        if (!llama)
            continue;
        const QString platformName = toString(platform);
        if (!find(profiles, Runtime::Ollama, platform)) {
            RuntimeProfile ollama = derivedFrom(*llama, Runtime::Ollama, platform,
                QStringLiteral("not fitted (no Ollama rows on %1): llama.cpp's constants + %2 ms per token for the server")
                    .arg(platformName).arg(kOllamaExtraOverheadMs));
            ollama.perTokenOverheadMs += kOllamaExtraOverheadMs;
            profiles << ollama;
        }
        // MLX runs only on Apple silicon; vLLM, SGLang and TensorRT-LLM on CUDA (and ROCm) GPUs.
        const QList<Runtime> others = platform == PlatformClass::Apple
            ? QList<Runtime>{Runtime::Mlx}
            : QList<Runtime>{Runtime::Vllm, Runtime::Sglang, Runtime::TensorRtLlm};
        for (Runtime runtime : others) {
            if (find(profiles, runtime, platform))
                continue;
            const RuntimeProfile *closest = nullptr;
            for (PlatformClass neighbour : neighboursOf(platform)) {
                if ((closest = find(fitted, runtime, neighbour)))
                    break;
            }
            if (closest)
                profiles << derivedFrom(*closest, runtime, platform,
                    QStringLiteral("not fitted (no %1 rows on %2): its constants on %3")
                        .arg(toString(runtime), platformName, toString(closest->platform)));
            else
                profiles << derivedFrom(*llama, runtime, platform,
                    QStringLiteral("not fitted (no %1 rows): llama.cpp's constants on %2").arg(toString(runtime), platformName));
        }
        // exo runs MLX's kernels on every Mac of a cluster.
        if (const RuntimeProfile *mlx = find(profiles, Runtime::Mlx, platform);
            mlx && platform == PlatformClass::Apple && !find(profiles, Runtime::Exo, platform))
            profiles << derivedFrom(*mlx, Runtime::Exo, platform,
                                    QStringLiteral("exo runs MLX: MLX's constants on %1").arg(platformName));
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
        built.setClusterCosts(calibration::fittedClusterCosts());
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

ErrorBand Calibration::errorBand(SpeedClass speed, Runtime runtime, PlatformClass platform, bool moe) const
{
    const Runtime wanted = runtime == Runtime::Auto ? Runtime::LlamaCpp : runtime;
    const auto matching = [&](Runtime bandRuntime, std::optional<PlatformClass> bandPlatform, bool ofModelClass) -> const ErrorBand * {
        for (const ErrorBand &band : m_bands) {
            if (band.speed == speed && band.runtime == bandRuntime
                && (bandPlatform ? !band.anyPlatform && band.platform == *bandPlatform : band.anyPlatform)
                && (ofModelClass ? !band.anyModel && band.moe == moe : band.anyModel))
                return &band;
        }
        return nullptr;
    };
    for (const auto &[bandRuntime, bandPlatform] : {std::pair{wanted, std::optional(platform)}, std::pair{wanted, std::optional<PlatformClass>()},
                                                   std::pair{Runtime::Auto, std::optional(platform)},
                                                   std::pair{Runtime::Auto, std::optional<PlatformClass>()}}) {
        for (bool ofModelClass : {true, false}) {
            if (const ErrorBand *band = matching(bandRuntime, bandPlatform, ofModelClass))
                return *band;
        }
    }
    // Nothing measured for this speed: the widest band known, never narrower than the default.
    ErrorBand fallback;
    fallback.speed = speed;
    fallback.runtime = wanted;
    fallback.platform = platform;
    for (const ErrorBand &band : m_bands) {
        fallback.lowRatio = std::min(fallback.lowRatio, band.lowRatio);
        fallback.highRatio = std::max(fallback.highRatio, band.highRatio);
        fallback.mape = std::max(fallback.mape, band.mape);
    }
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
