// Fuzzes `headroom estimate` input (SPEC §5): parseQueries against the embedded catalog, then every valid
// query through the estimator and the result writer. Whatever the input: no crash, an invalid batch has a
// one-line message, and every valid query gets an estimate.

#include "catalog/Catalog.h"
#include "engine/Estimator.h"
#include "FuzzSupport.h"
#include "protocol/QueryJson.h"

#include <QList>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const ParsedBatch batch = parseQueries(fuzz::toByteArray(data, size), embeddedCatalog());
    if (!batch.fatalError.isEmpty()) {
        if (batch.fatalError.contains(QLatin1Char('\n')))
            fuzz::contractBroken("a fatal query error spans several lines", batch.fatalError);
        return 0;
    }

    QList<Estimate> estimates;
    estimates.reserve(batch.queries.size());
    for (const ParsedQuery &query : batch.queries)
        estimates.append(query.error.isEmpty() ? estimate(query.input) : Estimate{});

    const QByteArray results = serializeResults(batch.queries, estimates);
    if (results.isEmpty())
        fuzz::contractBroken("serializeResults wrote nothing");
    return 0;
}
