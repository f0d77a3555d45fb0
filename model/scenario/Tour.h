#pragma once

#include "catalog/Catalog.h"
#include "core/Diagnostic.h"
#include "scenario/Scenario.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>
#include <variant>

namespace headroom {

// A `headroom-tour` document (resources/demos/*.json, or a user's file): an ordered story of
// scenario changes with a title and a caption each, played full screen or exported as a deck.
//
// Steps are cumulative: step i's scenario is step i-1's scenario with the step's fields applied
// (step 0 starts from articleLineupScenario()). Every step's full Scenario is computed once when the
// tour is read, so stepping forward and back restores each step exactly.
constexpr int TourFormatVersion = 1;

struct TourStep {
    QString title;
    QString caption;
    std::optional<double> durationS; // autoplay time on this step; nullopt = the player's default
    QVariantMap patch;               // the step's "scenario" fields as written (kept for writing back)
    Scenario scenario;               // the full scenario of this step, precomputed
    bool operator==(const TourStep &) const = default;
};

struct Tour {
    QString name;  // "article"; what `headroom demo --tour NAME` takes for built-in tours
    QString title; // shown on the deck's pages and in lists
    QList<TourStep> steps;
    QString origin; // the file (or ":/demos/article.json") it was read from; empty if built in memory
    bool operator==(const Tour &) const = default;
};

using TourOrDiagnostics = std::variant<Tour, Diagnostics>;

// Shortest and longest autoplay time a step may ask for, in seconds.
constexpr double MinStepDurationS = 0.01;
constexpr double MaxStepDurationS = 3600;

// Parses and validates a tour against `catalog` (unknown devices, models, quantizations and systems
// are errors). Diagnostics name `origin`, the step ("steps[3].scenario.model") and the problem.
// Never throws, whatever the bytes.
TourOrDiagnostics parseTour(const QByteArray &json, const QString &origin, const Catalog &catalog);
TourOrDiagnostics readTourFile(const QString &path, const Catalog &catalog);

// The document of `tour` (steps written from their patches). parseTour(serializeTour(t)) == t, origin aside.
QByteArray serializeTour(const Tour &tour);
// Atomic, checked to the disk (writeFileSafely). Returns an empty string on success, else the error message naming the file.
QString writeTourFile(const QString &path, const Tour &tour);

// Names of the tours compiled into the binary (":/demos/NAME.json"), sorted.
QStringList builtInTourNames();
QString builtInTourPath(const QString &name); // ":/demos/NAME.json"
// A built-in tour by name, or else a tour file by path (what `--tour NAME|FILE` takes).
TourOrDiagnostics loadTour(const QString &nameOrPath, const Catalog &catalog);

// A step that restores `scenario` exactly: every scenario field in the patch, "Step N" as title
// (N = `stepNumber`, 1-based) and an empty caption for the author to fill in later.
TourStep recordedStep(const Scenario &scenario, int stepNumber);
// Appends recordedStep(scenario) to the tour file at `path`, creating a one-step tour named after the
// file when it does not exist. The rest of an existing document is kept as it is; a file that is not a
// valid tour is left untouched. Written atomically. Returns the new step's number (1-based) or diagnostics.
std::variant<int, Diagnostics> appendRecordedStep(const QString &path, const Scenario &scenario,
                                                  const Catalog &catalog);

} // namespace headroom
