// Deterministic fit of the runtime profiles to the measured rows (the tree of profiles) and the
// leave-one-source-out folds. The search is ProfileSearch's, the parameters a group of rows identifies
// FitParameters', the error bands ErrorBands' and the generated source CalibrationConstantsSource's.
#include "measured/CalibrationFit.h"
#include "measured/ClusterFit.h"

#include "engine/CalibrationConstants.h"
#include "engine/Estimator.h"
#include "measured/ErrorBands.h"
#include "measured/FitParameters.h"
#include "measured/Validation.h"

#include <QMap>
#include <QSet>
#include <QStringList>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <functional>

namespace headroom {
namespace {

using namespace fit;

// A profile needs this many decode or concurrency rows of its own; below, it keeps its parent's constants.
constexpr int kMinSpeedRowsPerProfile = 4;
// A serving runtime gets a profile apart from its siblings with this many rows on a platform.
constexpr int kMinRowsForOwnServingProfile = 8;
// Pull of the parent's constants, per parameter, in squared shares of the parameter's range: moving a
// parameter by 20% of its range costs as much as one row off by 41%. Chosen by the leave-one-source-out error
// of every class over pulls of 0.3 to 30 (lowest at 2 to 5): weaker lets a group's few sources set its
// constants, stronger leaves real differences between runtimes and platforms unfitted.
constexpr double kParentPull = 3.0;
// A group's prompt constants are fitted on prompts of this many sources: one source alone cannot tell its
// build's kernels (vLLM 0.6 on ROCm read 32K-token prompts at 4% of peak) from the platform's; below, the
// group keeps its parent's prompt constants.
constexpr int kMinPromptSources = 2;
// Where the fit's loss turns from squared to linear: a measurement 1.25x off either way.
const double kRobustLogError = std::log(1.25);

// Documented, not fitted: prompt tokens per forward pass (llama.cpp -ub default 512; mlx-lm
// prefill_step_size 2048; vLLM/SGLang/TensorRT-LLM chunked prefill budget 8192).
constexpr double kLlamaCppMicroBatch = 512;
constexpr double kMlxMicroBatch = 2048;
constexpr double kServingMicroBatch = 8192;
// Documented, not fitted (no serving prompt rows): FlashAttention-2's forward pass reaches 50-73% of an A100's
// peak (Dao 2023, arXiv:2307.08691, section 4.1); its lower end. Serving runtimes run prompts as
// thousands-of-token GEMMs (cuBLAS, CUTLASS) that fill every SM: no per-card prompt ceiling as llama.cpp's
// 512-token micro-batches have.
constexpr double kServingAttentionEfficiency = 0.5;
constexpr double kNoPromptCeiling = 5000;

QList<PreparedRow> prepare(const MeasuredRows &rows, const Catalog &catalog)
{
    QList<PreparedRow> prepared;
    Diagnostics unscorable; // validate reports them; a fit just leaves them out
    for (const MeasuredRow &row : scorableRows(rows, catalog, QString(), unscorable)) {
        PreparedRow item{row, inputForRow(row, catalog), sectionOf(row), PlatformClass::Other, fittedRuntime(row)};
        item.platform = platformClassOf(item.input.device);
        prepared << item;
    }
    return prepared;
}

double squaredLogError(const Rows &rows, const RuntimeProfile &profile)
{
    Calibration calibration;
    calibration.setProfiles({profile});
    double sum = 0;
    // A calibration of one profile scores every row of the group with it, whatever the row's runtime and
    // platform (Calibration::profile falls back to its only profile).
    for (const PreparedRow *row : rows) {
        const double predicted = predictedValue(row->row, rooflineEstimate(row->input, calibration));
        const double error = predicted > 0 && std::isfinite(predicted) ? std::log(predicted / row->row.tokensPerSecond)
                                                                       : std::log(1e-3);
        // Huber: squared near the truth, linear beyond kRobustLogError, so a few measurements several times off
        // (a beta kernel, an untuned serving stack) cannot drag a whole profile after them.
        const double size = std::abs(error);
        sum += size <= kRobustLogError ? size * size : kRobustLogError * (2.0 * size - kRobustLogError);
    }
    return sum;
}

int sourceCount(const Rows &rows)
{
    QSet<QString> sources;
    for (const PreparedRow *row : rows)
        sources.insert(row->row.sourceId);
    return int(sources.size());
}

QString runtimeList(const Rows &rows)
{
    QStringList names;
    for (const PreparedRow *row : rows) {
        const QString name = toString(*row->runtime);
        if (!names.contains(name))
            names << name;
    }
    return names.join(QStringLiteral(", "));
}

// Fits `parent`'s constants on `rows`, pulled back towards them with `pull` (0 for the root of the tree).
RuntimeProfile fitOne(const RuntimeProfile &parent, const Rows &rows, double pull)
{
    const RowTraits traits = traitsOf(rows, parent.runtime);
    const QList<Parameter> decode = decodeParameters(traits);
    RuntimeProfile profile = patternSearch(parent, decode, [&](const RuntimeProfile &p) {
        return squaredLogError(traits.speed, p) + parentPenalty(p, parent, decode, pull);
    });
    if (sourceCount(traits.prefill) >= kMinPromptSources) {
        const QList<Parameter> prefill = prefillParameters(traits);
        profile = patternSearch(profile, prefill, [&](const RuntimeProfile &p) {
            return squaredLogError(traits.prefill, p) + parentPenalty(p, parent, prefill, pull);
        });
    }
    profile.rowsFitted = int(rows.size());
    profile.provenance = QStringLiteral("fitted on %1 rows of resources/measured.csv (%2; %3 decode/concurrency, %4 prompt)")
                             .arg(rows.size()).arg(runtimeList(rows)).arg(traits.speed.size()).arg(traits.prefill.size());
    return profile;
}

RuntimeProfile relabelled(RuntimeProfile profile, Runtime runtime, PlatformClass platform)
{
    profile.runtime = runtime;
    profile.platform = platform;
    return profile;
}

int speedRows(const Rows &rows)
{
    return int(std::count_if(rows.cbegin(), rows.cend(),
                             [](const PreparedRow *row) { return row->section != ScoreSection::Prefill; }));
}

// The tree of profiles (see fitProfiles in the header), on the rows not excluded.
QList<RuntimeProfile> fitPrepared(const QList<PreparedRow> &prepared, const QStringList &excludedSources)
{
    const QSet<QString> excluded(excludedSources.cbegin(), excludedSources.cend());
    const auto select = [&](const std::function<bool(const PreparedRow &)> &keep) {
        Rows rows;
        for (const PreparedRow &row : prepared) {
            if (row.runtime && !excluded.contains(row.row.sourceId) && keep(row))
                rows << &row;
        }
        return rows;
    };

    RuntimeProfile seed;
    seed.runtime = Runtime::LlamaCpp;
    seed.bandwidthEfficiency = 0.8;
    seed.computeEfficiency = 0.3;
    seed.prefillEfficiency = 0.3;
    seed.attentionEfficiency = 0.3;
    seed.perTokenOverheadMs = 1.0;
    seed.layerSplitOverheadMs = 0.3;
    seed.kernelCeilingGBs = 20000.0;
    seed.prefillCeilingTflops = 5000.0;
    seed.prefillMicroBatchTokens = kLlamaCppMicroBatch;
    const Rows llamaRows = select([](const PreparedRow &row) { return *row.runtime == Runtime::LlamaCpp; });
    RuntimeProfile root = fitOne(seed, llamaRows, 0.0);
    root.platform = PlatformClass::Other;

    QList<RuntimeProfile> profiles;
    QMap<PlatformClass, RuntimeProfile> llamaByPlatform;
    for (PlatformClass platform : kPlatformClasses) {
        const Rows rows = select([&](const PreparedRow &row) {
            return *row.runtime == Runtime::LlamaCpp && row.platform == platform;
        });
        RuntimeProfile profile = relabelled(root, Runtime::LlamaCpp, platform);
        if (speedRows(rows) >= kMinSpeedRowsPerProfile) {
            profile = fitOne(profile, rows, kParentPull);
        } else {
            profile.rowsFitted = 0;
            profile.provenance = QStringLiteral("too few rows of its own (%1): llama.cpp over all %2 rows")
                                     .arg(rows.size()).arg(llamaRows.size());
        }
        llamaByPlatform.insert(platform, profile);
        profiles << profile;
    }

    // Ollama (llama.cpp behind a server) and MLX start from llama.cpp on their platform.
    for (const Runtime runtime : {Runtime::Ollama, Runtime::Mlx}) {
        for (PlatformClass platform : kPlatformClasses) {
            const Rows rows = select([&](const PreparedRow &row) { return *row.runtime == runtime && row.platform == platform; });
            if (speedRows(rows) < kMinSpeedRowsPerProfile)
                continue;
            RuntimeProfile start = relabelled(llamaByPlatform.value(platform), runtime, platform);
            if (runtime == Runtime::Mlx)
                start.prefillMicroBatchTokens = kMlxMicroBatch;
            profiles << fitOne(start, rows, kParentPull);
        }
    }

    // vLLM, SGLang and TensorRT-LLM share paged attention, CUDA graphs and continuous batching: one serving
    // profile over all of them, then per platform, then per runtime where it has rows enough of its own.
    const Rows servingRows = select([](const PreparedRow &row) { return isServingRuntime(*row.runtime); });
    if (speedRows(servingRows) < kMinSpeedRowsPerProfile)
        return profiles;
    RuntimeProfile servingStart = relabelled(llamaByPlatform.value(PlatformClass::NvidiaDatacenter), Runtime::Vllm,
                                             PlatformClass::Other);
    servingStart.prefillMicroBatchTokens = kServingMicroBatch;
    servingStart.batchEfficiency = 1.0;
    servingStart.attentionEfficiency = kServingAttentionEfficiency;
    servingStart.prefillCeilingTflops = kNoPromptCeiling;
    // Prompt rows fit only their own platform's profile: an immature stack's prompts on one platform (vLLM 0.6 on
    // ROCm, 32K-token prompts at 4% of peak) must not set every platform's serving prompt rate.
    const Rows servingSpeed = select([](const PreparedRow &row) {
        return isServingRuntime(*row.runtime) && row.section != ScoreSection::Prefill;
    });
    const RuntimeProfile serving = fitOne(servingStart, servingSpeed, kParentPull);
    for (PlatformClass platform : kPlatformClasses) {
        const Rows platformRows = select([&](const PreparedRow &row) { return isServingRuntime(*row.runtime) && row.platform == platform; });
        if (speedRows(platformRows) < kMinSpeedRowsPerProfile)
            continue;
        const RuntimeProfile start = relabelled(serving, Runtime::Vllm, platform);
        const RuntimeProfile pooled = fitOne(start, platformRows, kParentPull);
        for (const Runtime runtime : {Runtime::Vllm, Runtime::Sglang, Runtime::TensorRtLlm}) {
            const Rows own = select([&](const PreparedRow &row) { return *row.runtime == runtime && row.platform == platform; });
            const RuntimeProfile parent = relabelled(pooled, runtime, platform);
            profiles << (speedRows(own) >= kMinRowsForOwnServingProfile ? fitOne(parent, own, kParentPull) : parent);
        }
    }
    return profiles;
}

QStringList sourcesInOrder(const MeasuredRows &rows)
{
    QStringList sources;
    QSet<QString> seen;
    for (const MeasuredRow &row : rows) {
        if (!seen.contains(row.sourceId)) {
            seen.insert(row.sourceId);
            sources << row.sourceId;
        }
    }
    return sources;
}

} // namespace

QList<RuntimeProfile> fitProfiles(const MeasuredRows &rows, const Catalog &catalog)
{
    return fitPrepared(prepare(rows, catalog), QStringList());
}

QList<HoldOutFold> holdOutFolds(const MeasuredRows &rows, const Catalog &catalog, const QSet<QString> &needed)
{
    const QList<PreparedRow> prepared = prepare(rows, catalog);
    const QStringList sources = sourcesInOrder(rows);
    QList<HoldOutFold> folds(std::min<qsizetype>(sources.size(), kMaxHoldOutFolds));
    for (qsizetype i = 0; i < sources.size(); ++i)
        folds[i % kMaxHoldOutFolds].sourceIds << sources.at(i);
    // A fold only reads `prepared` and writes only its own entry, so the folds run on every core and the
    // result does not depend on their order.
    QThreadPool pool;
    for (HoldOutFold &fold : folds) {
        const bool wanted = needed.isEmpty()
            || std::any_of(fold.sourceIds.cbegin(), fold.sourceIds.cend(),
                           [&needed](const QString &source) { return needed.contains(source); });
        if (wanted) {
            fold.fitted = true;
            pool.start([&prepared, &fold] { fold.profiles = fitPrepared(prepared, fold.sourceIds); });
        }
    }
    pool.waitForDone();
    return folds;
}

Calibration calibrationFrom(const QList<RuntimeProfile> &fitted, const QList<ErrorBand> &bands)
{
    Calibration calibration;
    calibration.setProfiles(calibration::completeProfiles(fitted));
    calibration.setErrorBands(bands);
    return calibration;
}

CalibrationFitResult fitCalibration(const MeasuredRows &rows, const Catalog &catalog)
{
    CalibrationFitResult result;
    result.profiles = fitProfiles(rows, catalog);
    result.rows = int(rows.size());
    result.bands = heldOutErrorBands(validate(rows, catalog, calibrationFrom(result.profiles), true));
    result.cluster = fitClusterCosts(rows, catalog, calibrationFrom(result.profiles, result.bands));
    return result;
}

} // namespace headroom
