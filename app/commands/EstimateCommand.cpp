#include "EstimateCommand.h"

#include "CommandIo.h"
#include "engine/Estimator.h"
#include "engine/UsersAtSpeed.h"
#include "protocol/QueryJson.h"
#include "scenario/ComparisonVerdict.h"
#include "scenario/EstimateSet.h"

namespace headroom {
namespace {

// The verdict of a batch of exactly two valid queries (a pair to compare), or nothing.
QByteArray pairVerdict(const ParsedBatch &batch, const QList<Estimate> &estimates, const Catalog &catalog,
                       const Calibration &calibration)
{
    constexpr int pairSize = 2;
    if (batch.queries.size() != pairSize)
        return {};
    QList<EstimateRow> rows;
    QList<ConfigurationPrice> prices;
    for (int i = 0; i < pairSize; ++i) {
        const ParsedQuery &query = batch.queries.at(i);
        if (!query.error.isEmpty())
            return {};
        EstimateRow row;
        row.scenarioIndex = i;
        row.input = query.input;
        row.label = configurationLabel(query.input.device, query.input.configuration);
        row.estimate = estimates.at(i);
        row.usersAtMinTps = usersAtMinTps(query.input, query.minTpsPerUser, calibration);
        rows << row;
        prices << configurationPrice(catalog, query.input.device, query.input.configuration, nullptr);
    }
    CostAssumptions cost;
    cost.cloudUsdPerMillionTokens = batch.cloudUsdPerMillionTokens;
    return verdictJson(compareConfigurations(rows, prices, batch.queries.constFirst().minTpsPerUser, cost));
}

} // namespace

EstimateRun estimateQueries(const QByteArray &input, const Catalog &catalog)
{
    EstimateRun run;
    const ParsedBatch batch = parseQueries(input, catalog);
    if (!batch.fatalError.isEmpty()) {
        run.fatalError = batch.fatalError;
        return run;
    }
    const Calibration &calibration = Calibration::builtIn();
    QList<Estimate> estimates(batch.queries.size());
    for (qsizetype i = 0; i < batch.queries.size(); ++i) {
        const ParsedQuery &query = batch.queries.at(i);
        if (query.error.isEmpty())
            estimates[i] = estimate(query.input, calibration);
        else
            ++run.invalidQueries;
    }
    run.output = serializeResults(batch.queries, estimates, pairVerdict(batch, estimates, catalog, calibration));
    return run;
}

int runEstimate(const Options &options, QTextStream &err)
{
    const QString command = QStringLiteral("estimate");
    const std::optional<JsonCommandStart> start = startJsonCommand(options.catalogPath, options.input, command, err);
    if (!start)
        return 2;
    const EstimateRun run = estimateQueries(start->input, start->catalog);
    if (!run.fatalError.isEmpty()) {
        err << "headroom estimate: " << describePath(options.input, true) << ": " << run.fatalError << Qt::endl;
        return 2;
    }
    if (!writeCommandOutput(options.output, run.output, command, err))
        return 2;
    if (run.invalidQueries > 0) {
        err << "headroom estimate: " << run.invalidQueries << (run.invalidQueries == 1 ? " query is" : " queries are")
            << " invalid (see \"error\" in the results)" << Qt::endl;
    }
    return run.exitCode();
}

} // namespace headroom
