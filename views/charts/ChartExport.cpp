// ChartBase's export: an off-screen render at any size and scale, PNG, SVG and the clipboard.
#include "ChartBase.h"

#include "ChartFiles.h"
#include "ChartLogging.h"
#include "OffscreenLayout.h"

#include <QBuffer>
#include <QClipboard>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QPainter>
#include <QSvgGenerator>

namespace headroom {
namespace {

QString checkSize(const QString &path, QSize size, qreal scale)
{
    if (size.isEmpty() || !(scale > 0))
        return QStringLiteral("cannot export '%1': invalid size %2x%3 at scale %4")
            .arg(path)
            .arg(size.width())
            .arg(size.height())
            .arg(scale);
    return {};
}

} // namespace

QImage ChartBase::renderImage(QSize size, qreal scale)
{
    if (size.isEmpty() || !(scale > 0))
        return {};
    if (m_inBurst)
        refit(); // an image shows the settled chart
    prepareContent();
    QImage image(QSize(qRound(size.width() * scale), qRound(size.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(m_palette.background);
    OffscreenLayout layout(chart(), QSizeF(size));
    layout.settle([this] { layoutAnnotations(); });
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), layout.source(), Qt::IgnoreAspectRatio);
    painter.end();
    return image;
}

QString ChartBase::exportPng(const QString &path, QSize size, qreal scale)
{
    if (QString problem = checkSize(path, size, scale); !problem.isEmpty())
        return problem;
    const QImage image = renderImage(size, scale);
    const QString problem = savePng(image, path);
    if (problem.isEmpty())
        qCDebug(lcCharts) << "exported" << path << image.size();
    return problem;
}

QString ChartBase::exportSvg(const QString &path, QSize size)
{
    if (QString problem = checkSize(path, size, 1.0); !problem.isEmpty())
        return problem;
    prepareContent();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(m_titleText);
    generator.setDescription(QStringLiteral("Headroom chart"));
    {
        OffscreenLayout layout(chart(), QSizeF(size));
        layout.settle([this] { layoutAnnotations(); });
        QPainter painter(&generator);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), m_palette.background);
        scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), layout.source(), Qt::IgnoreAspectRatio);
        painter.end();
    }
    return saveBytes(path, bytes);
}

void ChartBase::copyToClipboard(QSize size)
{
    QGuiApplication::clipboard()->setImage(renderImage(size, devicePixelRatioF()));
}

} // namespace headroom
