// What the speed chart draws over its bars: the whiskers of each likely range, the outlines of
// offloading configurations and the value labels, placed after every layout.
#include "SpeedChart.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "ChartMetrics.h"
#include "HorizontalBars.h"
#include "views/charts/axes/ValueAxes.h"
#include "measured/MeasuredLookup.h"

#include <QChart>
#include <QGraphicsPathItem>
#include <QHorizontalStackedBarSeries>
#include <QPainterPath>

#include <algorithm>
#include <limits>
#include <cmath>

namespace headroom {
namespace {

constexpr double WhiskerCapShare = 0.3; // of a bar's thickness, each side of the centre
// The plot width may wobble by a few pixels as axis labels change; only a real resize recomputes the range.
constexpr qreal RangeWidthTolerancePixels = 8;
constexpr qreal ReferenceLabelGapPixels = 4; // between the reading-speed line and its name

} // namespace

void SpeedChart::updateLabels()
{
    const QList<EstimateRow> &rows = estimates().rows;
    resizeAnnotations(m_labels, rows.size(), FontRole::ValueLabel, [this](int row) { return explanation(row); });
    resizeAnnotations(m_measuredLabels, rows.size(), FontRole::ValueLabel,
                      [this](int row) { return measurements(row).isEmpty() ? QString() : measurementTooltip(markerIndexOf(row)); });
    for (int row = 0; row < rows.size(); ++row) {
        const Estimate &e = rows.at(row).estimate;
        QFont font = chartFont(FontRole::ValueLabel);
        font.setItalic(!e.runs());
        if (m_labels.at(row)->font() != font)
            m_labels.at(row)->setFont(font);
        m_labels.at(row)->setTextIfChanged(valueLabel(row));
        if (m_measuredLabels.at(row)->font() != chartFont(FontRole::ValueLabel))
            m_measuredLabels.at(row)->setFont(chartFont(FontRole::ValueLabel));
        m_measuredLabels.at(row)->setTextIfChanged(measuredLabel(row));
        m_measuredLabels.at(row)->setVisible(!m_measuredLabels.at(row)->text().isEmpty());
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
    if (!plot.isEmpty() && rowCount > 0) {
        const qreal lineX = chart()->mapToPosition(QPointF(ReadingSpeedTokensPerSecond, 0), m_bars).x();
        const QRectF box = m_referenceLabel->boundingRect();
        // Right of the line, above the plot; left of it where the plot's right edge would cut it.
        const qreal x = lineX + box.width() + ReferenceLabelGapPixels <= plot.right() ? lineX + ReferenceLabelGapPixels
                                                                                     : lineX - box.width() - ReferenceLabelGapPixels;
        m_referenceLabel->setPos(x, plot.top() - box.height() - ReferenceLabelGapPixels / 2);
        m_referenceLabel->setVisible(true);
    } else {
        m_referenceLabel->setVisible(false);
    }
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
            if (e.fit == Fit::Offload)
                outlines.addRect(QRectF(QPointF(base.x(), base.y() - barHalf), QPointF(end.x(), base.y() + barHalf)));
            placeLabelsBesideMarkers(row, category, base.x(), end.x(), rightmost);
        }
    }
    m_whiskers->setPath(whiskers);
    m_offloadOutlines->setPath(outlines);
}

// The estimate's label stands at the end of its bar (or whisker) and the measurement's right of its
// markers, so neither is read against the other's mark. When the estimate's label would run into a marker it
// goes inside the bar; when the bar is too short for it, both follow the markers.
void SpeedChart::placeLabelsBesideMarkers(int row, int category, qreal barStartX, qreal barEndX, qreal anchorX)
{
    const ChartPalette &palette = chartPalette();
    ChartAnnotation *label = m_labels.at(row);
    ChartAnnotation *measuredText = m_measuredLabels.at(row);
    const qreal centerY = chart()->mapToPosition(QPointF(0, category), m_bars).y();
    const qreal markerHalf = measuredMarkerPixels() / 2;
    qreal markersLeft = std::numeric_limits<qreal>::max();
    qreal markersRight = std::numeric_limits<qreal>::lowest();
    for (const MeasuredRow &measured : measurements(row)) {
        const qreal x = chart()->mapToPosition(QPointF(perUserDecodeTps(measured), category), m_bars).x();
        markersLeft = std::min(markersLeft, x - markerHalf);
        markersRight = std::max(markersRight, x + markerHalf);
    }
    if (!measuredText->isVisible() || markersRight < anchorX) {
        placeValueLabel(label, barStartX, barEndX, std::max(anchorX, measuredText->isVisible() ? markersRight : anchorX),
                        centerY, palette.text, palette.background);
    } else {
        const qreal width = label->boundingRect().width();
        const bool fitsBeforeMarkers = anchorX + 2 * chartmetrics::LabelGapPixels + width <= markersLeft;
        const bool fitsInBar = barEndX - barStartX >= width + 2 * chartmetrics::LabelGapPixels;
        if (fitsBeforeMarkers || !fitsInBar)
            placeValueLabel(label, barStartX, barEndX, fitsBeforeMarkers ? anchorX : markersRight, centerY, palette.text,
                            palette.background);
        else
            placeValueLabel(label, barStartX, barEndX, chart()->plotArea().right(), centerY, palette.text,
                            palette.background); // no room right of the plot's edge: inside the bar
    }
    if (!measuredText->isVisible())
        return;
    const qreal labelRight = label->pos().x() + label->boundingRect().width();
    const qreal after = label->pos().x() > markersRight ? labelRight : markersRight;
    placeValueLabel(measuredText, after, after, after, centerY, palette.text, palette.text);
}

} // namespace headroom
