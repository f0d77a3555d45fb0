// `headroom demo`: lists the built-in tours or exports one tour as a deck (DeckExporter).
#include "DemoCommand.h"

#include "CommandIo.h"
#include "views/charts/DeckExporter.h"
#include "scenario/Tour.h"
#include "scenario/TourCaptions.h"
#include "session/ChartInputs.h"

namespace headroom {
namespace {

constexpr int DemoFailed = 2;
const QString DemoCommandName = QStringLiteral("demo");

int listTours(const Catalog &catalog, QTextStream &out, QTextStream &err)
{
    int status = 0;
    const QStringList names = builtInTourNames();
    qsizetype nameWidth = 0;
    for (const QString &name : names)
        nameWidth = std::max(nameWidth, name.size());
    for (const QString &name : names) {
        const TourOrDiagnostics tour = loadLiveTour(name, catalog);
        if (const auto *diagnostics = std::get_if<Diagnostics>(&tour)) {
            reportDiagnostics(*diagnostics, QStringLiteral("demo"), err);
            status = DemoFailed;
            continue;
        }
        const Tour &loaded = std::get<Tour>(tour);
        out << name.leftJustified(nameWidth) << "  " << QStringLiteral("%1 steps").arg(loaded.steps.size(), 2)
            << "  " << loaded.title << Qt::endl;
    }
    return status;
}

} // namespace

int runDemo(const Options &options, QTextStream &out, QTextStream &err)
{
    const std::optional<Catalog> catalog = loadCommandCatalog(options.catalogPath, DemoCommandName, err);
    if (!catalog)
        return DemoFailed;
    if (options.listTours)
        return listTours(*catalog, out, err);
    if (options.tour.isEmpty()) {
        err << "headroom demo: give --list, or --tour NAME|FILE --output deck.pdf|DIR/" << Qt::endl;
        return DemoFailed;
    }
    if (options.output.isEmpty() || options.output == QLatin1String("-") || !deckFormatFor(options.output)) {
        err << "headroom demo: --output must be a .pdf file or a directory ending in / (PNG frames), not '"
            << options.output << "'" << Qt::endl;
        return DemoFailed;
    }
    const TourOrDiagnostics tour = loadLiveTour(options.tour, *catalog);
    if (const auto *diagnostics = std::get_if<Diagnostics>(&tour)) {
        reportDiagnostics(*diagnostics, QStringLiteral("demo"), err);
        return DemoFailed;
    }
    const Tour &loaded = std::get<Tour>(tour);
    const DeckResult result = exportDeck(loaded, chartInputsFor(loaded, *catalog), options.output);
    if (!result.ok()) {
        err << "headroom demo: " << result.error << Qt::endl;
        return DemoFailed;
    }
    out << "headroom demo: wrote " << result.pages << (result.pages == 1 ? " page to " : " pages to ")
        << options.output << Qt::endl;
    return 0;
}

} // namespace headroom
