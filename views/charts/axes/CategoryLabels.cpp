#include "CategoryLabels.h"

#include "views/charts/ChartAnnotation.h"
#include "views/charts/ChartFormat.h"

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

// Whether the rows in `group` all show different texts, and differ from every other row.
bool distinctWithin(const QStringList &shown, const QList<int> &group)
{
    for (int row : group) {
        for (int other = 0; other < shown.size(); ++other) {
            if (other != row && shown.at(other) == shown.at(row))
                return false;
        }
    }
    return true;
}

// For each row of `group`, the words that set it apart from the others (what lies between the words
// they all start with and the words they all end with), with the shared ending: "…(80-core GPU) 256 GB".
QStringList distinguishingParts(const QStringList &texts, const QList<int> &group, bool withEnding)
{
    QList<QStringList> words;
    for (int row : group)
        words.append(texts.at(row).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    qsizetype shortest = words.first().size();
    for (const QStringList &list : std::as_const(words))
        shortest = std::min(shortest, list.size());
    const auto allEqual = [&](const std::function<QString(const QStringList &)> &pick) {
        return std::all_of(words.cbegin(), words.cend(), [&](const QStringList &list) { return pick(list) == pick(words.first()); });
    };
    qsizetype prefix = 0;
    while (prefix < shortest && allEqual([prefix](const QStringList &list) { return list.at(prefix); }))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix
           && allEqual([suffix](const QStringList &list) { return list.at(list.size() - 1 - suffix); }))
        ++suffix;
    QStringList parts;
    for (const QStringList &list : std::as_const(words)) {
        const QStringList middle = list.mid(prefix, list.size() - prefix - suffix);
        QString part = QString(QChar(0x2026)) + middle.join(QLatin1Char(' '));
        if (withEnding && suffix > 0)
            part += QLatin1Char(' ') + list.mid(list.size() - suffix).join(QLatin1Char(' '));
        else if (suffix > 0)
            part += QChar(0x2026);
        parts.append(part);
    }
    return parts;
}

} // namespace

QStringList fittedCategoryTexts(const QStringList &texts, const QFontMetricsF &metrics, qreal room)
{
    const QStringList compact = compactConfigurationLabels(texts);
    const auto fits = [&](const QString &text) { return metrics.horizontalAdvance(text) <= room; };
    QStringList shown;
    for (int row = 0; row < texts.size(); ++row) {
        if (fits(texts.at(row)))
            shown.append(texts.at(row));
        else if (fits(compact.at(row)))
            shown.append(compact.at(row));
        else
            shown.append(metrics.elidedText(compact.at(row), Qt::ElideMiddle, room));
    }
    for (int row = 0; row < shown.size(); ++row) {
        QList<int> alike;
        for (int other = 0; other < shown.size(); ++other) {
            if (shown.at(other) == shown.at(row) && texts.at(other) != texts.at(row))
                alike.append(other);
        }
        if (alike.isEmpty())
            continue;
        alike.prepend(row);
        QList<QStringList> candidates;
        for (Qt::TextElideMode mode : {Qt::ElideRight, Qt::ElideLeft}) {
            QStringList attempt;
            for (int member : std::as_const(alike))
                attempt.append(metrics.elidedText(compact.at(member), mode, room));
            candidates.append(attempt);
        }
        for (bool withEnding : {true, false}) {
            QStringList attempt = distinguishingParts(texts, alike, withEnding);
            for (QString &part : attempt)
                part = metrics.elidedText(part, Qt::ElideMiddle, room);
            candidates.append(attempt);
        }
        for (const QStringList &candidate : std::as_const(candidates)) {
            QStringList attempt = shown;
            for (int i = 0; i < alike.size(); ++i)
                attempt[alike.at(i)] = candidate.at(i);
            if (distinctWithin(attempt, alike)) {
                shown = attempt;
                break;
            }
        }
    }
    return shown;
}

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
    const QStringList shown = fittedCategoryTexts(m_texts, metrics, room);
    for (int row = 0; row < m_items.size(); ++row) {
        m_items.at(row)->setTextIfChanged(shown.at(row));
        widest = std::max(widest, metrics.horizontalAdvance(shown.at(row)));
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
