#include "CategoryLabels.h"

#include "ChartAnnotation.h"

#include <QChart>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

// Names never take more than this share of the chart's width; longer ones are elided (the
// tooltip and the table show them whole).
constexpr qreal MaxLabelShareOfWidth = 0.3;
constexpr qreal LabelGapPixels = 8; // between a name and the plot's left edge
constexpr qreal ChartWidthTolerancePixels = 1;

} // namespace

CategoryLabels::CategoryLabels(QChart *chart, TooltipProvider tooltip)
    : m_chart(chart)
    , m_tooltip(std::move(tooltip))
{
}

void CategoryLabels::setTexts(const QStringList &texts)
{
    if (texts == m_texts && std::abs(m_chart->size().width() - m_chartWidth) < ChartWidthTolerancePixels)
        return;
    m_texts = texts;
    resizeItems();
    updateMargin();
}

void CategoryLabels::setStyle(const QFont &font, const QColor &color, const QColor &background)
{
    m_font = font;
    m_color = color;
    m_background = background;
    for (ChartAnnotation *item : std::as_const(m_items)) {
        item->setFont(font);
        item->setBrush(color);
        item->setBackground(background);
    }
    m_chartWidth = -1; // re-elide for the new font
    updateMargin();
}

void CategoryLabels::resizeItems()
{
    while (m_items.size() > m_texts.size())
        delete m_items.takeLast();
    while (m_items.size() < m_texts.size()) {
        auto *item = new ChartAnnotation(m_chart);
        const int row = int(m_items.size());
        item->setFont(m_font);
        item->setBrush(m_color);
        item->setBackground(m_background);
        item->setZValue(10);
        item->setTooltipProvider([this, row] { return m_tooltip ? m_tooltip(row) : QString(); });
        m_items.append(item);
    }
}

void CategoryLabels::updateMargin()
{
    m_chartWidth = m_chart->size().width();
    const QFontMetricsF metrics(m_font);
    const qreal room = std::max<qreal>(0, m_chartWidth * MaxLabelShareOfWidth);
    qreal widest = 0;
    for (int row = 0; row < m_items.size(); ++row) {
        const QString shown = metrics.elidedText(m_texts.at(row), Qt::ElideMiddle, room);
        m_items.at(row)->setTextIfChanged(shown);
        widest = std::max(widest, metrics.horizontalAdvance(shown));
    }
    QMargins margins = m_chart->margins();
    if (m_baseLeftMargin < 0)
        m_baseLeftMargin = margins.left();
    const int left = m_baseLeftMargin + int(std::ceil(widest + (m_items.isEmpty() ? 0 : LabelGapPixels)));
    if (margins.left() != left) {
        margins.setLeft(left);
        m_chart->setMargins(margins);
    }
}

void CategoryLabels::layout(const std::function<qreal(int row)> &centerY)
{
    if (std::abs(m_chart->size().width() - m_chartWidth) >= ChartWidthTolerancePixels)
        updateMargin();
    const qreal right = m_chart->plotArea().left() - LabelGapPixels;
    for (int row = 0; row < m_items.size(); ++row) {
        ChartAnnotation *item = m_items.at(row);
        const QRectF box = item->boundingRect();
        item->setPos(right - box.width(), centerY(row) - box.height() / 2);
    }
}

QString CategoryLabels::shownText(int row) const
{
    return row >= 0 && row < m_items.size() ? m_items.at(row)->text() : QString();
}

} // namespace headroom
