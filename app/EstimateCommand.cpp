#include "EstimateCommand.h"

#include "CommandIo.h"
#include "engine/Estimator.h"
#include "protocol/QueryJson.h"

namespace headroom {

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
    run.output = serializeResults(batch.queries, estimates);
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
