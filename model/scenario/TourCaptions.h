#pragma once

#include "catalog/Catalog.h"
#include "scenario/EstimateSet.h"
#include "scenario/Tour.h"

#include <QString>

namespace headroom {

// Captions that quote their own step's numbers: placeholders are filled from the step's estimates (the same
// ones its chart plots), so a caption can never contradict its chart.
//   {tps:CONFIG}                per-user decode speed of the configuration ("26 t/s")
//   {tps:CONFIG:USERS}          the same at USERS users, from the concurrency sweep
//   {total:CONFIG:USERS}        total decode speed at USERS users
//   {drop:CONFIG:FROM:TO}       how much per-user speed falls from FROM to TO users ("55%")
//   {weights}                   the weights' size ("42.5 GB")
// CONFIG is a catalog device id, optionally with a card count and a machine count: "m3-ultra", "rtx-5090x2",
// "m3-ultra@2" (two machines); the step's first
// checked configuration that matches is used. A placeholder that matches nothing (an unknown configuration,
// a user count outside the sweep, a configuration that does not run) stays as written, for the author to see.
QString liveCaption(const QString &caption, const EstimateSet &estimates);

// `tour` with every step's caption filled from its own scenario's estimates.
Tour withLiveCaptions(Tour tour, const Catalog &catalog);
// loadTour() with live captions: the tour as present mode, decks and `headroom demo` show it.
TourOrDiagnostics loadLiveTour(const QString &nameOrPath, const Catalog &catalog);

} // namespace headroom
