// Fuzzes the scenario reader (SPEC §6): parseScenario must accept or explain any bytes. A scenario that
// loads must survive a save/open round trip, because the window saves exactly what it opened.

#include "FuzzSupport.h"
#include "scenario/ScenarioFile.h"

#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const ScenarioOrDiagnostics first = parseScenario(fuzz::toByteArray(data, size), QStringLiteral("fuzz"));
    if (const auto *diagnostics = std::get_if<Diagnostics>(&first)) {
        if (diagnostics->isEmpty())
            fuzz::contractBroken("parseScenario rejected its input without a diagnostic");
        return 0;
    }

    const QByteArray saved = serializeScenario(std::get<Scenario>(first));
    const ScenarioOrDiagnostics reopened = parseScenario(saved, QStringLiteral("fuzz-saved"));
    if (const auto *diagnostics = std::get_if<Diagnostics>(&reopened))
        fuzz::contractBroken("a saved scenario does not open again", toString(*diagnostics));

    // Saving what was reopened must write the same bytes: nothing drifts from one save to the next.
    if (serializeScenario(std::get<Scenario>(reopened)) != saved)
        fuzz::contractBroken("saving a reopened scenario changes the file", QString::fromUtf8(saved));
    return 0;
}
