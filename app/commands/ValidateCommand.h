#pragma once

#include <QString>
#include <QTextStream>

namespace headroom {

// `headroom validate`: scores both methods against measured speeds. `dataPath` empty = the shipped set.
// `format` is "text" or "json". Returns 0, or 2 with a message naming file, line and column on `err`.
int runValidate(const QString &dataPath, const QString &format, QTextStream &out, QTextStream &err);

} // namespace headroom
