#pragma once

#include <QString>

#include <utility>

namespace headroom {

// Request lengths a serving benchmark states in prose: "input 3200 / output 800", "input 128, output length
// 128", "ISL 1K / OSL 2K"; {0, 0} when none is stated.
std::pair<int, int> requestLengthsInNotes(const QString &notes);

// Whether the notes describe output tokens over whole requests (prefill included), as serving benchmarks report.
bool notesSayEndToEnd(const QString &notes);

// Whether the speed was measured with speculative decoding (MTP heads, a draft model): several tokens per
// step, which is not the plain decode the estimator models. "no MTP" and "MTP off" say the opposite.
bool notesSaySpeculative(const QString &notes);

} // namespace headroom
