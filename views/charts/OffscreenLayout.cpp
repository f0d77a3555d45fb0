#include "OffscreenLayout.h"

#include <QCoreApplication>
#include <QGraphicsLayout>

namespace headroom {

OffscreenLayout::OffscreenLayout(QChart *chart, QSizeF size)
    : m_chart(chart)
    , m_oldGeometry(chart->geometry())
    , m_oldAnimations(chart->animationOptions())
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    apply(QRectF(QPointF(0, 0), size));
}

OffscreenLayout::~OffscreenLayout()
{
    apply(m_oldGeometry);
    m_chart->setAnimationOptions(m_oldAnimations);
}

void OffscreenLayout::settle(const std::function<void()> &layoutAnnotations)
{
    constexpr int MaxPasses = 3;
    for (int pass = 0; pass < MaxPasses; ++pass) {
        layoutAnnotations();
        QGraphicsLayout *layout = m_chart->layout();
        if (!layout || layout->isActivated())
            return;
        apply(m_chart->geometry());
    }
}

// Without an event loop (headless export, tests) the legend's own layout would stay at its
// last size, so the posted layout requests are delivered here, synchronously.
void OffscreenLayout::apply(const QRectF &geometry)
{
    m_chart->setGeometry(geometry);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (QGraphicsLayout *layout = m_chart->layout()) {
        layout->invalidate();
        layout->activate();
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

} // namespace headroom
