#include "StartFolder.h"

#include <QDir>
#include <QFileInfo>

namespace headroom {

QString startFolder(QStandardPaths::StandardLocation location)
{
    const QString folder = QStandardPaths::writableLocation(location);
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QString startPath(QStandardPaths::StandardLocation location, const QString &fileName)
{
    return QDir(startFolder(location)).filePath(fileName);
}

} // namespace headroom
