#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace headroom {

// Deepest nesting any Headroom JSON document may have. Checked before a parser sees the bytes, so
// 100,000 open brackets cost one linear scan instead of a deep recursion.
inline constexpr int MaxJsonNestingDepth = 64;

// 0-based offset of the bracket that first nests deeper than `maxDepth`, or -1.
// Brackets inside strings do not count.
qsizetype jsonNestingExceededAt(const QByteArray &bytes, int maxDepth = MaxJsonNestingDepth);

// Text taken from a JSON document (a key, a dumped value) made fit for a one-line message:
// anything not printable becomes '?', whatever bytes the input held.
QString printableJsonText(const std::string &text);

// nlohmann's exception text without its "[json.exception.parse_error.101] " prefix, printable.
QString jsonExceptionText(const char *what);

// nlohmann's exception text made a message: "[json.exception.parse_error.101] parse error at line 1, column 3:
// syntax error ..." -> "line 1, column 3: syntax error ...".
QString jsonErrorReason(const char *what);

} // namespace headroom
