#pragma once

#include "core/Diagnostic.h"
#include "core/Hardware.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace headroom {

// What a measured row reports (see /work/shared/calibration/README.md).
enum class MeasuredMetric {
    Tg,        // single-stream decode t/s
    TgPerUser, // decode t/s of each of `concurrency` sequences
    TgTotal,   // decode t/s summed over all sequences
    Pp         // prompt processing t/s
};

QString toString(MeasuredMetric metric);
std::optional<MeasuredMetric> measuredMetricFromString(const QString &text);

// One public measurement of inference speed (a row of measured.csv).
struct MeasuredRow {
    int line = 0; // 1-based line in the file, for messages
    QString sourceId;
    QString url;
    QString hardware;
    QString hardwareId;
    int deviceCount = 1;
    QString split; // none, layer, tensor
    QString backend;
    QString model;
    QString modelId;
    double paramsB = 0;
    double activeParamsB = 0;
    QString quant;
    std::optional<double> modelSizeGB;
    std::optional<double> memoryGBPerDevice;
    double bandwidthGBsPerDevice = 0; // 0 = not given (the catalog device's)
    int context = 0;
    bool contextStated = true; // false: the source did not say (scored at the defaults, see inputForRow)
    int concurrency = 1;
    MeasuredMetric metric = MeasuredMetric::Tg;
    double tokensPerSecond = 0;
    QString notes;
    // Request lengths of a serving benchmark (optional columns prompt_tokens and output_tokens, or the notes'
    // "input 3200 / output 800", "ISL 1K / OSL 2K"); 0 = not stated.
    int promptTokens = 0;
    int outputTokens = 0;
    // A prompt test on top of a filled cache ("pp2048 @ d32768" in the notes): the tokens already cached.
    int cachedTokens = 0;
    // The speed is output tokens over whole requests, prompt processing included (a serving benchmark's
    // "output throughput"), not decode alone: it is compared with the estimate's end-to-end throughput.
    bool endToEnd = false;
    // Measured with speculative decoding (the notes say so): scored, never fitted (see fittedRuntime).
    bool speculative = false;
    // Why the row is set aside: a measurement beside it contradicts it (the notes' "[set aside: ...]"); scored, never
    // fitted, kept out of the groups that measure the estimator. Empty for every other row.
    QString setAside;
    // A cluster (split "cluster"): identical machines of device_count devices each, the catalog link joining them
    // and how they shared the model (optional columns nodes, link, node_split).
    int nodes = 1;
    QString link;
    NodeSplit nodeSplit = NodeSplit::Auto;
    // Of `context`, the leading tokens every concurrent user had in common (optional column
    // shared_context_tokens: a benchmark that sends all users the same document).
    int sharedContextTokens = 0;
    bool operator==(const MeasuredRow &) const = default;
};

using MeasuredRows = QList<MeasuredRow>;
using MeasuredRowsOrDiagnostics = std::variant<MeasuredRows, Diagnostics>;

// Parses measured.csv (RFC 4180 quoting). Every problem is reported with its line and column;
// rows are returned only when there is none. Never throws, whatever the bytes.
MeasuredRowsOrDiagnostics parseMeasuredCsv(const QByteArray &csv, const QString &origin);

// Reads a file (":/measured.csv" is the shipped set).
MeasuredRowsOrDiagnostics loadMeasuredCsv(const QString &path);

// A user's measurements: the good rows, and a problem for each row refused (line and column) or for the file
// itself (no header, a required column missing, unreadable), in which case `fileRefused` and no rows. A byte
// order mark and CRLF line ends are read as any spreadsheet writes them.
struct MeasuredCsv {
    MeasuredRows rows;
    Diagnostics problems;
    bool fileRefused = false;
};
MeasuredCsv readMeasuredCsv(const QByteArray &csv, const QString &origin);
MeasuredCsv loadMeasuredCsvRows(const QString &path);

// The shipped calibration set compiled into the binary (always valid: guarded by tst_validation).
const MeasuredRows &embeddedMeasuredRows();

} // namespace headroom
