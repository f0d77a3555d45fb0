#include "HeadlessApplication.h"

#include <QApplication>
#include <QDir>
#include <QFile>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace headroom {

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// Without XDG_RUNTIME_DIR, Qt falls back to a private folder of its own and says so on standard error, where a
// headless command's output is read. Naming that same folder (created private, as Qt would) keeps it quiet.
void provideRuntimeDirectory()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const QByteArray path = QFile::encodeName(QDir::tempPath()) + "/runtime-" + QByteArray::number(::getuid());
    if (::mkdir(path.constData(), 0700) != 0 && errno != EEXIST)
        return;
    struct stat status {};
    if (::lstat(path.constData(), &status) == 0 && S_ISDIR(status.st_mode) && status.st_uid == ::getuid()
        && (status.st_mode & 0777) == 0700)
        qputenv("XDG_RUNTIME_DIR", path);
#endif
}

} // namespace

bool windowSystemAvailable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return hasDisplay() || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

void selectOffscreenPlatformWithoutDisplay()
{
    if (!hasDisplay() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
}

std::unique_ptr<QCoreApplication> createHeadlessApplication(int &argc, char **argv, HeadlessKind kind)
{
    std::unique_ptr<QCoreApplication> application;
    provideRuntimeDirectory();
    if (kind == HeadlessKind::Gui) {
        selectOffscreenPlatformWithoutDisplay();
        application = std::make_unique<QApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("headroom"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEADROOM_VERSION));
    return application;
}

} // namespace headroom
