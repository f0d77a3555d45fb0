#pragma once

#include "advisor/Advisor.h"
#include "catalog/Catalog.h"
#include "core/Estimate.h"
#include "scenario/Scenario.h"

#include <QList>

namespace headroom {

// `count` checked configurations for the many-configuration bench: catalog devices in catalog
// order, each in a different card count (1, 2, 4, 8 within the device's max_count) and, for
// devices with several memory options, a different memory size; wraps around the catalog with
// the next count when it has fewer devices than `count`. Fewer only if the catalog runs out
// of distinct (device, count, memory) combinations.
QList<ScenarioConfiguration> benchConfigurations(const Catalog &catalog, int count);

// The article's scenario (Llama 3.3 70B Q4_K_M, 1 user, 4K context) over benchConfigurations().
Scenario benchLineupScenario(const Catalog &catalog, int configurations);

// Resolved roofline inputs over every catalog model and device, varied in quantization, card
// count, users and context (resolved the way the window resolves them, through computeEstimates).
QList<EstimateInput> engineBenchInputs(const Catalog &catalog);

// The advisor's questions the bench times (issue "Advise"): Llama 3.3 70B Q4_K_M for one user at
// >= 20 t/s; Qwen3 30B-A3B, auto quantization, 8 users at >= 30 t/s each; Llama 3.1 405B, auto
// quantization, one user, under $15,000. Models missing from `catalog` are skipped.
QList<AdvisorRequest> advisorBenchRequests(const Catalog &catalog);

// Milliseconds of each whole search (advise() over the full catalog, one thread), `rounds` times
// over `requests`.
QList<double> measureAdvisorSearches(const QList<AdvisorRequest> &requests, const Catalog &catalog, int rounds);

struct EngineThroughput {
    qint64 estimates = 0;
    double seconds = 0;
    double estimatesPerSecond = 0;
    double checksum = 0; // sum of every estimate's total decode speed: keeps the work observable
};

// Runs the estimator over `inputs` in this thread, round after round, until at least
// `minimumSeconds` have passed.
EngineThroughput measureEngineThroughput(const QList<EstimateInput> &inputs, double minimumSeconds);

} // namespace headroom
