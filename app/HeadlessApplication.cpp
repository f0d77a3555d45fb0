#include "HeadlessApplication.h"

#include <QApplication>

namespace headroom {

namespace {

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
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
