// measured.csv reader: RFC 4180 fields, typed columns, diagnostics naming line and column.
#include "measured/MeasuredData.h"

#include "catalog/CatalogLimits.h"
#include "catalog/ClusterLinkLookup.h"
#include "core/FileLimits.h"
#include "core/SafeFile.h"
#include "measured/MeasuredNotes.h"

#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <cmath>
#include <utility>

namespace headroom {
namespace {

Q_LOGGING_CATEGORY(lcMeasured, "headroom.measured")

// The plausible range of each measured value: the catalog's own limits (CatalogLimits.h), so a row the
// catalog would refuse as a device or model is refused here too.
constexpr double kMinParamsB = catalog::kParamsBLimits.lowest;
constexpr double kMaxParamsB = catalog::kParamsBLimits.highest;
constexpr double kMinBandwidthGBs = catalog::kBandwidthGBsLimits.lowest;
constexpr double kMaxBandwidthGBs = catalog::kBandwidthGBsLimits.highest;
constexpr int kMaxDevices = catalog::kMaxDevicesPerChassis;
constexpr int kMaxContext = catalog::kMaxContextTokens;
constexpr int kMaxConcurrency = 100'000;
constexpr double kMaxTokensPerSecond = 10'000'000;

constexpr std::array metricNames{std::pair{MeasuredMetric::Tg, "tg"}, std::pair{MeasuredMetric::TgPerUser, "tg_per_user"},
                                 std::pair{MeasuredMetric::TgTotal, "tg_total"}, std::pair{MeasuredMetric::Pp, "pp"}};

// Columns every row needs; the others (source_id, url, hardware, model, notes) are informative.
const QStringList &requiredColumns()
{
    static const QStringList columns{
        QStringLiteral("hardware_id"), QStringLiteral("device_count"), QStringLiteral("split"),
        QStringLiteral("backend"), QStringLiteral("model_id"), QStringLiteral("params_b"),
        QStringLiteral("active_params_b"), QStringLiteral("quant"), QStringLiteral("model_size_gb"),
        QStringLiteral("memory_gb_per_device"), QStringLiteral("bandwidth_gbs_per_device"),
        QStringLiteral("context"), QStringLiteral("concurrency"), QStringLiteral("metric"), QStringLiteral("tps")};
    return columns;
}

// Splits CSV text into records of fields; `lines` gets the 1-based line each record starts on.
bool splitRecords(const QString &text, QList<QStringList> &records, QList<int> &lines, int &badLine)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    const auto endRecord = [&] {
        fields << field;
        if (!(fields.size() == 1 && fields.constFirst().trimmed().isEmpty() && !fieldStarted)) {
            records << fields;
            lines << recordLine;
        }
        fields.clear();
        field.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            recordLine = line;
        } else if (c != QLatin1Char('\r')) {
            field += c;
        }
    }
    if (quoted) {
        badLine = recordLine;
        return false;
    }
    if (!field.isEmpty() || !fields.isEmpty())
        endRecord();
    return true;
}

class RowReader final
{
public:
    RowReader(const QString &origin, int line, const QStringList &fields, const QHash<QString, int> &columns,
              Diagnostics &diagnostics)
        : m_origin(origin), m_line(line), m_fields(fields), m_columns(columns), m_diagnostics(diagnostics)
    {
    }

    QString text(const QString &name) const
    {
        const int index = m_columns.value(name, -1);
        return index >= 0 && index < m_fields.size() ? m_fields.at(index).trimmed() : QString();
    }

    std::optional<double> optionalNumber(const QString &name, double minimum, double maximum = 1e9)
    {
        const QString value = text(name);
        if (value.isEmpty())
            return std::nullopt;
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            fail(name, QStringLiteral("'%1' is not a number").arg(value));
            return std::nullopt;
        }
        if (number < minimum) {
            fail(name, QStringLiteral("%1 is below the minimum %2").arg(value).arg(minimum));
            return std::nullopt;
        }
        if (number > maximum) {
            fail(name, QStringLiteral("%1 is above the maximum %2").arg(value).arg(maximum));
            return std::nullopt;
        }
        return number;
    }

    double number(const QString &name, double minimum, double maximum = 1e9)
    {
        if (text(name).isEmpty()) {
            fail(name, QStringLiteral("is required"));
            return minimum;
        }
        return optionalNumber(name, minimum, maximum).value_or(minimum);
    }

    int integer(const QString &name, int minimum, int maximum)
    {
        const double value = number(name, minimum, maximum);
        if (value != std::floor(value)) {
            fail(name, QStringLiteral("'%1' must be a whole number").arg(text(name)));
            return minimum;
        }
        return int(value);
    }

    std::optional<int> optionalInteger(const QString &name, int minimum, int maximum)
    {
        const std::optional<double> value = optionalNumber(name, minimum, maximum);
        if (value && *value != std::floor(*value)) {
            fail(name, QStringLiteral("'%1' must be a whole number").arg(text(name)));
            return std::nullopt;
        }
        return value ? std::optional<int>(int(*value)) : std::nullopt;
    }

    double positive(const QString &name, double maximum)
    {
        const QString value = text(name);
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (value.isEmpty())
            fail(name, QStringLiteral("is required"));
        else if (!ok || !std::isfinite(number))
            fail(name, QStringLiteral("'%1' is not a number").arg(value));
        else if (number <= 0)
            fail(name, QStringLiteral("%1 must be positive").arg(value));
        else if (number > maximum)
            fail(name, QStringLiteral("%1 is above the maximum %2").arg(value).arg(maximum));
        else
            return number;
        return 0;
    }

    QString required(const QString &name)
    {
        const QString value = text(name);
        if (value.isEmpty())
            fail(name, QStringLiteral("is required"));
        return value;
    }

    void fail(const QString &name, const QString &problem)
    {
        const int column = m_columns.value(name, -1) + 1;
        m_diagnostics << Diagnostic{m_origin, QStringLiteral("line %1").arg(m_line),
                                    QStringLiteral("column %1 (%2)").arg(column).arg(name), problem};
    }

private:
    QString m_origin;
    int m_line;
    const QStringList &m_fields;
    const QHash<QString, int> &m_columns;
    Diagnostics &m_diagnostics;
};

void readRequestLengths(RowReader &reader, MeasuredRow &row)
{
    const auto column = [&](const char *name) {
        return reader.optionalNumber(QString::fromLatin1(name), 0, kMaxContext).value_or(0);
    };
    row.promptTokens = int(column("prompt_tokens"));
    row.outputTokens = int(column("output_tokens"));
    if (row.promptTokens <= 0 || row.outputTokens <= 0) {
        const auto [prompt, output] = requestLengthsInNotes(row.notes);
        row.promptTokens = prompt;
        row.outputTokens = output;
    }
    if (row.metric == MeasuredMetric::Pp) {
        if (const auto [prompt, depth] = promptOnDepthInNotes(row.notes); prompt > 0 && depth > 0 && prompt + depth <= kMaxContext) {
            row.promptTokens = prompt;
            row.cachedTokens = depth;
        }
    }
    row.endToEnd = (row.metric == MeasuredMetric::Tg || row.metric == MeasuredMetric::TgTotal) && row.promptTokens > 0
        && row.outputTokens > 0 && notesSayEndToEnd(row.notes);
    // Drafting changes how many tokens a decode step yields, not how fast the prompt is read (the draft's own
    // prompt pass is a layer or a small model beside the target's): a prompt rate is plain prefill.
    row.speculative = row.metric != MeasuredMetric::Pp && notesSaySpeculative(row.notes);
    row.setAside = setAsideReasonInNotes(row.notes);
}

void readSharedContext(RowReader &reader, MeasuredRow &row)
{
    const QString name = QStringLiteral("shared_context_tokens");
    const int shared = reader.optionalInteger(name, 0, kMaxContext).value_or(0);
    if (shared > row.context)
        reader.fail(name, QStringLiteral("%1 exceeds context (%2)").arg(shared).arg(row.context));
    else
        row.sharedContextTokens = shared;
}

void readCluster(RowReader &reader, MeasuredRow &row)
{
    row.nodes = int(reader.optionalNumber(QStringLiteral("nodes"), 1, kMaxClusterNodes).value_or(1));
    row.link = reader.text(QStringLiteral("link"));
    const QString split = reader.text(QStringLiteral("node_split")).toLower();
    if (const std::optional<NodeSplit> parsed = nodeSplitFromString(split.isEmpty() ? QStringLiteral("auto") : split))
        row.nodeSplit = *parsed;
    else
        reader.fail(QStringLiteral("node_split"), QStringLiteral("'%1' is not tensor, pipeline or auto").arg(split));
    const bool cluster = row.split == QLatin1String("cluster");
    if (cluster && row.nodes < 2)
        reader.fail(QStringLiteral("nodes"), QStringLiteral("a cluster row needs at least 2 machines"));
    else if (!cluster && row.nodes > 1)
        reader.fail(QStringLiteral("split"), QStringLiteral("must be cluster for a row of %1 machines").arg(row.nodes));
    if (cluster && row.link.isEmpty())
        reader.fail(QStringLiteral("link"), QStringLiteral("a cluster row names its link (a catalog link id)"));
}

MeasuredRow readRow(RowReader &reader, int line)
{
    MeasuredRow row;
    row.line = line;
    row.sourceId = reader.text(QStringLiteral("source_id"));
    row.url = reader.text(QStringLiteral("url"));
    row.hardware = reader.text(QStringLiteral("hardware"));
    row.hardwareId = reader.required(QStringLiteral("hardware_id"));
    row.deviceCount = reader.integer(QStringLiteral("device_count"), 1, kMaxDevices);
    row.split = reader.required(QStringLiteral("split")).toLower();
    if (!row.split.isEmpty() && row.split != QLatin1String("none") && row.split != QLatin1String("layer")
        && row.split != QLatin1String("tensor") && row.split != QLatin1String("cluster"))
        reader.fail(QStringLiteral("split"), QStringLiteral("'%1' is not none, layer, tensor or cluster").arg(row.split));
    row.backend = reader.required(QStringLiteral("backend"));
    row.model = reader.text(QStringLiteral("model"));
    row.modelId = reader.required(QStringLiteral("model_id"));
    row.paramsB = reader.number(QStringLiteral("params_b"), kMinParamsB, kMaxParamsB);
    row.activeParamsB = reader.number(QStringLiteral("active_params_b"), kMinParamsB, kMaxParamsB);
    if (row.activeParamsB > row.paramsB)
        reader.fail(QStringLiteral("active_params_b"), QStringLiteral("exceeds params_b"));
    row.quant = reader.required(QStringLiteral("quant"));
    row.modelSizeGB = reader.optionalNumber(QStringLiteral("model_size_gb"), 0);
    row.memoryGBPerDevice = reader.optionalNumber(QStringLiteral("memory_gb_per_device"), 0);
    row.bandwidthGBsPerDevice =
        reader.optionalNumber(QStringLiteral("bandwidth_gbs_per_device"), kMinBandwidthGBs, kMaxBandwidthGBs).value_or(0);
    row.contextStated = !reader.text(QStringLiteral("context")).isEmpty();
    row.context = row.contextStated ? reader.integer(QStringLiteral("context"), 0, kMaxContext) : 0;
    row.concurrency = reader.integer(QStringLiteral("concurrency"), 1, kMaxConcurrency);
    const QString metric = reader.required(QStringLiteral("metric"));
    if (const auto parsed = measuredMetricFromString(metric))
        row.metric = *parsed;
    else if (!metric.isEmpty())
        reader.fail(QStringLiteral("metric"), QStringLiteral("'%1' is not tg, tg_per_user, tg_total or pp").arg(metric));
    row.tokensPerSecond = reader.positive(QStringLiteral("tps"), kMaxTokensPerSecond);
    row.notes = reader.text(QStringLiteral("notes"));
    readRequestLengths(reader, row);
    readCluster(reader, row);
    readSharedContext(reader, row);
    return row;
}

} // namespace

QString toString(MeasuredMetric metric)
{
    for (const auto &[key, name] : metricNames) {
        if (key == metric)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<MeasuredMetric> measuredMetricFromString(const QString &text)
{
    for (const auto &[key, name] : metricNames) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return key;
    }
    return std::nullopt;
}

MeasuredCsv readMeasuredCsv(const QByteArray &csv, const QString &origin)
{
    MeasuredCsv result;
    Diagnostics &diagnostics = result.problems;
    QList<QStringList> records;
    QList<int> lines;
    int badLine = 0;
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF))) // a byte order mark, as spreadsheets write
        text.remove(0, 1);
    result.fileRefused = true;
    if (!splitRecords(text, records, lines, badLine)) {
        diagnostics << Diagnostic{origin, QStringLiteral("line %1").arg(badLine), QString(),
                                  QStringLiteral("quoted field is never closed")};
        return result;
    }
    if (records.isEmpty()) {
        diagnostics << Diagnostic{origin, QStringLiteral("line 1"), QString(), QStringLiteral("no header row")};
        return result;
    }

    QHash<QString, int> columns;
    const QStringList &header = records.constFirst();
    for (int i = 0; i < header.size(); ++i)
        columns.insert(header.at(i).trimmed().toLower(), i);
    for (const QString &name : requiredColumns()) {
        if (!columns.contains(name))
            diagnostics << Diagnostic{origin, QStringLiteral("line %1").arg(lines.constFirst()), name,
                                      QStringLiteral("required column is missing from the header")};
    }
    if (!diagnostics.isEmpty())
        return result;
    result.fileRefused = false;

    MeasuredRows &rows = result.rows;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const QStringList &fields = records.at(r);
        const int line = lines.at(r);
        if (fields.size() != header.size()) {
            diagnostics << Diagnostic{origin, QStringLiteral("line %1").arg(line),
                                      QStringLiteral("column %1").arg(std::min(fields.size(), header.size()) + 1),
                                      QStringLiteral("row has %1 fields, the header has %2")
                                          .arg(fields.size()).arg(header.size())};
            continue;
        }
        const qsizetype problemsBefore = diagnostics.size();
        RowReader reader(origin, line, fields, columns, diagnostics);
        const MeasuredRow row = readRow(reader, line);
        if (diagnostics.size() == problemsBefore)
            rows << row;
    }
    return result;
}

MeasuredRowsOrDiagnostics parseMeasuredCsv(const QByteArray &csv, const QString &origin)
{
    MeasuredCsv read = readMeasuredCsv(csv, origin);
    if (!read.problems.isEmpty())
        return read.problems;
    return read.rows;
}

MeasuredCsv loadMeasuredCsvRows(const QString &path)
{
    const BytesOrProblem read = readLimitedFile(path, limits::kMaxMeasuredCsvBytes, QStringLiteral("a measurements CSV"));
    if (const auto *problem = std::get_if<QString>(&read))
        return MeasuredCsv{{}, Diagnostics{Diagnostic{path, QString(), QString(), *problem}}, true};
    return readMeasuredCsv(std::get<QByteArray>(read), path);
}

MeasuredRowsOrDiagnostics loadMeasuredCsv(const QString &path)
{
    MeasuredCsv read = loadMeasuredCsvRows(path);
    if (!read.problems.isEmpty())
        return read.problems;
    return read.rows;
}

const MeasuredRows &embeddedMeasuredRows()
{
    static const MeasuredRows rows = [] {
        const MeasuredRowsOrDiagnostics loaded = loadMeasuredCsv(QStringLiteral(":/measured.csv"));
        if (const auto *diagnostics = std::get_if<Diagnostics>(&loaded)) {
            qCWarning(lcMeasured).noquote() << toString(*diagnostics);
            return MeasuredRows();
        }
        return std::get<MeasuredRows>(loaded);
    }();
    return rows;
}

} // namespace headroom
