// Deterministic fit of the runtime profiles to the measured rows, leave-one-source-out folds and the
// held-out error bands.
#include "measured/CalibrationFit.h"

#include "engine/CalibrationConstants.h"
#include "engine/Estimator.h"
#include "measured/Validation.h"

#include <QMap>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

namespace headroom {
namespace {

// A profile needs this many decode or concurrency rows of its own; below, it keeps its parent's constants.
constexpr int kMinSpeedRowsPerProfile = 4;
// A serving runtime gets a profile apart from its siblings with this many rows on a platform.
constexpr int kMinRowsForOwnServingProfile = 8;
// Prompts at least this long make the attention rate identifiable.
constexpr int kLongPromptTokens = 4096;
// Physical bounds: no kernel streams memory at its full spec rate or keeps every tensor core busy.
constexpr double kMaxBandwidthEfficiency = 0.95;
constexpr double kMaxFlopsEfficiency = 0.85;
constexpr double kMaxPerSequenceOverheadMs = 0.1;
// Pull of the parent's constants, per parameter, in squared shares of the parameter's range: moving a
// parameter by 20% of its range costs as much as one row off by 22%.
constexpr double kParentPull = 1.0;
// Pattern search: each step halves until it falls under this share of the parameter's range.
constexpr double kSearchResolution = 1e-3;
constexpr int kMaxSearchRounds = 400;
// Error bands: the share of held-out measurements to leave below and above the likely range, and the rows a
// class needs for a band of its own.
constexpr double kBandTailShare = 0.08;
constexpr int kMinBandRows = 8;
// A quantile of few rows is itself uncertain: a class of n rows leaves out 8% x n / (n + this) on either side,
// so small classes get wider ranges (5.3% with 20 rows, 7.3% with 100).
constexpr double kBandSmallSampleRows = 10;

// Documented, not fitted: prompt tokens per forward pass (llama.cpp -ub default 512; mlx-lm
// prefill_step_size 2048; vLLM/SGLang/TensorRT-LLM chunked prefill budget 8192).
constexpr double kLlamaCppMicroBatch = 512;
constexpr double kMlxMicroBatch = 2048;
constexpr double kServingMicroBatch = 8192;

struct PreparedRow {
    MeasuredRow row;
    EstimateInput input;
    ScoreSection section = ScoreSection::Decode;
    PlatformClass platform = PlatformClass::Other;
    std::optional<Runtime> runtime; // nullopt: an engine Headroom does not model (scored, never fitted)
};
using Rows = QList<const PreparedRow *>;

struct Parameter {
    double RuntimeProfile::*field;
    double minimum;
    double maximum;
    double initialStep;
};

bool isServing(Runtime runtime)
{
    return runtime == Runtime::Vllm || runtime == Runtime::Sglang || runtime == Runtime::TensorRtLlm;
}

QList<PreparedRow> prepare(const MeasuredRows &rows, const Catalog &catalog)
{
    QList<PreparedRow> prepared;
    Diagnostics unscorable; // validate reports them; a fit just leaves them out
    for (const MeasuredRow &row : scorableRows(rows, catalog, QString(), unscorable)) {
        PreparedRow item{row, inputForRow(row, catalog), sectionOf(row), PlatformClass::Other, modelledRuntime(row.backend)};
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
        sum += error * error;
    }
    return sum;
}

double parentPenalty(const RuntimeProfile &profile, const RuntimeProfile &parent, const QList<Parameter> &parameters,
                     double weight)
{
    double sum = 0;
    for (const Parameter &parameter : parameters) {
        const double share = (profile.*parameter.field - parent.*parameter.field) / (parameter.maximum - parameter.minimum);
        sum += share * share;
    }
    return weight * sum;
}

// Pattern search: each round tries one step either way on every parameter, keeps what improves and halves
// the steps of the parameters that did not. Deterministic, bounded, no randomness.
RuntimeProfile patternSearch(RuntimeProfile profile, const QList<Parameter> &parameters,
                             const std::function<double(const RuntimeProfile &)> &loss)
{
    if (parameters.isEmpty())
        return profile;
    QList<double> steps;
    for (const Parameter &parameter : parameters)
        steps << parameter.initialStep;
    double best = loss(profile);
    for (int round = 0; round < kMaxSearchRounds; ++round) {
        bool fineEnough = true;
        for (qsizetype i = 0; i < parameters.size(); ++i) {
            const Parameter &parameter = parameters.at(i);
            bool improved = false;
            for (double direction : {1.0, -1.0}) {
                RuntimeProfile candidate = profile;
                candidate.*parameter.field = std::clamp(profile.*parameter.field + direction * steps.at(i),
                                                        parameter.minimum, parameter.maximum);
                if (candidate.*parameter.field == profile.*parameter.field)
                    continue;
                const double value = loss(candidate);
                if (value < best) {
                    best = value;
                    profile = candidate;
                    improved = true;
                    break;
                }
            }
            if (!improved)
                steps[i] /= 2.0;
            fineEnough = fineEnough && steps.at(i) < kSearchResolution * (parameter.maximum - parameter.minimum);
        }
        if (fineEnough)
            break;
    }
    return profile;
}

struct RowTraits {
    Rows speed;
    Rows prefill;
    bool layerSplit = false;
    bool tensorSplit = false;
    bool concurrent = false;
    bool quantized = false;
    bool longPrompts = false;
    bool endToEnd = false; // some speeds include their requests' prompt processing
    bool moe = false;
    bool continuousBatching = false; // the profile is a serving engine's (vLLM, SGLang, TensorRT-LLM)
};

RowTraits traitsOf(const Rows &rows, Runtime runtime)
{
    RowTraits traits;
    traits.continuousBatching = isServing(runtime);
    for (const PreparedRow *row : rows) {
        if (row->section == ScoreSection::Prefill) {
            traits.prefill << row;
            traits.longPrompts = traits.longPrompts || row->input.workload.promptTokens >= kLongPromptTokens;
            continue;
        }
        traits.speed << row;
        const bool multi = row->row.deviceCount > 1;
        traits.layerSplit = traits.layerSplit || (multi && row->input.configuration.split == Split::Layer);
        traits.tensorSplit = traits.tensorSplit || (multi && row->input.configuration.split == Split::Tensor);
        traits.concurrent = traits.concurrent || row->section == ScoreSection::Concurrency;
        traits.quantized = traits.quantized || row->input.quant.bitsPerWeight < 16;
        traits.endToEnd = traits.endToEnd || row->row.endToEnd;
        traits.moe = traits.moe || row->input.model.isMoe();
    }
    return traits;
}

QList<Parameter> decodeParameters(const RowTraits &traits)
{
    QList<Parameter> parameters{
        {&RuntimeProfile::bandwidthEfficiency, 0.2, kMaxBandwidthEfficiency, 0.1},
        {&RuntimeProfile::kernelCeilingGBs, 100.0, 20000.0, 2000.0},
        {&RuntimeProfile::perTokenOverheadMs, 0.0, 20.0, 1.0},
    };
    if (traits.quantized || traits.concurrent)
        parameters << Parameter{&RuntimeProfile::computeEfficiency, 0.01, kMaxFlopsEfficiency, 0.1};
    if (traits.quantized)
        parameters << Parameter{&RuntimeProfile::dequantOpsPerWeight, 0.0, 40.0, 4.0};
    if (traits.layerSplit)
        parameters << Parameter{&RuntimeProfile::layerSplitOverheadMs, 0.0, 10.0, 0.5};
    if (traits.tensorSplit)
        parameters << Parameter{&RuntimeProfile::tensorSyncUs, 0.0, 200.0, 20.0};
    if (traits.endToEnd)
        parameters << Parameter{&RuntimeProfile::prefillEfficiency, 0.01, kMaxFlopsEfficiency, 0.1};
    if (traits.moe)
        parameters << Parameter{&RuntimeProfile::moeLayerOverheadUs, 0.0, 1000.0, 50.0};
    if (traits.concurrent) {
        // Continuous batching reads each weight once per step for every running sequence, by construction
        // (one batched matmul); only llama.cpp-style batching is fitted for re-reads.
        if (!traits.continuousBatching)
            parameters << Parameter{&RuntimeProfile::batchEfficiency, 0.0, 1.0, 0.1};
        // Scheduling, sampling and detokenising one sequence costs tens of microseconds of CPU per step.
        parameters << Parameter{&RuntimeProfile::perSequenceOverheadMs, 0.0, kMaxPerSequenceOverheadMs, 0.01};
    }
    return parameters;
}

QList<Parameter> prefillParameters(const RowTraits &traits)
{
    QList<Parameter> parameters{{&RuntimeProfile::prefillEfficiency, 0.01, kMaxFlopsEfficiency, 0.1}};
    if (traits.longPrompts)
        parameters << Parameter{&RuntimeProfile::attentionEfficiency, 0.005, kMaxFlopsEfficiency, 0.1};
    return parameters;
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
    if (!traits.prefill.isEmpty()) {
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

constexpr PlatformClass kPlatforms[] = {PlatformClass::Apple, PlatformClass::NvidiaConsumer,
                                        PlatformClass::NvidiaDatacenter, PlatformClass::Other};

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
    seed.prefillMicroBatchTokens = kLlamaCppMicroBatch;
    const Rows llamaRows = select([](const PreparedRow &row) { return *row.runtime == Runtime::LlamaCpp; });
    RuntimeProfile root = fitOne(seed, llamaRows, 0.0);
    root.platform = PlatformClass::Other;

    QList<RuntimeProfile> profiles;
    QMap<PlatformClass, RuntimeProfile> llamaByPlatform;
    for (PlatformClass platform : kPlatforms) {
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
        for (PlatformClass platform : kPlatforms) {
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
    const Rows servingRows = select([](const PreparedRow &row) { return isServing(*row.runtime); });
    if (speedRows(servingRows) < kMinSpeedRowsPerProfile)
        return profiles;
    RuntimeProfile servingStart = relabelled(llamaByPlatform.value(PlatformClass::NvidiaDatacenter), Runtime::Vllm,
                                             PlatformClass::Other);
    servingStart.prefillMicroBatchTokens = kServingMicroBatch;
    servingStart.batchEfficiency = 1.0;
    const RuntimeProfile serving = fitOne(servingStart, servingRows, kParentPull);
    for (PlatformClass platform : kPlatforms) {
        const Rows platformRows = select([&](const PreparedRow &row) { return isServing(*row.runtime) && row.platform == platform; });
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

// The value below which `share` of the sorted values lie (linear interpolation).
double quantile(const QList<double> &sorted, double share)
{
    if (sorted.isEmpty())
        return 1.0;
    const double position = share * double(sorted.size() - 1);
    const qsizetype below = qsizetype(std::floor(position));
    const qsizetype above = std::min(below + 1, sorted.size() - 1);
    return sorted.at(below) + (position - double(below)) * (sorted.at(above) - sorted.at(below));
}

struct BandKey {
    SpeedClass speed;
    Runtime runtime;
    PlatformClass platform;
    bool anyPlatform;
    bool operator==(const BandKey &) const = default;
};

// Bands from held-out measured / predicted ratios: every class with enough rows, from the narrowest
// (runtime x platform) to the widest (all runtimes and platforms).
QList<ErrorBand> bandsFrom(const ValidationReport &report)
{
    QList<BandKey> keys;
    QList<QList<double>> ratios;
    QList<double> errorSums;
    const auto add = [&](const BandKey &key, double ratio) {
        qsizetype index = keys.indexOf(key);
        if (index < 0) {
            keys << key;
            ratios << QList<double>();
            errorSums << 0.0;
            index = keys.size() - 1;
        }
        ratios[index] << ratio;
        errorSums[index] += std::abs(1.0 / ratio - 1.0);
    };
    for (const RowScore &score : report.rows) {
        if (!score.fitted || !score.rooflineHoldOut || !(*score.rooflineHoldOut > 0))
            continue;
        const double ratio = score.measured / *score.rooflineHoldOut;
        add({score.section, score.modelled, score.platform, false}, ratio);
        add({score.section, score.modelled, PlatformClass::Other, true}, ratio);
        add({score.section, Runtime::Auto, score.platform, false}, ratio);
        add({score.section, Runtime::Auto, PlatformClass::Other, true}, ratio);
    }
    QList<ErrorBand> bands;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QList<double> sorted = ratios.at(i);
        if (sorted.size() < kMinBandRows)
            continue;
        std::sort(sorted.begin(), sorted.end());
        const BandKey &key = keys.at(i);
        ErrorBand band;
        band.speed = key.speed;
        band.runtime = key.runtime;
        band.platform = key.platform;
        band.anyPlatform = key.anyPlatform;
        // The range always holds the estimate itself.
        const double rows = double(sorted.size());
        const double tail = kBandTailShare * rows / (rows + kBandSmallSampleRows);
        band.lowRatio = std::min(1.0, quantile(sorted, tail));
        band.highRatio = std::max(1.0, quantile(sorted, 1.0 - tail));
        band.mape = errorSums.at(i) / double(sorted.size());
        band.rows = int(sorted.size());
        bands << band;
    }
    std::stable_sort(bands.begin(), bands.end(), [](const ErrorBand &a, const ErrorBand &b) {
        return std::tuple(int(a.speed), int(a.runtime), a.anyPlatform, int(a.platform))
            < std::tuple(int(b.speed), int(b.runtime), b.anyPlatform, int(b.platform));
    });
    return bands;
}

QString literal(double value)
{
    return QString::number(value, 'g', 17);
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString enumName(PlatformClass platform)
{
    switch (platform) {
    case PlatformClass::Apple: return QStringLiteral("PlatformClass::Apple");
    case PlatformClass::NvidiaConsumer: return QStringLiteral("PlatformClass::NvidiaConsumer");
    case PlatformClass::NvidiaDatacenter: return QStringLiteral("PlatformClass::NvidiaDatacenter");
    case PlatformClass::Other: return QStringLiteral("PlatformClass::Other");
    }
    return {};
}

QString enumName(Runtime runtime)
{
    switch (runtime) {
    case Runtime::Auto: return QStringLiteral("Runtime::Auto");
    case Runtime::LlamaCpp: return QStringLiteral("Runtime::LlamaCpp");
    case Runtime::Mlx: return QStringLiteral("Runtime::Mlx");
    case Runtime::Vllm: return QStringLiteral("Runtime::Vllm");
    case Runtime::Ollama: return QStringLiteral("Runtime::Ollama");
    case Runtime::TensorRtLlm: return QStringLiteral("Runtime::TensorRtLlm");
    case Runtime::Sglang: return QStringLiteral("Runtime::Sglang");
    }
    return {};
}

QString enumName(SpeedClass speed)
{
    switch (speed) {
    case SpeedClass::Decode: return QStringLiteral("SpeedClass::Decode");
    case SpeedClass::Concurrency: return QStringLiteral("SpeedClass::Concurrency");
    case SpeedClass::Prefill: return QStringLiteral("SpeedClass::Prefill");
    }
    return {};
}

} // namespace

QList<RuntimeProfile> fitProfiles(const MeasuredRows &rows, const Catalog &catalog)
{
    return fitPrepared(prepare(rows, catalog), QStringList());
}

QList<HoldOutFold> holdOutFolds(const MeasuredRows &rows, const Catalog &catalog)
{
    const QList<PreparedRow> prepared = prepare(rows, catalog);
    const QStringList sources = sourcesInOrder(rows);
    QList<HoldOutFold> folds(std::min<qsizetype>(sources.size(), kMaxHoldOutFolds));
    for (qsizetype i = 0; i < sources.size(); ++i)
        folds[i % kMaxHoldOutFolds].sourceIds << sources.at(i);
    for (HoldOutFold &fold : folds)
        fold.profiles = fitPrepared(prepared, fold.sourceIds);
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
    result.bands = bandsFrom(validate(rows, catalog, calibrationFrom(result.profiles), true));
    return result;
}

QString calibrationConstantsSource(const CalibrationFitResult &fit)
{
    QString source;
    source += QStringLiteral(
        "// GENERATED by fitCalibration() (model/measured/CalibrationFit.cpp) from resources/measured.csv (%1 rows)\n"
        "// and the embedded catalog. Do not edit by hand: tests/model/tst_calibration.cpp refits and fails\n"
        "// when these drift; regenerate with\n"
        "//   HEADROOM_WRITE_CALIBRATION=$PWD/model/engine/CalibrationConstants.cpp build/<dir>/tests/tst_calibration\n"
        "#include \"engine/CalibrationConstants.h\"\n\n"
        "namespace headroom::calibration {\n\n"
        "QList<RuntimeProfile> fittedProfiles()\n{\n"
        "    return {\n").arg(fit.rows);
    for (const RuntimeProfile &p : fit.profiles) {
        source += QStringLiteral("        {.runtime = %1, .platform = %2,\n").arg(enumName(p.runtime), enumName(p.platform));
        source += QStringLiteral("         .bandwidthEfficiency = %1, .computeEfficiency = %2, .prefillEfficiency = %3,\n")
                      .arg(literal(p.bandwidthEfficiency), literal(p.computeEfficiency), literal(p.prefillEfficiency));
        source += QStringLiteral("         .perTokenOverheadMs = %1, .layerSplitOverheadMs = %2, .tensorSyncUs = %3,\n")
                      .arg(literal(p.perTokenOverheadMs), literal(p.layerSplitOverheadMs), literal(p.tensorSyncUs));
        source += QStringLiteral("         .batchEfficiency = %1, .rowsFitted = %2,\n         .provenance = QStringLiteral(%3),\n")
                      .arg(literal(p.batchEfficiency)).arg(p.rowsFitted).arg(quoted(p.provenance));
        source += QStringLiteral("         .kernelCeilingGBs = %1, .attentionEfficiency = %2, .dequantOpsPerWeight = %3,\n")
                      .arg(literal(p.kernelCeilingGBs), literal(p.attentionEfficiency), literal(p.dequantOpsPerWeight));
        source += QStringLiteral("         .perSequenceOverheadMs = %1, .moeLayerOverheadUs = %2, .prefillMicroBatchTokens = %3},\n")
                      .arg(literal(p.perSequenceOverheadMs), literal(p.moeLayerOverheadUs), literal(p.prefillMicroBatchTokens));
    }
    source += QStringLiteral("    };\n}\n\nQList<ErrorBand> holdOutErrorBands()\n{\n"
                             "    // speed class, runtime (Auto = any), platform, any platform, measured/predicted ratios\n"
                             "    // left out on either side: 8% x n / (n + 10) of the held-out rows; held-out MAPE, rows\n    return {\n");
    for (const ErrorBand &band : fit.bands) {
        source += QStringLiteral("        {%1, %2, %3, %4, %5, %6, %7, %8},\n")
                      .arg(enumName(band.speed), enumName(band.runtime), enumName(band.platform),
                           band.anyPlatform ? QStringLiteral("true") : QStringLiteral("false"), literal(band.lowRatio),
                           literal(band.highRatio), literal(band.mape))
                      .arg(band.rows);
    }
    source += QStringLiteral("    };\n}\n\n} // namespace headroom::calibration\n");
    return source;
}

} // namespace headroom
