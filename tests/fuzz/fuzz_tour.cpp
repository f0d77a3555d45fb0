// Fuzzes the tour reader (SPEC §7): parseTour must accept or explain any bytes, and a tour that loads must
// open again once saved, because recording appends to exactly what was opened.

#include "FuzzSupport.h"
#include "scenario/Tour.h"

#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    const Catalog &catalog = embeddedCatalog();
    const TourOrDiagnostics first = parseTour(fuzz::toByteArray(data, size), QStringLiteral("fuzz"), catalog);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&first)) {
        if (diagnostics->isEmpty())
            fuzz::contractBroken("parseTour rejected its input without a diagnostic");
        return 0;
    }
    const QByteArray saved = serializeTour(std::get<Tour>(first));
    const TourOrDiagnostics reopened = parseTour(saved, QStringLiteral("fuzz-saved"), catalog);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&reopened))
        fuzz::contractBroken("a saved tour does not open again", toString(*diagnostics));
    return 0;
}
