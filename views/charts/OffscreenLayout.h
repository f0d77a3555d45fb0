#pragma once

#include <QChart>
#include <QRectF>
#include <QSizeF>

#include <functional>

namespace headroom {

// Lays a chart out at an export size for the duration of one render, then puts it back where the
// window had it, with animations off so the render shows final values.
class OffscreenLayout final
{
public:
    OffscreenLayout(QChart *chart, QSizeF size);
    ~OffscreenLayout();
    OffscreenLayout(const OffscreenLayout &) = delete;
    OffscreenLayout &operator=(const OffscreenLayout &) = delete;

    // The chart's area to render.
    QRectF source() const { return m_chart->geometry(); }

    // Places the annotations, and lays the chart out again for as long as that changes the room
    // they reserve (the axes' labels set the chart's margins; a second pass settles).
    void settle(const std::function<void()> &layoutAnnotations);

private:
    void apply(const QRectF &geometry);

    QChart *m_chart;
    QRectF m_oldGeometry;
    QChart::AnimationOptions m_oldAnimations;
};

} // namespace headroom
