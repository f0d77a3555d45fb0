#pragma once

#include <QString>

#include <utility>

namespace headroom {

// Request lengths a serving benchmark states in prose: "input 3200 / output 800", "input 128, output length
// 128", "ISL 1K / OSL 2K"; {0, 0} when none is stated.
std::pair<int, int> requestLengthsInNotes(const QString &notes);

// A llama-bench prompt test on top of a filled cache, as its output names it: "pp2048 @ d32768",
// "pp512@d32768" gives {2048, 32768} (prompt tokens, tokens already cached); {0, 0} when none is named.
std::pair<int, int> promptOnDepthInNotes(const QString &notes);

// Whether the notes describe output tokens over whole requests (prefill included), as serving benchmarks report.
bool notesSayEndToEnd(const QString &notes);

// Whether the speed was measured with speculative decoding (MTP heads, a draft model): several tokens per
// step, which is not the plain decode the estimator models. "no MTP" and "MTP off" say the opposite.
bool notesSaySpeculative(const QString &notes);

// Why a row is set aside, when a measurement beside it contradicts it: its own source, or the same runtime's
// later kernels ("[set aside: F16 slower than the same card's Q4_K_M]" in the notes); empty otherwise.
QString setAsideReasonInNotes(const QString &notes);

} // namespace headroom
