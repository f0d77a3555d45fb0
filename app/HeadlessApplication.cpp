#include "HeadlessApplication.h"

#include <QApplication>

namespace headroom {

void selectOffscreenPlatformWithoutDisplay()
{
    const bool hasDisplay = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (!hasDisplay && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
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
