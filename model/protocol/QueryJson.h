#pragma once

#include "core/Defaults.h"
#include "catalog/Catalog.h"
#include "core/Estimate.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace headroom {

// One query of `headroom estimate` (SPEC §5) after parsing: either a resolved input or an error.
struct ParsedQuery {
    QString id;            // echoed back; may be empty
    QByteArray idJson;     // the id exactly as given (string or number), serialised
    EstimateInput input;
    QString error;         // non-empty = invalid query
    double minTpsPerUser = defaults::kMinTpsPerUser; // for "users_at_min_tps"
};

struct ParsedBatch {
    QList<ParsedQuery> queries;
    std::optional<double> cloudUsdPerMillionTokens; // top-level, for the verdict's payback of a pair
    QString fatalError; // non-empty = not JSON / no "queries" array; one line with position and problem
};

// Never throws and never crashes, whatever the bytes (fuzzed by tests/fuzz/fuzz_query).
ParsedBatch parseQueries(const QByteArray &json, const Catalog &catalog);

// {"results":[...]} in the order of the queries; speeds null when the model does not fit. A non-empty
// `verdictJson` (one JSON object) is written after them as "verdict".
QByteArray serializeResults(const QList<ParsedQuery> &queries, const QList<Estimate> &estimates,
                            const QByteArray &verdictJson = {});

// One element of "results" exactly as serializeResults writes it (the `advise` shortlist embeds it as "estimate").
QByteArray serializeResult(const ParsedQuery &query, const Estimate &estimate);

} // namespace headroom
