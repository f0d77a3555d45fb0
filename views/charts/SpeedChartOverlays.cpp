// What the speed chart draws over its bars: the whiskers of each likely range, the outlines of
// offloading configurations and the value labels, placed after every layout.
#include "SpeedChart.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "HorizontalBars.h"
#include "ValueAxes.h"
#include "measured/MeasuredLookup.h"

#include <QChart>
#include <QGraphicsPathItem>
#include <QHorizontalStackedBarSeries>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

constexpr double WhiskerCapShare = 0.3; // of a bar's thickness, each side of the centre
// The plot width may wobble by a few pixels as axis labels change; only a real resize recomputes the range.
constexpr qreal RangeWidthTolerancePixels = 8;

} // namespace

void SpeedChart::updateLabels()
{
    const QList<EstimateRow> &rows = estimates().rows;
    resizeAnnotations(m_labels, rows.size(), FontRole::ValueLabel, [this](int row) { return explanation(row); });
    for (int row = 0; row < rows.size(); ++row) {
        const Estimate &e = rows.at(row).estimate;
        QFont font = chartFont(FontRole::ValueLabel);
        font.setItalic(!e.runs());
        if (m_labels.at(row)->font() != font)
            m_labels.at(row)->setFont(font);
        m_labels.at(row)->setTextIfChanged(valueLabel(row));
    }
}

QString SpeedChart::valueLabel(int row) const
{
    if (row < 0 || row >= estimates().rows.size())
        return {};
    const Estimate &e = estimates().rows.at(row).estimate;
    if (!e.runs())
        return QStringLiteral("Does not fit \u2014 needs %1, %2 usable")
            .arg(formatGigabytes(e.memory.totalGB), formatGigabytes(e.memory.usableGB));
    QString text = formatTokensPerSecond(e.decodeTpsPerUser);
    if (e.fit == Fit::Tight)
        text += QStringLiteral(" \u00b7 tight fit");
    else if (e.fit == Fit::Offload)
        text += QStringLiteral(" \u00b7 offloads to system RAM");
    if (const QString measured = measuredLabel(row); !measured.isEmpty())
        text += QStringLiteral(" \u00b7 \u25c6 ") + measured;
    return text;
}

void SpeedChart::layoutAnnotations()
{
    // The plot was resized: fewer or more value labels fit. Not from inside a range update, whose
    // new labels may move the plot edge again (that would recurse).
    if (!m_updatingRanges
        && (valueTickBudget() != m_tickBudget
            || std::abs(chart()->plotArea().width() - m_rangeWidth) > RangeWidthTolerancePixels)) {
        m_updatingRanges = true;
        updateRanges();
        m_updatingRanges = false;
    }
    valueAxes()->layout();
    const QRectF plot = chart()->plotArea();
    const QList<EstimateRow> &rows = estimates().rows;
    const int rowCount = int(rows.size());
    layoutCategoryNames(*m_names, chart(), m_bars, rowCount);
    if (plot.isEmpty() || rowCount == 0 || m_labels.size() != rows.size()) {
        m_whiskers->setPath({});
        m_offloadOutlines->setPath({});
        return;
    }
    const ChartPalette &palette = chartPalette();
    const qreal barHalf = categorySlotPixels(chart(), m_bars) * BarWidthShare / 2;
    QPainterPath whiskers;
    QPainterPath outlines;
    for (int row = 0; row < rowCount; ++row) {
        const Estimate &e = rows.at(row).estimate;
        const int category = categoryIndex(row, rowCount);
        const QPointF base = chart()->mapToPosition(QPointF(0, category), m_bars);
        const QPointF end = chart()->mapToPosition(QPointF(e.decodeTpsPerUser, category), m_bars);
        ChartAnnotation *label = m_labels.at(row);
        if (!e.runs()) {
            placeValueLabel(label, base.x(), base.x(), base.x(), base.y(), palette.overCapacity, palette.overCapacity);
            continue;
        }
        {
            qreal rightmost = end.x();
            if (e.decodeTpsHigh > e.decodeTpsLow) {
                const qreal low = chart()->mapToPosition(QPointF(e.decodeTpsLow, category), m_bars).x();
                const qreal high = chart()->mapToPosition(QPointF(e.decodeTpsHigh, category), m_bars).x();
                const qreal cap = barHalf * WhiskerCapShare;
                whiskers.moveTo(low, base.y());
                whiskers.lineTo(high, base.y());
                whiskers.moveTo(low, base.y() - cap);
                whiskers.lineTo(low, base.y() + cap);
                whiskers.moveTo(high, base.y() - cap);
                whiskers.lineTo(high, base.y() + cap);
                rightmost = std::max(rightmost, high);
            }
            for (const MeasuredRow &measured : measurements(row)) {
                const qreal x = chart()->mapToPosition(QPointF(perUserDecodeTps(measured), category), m_bars).x();
                rightmost = std::max(rightmost, x + MeasuredMarkerPixels / 2);
            }
            if (e.fit == Fit::Offload)
                outlines.addRect(QRectF(QPointF(base.x(), base.y() - barHalf), QPointF(end.x(), base.y() + barHalf)));
            placeValueLabel(label, base.x(), end.x(), rightmost, base.y(), palette.text, palette.background);
        }
    }
    m_whiskers->setPath(whiskers);
    m_offloadOutlines->setPath(outlines);
}

} // namespace headroom
