#pragma once

#include "engine/Calibration.h"
#include "ChartBase.h"
#include "core/Estimate.h"

#include <QList>

#include <iterator>

class QLineSeries;
class QLogValueAxis;
class QScatterSeries;

namespace headroom {

class ChartAnnotation;
struct ValidationReport;

// Predicted against measured single-user decode speed, on log-log axes, for every shipped
// measurement and both methods: the article's seed rule (hollow circles) and the roofline with
// the row's device left out of the fit (filled diamonds), one colour per platform class. The
// diagonal is a perfect prediction, the dashed lines +-20%; the title gives each method's MAPE.
//
// It shows how good the estimator is, not the scenario: setEstimates() keeps the set for the
// window but changes nothing. It plots the report it is given: populate(report), or setInputs() with
// the session layer's ChartInputs (export, decks); the window gives it reports from the session's
// ValidationService and never waits for one (setComputesOnDemand(false)). A chart given no report
// at all takes the model layer's report of the shipped data on first render.
class AccuracyChart final : public ChartBase
{
    Q_OBJECT
public:
    struct Point {
        Method method = Method::Roofline;
        PlatformClass platform = PlatformClass::Other;
        int line = 0; // of measured.csv
        double measuredTps = 0;
        double predictedTps = 0;
        bool operator==(const Point &) const = default;
    };

    explicit AccuracyChart(QWidget *parent = nullptr);
    ~AccuracyChart() override;

    ChartKind kind() const override { return ChartKind::Accuracy; }
    void setEstimates(const EstimateSet &estimates) override;
    void setInputs(const ChartInputs &inputs) override; // the estimates, then the validation report if any

    // Plots the validation of the shipped data (once; later calls return at once).
    void populate();
    bool isPopulated() const { return m_populated; }
    // Plots `report`'s decode rows, titled with `origin` (shippedMeasurementsOrigin() or a file).
    void populate(const ValidationReport &report, const QString &origin = QString());
    // False: a render without a report shows "Scoring the measurements..." and waits to be given one.
    void setComputesOnDemand(bool computes) { m_computesOnDemand = computes; }

    // Inspection, for tests and accessibility.
    const QList<Point> &points() const { return m_points; }
    QList<QScatterSeries *> pointSeries() const { return m_series; }
    QScatterSeries *seriesFor(Method method, PlatformClass platform) const;
    QLogValueAxis *measuredAxis() const { return m_measuredAxis; }
    QLogValueAxis *predictedAxis() const { return m_predictedAxis; }
    QLineSeries *diagonal() const { return m_diagonal; }
    QLineSeries *upperGuide() const { return m_upperGuide; }
    QLineSeries *lowerGuide() const { return m_lowerGuide; }
    QString note() const; // what the plot cannot show (predictions of 0), or empty
    // Hardware, model, quantization, measured, predicted, error and source of point `index` of series.
    QString pointTooltip(const QScatterSeries *series, int index) const;

protected:
    void restyle() override;
    void layoutAnnotations() override;
    void prepareContent() override { populate(); }
    void showEvent(QShowEvent *event) override;

private:
    static constexpr int PlatformCount = int(std::size(kPlatformClasses));
    static int seriesIndex(Method method, PlatformClass platform);

    void updateRanges();
    void updateLegend();

    QList<QScatterSeries *> m_series; // method-major: seed x platforms, then roofline x platforms
    QList<QList<int>> m_seriesPoints; // per series: indexes into m_points, in point order
    QList<Point> m_points;
    QList<QScatterSeries *> m_legendOnly; // empty series that explain colours and shapes
    QLogValueAxis *m_measuredAxis = nullptr;
    QLogValueAxis *m_predictedAxis = nullptr;
    QLineSeries *m_diagonal = nullptr;
    QLineSeries *m_upperGuide = nullptr;
    QLineSeries *m_lowerGuide = nullptr;
    ChartAnnotation *m_note = nullptr;
    bool m_populated = false;
    bool m_computesOnDemand = true;
};

} // namespace headroom
