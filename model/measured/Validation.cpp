// Scores the seed and roofline methods against measured rows, overall and by class.
#include "measured/Validation.h"

#include "measured/CalibrationFit.h"
#include "engine/Estimator.h"

#include <QHash>

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

Quantization quantForRow(const MeasuredRow &row, const Catalog &catalog)
{
    if (const Quantization *quant = catalog.quantization(row.quant))
        return *quant;
    const QString name = row.quant.section(QLatin1Char(' '), 0, 0).toUpper();
    if (const Quantization *quant = catalog.quantization(name))
        return *quant;
    if (name == QLatin1String("F16") || name == QLatin1String("FP16") || name == QLatin1String("BF16"))
        return Quantization{name, 16};
    if (const Quantization *quant = catalog.quantization(defaultQuantName()))
        return *quant;
    return Quantization{defaultQuantName(), kDefaultQuantBitsPerWeight};
}

Runtime runtimeForBackend(const QString &backend)
{
    const QString lower = backend.toLower();
    const std::pair<const char *, Runtime> prefixes[] = {{"mlx", Runtime::Mlx}, {"vllm", Runtime::Vllm},
                                                         {"ollama", Runtime::Ollama}, {"tensorrt", Runtime::TensorRtLlm},
                                                         {"sglang", Runtime::Sglang}};
    for (const auto &[prefix, runtime] : prefixes) {
        if (lower.startsWith(QLatin1String(prefix)))
            return runtime;
    }
    return Runtime::LlamaCpp;
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

} // namespace

QString toString(ScoreSection section)
{
    switch (section) {
    case ScoreSection::Decode: return QStringLiteral("decode");
    case ScoreSection::Concurrency: return QStringLiteral("concurrency");
    case ScoreSection::Prefill: return QStringLiteral("prefill");
    }
    return {};
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

EstimateInput inputForRow(const MeasuredRow &row, const Catalog &catalog)
{
    EstimateInput input;
    const Device *device = catalog.device(row.hardwareId);
    input.device = device ? *device : inlineDevice(row);
    input.configuration.deviceId = input.device.id;
    input.configuration.count = row.deviceCount;
    input.configuration.memoryGB = row.memoryGBPerDevice.value_or(0);
    input.configuration.split = row.split == QLatin1String("tensor") ? Split::Tensor : Split::Layer;
    input.configuration.runtime = runtimeForBackend(row.backend);

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
        input.workload.promptTokens = std::max(1, row.context);
        input.workload.contextTokens = std::max(1, row.context);
    } else {
        input.workload.contextTokens = row.context;
    }
    input.appleUsableFraction = kValidationAppleUsableFraction;
    return input;
}

double predictedValue(const MeasuredRow &row, const Estimate &estimate)
{
    switch (row.metric) {
    case MeasuredMetric::Tg:
    case MeasuredMetric::TgPerUser: return estimate.decodeTpsPerUser;
    case MeasuredMetric::TgTotal: return estimate.decodeTpsTotal;
    case MeasuredMetric::Pp: return estimate.prefillTps;
    }
    return 0;
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
                          bool holdOut)
{
    ValidationReport report;
    QHash<QString, Calibration> foldCalibrations;
    if (holdOut) {
        for (const HoldOutFold &fold : holdOutFolds(rows, catalog)) {
            const Calibration calibration = calibrationFrom(fold.profiles);
            for (const QString &device : fold.hardwareIds)
                foldCalibrations.insert(device, calibration);
        }
    }

    for (const MeasuredRow &row : rows) {
        EstimateInput input = inputForRow(row, catalog);
        RowScore score;
        score.line = row.line;
        score.section = sectionOf(row);
        score.platform = platformClassOf(input.device);
        score.hardwareId = row.hardwareId;
        score.runtime = row.backend;
        score.moe = input.model.isMoe() || row.activeParamsB < row.paramsB;
        score.gpuCount = row.deviceCount;
        score.context = row.context;
        score.measured = row.tokensPerSecond;
        score.roofline = predictedValue(row, rooflineEstimate(input, calibration));
        if (row.metric != MeasuredMetric::Pp)
            score.seed = predictedValue(row, seedEstimate(input));
        if (const auto fold = foldCalibrations.constFind(row.hardwareId); fold != foldCalibrations.cend())
            score.rooflineHoldOut = predictedValue(row, rooflineEstimate(input, *fold));
        report.rows << score;
    }

    const Dimension dimensions[] = {
        {"overall", [](const RowScore &) { return QStringLiteral("all"); }},
        {"platform", [](const RowScore &s) { return toString(s.platform); }},
        {"runtime", [](const RowScore &s) { return s.runtime; }},
        {"model class", [](const RowScore &s) { return s.moe ? QStringLiteral("moe") : QStringLiteral("dense"); }},
        {"gpu count", [](const RowScore &s) { return QString::number(s.gpuCount); }},
        {"context", [](const RowScore &s) { return contextBucket(s.context); }},
    };
    for (ScoreSection section : {ScoreSection::Decode, ScoreSection::Concurrency, ScoreSection::Prefill}) {
        for (const Dimension &dimension : dimensions) {
            QList<ScoreGroup> groups;
            QList<double> seedSums, rooflineSums, holdOutSums;
            QList<int> seedCounts, holdOutCounts;
            for (const RowScore &score : std::as_const(report.rows)) {
                if (score.section != section)
                    continue;
                const QString key = dimension.key(score);
                qsizetype index = 0;
                while (index < groups.size() && groups.at(index).key != key)
                    ++index;
                if (index == groups.size()) {
                    groups << ScoreGroup{section, QString::fromLatin1(dimension.name), key, 0, {}, 0, {}};
                    seedSums << 0;
                    rooflineSums << 0;
                    holdOutSums << 0;
                    seedCounts << 0;
                    holdOutCounts << 0;
                }
                ++groups[index].rows;
                rooflineSums[index] += absolutePercentageError(score.roofline, score.measured);
                if (score.seed) {
                    seedSums[index] += absolutePercentageError(*score.seed, score.measured);
                    ++seedCounts[index];
                }
                if (score.rooflineHoldOut) {
                    holdOutSums[index] += absolutePercentageError(*score.rooflineHoldOut, score.measured);
                    ++holdOutCounts[index];
                }
            }
            for (qsizetype i = 0; i < groups.size(); ++i) {
                groups[i].rooflineMape = rooflineSums.at(i) / groups.at(i).rows;
                if (seedCounts.at(i) > 0)
                    groups[i].seedMape = seedSums.at(i) / seedCounts.at(i);
                if (holdOutCounts.at(i) > 0)
                    groups[i].rooflineHoldOutMape = holdOutSums.at(i) / holdOutCounts.at(i);
            }
            report.groups << groups;
        }
    }
    return report;
}

} // namespace headroom
