// Fuzzes the catalog loader (SPEC §4): any bytes, full or partial (user catalog) mode, must give either a
// Catalog or diagnostics that name the problem; never a crash. A catalog that loads must overlay the embedded one.

#include "catalog/Catalog.h"
#include "FuzzSupport.h"

#include <variant>

namespace {

void loadAndCheck(const QByteArray &json, bool partial)
{
    using namespace headroom;
    const CatalogOrDiagnostics result = loadCatalog(json, QStringLiteral("fuzz"), partial);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&result)) {
        if (diagnostics->isEmpty())
            fuzz::contractBroken("loadCatalog rejected its input without a diagnostic");
        for (const Diagnostic &diagnostic : *diagnostics) {
            if (diagnostic.problem.isEmpty())
                fuzz::contractBroken("a catalog diagnostic has no problem text", diagnostic.toString());
        }
        return;
    }
    const Catalog &catalog = std::get<Catalog>(result);
    const Catalog overlaid = embeddedCatalog().overlaidWith(catalog);
    for (const Device &device : catalog.devices()) {
        if (overlaid.device(device.id) == nullptr)
            fuzz::contractBroken("an overlaid device is missing", device.id);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json = headroom::fuzz::toByteArray(data, size);
    loadAndCheck(json, true);
    loadAndCheck(json, false);
    return 0;
}
