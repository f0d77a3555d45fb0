#include "AdviseCommand.h"

#include "advisor/Advisor.h"
#include "protocol/AdvisorJson.h"
#include "CommandIo.h"

namespace headroom {

AdviseRun adviseRequest(const QByteArray &input, const Catalog &catalog)
{
    const ParsedAdviseRequest parsed = parseAdviseRequest(input, catalog);
    if (!parsed.error.isEmpty())
        return {QByteArray(), parsed.error};
    return {serializeAdvice(advise(parsed.request, catalog)), QString()};
}

int runAdvise(const Options &options, QTextStream &err)
{
    const QString command = QStringLiteral("advise");
    const std::optional<JsonCommandStart> start = startJsonCommand(options.catalogPath, options.input, command, err);
    if (!start)
        return 2;
    const AdviseRun run = adviseRequest(start->input, start->catalog);
    if (!run.error.isEmpty()) {
        err << "headroom advise: " << describePath(options.input, true) << ": " << printableLine(run.error) << Qt::endl;
        return 2;
    }
    if (!writeCommandOutput(options.output, run.output, command, err))
        return 2;
    return 0;
}

} // namespace headroom
