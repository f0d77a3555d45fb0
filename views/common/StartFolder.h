#pragma once

#include <QStandardPaths>
#include <QString>

namespace headroom {

// Where a file dialog opens: the standard folder when it exists, else the home folder. A folder that does
// not exist would land in the dialog's file-name field ("Downloads") instead of opening.
QString startFolder(QStandardPaths::StandardLocation location);

// `fileName` in startFolder(location): a save dialog's suggestion.
QString startPath(QStandardPaths::StandardLocation location, const QString &fileName);

} // namespace headroom
