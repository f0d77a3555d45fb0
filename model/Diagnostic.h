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

QString toString(const Diagnostics &diagnostics); // one line per diagnostic

} // namespace headroom
