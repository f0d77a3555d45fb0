#pragma once

#include "advisor/Advisor.h"

#include <QList>

namespace headroom::advisor {

// Every configuration the advisor considers for `request`: each catalog device x count (1..max_count)
// x memory option x split, where a slot that is a named system's configuration becomes that system
// (one candidate per system) and systems matching no slot come after. Each candidate is labelled,
// priced (a quote of the request first, then the system's or the cards' list price), powered and
// given its estimate input with `quant`; it is not estimated yet.
QList<AdvisorCandidate> enumerateCandidates(const AdvisorRequest &request, const Catalog &catalog,
                                            const Quantization &quant);

} // namespace headroom::advisor
