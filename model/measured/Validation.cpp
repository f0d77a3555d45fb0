// Scores the seed and roofline methods against measured rows, overall and by class.
#include "measured/Validation.h"
#include "measured/ClusterFit.h"

#include "measured/CalibrationFit.h"
#include "engine/Estimator.h"
#include "engine/RooflineMemory.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <functional>

namespace headroom {
namespace {

// The article's default quantization, assumed where a source does not name one ("Q4 (unspecified)").
const QString &defaultQuantName()
{
    static const QString name = QStringLiteral("Q4_K_M");
    return name;
}
constexpr double kDefaultQuantBitsPerWeight = 4.85;
constexpr int kUnstatedPromptTokens = 512;

// Quantizations sources name that the catalog does not carry, with their average bits per weight
// (llama.cpp's tools/quantize table; MLX: 4 or 8 bits plus an fp16 scale and bias per 64 weights;
// NVFP4: an fp8 scale per 16 weights; MLC q4f16_1: an fp16 scale per 32 weights).
constexpr std::pair<const char *, double> kRowQuantBits[] = {
    {"IQ1_S", 1.56},  {"IQ1_M", 1.75},  {"IQ2_XXS", 2.06}, {"IQ2_XS", 2.31}, {"IQ2_S", 2.5},
    {"IQ2_M", 2.7},   {"IQ3_XXS", 3.06}, {"IQ3_XS", 3.3},  {"IQ3_S", 3.44},  {"IQ3_M", 3.66},
    {"IQ4_NL", 4.5},  {"Q3_K_S", 3.5},  {"Q3_K_L", 4.27},  {"Q4_K_S", 4.58}, {"Q4_1", 5.0},
    {"Q5_0", 5.5},    {"Q5_1", 6.0},    {"Q5_K_S", 5.54},  {"MLX-3BIT", 3.5}, {"MLX-4BIT", 4.5},
    {"MLX-5BIT", 5.5}, {"MLX-6BIT", 6.5}, {"MLX-8BIT", 8.5}, {"MLX-MXFP4", 4.25}, {"NVFP4", 4.5},
    {"Q4F16_1", 4.5}, {"INT8", 8.0},    {"W8A8", 8.0},     {"INT4", 4.5},
    {"MLX-MXFP8", 8.25}, {"Q8_K_XL", 8.5},
};

// "EXL2 4.0 bpw", "4.65bpw": the bits a source states.
std::optional<double> statedBitsPerWeight(const QString &quant)
{
    static const QRegularExpression pattern(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*bpw"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(quant);
    if (!match.hasMatch())
        return std::nullopt;
    const double bits = match.captured(1).toDouble();
    return bits > 0 && bits <= 32 ? std::optional<double>(bits) : std::nullopt;
}

Quantization namedQuantForRow(const MeasuredRow &row, const Catalog &catalog)
{
    if (const Quantization *quant = catalog.quantization(row.quant))
        return *quant;
    const QString name = row.quant.section(QLatin1Char(' '), 0, 0).toUpper();
    if (const Quantization *quant = catalog.quantization(name))
        return *quant;
    if (name == QLatin1String("F16") || name == QLatin1String("FP16") || name == QLatin1String("BF16"))
        return Quantization{name, 16};
    for (const auto &[known, bits] : kRowQuantBits) {
        if (name == QLatin1String(known))
            return Quantization{name, bits};
    }
    if (const auto bits = statedBitsPerWeight(row.quant))
        return Quantization{row.quant, *bits};
    if (const Quantization *quant = catalog.quantization(defaultQuantName()))
        return *quant;
    return Quantization{defaultQuantName(), kDefaultQuantBitsPerWeight};
}

// A file named F16 whose stated size gives fewer bits per weight than this keeps most weights quantized (the
// "F16" GGUFs of gpt-oss carry its MXFP4 experts as published).
constexpr double kMostlyQuantizedBitsPerWeight = 12.0;

Quantization quantForRow(const MeasuredRow &row, const Catalog &catalog)
{
    Quantization quant = namedQuantForRow(row, catalog);
    if (!quant.isQuantized() && row.modelSizeGB && row.paramsB > 0) {
        const double statedBits = *row.modelSizeGB * 8.0 / row.paramsB;
        if (statedBits < kMostlyQuantizedBitsPerWeight)
            quant = Quantization{row.quant, statedBits};
    }
    return quant;
}

Device inlineDevice(const MeasuredRow &row)
{
    Device device;
    device.id = row.hardwareId;
    device.name = row.hardware;
    const bool apple = row.backend.contains(QLatin1String("metal"), Qt::CaseInsensitive)
        || row.hardwareId.startsWith(QLatin1String("m"));
    device.vendor = apple ? QStringLiteral("apple") : QStringLiteral("nvidia");
    device.kind = apple ? MemoryKind::Unified : MemoryKind::Discrete;
    device.segment = apple ? Segment::Apple : Segment::Other;
    device.bandwidthGBs = row.bandwidthGBsPerDevice;
    if (row.memoryGBPerDevice)
        device.memoryOptionsGB << *row.memoryGBPerDevice;
    return device;
}

double absolutePercentageError(double predicted, double measured)
{
    return std::abs(predicted - measured) / measured;
}

struct Dimension {
    const char *name;
    std::function<QString(const RowScore &)> key;
};

// What makes a measurement the same in two files, whatever its line.
QString rowKey(const MeasuredRow &row)
{
    return QStringList{row.sourceId, row.hardwareId, QString::number(row.deviceCount), row.split, row.backend,
                       row.modelId, row.quant, QString::number(row.context), QString::number(row.concurrency),
                       toString(row.metric), QString::number(row.tokensPerSecond, 'g', 12)}
        .join(QLatin1Char('\x1f'));
}

// `rows` followed by the rows of `more` that are not among them.
MeasuredRows withoutRepeats(const MeasuredRows &rows, const MeasuredRows &more)
{
    MeasuredRows all = rows;
    QSet<QString> seen;
    for (const MeasuredRow &row : rows)
        seen.insert(rowKey(row));
    for (const MeasuredRow &row : more) {
        if (!seen.contains(rowKey(row)))
            all << row;
    }
    return all;
}

QString runtimeKey(const RowScore &score)
{
    if (!score.setAside.isEmpty())
        return QStringLiteral("set aside");
    if (score.speculative)
        return QStringLiteral("speculative decoding");
    if (score.nodes > 1)
        return QStringLiteral("cluster");
    return score.fitted ? toString(score.modelled) : QStringLiteral("not modelled");
}

// Running sums of one group's errors.
struct ErrorSums {
    double seed = 0;
    double roofline = 0;
    double holdOut = 0;
    int seedRows = 0;
    int rows = 0;
    int holdOutRows = 0;
    int holdOutCovered = 0;

    void add(const RowScore &score)
    {
        ++rows;
        roofline += absolutePercentageError(score.roofline, score.measured);
        if (score.seed) {
            seed += absolutePercentageError(*score.seed, score.measured);
            ++seedRows;
        }
        if (score.rooflineHoldOut) {
            holdOut += absolutePercentageError(*score.rooflineHoldOut, score.measured);
            ++holdOutRows;
            holdOutCovered += score.holdOutLow && score.holdOutHigh && *score.holdOutLow <= score.measured
                && score.measured <= *score.holdOutHigh;
        }
    }

    void writeTo(ScoreGroup &group) const
    {
        group.rows = rows;
        group.rooflineMape = rows > 0 ? roofline / rows : 0.0;
        if (seedRows > 0)
            group.seedMape = seed / seedRows;
        if (holdOutRows > 0) {
            group.rooflineHoldOutMape = holdOut / holdOutRows;
            group.holdOutCoverage = double(holdOutCovered) / holdOutRows;
        }
    }
};

} // namespace

std::optional<Runtime> modelledRuntime(const QString &backend)
{
    const QString lower = backend.toLower();
    // vllm-mlx and LM Studio's MLX engine run MLX's kernels; LM Studio's GGUF engine is llama.cpp; NVIDIA NIM serves
    // its optimised profiles with TensorRT-LLM engines.
    const std::pair<const char *, Runtime> names[] = {{"exo", Runtime::Exo}, {"mlx", Runtime::Mlx}, {"ollama", Runtime::Ollama},
                                                      {"vllm", Runtime::Vllm}, {"sglang", Runtime::Sglang},
                                                      {"tensorrt", Runtime::TensorRtLlm}, {"trt-llm", Runtime::TensorRtLlm},
                                                      {"nvidia-nim", Runtime::TensorRtLlm},
                                                      {"llama.cpp", Runtime::LlamaCpp}, {"llamacpp", Runtime::LlamaCpp},
                                                      {"lm studio", Runtime::LlamaCpp}};
    for (const auto &[name, runtime] : names) {
        if (lower.contains(QLatin1String(name)))
            return runtime;
    }
    return std::nullopt;
}

bool measuresTheEstimator(const RowScore &score)
{
    return !score.speculative && score.setAside.isEmpty() && score.nodes <= 1;
}

std::optional<Runtime> fittedRuntime(const MeasuredRow &row)
{
    // A cluster's speed also holds the link's costs: it calibrates those (ClusterFit.h), not a runtime.
    return row.speculative || !row.setAside.isEmpty() || row.nodes > 1 ? std::nullopt : modelledRuntime(row.backend);
}

MeasuredRows scorableRows(const MeasuredRows &rows, const Catalog &catalog, const QString &origin, Diagnostics &problems)
{
    MeasuredRows scorable;
    for (const MeasuredRow &row : rows) {
        const bool known = catalog.device(row.hardwareId);
        if (!known && !(row.bandwidthGBsPerDevice > 0)) {
            problems << Diagnostic{origin, QStringLiteral("line %1").arg(row.line), QStringLiteral("bandwidth_gbs_per_device"),
                                   QStringLiteral("'%1' is not a catalog device: its bandwidth is required").arg(row.hardwareId)};
        } else if (row.nodes > 1 && !catalog.link(row.link)) {
            problems << Diagnostic{origin, QStringLiteral("line %1").arg(row.line), QStringLiteral("link"),
                                   QStringLiteral("'%1' is not a catalog link").arg(row.link)};
        } else if (!known && row.metric == MeasuredMetric::Pp) {
            // Prompt processing is compute-bound: without the device's FLOPs there is nothing to compare.
            problems << Diagnostic{origin, QStringLiteral("line %1").arg(row.line), QStringLiteral("hardware_id"),
                                   QStringLiteral("'%1' is not a catalog device: a prompt speed needs its FLOPs").arg(row.hardwareId)};
        } else {
            scorable << row;
        }
    }
    return scorable;
}

ScoreSection sectionOf(const MeasuredRow &row)
{
    if (row.metric == MeasuredMetric::Pp)
        return ScoreSection::Prefill;
    if (row.concurrency > 1 || row.metric != MeasuredMetric::Tg)
        return ScoreSection::Concurrency;
    return ScoreSection::Decode;
}

QString contextBucket(int contextTokens)
{
    if (contextTokens < 2048)
        return QStringLiteral("0-2K");
    if (contextTokens < 8192)
        return QStringLiteral("2K-8K");
    if (contextTokens < 32768)
        return QStringLiteral("8K-32K");
    return QStringLiteral("32K+");
}

namespace {

bool fitsInMemory(const EstimateInput &input)
{
    const Fit fit = roofline::planMemory(input).fit;
    return fit == Fit::Fits || fit == Fit::Tight;
}

} // namespace

EstimateInput inputForRow(const MeasuredRow &row, const Catalog &catalog)
{
    EstimateInput input;
    const Device *device = catalog.device(row.hardwareId);
    input.device = device ? *device : inlineDevice(row);
    input.configuration.deviceId = input.device.id;
    input.configuration.count = row.deviceCount;
    input.configuration.memoryGB = row.memoryGBPerDevice.value_or(0);
    input.configuration.split = row.split == QLatin1String("tensor") ? Split::Tensor : Split::Layer;
    input.configuration.runtime = modelledRuntime(row.backend).value_or(Runtime::LlamaCpp);
    if (row.nodes > 1) {
        input.configuration.nodes = row.nodes;
        input.configuration.linkId = row.link;
        input.configuration.nodeSplit = row.nodeSplit;
        if (const ClusterLink *link = catalog.link(row.link))
            input.link = *link;
    }

    input.quant = quantForRow(row, catalog);
    if (const LanguageModel *model = catalog.model(row.modelId)) {
        input.model = *model;
    } else {
        input.model.id = row.modelId;
        input.model.name = row.model;
        input.model.paramsB = row.paramsB;
        input.model.activeParamsB = row.activeParamsB;
    }
    if (row.modelSizeGB)
        input.model.publishedSizes = {PublishedSize{input.quant.name, *row.modelSizeGB, row.url}};

    input.workload.users = row.concurrency;
    if (row.metric == MeasuredMetric::Pp) {
        if (row.cachedTokens > 0) {
            input.workload.promptTokens = std::max(1, row.promptTokens);
            input.workload.cachedTokens = row.cachedTokens;
            input.workload.contextTokens = row.cachedTokens + input.workload.promptTokens;
        } else {
            // A prompt of unstated length: llama-bench's and most reviews' default, 512 tokens.
            const int prompt = row.contextStated ? std::max(1, row.context) : kUnstatedPromptTokens;
            input.workload.promptTokens = prompt;
            input.workload.contextTokens = prompt;
        }
    } else if (row.endToEnd) {
        // Whole requests: the prompt, then the output, decoded on average halfway through it.
        input.workload.promptTokens = row.promptTokens;
        input.workload.outputTokens = row.outputTokens;
        input.workload.contextTokens = row.promptTokens + row.outputTokens / 2;
    } else {
        input.workload.contextTokens = row.context;
        input.workload.sharedContextTokens = row.sharedContextTokens;
    }
    input.appleUsableFraction = kValidationAppleUsableFraction;
    // A serving benchmark ran, so its sequences fitted: where an F16 cache could not hold them, the engine
    // kept its cache in FP8 (vLLM's --kv-cache-dtype fp8, TensorRT-LLM's FP8 recipe).
    if (isServingRuntime(input.configuration.runtime) && input.workload.users > 1 && !fitsInMemory(input)) {
        EstimateInput fp8 = input;
        fp8.workload.kvCache = KvCacheType::Fp8;
        if (fitsInMemory(fp8))
            return fp8;
        // Where not even that held them all, the scheduler ran as many as fitted and queued the rest (vLLM's
        // and SGLang's admission control): the batch is the largest that fits; a running user decodes at its speed.
        int fitting = 0;
        for (int low = 1, high = fp8.workload.users - 1; low <= high;) {
            const int middle = low + (high - low) / 2;
            fp8.workload.users = middle;
            if (fitsInMemory(fp8)) {
                fitting = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (fitting > 0) {
            fp8.workload.users = fitting;
            return fp8;
        }
    }
    return input;
}

PredictedFigure predictedFigure(const MeasuredRow &row, const Estimate &estimate)
{
    if (row.endToEnd)
        return {estimate.outputTpsTotal, estimate.outputTpsTotalLow, estimate.outputTpsTotalHigh};
    switch (row.metric) {
    case MeasuredMetric::Tg:
    case MeasuredMetric::TgPerUser: return {estimate.decodeTpsPerUser, estimate.decodeTpsLow, estimate.decodeTpsHigh};
    case MeasuredMetric::TgTotal: return {estimate.decodeTpsTotal, estimate.decodeTpsTotalLow, estimate.decodeTpsTotalHigh};
    case MeasuredMetric::Pp: return {estimate.prefillTps, estimate.prefillTpsLow, estimate.prefillTpsHigh};
    }
    return {};
}

double predictedValue(const MeasuredRow &row, const Estimate &estimate)
{
    return predictedFigure(row, estimate).value;
}

const ScoreGroup *ValidationReport::group(ScoreSection section, const QString &dimension, const QString &key) const
{
    for (const ScoreGroup &candidate : groups) {
        if (candidate.section == section && candidate.dimension == dimension && candidate.key == key)
            return &candidate;
    }
    return nullptr;
}

ValidationReport validate(const MeasuredRows &rows, const Catalog &catalog, const Calibration &calibration,
                          bool holdOut, const MeasuredRows &alsoFittedOn)
{
    ValidationReport report;
    QHash<QString, Calibration> foldCalibrations;
    if (holdOut) {
        QSet<QString> scoredSources;
        for (const MeasuredRow &row : rows)
            scoredSources.insert(row.sourceId);
        for (const HoldOutFold &fold : holdOutFolds(withoutRepeats(rows, alsoFittedOn), catalog, scoredSources)) {
            if (!fold.fitted)
                continue;
            const Calibration foldCalibration = calibrationFrom(fold.profiles, calibration.errorBands());
            for (const QString &source : fold.sourceIds)
                foldCalibrations.insert(source, foldCalibration);
        }
    }

    // A cluster row's held-out estimate: the link's costs fitted without its source.
    const QHash<QString, ClusterCosts> clusterFolds = holdOut ? clusterCostsHeldOut(rows, catalog, calibration)
                                                              : QHash<QString, ClusterCosts>();
    for (const MeasuredRow &row : rows) {
        EstimateInput input = inputForRow(row, catalog);
        RowScore score;
        score.line = row.line;
        score.section = sectionOf(row);
        score.platform = platformClassOf(input.device);
        score.hardwareId = row.hardwareId;
        score.sourceId = row.sourceId;
        score.runtime = row.backend;
        score.modelled = input.configuration.runtime;
        score.fitted = fittedRuntime(row).has_value();
        score.speculative = row.speculative;
        score.setAside = row.setAside;
        score.nodes = row.nodes;
        score.moe = input.model.isMoe() || row.activeParamsB < row.paramsB;
        score.gpuCount = row.deviceCount;
        score.context = row.context;
        score.measured = row.tokensPerSecond;
        const PredictedFigure built = predictedFigure(row, rooflineEstimate(input, calibration));
        score.roofline = built.value;
        score.rooflineLow = built.low;
        score.rooflineHigh = built.high;
        if (row.metric != MeasuredMetric::Pp)
            score.seed = predictedValue(row, seedEstimate(input));
        if (const auto costs = clusterFolds.constFind(row.sourceId); row.nodes > 1 && costs != clusterFolds.cend()) {
            Calibration fold = foldCalibrations.value(row.sourceId, calibration);
            fold.setClusterCosts(*costs);
            const PredictedFigure heldOut = predictedFigure(row, rooflineEstimate(input, fold));
            score.rooflineHoldOut = heldOut.value;
            score.holdOutLow = heldOut.low;
            score.holdOutHigh = heldOut.high;
        } else if (const auto fold = foldCalibrations.constFind(row.sourceId); fold != foldCalibrations.cend()) {
            const PredictedFigure heldOut = predictedFigure(row, rooflineEstimate(input, *fold));
            score.rooflineHoldOut = heldOut.value;
            score.holdOutLow = heldOut.low;
            score.holdOutHigh = heldOut.high;
        }
        report.rows << score;
    }

    const Dimension dimensions[] = {
        {"overall", [](const RowScore &) { return QStringLiteral("all"); }},
        {"runtime", runtimeKey},
        {"platform", [](const RowScore &s) { return toString(s.platform); }},
        {"runtime x platform", [](const RowScore &s) {
             QString key = runtimeKey(s);
             key += QStringLiteral(" / ");
             key += toString(s.platform);
             return key;
         }},
        {"backend", [](const RowScore &s) { return s.runtime; }},
        {"model class", [](const RowScore &s) { return s.moe ? QStringLiteral("moe") : QStringLiteral("dense"); }},
        {"gpu count", [](const RowScore &s) { return QString::number(s.gpuCount); }},
        {"context", [](const RowScore &s) { return contextBucket(s.context); }},
        {"cluster", [](const RowScore &s) {
             return s.nodes > 1 ? QStringLiteral("%1 machines / %2").arg(s.nodes).arg(s.runtime) : QStringLiteral("one machine");
         }},
    };
    for (ScoreSection section : {ScoreSection::Decode, ScoreSection::Concurrency, ScoreSection::Prefill}) {
        for (const Dimension &dimension : dimensions) {
            QList<ScoreGroup> groups;
            QList<ErrorSums> sums;
            for (const RowScore &score : std::as_const(report.rows)) {
                if (score.section != section)
                    continue;
                // A speed measured with speculative decoding is another quantity than the plain decode estimated:
                // it has its own runtime group and stays out of the groups that measure the estimator.
                // A row a measurement beside it contradicts likewise.
                if ((score.speculative || !score.setAside.isEmpty()) && qstrcmp(dimension.name, "runtime") != 0)
                    continue;
                // So are a cluster's speeds (the link's model on top): they have the runtime group "cluster" and
                // a dimension of their own.
                if (score.nodes > 1 && qstrcmp(dimension.name, "runtime") != 0 && qstrcmp(dimension.name, "cluster") != 0)
                    continue;
                const QString key = dimension.key(score);
                qsizetype index = 0;
                while (index < groups.size() && groups.at(index).key != key)
                    ++index;
                if (index == groups.size()) {
                    groups << ScoreGroup{section, QString::fromLatin1(dimension.name), key, 0, {}, 0, {}, {}};
                    sums << ErrorSums{};
                }
                sums[index].add(score);
            }
            for (qsizetype i = 0; i < groups.size(); ++i)
                sums.at(i).writeTo(groups[i]);
            report.groups << groups;
        }
    }
    return report;
}

} // namespace headroom
