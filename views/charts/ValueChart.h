#pragma once

#include "advisor/Advisor.h"
#include "advisor/PriceSpeedMap.h"
#include "ChartBase.h"

#include <QList>
#include <QPointF>
#include <QStringList>

class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace headroom {

class ChartAnnotation;

// Price against decode speed per user for the advisor's configurations: one point per shortlisted
// configuration with a known price, coloured by platform family; configurations that run fast enough
// but fail the budget or the power cap (and quoted systems left out by any requirement) in grey. The
// Pareto front of the shortlist (the best speed each price buys) is a staircase with its points labelled; the budget is a vertical line and the
// speed requirement a horizontal one. Prices spanning a decade or more go on a log axis (labelled at
// doublings). Configurations without a public price cannot be placed and are named in a note
// instead. Hover a point for its estimate and its cost per token, with formulas.
//
// The chart plots the advisor's result and, as hollow squares labelled by name, the configurations being
// compared (those of the estimates that run and have a price), so what the table shows is on the map too.
// Named systems the user quoted are always placed (AdvisorResult::quoted), ringed and labelled
// "<name> · your quote $X", whether or not they made the shortlist.
// setEstimates() places the compared ones; setAdvice() replaces the advisor's points in place. Which
// configurations are placed and which form the front is the advisor's (priceSpeedMap()); the chart
// draws them. Its price axis is in ValueChartPriceAxis.cpp, its title, note and tooltips in
// ValueChartText.cpp.
class ValueChart final : public ChartBase
{
    Q_OBJECT
public:
    // A placed configuration; qualifies false: left out for the budget or the power cap (grey), with
    // the rejection for the tooltip.
    using Point = PricedCandidate;

    explicit ValueChart(QWidget *parent = nullptr);
    ~ValueChart() override;

    ChartKind kind() const override { return ChartKind::Value; }
    void setEstimates(const EstimateSet &estimates) override;
    void setInputs(const ChartInputs &inputs) override; // the estimates, then the advice when there is one
    void setAdvice(const AdvisorResult &result, const AdvisorRequirements &requirements);
    bool hasAdvice() const { return m_hasAdvice; }

    // Inspection, for tests and accessibility.
    const QList<Point> &points() const { return m_points; }
    QList<int> frontPoints() const { return m_front; } // indexes into points()
    QScatterSeries *seriesFor(Platform platform) const;
    QScatterSeries *rejectedSeries() const { return m_rejected; }
    QScatterSeries *comparedSeries() const { return m_compared; }
    QScatterSeries *quotedSeries() const { return m_quoted; } // a ring on each quoted system's point
    QStringList quotedLabels() const;                          // texts of the visible labels of the quoted systems
    QStringList comparedLabels() const; // texts of the visible labels of the compared configurations
    QString comparedTooltip(int comparedIndex) const;
    QLineSeries *frontLine() const { return m_frontLine; }
    QLineSeries *budgetLine() const { return m_budgetLine; }
    QLineSeries *speedLine() const { return m_speedLine; }
    QValueAxis *linearPriceAxis() const { return m_linearPrice; }
    QLogValueAxis *logPriceAxis() const { return m_logPrice; }
    bool usesLogPriceAxis() const { return m_logScale; }
    QValueAxis *speedAxis() const { return m_speedAxis; }
    QString note() const;
    QStringList frontLabels() const; // texts of the visible front labels
    QString pointTooltip(int pointIndex) const;

protected:
    void restyle() override;
    void layoutAnnotations() override;

private:
    static constexpr double UsdPerAxisUnit = 1000; // the price axis counts thousands of dollars
    static constexpr double LogAxisBase = 10;
    static constexpr int LogMinorTicks = 8;        // 2, 3, ... 9 between the powers of ten
    // Where `candidate` is plotted: thousands of dollars, tokens per second per user.
    static QPointF plotted(const AdvisorCandidate &candidate);

    void updateSeries();
    void updateRanges();
    void updateLines();
    void updateLegend();
    void updateTitleAndNote(const AdvisorResult &result, const QStringList &unpriced);
    void updateFrontLabels();
    void updateQuotedLabels();
    void updateCompared(const EstimateSet &estimates);
    static QPointF plotted(const EstimateRow &row);
    void usePriceAxis(bool logScale);
    QList<QScatterSeries *> pointSeries() const;

    QList<QScatterSeries *> m_platformSeries; // Apple, NVIDIA, Other
    QScatterSeries *m_rejected = nullptr;
    QScatterSeries *m_compared = nullptr;
    QScatterSeries *m_quoted = nullptr;
    QList<int> m_quotedPoints; // indexes into m_points of the quoted systems, one ring and one label each
    QList<ChartAnnotation *> m_quotedLabels;
    QList<EstimateRow> m_comparedRows; // the estimates' rows that run and have a price
    QList<ChartAnnotation *> m_comparedLabels;
    QList<QList<int>> m_seriesPoints; // per pointSeries(): indexes into m_points, in point order
    QLineSeries *m_frontLine = nullptr;
    QLineSeries *m_budgetLine = nullptr;
    QLineSeries *m_speedLine = nullptr;
    QValueAxis *m_linearPrice = nullptr;
    QLogValueAxis *m_logPrice = nullptr;
    QValueAxis *m_speedAxis = nullptr;
    ChartAnnotation *m_note = nullptr;
    QList<ChartAnnotation *> m_frontLabels;
    QList<Point> m_points;
    QList<int> m_front;
    AdvisorRequirements m_requirements;
    bool m_logScale = false;
    bool m_hasAdvice = false;
};

} // namespace headroom
