// Writing `headroom estimate` results (SPEC §5). Written by hand rather than through a JSON tree:
// 20,000 results and their explanations must serialise well within the command's half second, and the
// field order is part of the contract.
#include "engine/Estimator.h"
#include "engine/UsersAtSpeed.h"
#include "protocol/QueryJson.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <thread>
#include <vector>

namespace headroom {
namespace {

// Decimal places kept per kind of number: sizes to the MB, speeds to a thousandth of a token per
// second, times to the microsecond. Enough for any comparison, short enough to read.
constexpr int gigabyteDecimals = 3;
constexpr int speedDecimals = 3;
constexpr int secondsDecimals = 6;

void appendNumber(QByteArray &out, double value, int decimals)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    static constexpr std::array<double, 10> powersOfTen{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    const double scale = powersOfTen[std::size_t(std::clamp(decimals, 0, int(powersOfTen.size()) - 1))];
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0"
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded);
    out.append(buffer, result.ptr - buffer);
}

void appendInteger(QByteArray &out, long long value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

bool needsEscape(char c)
{
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

void appendString(QByteArray &out, const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    const char *begin = utf8.constData();
    const char *const end = begin + utf8.size();
    while (begin != end) {
        const char *plain = begin;
        while (plain != end && !needsEscape(*plain))
            ++plain;
        out.append(begin, plain - begin); // the run that needs no escaping, in one copy
        if (plain == end)
            break;
        switch (const char c = *plain) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += hex[(c >> 4) & 0xf];
            out += hex[c & 0xf];
        }
        begin = plain + 1;
    }
    out += '"';
}

void appendKey(QByteArray &out, const char *key)
{
    out += '"';
    out += key;
    out += "\":";
}

void appendId(QByteArray &out, const ParsedQuery &query)
{
    appendKey(out, "id");
    out += query.idJson.isEmpty() ? QByteArray("null") : query.idJson;
}

// A speed of a configuration that cannot run is null, not 0: 0 t/s would read as a measurement.
void appendSpeed(QByteArray &out, const char *key, double value, bool runs, int decimals = speedDecimals)
{
    out += ',';
    appendKey(out, key);
    if (runs)
        appendNumber(out, value, decimals);
    else
        out += "null";
}

void appendMemory(QByteArray &out, const MemoryBreakdown &memory)
{
    out += ',';
    appendKey(out, "memory_gb");
    out += '{';
    appendKey(out, "weights");
    appendNumber(out, memory.weightsGB, gigabyteDecimals);
    out += ',';
    appendKey(out, "mtp_weights");
    appendNumber(out, memory.mtpWeightsGB, gigabyteDecimals);
    out += ',';
    appendKey(out, "kv_cache");
    appendNumber(out, memory.kvCacheGB, gigabyteDecimals);
    out += ',';
    appendKey(out, "overhead");
    appendNumber(out, memory.overheadGB, gigabyteDecimals);
    out += ',';
    appendKey(out, "total");
    appendNumber(out, memory.totalGB, gigabyteDecimals);
    out += ',';
    appendKey(out, "usable");
    appendNumber(out, memory.usableGB, gigabyteDecimals);
    out += '}';
}

// Only for several machines: a one-machine result reads as it always has.
void appendCluster(QByteArray &out, const EstimateInput &input, const Estimate &estimate)
{
    out += ',';
    appendKey(out, "cluster");
    out += '{';
    appendKey(out, "nodes");
    appendInteger(out, input.configuration.nodes);
    out += ',';
    appendKey(out, "link");
    appendString(out, input.link.id.isEmpty() ? input.link.name : input.link.id);
    out += ',';
    appendKey(out, "link_bandwidth_gbs");
    appendNumber(out, input.link.bandwidthGBs, gigabyteDecimals);
    out += ',';
    appendKey(out, "link_latency_us");
    appendNumber(out, input.link.latencyUs, gigabyteDecimals);
    out += ',';
    appendKey(out, "node_split");
    appendString(out, toString(estimate.terms.nodeSplit));
    out += ',';
    appendKey(out, "link_ms_per_token");
    appendNumber(out, estimate.terms.linkMs, 3);
    out += '}';
}

void appendResult(QByteArray &out, const ParsedQuery &query, const Estimate &estimate)
{
    out += '{';
    appendId(out, query);
    if (!query.error.isEmpty()) {
        out += ',';
        appendKey(out, "error");
        appendString(out, query.error);
        out += '}';
        return;
    }
    const bool runs = estimate.runs();
    out += ',';
    appendKey(out, "fit");
    appendString(out, toString(estimate.fit));
    appendMemory(out, estimate.memory);
    appendSpeed(out, "decode_tps_per_user", estimate.decodeTpsPerUser, runs);
    appendSpeed(out, "decode_tps_low", estimate.decodeTpsLow, runs);
    appendSpeed(out, "decode_tps_high", estimate.decodeTpsHigh, runs);
    appendSpeed(out, "decode_tps_total", estimate.decodeTpsTotal, runs);
    appendSpeed(out, "decode_tps_total_low", estimate.decodeTpsTotalLow, runs);
    appendSpeed(out, "decode_tps_total_high", estimate.decodeTpsTotalHigh, runs);
    appendSpeed(out, "output_tps_total", estimate.outputTpsTotal, runs);
    appendSpeed(out, "output_tps_total_low", estimate.outputTpsTotalLow, runs);
    appendSpeed(out, "output_tps_total_high", estimate.outputTpsTotalHigh, runs);
    // The seed rule has no prefill: a method that leaves a figure at 0 did not estimate it.
    const bool hasPrefill = runs && estimate.prefillTps > 0;
    appendSpeed(out, "prefill_tps", estimate.prefillTps, hasPrefill);
    appendSpeed(out, "prefill_tps_low", estimate.prefillTpsLow, hasPrefill);
    appendSpeed(out, "prefill_tps_high", estimate.prefillTpsHigh, hasPrefill);
    const bool hasTtft = hasPrefill && estimate.ttftSeconds > 0;
    appendSpeed(out, "ttft_s", estimate.ttftSeconds, hasTtft, secondsDecimals);
    appendSpeed(out, "ttft_s_low", estimate.ttftSecondsLow, hasTtft, secondsDecimals);
    appendSpeed(out, "ttft_s_high", estimate.ttftSecondsHigh, hasTtft, secondsDecimals);
    out += ',';
    appendKey(out, "bottleneck");
    appendString(out, toString(estimate.bottleneck));
    if (query.input.configuration.isCluster())
        appendCluster(out, query.input, estimate);
    out += ',';
    appendKey(out, "max_context");
    appendInteger(out, estimate.maxContext);
    out += ',';
    appendKey(out, "max_users");
    appendInteger(out, estimate.maxUsers);
    out += ',';
    appendKey(out, "users_at_min_tps");
    appendInteger(out, usersAtMinTps(query.input, query.minTpsPerUser, Calibration::builtIn()));
    out += ',';
    appendKey(out, "explanation");
    appendString(out, explain(query.input, estimate));
    out += '}';
}

// Rough size of one result, to reserve the output once.
constexpr qsizetype bytesPerResult = 1024;
// Writing a result (its explanation above all) costs far more than estimating it: a batch this
// large is written in slices, one per processor, at most MaxSlices.
constexpr qsizetype MinResultsPerSlice = 2000;
constexpr unsigned MaxSlices = 8;

// How many slices to write `count` results in.
int sliceCount(qsizetype count)
{
    const unsigned processors = std::max(1u, std::thread::hardware_concurrency());
    return int(std::clamp<qsizetype>(count / MinResultsPerSlice, 1, std::min(processors, MaxSlices)));
}

} // namespace

QByteArray serializeResult(const ParsedQuery &query, const Estimate &estimate)
{
    QByteArray out;
    out.reserve(bytesPerResult);
    appendResult(out, query, estimate);
    return out;
}

// `estimates` runs parallel to `queries`; the entry of an invalid query is not read.
QByteArray serializeResults(const QList<ParsedQuery> &queries, const QList<Estimate> &estimates,
                            const QByteArray &verdictJson)
{
    const qsizetype count = queries.size();
    const int slices = sliceCount(count);
    QList<QByteArray> parts(slices);
    const Estimate none;
    const auto write = [&](int slice) {
        const qsizetype begin = count * slice / slices;
        const qsizetype end = count * (slice + 1) / slices;
        QByteArray &out = parts[slice];
        out.reserve((end - begin) * bytesPerResult);
        for (qsizetype i = begin; i < end; ++i) {
            out += i == 0 ? "\n" : ",\n";
            appendResult(out, queries.at(i), i < estimates.size() ? estimates.at(i) : none);
        }
    };
    {
        std::vector<std::jthread> helpers; // joined when they go out of scope
        helpers.reserve(std::size_t(slices - 1));
        for (int slice = 1; slice < slices; ++slice)
            helpers.emplace_back(write, slice);
        write(0);
    }
    qsizetype size = 16;
    for (const QByteArray &part : std::as_const(parts))
        size += part.size();
    QByteArray out;
    out.reserve(size);
    out += "{\"results\":[";
    for (const QByteArray &part : std::as_const(parts))
        out += part;
    out += count == 0 ? "]" : "\n]";
    if (!verdictJson.isEmpty()) {
        out += ",\n\"verdict\":";
        out += verdictJson;
    }
    out += "}\n";
    return out;
}

} // namespace headroom
