#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QChart;
class QFontMetricsF;

namespace headroom {

class ChartAnnotation;

// What each name shows in `room` pixels: the whole name when it fits, else its compact form (no vendor
// words, no GPU core counts), else that elided in the middle; names that would then read alike are
// elided at the end or the start instead, whichever keeps them apart.
QStringList fittedCategoryTexts(const QStringList &texts, const QFontMetricsF &metrics, qreal room);

// The configuration names left of a horizontal bar chart, drawn as plain text.
// Qt Charts measures every category-axis label as rich text (a QTextDocument per label and a
// truncation search) on each relayout, which with 30 bars cost most of a slider move. The bar
// charts hide their category axis (it still places the bars) and show these labels instead:
// elided with font metrics, right-aligned against the plot, in a left margin reserved for them.
class CategoryLabels final
{
public:
    using TooltipProvider = std::function<QString(int row)>;

    CategoryLabels(QChart *chart, TooltipProvider tooltip);

    // One label per row, top to bottom. Reserves the margin they need (a relayout only when it changes).
    void setTexts(const QStringList &texts);
    void setStyle(const QFont &font, const QColor &color, const QColor &background);
    // Places row i's label against the plot's left edge, centred on centerY(i).
    void layout(const std::function<qreal(int row)> &centerY);

    const QStringList &texts() const { return m_texts; }
    // The text shown for a row (elided when the name is wider than the room the chart gives it).
    QString shownText(int row) const;

private:
    void resizeItems();
    void updateMargin();

    QChart *m_chart;
    TooltipProvider m_tooltip;
    QStringList m_texts;
    QList<ChartAnnotation *> m_items;
    QFont m_font;
    QColor m_color;
    QColor m_background;
    qreal m_chartWidth = -1; // the width the texts were elided for
    int m_baseLeftMargin = -1;
};

} // namespace headroom
