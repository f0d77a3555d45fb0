#pragma once

#include "advisor/Advisor.h"
#include "catalog/Catalog.h"

#include <QByteArray>
#include <QString>

namespace headroom {

// One `advise` request (SPEC §5) after parsing: a resolved request, or one line naming the field.
struct ParsedAdviseRequest {
    AdvisorRequest request;
    QString error; // non-empty = invalid request
};

// Never throws and never crashes, whatever the bytes. Model, quantization and workload fields are
// resolved exactly as `estimate` resolves them (catalog id or inline model, name or bits per weight).
ParsedAdviseRequest parseAdviseRequest(const QByteArray &json, const Catalog &catalog);

// {"shortlist": [...], "rejected": [...], "quoted": [...], "considered": N, "reason": "..."}; a shortlist
// entry's "estimate" is byte for byte what `estimate` writes for that configuration. "quoted" lists every
// quoted system that runs as a shortlist entry plus "qualifies", "requirement" and "reason" (rank null
// when the limit cut it or a requirement left it out).
QByteArray serializeAdvice(const AdvisorResult &result);

} // namespace headroom
