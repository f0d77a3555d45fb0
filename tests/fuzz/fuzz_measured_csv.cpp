// Fuzzes the measurements CSV reader (`validate --data`, the Accuracy tab): parseMeasuredCsv must accept or
// explain any bytes, each problem in one printable line naming its row and column.

#include "FuzzSupport.h"
#include "measured/MeasuredData.h"

#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const MeasuredRowsOrDiagnostics parsed = parseMeasuredCsv(fuzz::toByteArray(data, size), QStringLiteral("fuzz.csv"));
    if (const auto *diagnostics = std::get_if<Diagnostics>(&parsed)) {
        if (diagnostics->isEmpty())
            fuzz::contractBroken("parseMeasuredCsv rejected its input without a diagnostic");
        for (const Diagnostic &diagnostic : *diagnostics) {
            if (diagnostic.toString().contains(QLatin1Char('\n')))
                fuzz::contractBroken("a CSV problem is not one line", diagnostic.toString());
        }
        return 0;
    }
    for (const MeasuredRow &row : std::get<MeasuredRows>(parsed)) {
        if (!(row.tokensPerSecond > 0) || row.deviceCount < 1)
            fuzz::contractBroken("an accepted row has no speed or no device");
    }
    return 0;
}
