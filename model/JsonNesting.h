#pragma once

#include <QByteArray>

namespace headroom {

// Deepest nesting any Headroom JSON document may have. Checked before a parser sees the bytes, so
// 100,000 open brackets cost one linear scan instead of a deep recursion.
inline constexpr int MaxJsonNestingDepth = 64;

// 0-based offset of the bracket that first nests deeper than `maxDepth`, or -1.
// Brackets inside strings do not count.
qsizetype jsonNestingExceededAt(const QByteArray &bytes, int maxDepth = MaxJsonNestingDepth);

} // namespace headroom
