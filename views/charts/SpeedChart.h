#pragma once

#include <memory>

#include "views/charts/axes/CategoryLabels.h"
#include "ChartBase.h"
#include "measured/MeasuredData.h"

#include <QList>
#include <QStringList>

#include <utility>

class QBarCategoryAxis;
class QBarSet;
class QGraphicsPathItem;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace headroom {

class ChartAnnotation;

// Decode speed per user, one horizontal bar per configuration in scenario order (top to bottom).
// Bars are coloured by vendor family; a tight fit is washed out, an offload is striped with an
// amber outline, and a configuration that does not fit keeps its (empty) slot labelled "Does not fit".
// Whiskers show the uncertainty band, a dashed line the reading speed. Where the calibration set
// has a measurement of the same configuration, model and quantization (MeasuredLookup), a diamond
// marks the measured speed on the bar and its value label says so; hovering it shows the source.
//
// One QBarSet per family x fit state, stacked, so each category holds exactly one non-zero bar
// in the right style; values are replaced in place on every update. The measured markers are in
// SpeedChartMeasurements.cpp, the whiskers, outlines and value labels in SpeedChartOverlays.cpp.
class SpeedChart final : public ChartBase
{
    Q_OBJECT
public:
    explicit SpeedChart(QWidget *parent = nullptr);
    ~SpeedChart() override;

    ChartKind kind() const override { return ChartKind::Speed; }
    void setEstimates(const EstimateSet &estimates) override;

    // Inspection, for tests and accessibility.
    QHorizontalStackedBarSeries *barSeries() const { return m_bars; }
    QBarCategoryAxis *categoryAxis() const { return m_categoryAxis; } // hidden; places the bars
    const CategoryLabels &categoryNames() const { return *m_names; }  // the names shown, top to bottom
    QValueAxis *valueAxis() const { return m_valueAxis; }
    QLineSeries *referenceLine() const { return m_reference; }
    const ChartAnnotation *referenceLabel() const { return m_referenceLabel; }
    QScatterSeries *measuredSeries() const { return m_measured; }
    // The measurements of row's configuration, file order; their markers are in measuredSeries().
    const MeasuredRows &measurements(int row) const;
    QString measuredLabel(int row) const; // "measured 16.3 t/s", "measured 185–213 t/s", or empty
    // What hovering the measurement marker `point` of measuredSeries() shows: value, source URL, notes.
    QString measurementTooltip(int point) const;
    // The measured markers' size: larger in present mode, where a projector shrinks them.
    qreal measuredMarkerPixels() const;
    // Qt puts category 0 at the bottom; rows read top to bottom.
    static int categoryIndex(int row, int rowCount) { return rowCount - 1 - row; }
    double barValue(int row) const;      // height of row's bar (sum over the stacked sets)
    QString valueLabel(int row) const;   // "55 t/s", "Does not fit — needs ..."
    QString categoryLabel(int row) const;

protected:
    void restyle() override;
    void layoutAnnotations() override;

private:
    static constexpr double BarWidthShare = 0.7; // of a category slot
    static constexpr qreal MeasuredMarkerPixels = 13;
    enum class BarStyle { Fits, Tight, Offload };
    static constexpr int BarStyleCount = 3;
    static constexpr int FamilyCount = 3;
    static int setIndex(Platform family, BarStyle style);

    void updateLabels();
    void updateLegend();
    void updateRanges();
    void updateMeasurements();
    // The axis maximum that leaves room right of every bar for its value label (0 before layout).
    double labelRoomMaximum() const;

    QHorizontalStackedBarSeries *m_bars = nullptr;
    QList<QBarSet *> m_sets; // FamilyCount x BarStyleCount, family-major
    QBarCategoryAxis *m_categoryAxis = nullptr; // hidden: places the bars; m_names shows the names
    std::unique_ptr<CategoryLabels> m_names;
    QValueAxis *m_valueAxis = nullptr;
    QLineSeries *m_reference = nullptr;
    ChartAnnotation *m_referenceLabel = nullptr; // "reading speed 10 t/s" above the plot, at the line
    QLineSeries *m_bandLegend = nullptr; // no points: only explains the whiskers in the legend
    QScatterSeries *m_measured = nullptr;
    QList<MeasuredRows> m_measurements;  // per row
    QList<std::pair<int, int>> m_markerRows; // per point of m_measured: row, index into its measurements
    QGraphicsPathItem *m_whiskers = nullptr;
    QGraphicsPathItem *m_offloadOutlines = nullptr;
    QList<ChartAnnotation *> m_labels; // one per row
    int markerIndexOf(int row) const; // the first marker point of `row`, or -1
    void placeLabelsBesideMarkers(int row, int category, qreal barStartX, qreal barEndX, qreal anchorX);
    QList<ChartAnnotation *> m_measuredLabels; // one per row: "measured 41.0 t/s" beside its markers, or empty
    int m_tickBudget = 0; // value-axis steps the current range was computed for
    qreal m_rangeWidth = 0; // plot width the current range was computed for
    bool m_updatingRanges = false;
};

} // namespace headroom
