// Which shipped measurements stand for an estimate: exact configuration matches for the speed
// chart's overlay, and the class rows behind the uncertainty band for the details pane.
#include "measured/MeasuredLookup.h"

#include "catalog/Catalog.h"
#include "measured/Validation.h"

#include <QHash>

#include <algorithm>
#include <optional>
#include <utility>

namespace headroom {
namespace {

const QString &unspecifiedMarker()
{
    static const QString marker = QStringLiteral("(unspecified)");
    return marker;
}

// The runtime a backend column names, or nothing when the source did not say.
std::optional<Runtime> runtimeOfBackend(const QString &backend)
{
    const QString lower = backend.trimmed().toLower();
    if (lower.isEmpty() || lower == QLatin1String("unknown"))
        return std::nullopt;
    return modelledRuntime(backend).value_or(Runtime::LlamaCpp); // as Validation scores it
}

bool isDecodeMetric(MeasuredMetric metric)
{
    return metric != MeasuredMetric::Pp;
}

QString deviceIdOf(const EstimateInput &input)
{
    return input.device.id.isEmpty() ? input.configuration.deviceId : input.device.id;
}

bool inputIsMoe(const EstimateInput &input)
{
    return input.model.isMoe() || (input.model.activeParamsB > 0 && input.model.activeParamsB < input.model.paramsB);
}

QString indexKey(const QString &hardwareId, const QString &modelId)
{
    return hardwareId + QLatin1Char('\n') + modelId;
}

bool matches(const EstimateInput &input, const MeasuredRow &row)
{
    if (!isDecodeMetric(row.metric) || row.hardwareId != deviceIdOf(input) || row.modelId != input.model.id)
        return false;
    const int count = std::max(1, input.configuration.count);
    if (row.deviceCount != count)
        return false;
    // A cluster is measured only as the same machines on the same link; one machine only as one machine.
    const int nodes = std::max(1, input.configuration.nodes);
    if (row.nodes != nodes || (nodes > 1 && row.link != input.link.id))
        return false;
    const Runtime runtime = resolveRuntime(input.configuration.runtime, input.device);
    if (const std::optional<Runtime> measured = runtimeOfBackend(row.backend); measured && *measured != runtime)
        return false;
    if (count > 1) {
        // Auto resolves as the roofline does: tensor parallel on the serving runtimes, whole layers elsewhere.
        const Split split = input.configuration.split != Split::Auto ? input.configuration.split
            : isServingRuntime(runtime)                              ? Split::Tensor
                                                                     : Split::Layer;
        if (row.split != (split == Split::Tensor ? QLatin1String("tensor") : QLatin1String("layer")))
            return false;
    }
    if (row.quant.compare(input.quant.name, Qt::CaseInsensitive) != 0 && !quantUnspecifiedMatch(row, input.quant.name))
        return false;
    const int users = std::max(1, input.workload.users);
    if (users == 1 ? row.metric != MeasuredMetric::Tg || row.concurrency != 1
                   : row.metric == MeasuredMetric::Tg || row.concurrency != users)
        return false;
    return contextsComparable(input.workload.contextTokens, row.context);
}

// The shipped set, parsed once, with each row's platform and model class and an index by
// device and model id.
struct ShippedTable {
    MeasuredRows rows;
    QList<PlatformClass> platforms;
    QList<bool> moe;
    QMultiHash<QString, qsizetype> byDeviceAndModel;
    QHash<int, qsizetype> byLine;
};

const ShippedTable &shippedTable()
{
    static const ShippedTable table = [] {
        ShippedTable built;
        built.rows = embeddedMeasuredRows();
        const Catalog &catalog = embeddedCatalog();
        for (qsizetype i = 0; i < built.rows.size(); ++i) {
            const MeasuredRow &row = built.rows.at(i);
            const EstimateInput input = inputForRow(row, catalog);
            built.platforms << platformClassOf(input.device);
            built.moe << (input.model.isMoe() || row.activeParamsB < row.paramsB);
            built.byDeviceAndModel.insert(indexKey(row.hardwareId, row.modelId), i);
            built.byLine.insert(row.line, i);
        }
        return built;
    }();
    return table;
}

bool isSingleUserDecode(const MeasuredRow &row)
{
    return row.metric == MeasuredMetric::Tg && row.concurrency == 1;
}

} // namespace

bool contextsComparable(int contextTokens, int measuredContext)
{
    if (contextTokens <= kInterchangeableContextTokens && measuredContext <= kInterchangeableContextTokens)
        return true;
    const double low = std::max(1, std::min(contextTokens, measuredContext));
    const double high = std::max(contextTokens, measuredContext);
    return high <= low * kContextMatchFactor;
}

double perUserDecodeTps(const MeasuredRow &row)
{
    switch (row.metric) {
    case MeasuredMetric::Tg:
    case MeasuredMetric::TgPerUser: return row.tokensPerSecond;
    case MeasuredMetric::TgTotal: return row.tokensPerSecond / std::max(1, row.concurrency);
    case MeasuredMetric::Pp: return 0;
    }
    return 0;
}

bool quantUnspecifiedMatch(const MeasuredRow &row, const QString &quantName)
{
    if (!row.quant.endsWith(unspecifiedMarker(), Qt::CaseInsensitive))
        return false;
    const QString family = row.quant.chopped(unspecifiedMarker().size()).trimmed();
    return !family.isEmpty() && quantName.startsWith(family, Qt::CaseInsensitive);
}

MeasuredRows matchingMeasurements(const EstimateInput &input)
{
    const ShippedTable &table = shippedTable();
    QList<qsizetype> indexes = table.byDeviceAndModel.values(indexKey(deviceIdOf(input), input.model.id));
    std::sort(indexes.begin(), indexes.end()); // file order
    MeasuredRows found;
    for (qsizetype index : std::as_const(indexes)) {
        if (matches(input, table.rows.at(index)))
            found << table.rows.at(index);
    }
    return found;
}

MeasuredRows matchingMeasurements(const EstimateInput &input, const MeasuredRows &rows)
{
    MeasuredRows found;
    for (const MeasuredRow &row : rows) {
        if (matches(input, row))
            found << row;
    }
    return found;
}

const MeasuredRow *shippedMeasurementAtLine(int line)
{
    const ShippedTable &table = shippedTable();
    const auto found = table.byLine.constFind(line);
    return found == table.byLine.cend() ? nullptr : &table.rows.at(*found);
}

QString platformDisplayName(PlatformClass platform)
{
    switch (platform) {
    case PlatformClass::Apple: return QStringLiteral("Apple silicon");
    case PlatformClass::NvidiaConsumer: return QStringLiteral("NVIDIA consumer");
    case PlatformClass::NvidiaDatacenter: return QStringLiteral("NVIDIA datacenter");
    case PlatformClass::OtherDatacenter: return QStringLiteral("Other datacenter");
    case PlatformClass::Other: break;
    }
    return QStringLiteral("Other");
}

MeasuredRows backingRows(const EstimateInput &input)
{
    const ShippedTable &table = shippedTable();
    const PlatformClass platform = platformClassOf(input.device);
    const bool moe = inputIsMoe(input);
    MeasuredRows rows;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        if (table.platforms.at(i) == platform && table.moe.at(i) == moe && isSingleUserDecode(table.rows.at(i)))
            rows << table.rows.at(i);
    }
    return rows;
}

MeasurementBacking measurementBacking(const EstimateInput &input, const Calibration &calibration)
{
    const ShippedTable &table = shippedTable();
    MeasurementBacking backing;
    backing.platform = platformClassOf(input.device);
    backing.moe = inputIsMoe(input);
    backing.classRows = backingRows(input);
    for (const MeasuredRow &row : std::as_const(backing.classRows)) {
        if (!backing.backends.contains(row.backend))
            backing.backends << row.backend;
    }
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        if (table.platforms.at(i) != backing.platform || !isDecodeMetric(table.rows.at(i).metric))
            continue;
        if (isSingleUserDecode(table.rows.at(i)))
            ++backing.platformRows;
        else
            ++backing.concurrencyRows;
    }
    backing.band = calibration.errorBand(input.workload.users > 1 ? SpeedClass::Concurrency : SpeedClass::Decode,
                                        resolveRuntime(input.configuration.runtime, input.device), backing.platform,
                                        input.model.isMoe());
    return backing;
}

} // namespace headroom
