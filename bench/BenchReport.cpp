// Summaries and output formats of `headroom bench`.
#include "BenchReport.h"

#include <QStringList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace headroom {
namespace {

using Json = nlohmann::json;

// The targets of issue 7 ("Interactive speed"), shown next to the figures in the text format.
constexpr double LargeLineupSliderP95TargetMs = 16;  // one frame at 60 Hz with 30 configurations (SPEC §7)
constexpr double ArticleLineupSliderP95TargetMs = 8; // with the article's seven
constexpr double StartupTargetMs = 400;
constexpr double EstimatesPerSecondTarget = 1e6;
constexpr double PeakRssTargetMB = 150;
constexpr double AdvisorSearchTargetMs = 50; // the Advisor panel follows a slider

constexpr double Percent50 = 0.50;
constexpr double Percent95 = 0.95;
// Figures are written with this many decimals (microseconds for milliseconds).
constexpr int JsonDecimals = 3;

// Nearest rank: the smallest sample with at least `share` of the samples at or below it.
double nearestRank(const QList<double> &sorted, double share)
{
    const auto rank = static_cast<qsizetype>(std::ceil(share * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank, 1, sorted.size()) - 1);
}

double rounded(double value)
{
    const double scale = std::pow(10.0, JsonDecimals);
    return std::round(value * scale) / scale;
}

Json latencyJson(const LatencySummary &latency)
{
    return Json{{"p50", rounded(latency.p50Ms)},
                {"p95", rounded(latency.p95Ms)},
                {"max", rounded(latency.maxMs)},
                {"samples", latency.samples}};
}

Json byNameJson(const QList<SliderLatency> &latencies)
{
    Json json = Json::object();
    for (const SliderLatency &latency : latencies)
        json[latency.slider.toStdString()] = latencyJson(latency.latency);
    return json;
}

Json phasesJson(const LineupLatency &lineup)
{
    return Json{{"update", latencyJson(lineup.updatePhase)},
                {"posted_events", latencyJson(lineup.postedPhase)},
                {"forced_repaint", latencyJson(lineup.forcedPhase)}};
}

QString milliseconds(double value)
{
    return QString::number(value, 'f', 2) % QStringLiteral(" ms");
}

QString latencyLine(const QString &name, const LatencySummary &latency)
{
    return QStringLiteral("  %1 p50 %2  p95 %3  max %4  (%5 moves)\n")
        .arg(name, -14)
        .arg(milliseconds(latency.p50Ms), 10)
        .arg(milliseconds(latency.p95Ms), 10)
        .arg(milliseconds(latency.maxMs), 10)
        .arg(latency.samples);
}

QString lineupText(const QString &title, const LineupLatency &lineup, double targetMs)
{
    QString text = QStringLiteral("%1: %2 configurations, slider update p95 %3 (target <= %4)\n")
                       .arg(title)
                       .arg(lineup.configurations)
                       .arg(milliseconds(lineup.overall.p95Ms), milliseconds(targetMs));
    text += latencyLine(QStringLiteral("all sliders"), lineup.overall);
    for (const SliderLatency &slider : lineup.sliders)
        text += latencyLine(slider.slider, slider.latency);
    for (const SliderLatency &chart : lineup.charts)
        text += latencyLine(QStringLiteral("%1 chart").arg(chart.slider), chart.latency);
    text += latencyLine(QStringLiteral("(update)"), lineup.updatePhase);
    text += latencyLine(QStringLiteral("(posted)"), lineup.postedPhase);
    text += latencyLine(QStringLiteral("(forced)"), lineup.forcedPhase);
    text += latencyLine(QStringLiteral("tab switch"), lineup.tabSwitch);
    return text;
}

} // namespace

LatencySummary summarizeLatencies(QList<double> samplesMs)
{
    LatencySummary summary;
    summary.samples = int(samplesMs.size());
    if (samplesMs.isEmpty())
        return summary;
    std::sort(samplesMs.begin(), samplesMs.end());
    summary.p50Ms = nearestRank(samplesMs, Percent50);
    summary.p95Ms = nearestRank(samplesMs, Percent95);
    summary.maxMs = samplesMs.last();
    return summary;
}

QByteArray benchReportJson(const BenchReport &report)
{
    const Json json{
        {"configurations", report.large.configurations},
        {"slider_update_ms", latencyJson(report.large.overall)},
        {"slider_update_ms_by_slider", byNameJson(report.large.sliders)},
        {"slider_update_ms_by_chart", byNameJson(report.large.charts)},
        {"slider_update_phases_ms", phasesJson(report.large)},
        {"tab_switch_ms", latencyJson(report.large.tabSwitch)},
        {"article_configurations", report.article.configurations},
        {"article_slider_update_ms", latencyJson(report.article.overall)},
        {"article_slider_update_ms_by_slider", byNameJson(report.article.sliders)},
        {"article_slider_update_ms_by_chart", byNameJson(report.article.charts)},
        {"article_slider_update_phases_ms", phasesJson(report.article)},
        {"article_tab_switch_ms", latencyJson(report.article.tabSwitch)},
        {"startup_ms", rounded(report.startupMs)},
        {"estimates_per_second", std::round(report.estimatesPerSecond)},
        {"peak_rss_mb", rounded(report.peakRssMB)},
        {"advisor_search_ms", latencyJson(report.advisorSearch)},
        {"moves", report.moves},
        {"forced_repaints", report.forcedRepaints},
        {"window_size", Json::array({report.windowSize.width(), report.windowSize.height()})},
    };
    return QByteArray::fromStdString(json.dump(4, ' ', false, Json::error_handler_t::replace)) + '\n';
}

QString benchReportText(const BenchReport &report)
{
    QString text = QStringLiteral("Window %1x%2, offscreen; each move: value change -> estimates -> the chart on "
                                  "screen, the table and the details updated and painted\n")
                       .arg(report.windowSize.width())
                       .arg(report.windowSize.height());
    text += lineupText(QStringLiteral("Many configurations"), report.large, LargeLineupSliderP95TargetMs);
    text += lineupText(QStringLiteral("Article lineup"), report.article, ArticleLineupSliderP95TargetMs);
    text += QStringLiteral("Over %1 moves: %2 views repainted by the bench\n").arg(report.moves).arg(report.forcedRepaints);
    text += QStringLiteral("Startup to first painted window: %1 (target <= %2)\n")
                .arg(milliseconds(report.startupMs), milliseconds(StartupTargetMs));
    text += QStringLiteral("Roofline estimates per second, one thread: %1 (target >= %2)\n")
                .arg(report.estimatesPerSecond, 0, 'f', 0)
                .arg(EstimatesPerSecondTarget, 0, 'f', 0);
    text += QStringLiteral("Advisor search over the whole catalog: p50 %1, p95 %2, max %3 over %4 searches (target <= %5)\n")
                .arg(milliseconds(report.advisorSearch.p50Ms), milliseconds(report.advisorSearch.p95Ms),
                     milliseconds(report.advisorSearch.maxMs))
                .arg(report.advisorSearch.samples)
                .arg(milliseconds(AdvisorSearchTargetMs));
    text += QStringLiteral("Peak resident memory: %1 MB (target <= %2 MB)\n")
                .arg(report.peakRssMB, 0, 'f', 1)
                .arg(PeakRssTargetMB, 0, 'f', 0);
    return text;
}

} // namespace headroom
