// Fuzzes the `advise` request reader (SPEC §5): parseAdviseRequest must accept or explain any bytes, in one
// printable line, so a hostile request can neither crash the command nor drive the terminal.

#include "protocol/AdvisorJson.h"
#include "core/Diagnostic.h"
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const ParsedAdviseRequest parsed = parseAdviseRequest(fuzz::toByteArray(data, size), embeddedCatalog());
    if (!parsed.error.isEmpty() && printableLine(parsed.error).contains(QLatin1Char('\n')))
        fuzz::contractBroken("an advise error is not one line", parsed.error);
    if (parsed.error.isEmpty() && parsed.request.requirements.cost.utilization <= 0)
        fuzz::contractBroken("an accepted request has a utilisation of 0 or less");
    return 0;
}
