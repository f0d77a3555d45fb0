#pragma once

#include <QList>
#include <QString>

namespace headroom {

// One problem found while reading a file: where it is and what is wrong.
// Rendered as "catalog.json: devices[rtx-5090].bandwidth_gbs: must be a positive number".
struct Diagnostic {
    QString file;    // file name or origin ("embedded catalog")
    QString entry;   // entry id or path, e.g. "devices[rtx-5090]"; may be empty
    QString field;   // field name; may be empty
    QString problem; // what is wrong

    QString toString() const;
    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

// Messages show at most this many diagnostics, then "...and N more".
inline constexpr qsizetype kMaxDiagnosticLines = 50;

// One line per diagnostic, at most kMaxDiagnosticLines of them.
QString toString(const Diagnostics &diagnostics);

// `text` as one printable line: every control character (newline, ESC, BEL ...) becomes "?", so text from
// an input file can neither break a message into lines nor drive the terminal.
QString printableLine(const QString &text);

} // namespace headroom
