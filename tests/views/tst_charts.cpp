// Charts draw what they are given: every bar, curve and label is checked against a hand-built
// EstimateSet, so these tests do not depend on the estimator.
#include "views/charts/AccuracyChart.h"
#include "catalog/Catalog.h"
#include "scenario/EstimateSet.h"
#include "views/charts/axes/CategoryLabels.h"
#include "views/charts/ChartAnnotation.h"
#include "views/charts/ChartBase.h"
#include "views/charts/ChartFormat.h"
#include "views/charts/axes/ValueAxes.h"
#include "views/charts/ConcurrencyChart.h"
#include "views/charts/MemoryChart.h"
#include "measured/ShippedValidation.h"
#include "views/charts/SpeedChart.h"

#include <QBarCategoryAxis>
#include <QBarLegendMarker>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QGraphicsLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <QtTest>

using namespace headroom;

namespace {

constexpr double KvGBPerUserAt4K = 1.34; // Llama 3.3 70B, F16 KV, 4K tokens: 80 layers x 8 heads x 128 x 2 x 2 B
constexpr double OverheadGB = 1.5;
constexpr double WeightsGB = 42.5; // Llama 3.3 70B Q4_K_M, as the article quotes it
constexpr double PerUserSlowdownPerUser = 0.04;
constexpr double BandShare = 0.15;
constexpr int OffloadMaxUsers = 4;

// The engine's 1..64 sweep, spelled out so these tests do not depend on it.
QList<int> sweepUserCountsForTest()
{
    return {1, 2, 4, 8, 16, 32, 64};
}

Device device(const QString &vendor, const QString &name)
{
    Device d;
    d.id = name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    d.name = name;
    d.vendor = vendor;
    d.kind = vendor == QLatin1String("apple") ? MemoryKind::Unified : MemoryKind::Discrete;
    d.segment = vendor == QLatin1String("apple") ? Segment::Apple : Segment::Workstation;
    return d;
}

// A row with hand-made but realistic numbers: speed for one user, usable memory and fit.
EstimateRow row(const QString &label, const QString &vendor, double tokensPerSecond, double usableGB, Fit fit,
                int index, int users = 1)
{
    EstimateRow r;
    r.scenarioIndex = index;
    r.label = label;
    r.input.device = device(vendor, label);
    r.input.model.name = QStringLiteral("Llama 3.3 70B");
    r.input.quant.name = QStringLiteral("Q4_K_M");
    r.input.workload.users = users;
    r.input.workload.contextTokens = 4096;
    Estimate &e = r.estimate;
    e.fit = fit;
    e.memory.weightsGB = WeightsGB;
    e.memory.kvCacheGB = KvGBPerUserAt4K * users;
    e.memory.overheadGB = OverheadGB;
    e.memory.totalGB = e.memory.weightsGB + e.memory.kvCacheGB + e.memory.overheadGB;
    e.memory.usableGB = usableGB;
    if (fit != Fit::DoesNotFit) {
        e.decodeTpsPerUser = tokensPerSecond;
        e.decodeTpsTotal = tokensPerSecond * users;
        e.decodeTpsLow = tokensPerSecond * (1 - BandShare);
        e.decodeTpsHigh = tokensPerSecond * (1 + BandShare);
        e.bottleneck = Bottleneck::Bandwidth;
    }
    for (int u : sweepUserCountsForTest()) {
        SweepPoint p;
        p.users = u;
        // An offloading configuration keeps running (slowly) for a few users; the others while memory lasts.
        const bool fits = fit == Fit::Offload ? u <= OffloadMaxUsers
                                              : fit != Fit::DoesNotFit && WeightsGB + KvGBPerUserAt4K * u + OverheadGB <= usableGB;
        p.fit = fits ? (u == 1 ? fit : Fit::Fits) : Fit::DoesNotFit;
        if (fits) {
            p.decodeTpsPerUser = tokensPerSecond / (1 + PerUserSlowdownPerUser * (u - 1));
            p.decodeTpsTotal = p.decodeTpsPerUser * u;
        }
        r.sweep.append(p);
    }
    return r;
}

EstimateSet articleLineup()
{
    EstimateSet set;
    set.modelName = QStringLiteral("Llama 3.3 70B");
    set.quantName = QStringLiteral("Q4_K_M");
    set.rows = {
        row(QStringLiteral("Mac mini M4 Pro 64 GB"), QStringLiteral("apple"), 4.2, 48, Fit::Tight, 0),
        row(QStringLiteral("Mac Studio M4 Max 128 GB"), QStringLiteral("apple"), 8.4, 96, Fit::Fits, 1),
        row(QStringLiteral("Mac Studio M3 Ultra 256 GB"), QStringLiteral("apple"), 12.6, 192, Fit::Fits, 2),
        row(QStringLiteral("RTX 5090"), QStringLiteral("nvidia"), 0, 32, Fit::DoesNotFit, 3),
        row(QStringLiteral("2x RTX 5090"), QStringLiteral("nvidia"), 54.8, 64, Fit::Fits, 4),
        row(QStringLiteral("RTX PRO 6000"), QStringLiteral("nvidia"), 27.4, 96, Fit::Fits, 5),
        row(QStringLiteral("2x RTX PRO 6000"), QStringLiteral("nvidia"), 54.8, 192, Fit::Fits, 6),
    };
    return set;
}

// `count` rows cycling through the lineup plus other vendors and offload, every label distinct.
EstimateSet rows(int count)
{
    const EstimateSet lineup = articleLineup();
    EstimateSet set;
    set.modelName = lineup.modelName;
    set.quantName = lineup.quantName;
    for (int i = 0; i < count; ++i) {
        if (i < lineup.rows.size()) {
            set.rows.append(lineup.rows.at(i));
            continue;
        }
        const int variant = i % 4;
        const QString label = QStringLiteral("Config %1").arg(i + 1);
        if (variant == 0)
            set.rows.append(row(label, QStringLiteral("amd"), 20 + i, 128, Fit::Fits, i));
        else if (variant == 1)
            set.rows.append(row(label, QStringLiteral("nvidia"), 1.5 + i / 10.0, 40, Fit::Offload, i));
        else if (variant == 2)
            set.rows.append(row(label, QStringLiteral("apple"), 5 + i / 2.0, 96, Fit::Fits, i));
        else
            set.rows.append(row(label, QStringLiteral("nvidia"), 0, 24, Fit::DoesNotFit, i));
    }
    return set;
}

// Scales every speed and memory figure, as a slider drag would change them.
EstimateSet scaled(EstimateSet set, double factor)
{
    for (EstimateRow &r : set.rows) {
        r.estimate.decodeTpsPerUser *= factor;
        r.estimate.decodeTpsLow *= factor;
        r.estimate.decodeTpsHigh *= factor;
        r.estimate.memory.weightsGB *= factor;
        for (SweepPoint &p : r.sweep) {
            p.decodeTpsPerUser *= factor;
            p.decodeTpsTotal *= factor;
        }
    }
    return set;
}

// 2x RTX 3090 (layer split) on Llama 3 70B Q4_K_M for one user: XiongjieDai's benchmark measured
// 16.29 t/s (resources/measured.csv line 13).
constexpr double Measured3090x2Llama70Tps = 16.29;

EstimateRow dualRtx3090Row(int index)
{
    EstimateRow r = row(QStringLiteral("2x RTX 3090"), QStringLiteral("nvidia"), 19.5, 48, Fit::Fits, index);
    r.input.device.id = QStringLiteral("rtx-3090");
    r.input.configuration.deviceId = QStringLiteral("rtx-3090");
    r.input.configuration.count = 2;
    r.input.configuration.split = Split::Layer;
    r.input.model.id = QStringLiteral("llama-3-70b");
    r.input.model.name = QStringLiteral("Llama 3 70B");
    return r;
}

// The item that draws the chart's value axes.
const ValueAxes *valueAxesOf(const ChartBase &chart)
{
    for (QGraphicsItem *item : chart.scene()->items()) {
        if (auto *found = dynamic_cast<ValueAxes *>(item))
            return found;
    }
    return nullptr;
}

int differingPixels(const QImage &image, const QColor &background)
{
    const QRgb bg = background.rgb();
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += (line[x] & 0xffffff) != (bg & 0xffffff) ? 1 : 0;
    }
    return count;
}

// Two Mac Studio M3 Ultra 512 GB rows through the estimator: a cluster of `nodes` over `linkId` (tensor split,
// MLX), then one such machine alone.
EstimateSet macCluster(const QString &linkId, int nodes)
{
    ScenarioConfiguration clustered;
    clustered.configuration.deviceId = QStringLiteral("m3-ultra");
    clustered.configuration.memoryGB = 512;
    clustered.configuration.nodes = nodes;
    clustered.configuration.linkId = linkId;
    clustered.configuration.nodeSplit = NodeSplit::Tensor;
    clustered.configuration.runtime = Runtime::Mlx;
    ScenarioConfiguration single = clustered;
    single.configuration.nodes = 1;
    single.configuration.linkId.clear();
    single.configuration.nodeSplit = NodeSplit::Auto;
    if (nodes < 2)
        clustered = single;
    Scenario scenario;
    scenario.modelId = QStringLiteral("llama-3.3-70b");
    scenario.configurations = {clustered, single};
    return computeEstimates(scenario, embeddedCatalog());
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatting_data();
    void formatting();
    void niceCeiling_data();
    void niceCeiling();
    void niceScales_data();
    void niceScales();
    void scaleChangesNeverMultiplyTicks_data();
    void scaleChangesNeverMultiplyTicks();
    void tickValuesOfAxes_data();
    void tickValuesOfAxes();
    void minorTickValuesOfLogAxes_data();
    void minorTickValuesOfLogAxes();
    void axisLabelTexts_data();
    void axisLabelTexts();
    void axisLabelsAtTheTicks_data();
    void axisLabelsAtTheTicks();
    void gridLinesAtTheTicks_data() { kinds(); }
    void gridLinesAtTheTicks();
    void speedLegendShowsFamiliesPresent();
    void uniqueLabels();
    void vendorFamilies();

    void speedValues_data() { rowCounts(); }
    void speedValues();
    void memoryValues_data() { rowCounts(); }
    void memoryValues();
    void concurrencyValues_data() { rowCounts(); }
    void concurrencyValues();
    void concurrencyNote_data();
    void concurrencyNote();
    void compactLabels_data();
    void compactLabels();
    void fittedNamesStayApart_data();
    void fittedNamesStayApart();
    void concurrencyLineLabels();
    void concurrencyPaceMarks_data();
    void concurrencyPaceMarks();
    void concurrencyLinkBindsMarks_data();
    void concurrencyLinkBindsMarks();
    void memoryMachineSeparators_data();
    void memoryMachineSeparators();

    void updatesInPlace_data() { kinds(); }
    void updatesInPlace();
    void rowCountChanges_data() { kinds(); }
    void rowCountChanges();
    void dragLikeUpdates_data() { kinds(); }
    void dragLikeUpdates();
    void categoryNamesReplaceAxisLabels_data() { rowCounts(); }
    void categoryNamesReplaceAxisLabels();
    void draggingHoldsValueAxes_data();
    void draggingHoldsValueAxes();
    void duplicateLabelsKeepTheirSlots();
    void problemIsTheTitle_data() { kinds(); }
    void problemIsTheTitle();

    void themeSwitch_data() { kinds(); }
    void themeSwitch();
    void presentationModeEnlargesType();
    void renderImage_data();
    void renderImage();
    void renderAfterAnimatedUpdateShowsFinalValues();
    void createChartForEveryKind();
    void measuredOverlay_data();
    void measuredOverlay();
    void accuracyWaitsUntilNeeded();
    void accuracyPoints();
    void accuracyTitleAndTooltips();
    void accuracyIgnoresTheScenario();
    void accuracyThemes();

private:
    void rowCounts();
    void kinds();
};

void TestCharts::rowCounts()
{
    QTest::addColumn<int>("count");
    QTest::newRow("1 row") << 1;
    QTest::newRow("7 rows (article lineup)") << 7;
    QTest::newRow("30 rows") << 30;
}

void TestCharts::kinds()
{
    QTest::addColumn<ChartKind>("kind");
    QTest::newRow("speed") << ChartKind::Speed;
    QTest::newRow("memory") << ChartKind::Memory;
    QTest::newRow("concurrency") << ChartKind::Concurrency;
}

void TestCharts::formatting_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    QTest::newRow("55 t/s") << formatTokensPerSecond(54.8) << QStringLiteral("55 t/s");
    QTest::newRow("4.2 t/s") << formatTokensPerSecond(4.2) << QStringLiteral("4.2 t/s");
    QTest::newRow("238 t/s") << formatTokensPerSecond(238.4) << QStringLiteral("238 t/s");
    QTest::newRow("45.3 GB") << formatGigabytes(45.34) << QStringLiteral("45.3 GB");
    QTest::newRow("192 GB") << formatGigabytes(192) << QStringLiteral("192 GB");
    QTest::newRow("4K") << formatContextTokens(4096) << QStringLiteral("4K");
    QTest::newRow("128K") << formatContextTokens(131072) << QStringLiteral("128K");
    QTest::newRow("1000") << formatContextTokens(1000) << QStringLiteral("1000");
    QTest::newRow("title, 1 user") << scenarioTitle(QStringLiteral("Llama 3.3 70B"), QStringLiteral("Q4_K_M"), 1, 4096)
                                   << QStringLiteral("Llama 3.3 70B Q4_K_M \u2014 1 user, 4K context");
    QTest::newRow("title, 8 users") << scenarioTitle(QStringLiteral("Qwen3 32B"), QStringLiteral("Q8_0"), 8, 32768)
                                    << QStringLiteral("Qwen3 32B Q8_0 \u2014 8 users, 32K context");
}

void TestCharts::formatting()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestCharts::niceCeiling_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("expected");
    QTest::newRow("0 -> 1") << 0.0 << 1.0;
    QTest::newRow("negative -> 1") << -5.0 << 1.0;
    QTest::newRow("50 stays") << 50.0 << 50.0;
    QTest::newRow("71 -> 100") << 71.0 << 100.0;
    QTest::newRow("15 -> 20") << 15.0 << 20.0;
    QTest::newRow("21 -> 25") << 21.0 << 25.0;
    QTest::newRow("0.37 -> 0.5") << 0.37 << 0.5;
    QTest::newRow("1234 -> 2000") << 1234.0 << 2000.0;
}

void TestCharts::niceCeiling()
{
    QFETCH(double, value);
    QFETCH(double, expected);
    QCOMPARE(headroom::niceCeiling(value), expected);
}

void TestCharts::niceScales_data()
{
    QTest::addColumn<double>("highest");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("step");
    QTest::newRow("60.3 -> 70 by 10") << 60.3 << 70.0 << 10.0;
    QTest::newRow("60 stays") << 60.0 << 60.0 << 10.0;
    QTest::newRow("15 -> 16 by 2") << 15.0 << 16.0 << 2.0;
    QTest::newRow("278 -> 300 by 50") << 278.0 << 300.0 << 50.0;
    QTest::newRow("0 -> 1") << 0.0 << 1.0 << 1.0;
}

void TestCharts::niceScales()
{
    QFETCH(double, highest);
    QFETCH(double, maximum);
    QFETCH(double, step);
    const NiceScale scale = niceScale(highest, 8);
    QCOMPARE(scale.maximum, maximum);
    QCOMPARE(scale.step, step);
}

void TestCharts::speedLegendShowsFamiliesPresent()
{
    SpeedChart chart;
    chart.setEstimates(rows(7)); // Apple and NVIDIA only
    chart.renderImage(QSize(800, 450)); // lays the legend out
    QStringList shown;
    for (QLegendMarker *marker : chart.chart()->legend()->markers())
        if (marker->isVisible())
            shown.append(marker->label());
    const QStringList expected = {QStringLiteral("Apple"), QStringLiteral("NVIDIA"), QStringLiteral("Likely range")};
    QCOMPARE(shown, expected);
    // The reading-speed line is named where it stands, right of it and above the plot.
    const ChartAnnotation *reading = chart.referenceLabel();
    QVERIFY(reading->isVisible());
    QCOMPARE(reading->text(), QStringLiteral("reading speed 10 t/s"));
    const qreal lineX = chart.chart()->mapToPosition(QPointF(ReadingSpeedTokensPerSecond, 0), chart.barSeries()).x();
    QVERIFY(std::abs(reading->pos().x() - lineX) < 10 || std::abs(reading->pos().x() + reading->boundingRect().width() - lineX) < 10);
    QVERIFY(reading->pos().y() + reading->boundingRect().height() <= chart.chart()->plotArea().top());
    for (QLegendMarker *marker : chart.chart()->legend()->markers(chart.barSeries()))
        QCOMPARE(marker->brush(), static_cast<QBarLegendMarker *>(marker)->barset()->brush());
}

void TestCharts::uniqueLabels()
{
    const QStringList in = {QStringLiteral("A"), QStringLiteral("A"), QStringLiteral("B"), QString(), QStringLiteral("A")};
    const QStringList expected = {QStringLiteral("A"), QStringLiteral("A (2)"), QStringLiteral("B"),
                                  QStringLiteral("(unnamed)"), QStringLiteral("A (3)")};
    QCOMPARE(uniqueCategoryLabels(in), expected);
}

void TestCharts::vendorFamilies()
{
    QVERIFY(platformOf(device(QStringLiteral("apple"), QStringLiteral("M3 Ultra"))) == Platform::Apple);
    QVERIFY(platformOf(device(QStringLiteral("nvidia"), QStringLiteral("RTX 5090"))) == Platform::Nvidia);
    QVERIFY(platformOf(device(QStringLiteral("amd"), QStringLiteral("MI300X"))) == Platform::Other);
    QCOMPARE(displayName(Platform::Nvidia), QStringLiteral("NVIDIA"));
    const ChartPalette light = ChartPalette::forTheme(Theme::Light);
    QVERIFY(light.familyColor(Platform::Apple) != light.familyColor(Platform::Nvidia));
    for (Theme theme : {Theme::Light, Theme::Dark}) {
        const ChartPalette palette = ChartPalette::forTheme(theme);
        for (Platform family : {Platform::Apple, Platform::Nvidia, Platform::Other}) {
            for (int a = 0; a < 6; ++a) {
                for (int b = a + 1; b < 6; ++b) {
                    const QColor first = palette.familyColor(family, a);
                    const QColor second = palette.familyColor(family, b);
                    // Apart by at least 60 in RGB distance (0-441): two lines of one family never look alike.
                    const double distance = std::hypot(first.red() - second.red(), first.green() - second.green(),
                                                       first.blue() - second.blue());
                    QVERIFY2(distance >= 60, qPrintable(QStringLiteral("%1 vs %2").arg(first.name(), second.name())));
                }
            }
        }
    }
    QVERIFY(light.tightColor(Platform::Nvidia) != light.familyColor(Platform::Nvidia));
}

void TestCharts::speedValues()
{
    QFETCH(int, count);
    const EstimateSet set = rows(count);
    SpeedChart chart;
    chart.setEstimates(set);
    QCOMPARE(chart.categoryAxis()->count(), count);
    const QList<QBarSet *> sets = chart.barSeries()->barSets();
    for (int r = 0; r < count; ++r) {
        const EstimateRow &expected = set.rows.at(r);
        QCOMPARE(chart.categoryLabel(r), expected.label);
        const int category = SpeedChart::categoryIndex(r, count);
        int nonZeroSets = 0;
        for (QBarSet *barSet : sets)
            nonZeroSets += barSet->at(category) != 0 ? 1 : 0;
        if (expected.estimate.runs()) {
            QCOMPARE(chart.barValue(r), expected.estimate.decodeTpsPerUser);
            QCOMPARE(nonZeroSets, 1);
            QVERIFY2(chart.valueLabel(r).startsWith(formatTokensPerSecond(expected.estimate.decodeTpsPerUser)),
                     qPrintable(chart.valueLabel(r)));
        } else {
            QCOMPARE(chart.barValue(r), 0.0);
            QCOMPARE(nonZeroSets, 0);
            QVERIFY2(chart.valueLabel(r).startsWith(QStringLiteral("Does not fit")), qPrintable(chart.valueLabel(r)));
        }
        if (expected.estimate.fit == Fit::Tight)
            QVERIFY(chart.valueLabel(r).contains(QStringLiteral("tight")));
        if (expected.estimate.fit == Fit::Offload)
            QVERIFY(chart.valueLabel(r).contains(QStringLiteral("offload")));
    }
    const QList<QPointF> reference = chart.referenceLine()->points();
    QCOMPARE(reference.size(), 2);
    QCOMPARE(reference.first().x(), ReadingSpeedTokensPerSecond);
    QCOMPARE(reference.last().x(), ReadingSpeedTokensPerSecond);
    QCOMPARE(chart.valueAxis()->titleText(), QStringLiteral("tokens/s per user"));
    QCOMPARE(chart.title(), QStringLiteral("Llama 3.3 70B Q4_K_M \u2014 1 user, 4K context"));
    double highest = 0;
    for (const EstimateRow &r : set.rows)
        highest = std::max(highest, r.estimate.decodeTpsHigh);
    QVERIFY(chart.valueAxis()->max() >= highest);
}

void TestCharts::memoryValues()
{
    QFETCH(int, count);
    const EstimateSet set = rows(count);
    MemoryChart chart;
    chart.setEstimates(set);
    QCOMPARE(chart.categoryAxis()->count(), count);
    for (int r = 0; r < count; ++r) {
        const MemoryBreakdown &m = set.rows.at(r).estimate.memory;
        const int category = MemoryChart::categoryIndex(r, count);
        QCOMPARE(chart.categoryAxis()->at(category), set.rows.at(r).label);
        QCOMPARE(chart.weightsSet()->at(category), m.weightsGB);
        QCOMPARE(chart.kvCacheSet()->at(category), m.kvCacheGB);
        QCOMPARE(chart.overheadSet()->at(category), m.overheadGB);
        const bool over = m.totalGB > m.usableGB;
        QCOMPARE(chart.valueLabel(r).contains(QStringLiteral("over")), over);
        QVERIFY(chart.valueLabel(r).contains(formatGigabytes(m.usableGB)));
        QVERIFY(chart.memoryTooltip(r).contains(formatGigabytes(m.weightsGB)));
        QCOMPARE(chart.memoryTooltip(r).contains(QStringLiteral("multi-token prediction")), m.mtpWeightsGB > 0);
    }
    // Weights that include multi-token-prediction layers say how much of them plain decoding never reads.
    EstimateSet withMtp = set;
    withMtp.rows[0].estimate.memory.mtpWeightsGB = 4;
    chart.setEstimates(withMtp);
    QVERIFY(chart.memoryTooltip(0).contains(QStringLiteral("of which multi-token prediction ") + formatGigabytes(4)));
    QCOMPARE(chart.valueAxis()->titleText(), QStringLiteral("memory (GB)"));
}

void TestCharts::scaleChangesNeverMultiplyTicks_data()
{
    QTest::addColumn<double>("fromMaximum");
    QTest::addColumn<double>("fromStep");
    QTest::addColumn<double>("toMaximum");
    QTest::addColumn<double>("toStep");
    QTest::newRow("a hundred times wider") << 5.0 << 1.0 << 500.0 << 100.0;
    QTest::newRow("a hundred times narrower") << 500.0 << 100.0 << 5.0 << 1.0;
    QTest::newRow("wider, same step") << 40.0 << 10.0 << 80.0 << 10.0;
    QTest::newRow("same range, finer step") << 100.0 << 50.0 << 100.0 << 20.0;
    QTest::newRow("unchanged") << 60.0 << 10.0 << 60.0 << 10.0;
}

// Qt Charts lays out one label per tick each time the range or the interval changes: no
// intermediate state may have more ticks than the scale before or the scale after.
void TestCharts::scaleChangesNeverMultiplyTicks()
{
    QFETCH(double, fromMaximum);
    QFETCH(double, fromStep);
    QFETCH(double, toMaximum);
    QFETCH(double, toStep);
    QValueAxis axis;
    axis.setTickType(QValueAxis::TicksDynamic);
    axis.setTickAnchor(0);
    axis.setRange(0, fromMaximum);
    axis.setTickInterval(fromStep);
    const auto ticks = [&axis] { return (axis.max() - axis.min()) / axis.tickInterval(); };
    const double allowed = std::max(fromMaximum / fromStep, toMaximum / toStep);
    double most = ticks();
    int changes = 0;
    connect(&axis, &QValueAxis::rangeChanged, this, [&] { most = std::max(most, ticks()); ++changes; });
    connect(&axis, &QValueAxis::tickIntervalChanged, this, [&] { most = std::max(most, ticks()); ++changes; });
    applyScale(&axis, 0, toMaximum, toStep);
    QCOMPARE(axis.max(), toMaximum);
    QCOMPARE(axis.tickInterval(), toStep);
    QVERIFY2(most <= allowed, qPrintable(QStringLiteral("%1 ticks at one point, %2 before or after").arg(most).arg(allowed)));
    QCOMPARE(changes, int(fromMaximum != toMaximum) + int(fromStep != toStep)); // nothing set twice
}

void TestCharts::tickValuesOfAxes_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("step"); // dynamic: interval; fixed: tick count; log: base
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("dynamic from zero") << QStringLiteral("dynamic") << 0.0 << 40.0 << 10.0 << QList<double>{0, 10, 20, 30, 40};
    QTest::newRow("dynamic, range between ticks") << QStringLiteral("dynamic") << 5.0 << 38.0 << 10.0 << QList<double>{10, 20, 30};
    QTest::newRow("dynamic, no interval") << QStringLiteral("dynamic") << 0.0 << 40.0 << 0.0 << QList<double>{};
    QTest::newRow("fixed") << QStringLiteral("fixed") << 0.0 << 1.0 << 5.0 << QList<double>{0, 0.25, 0.5, 0.75, 1};
    QTest::newRow("log 2") << QStringLiteral("log") << 1.0 << 64.0 << 2.0 << QList<double>{1, 2, 4, 8, 16, 32, 64};
    QTest::newRow("log 10, between powers") << QStringLiteral("log") << 3.0 << 2000.0 << 10.0 << QList<double>{10, 100, 1000};
}

void TestCharts::tickValuesOfAxes()
{
    QFETCH(QString, kind);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, step);
    QFETCH(QList<double>, expected);
    std::unique_ptr<QAbstractAxis> axis;
    if (kind == QLatin1String("log")) {
        auto log = std::make_unique<QLogValueAxis>();
        log->setBase(step);
        log->setRange(low, high);
        axis = std::move(log);
    } else {
        auto linear = std::make_unique<QValueAxis>();
        linear->setRange(low, high);
        if (kind == QLatin1String("dynamic")) {
            linear->setTickType(QValueAxis::TicksDynamic);
            linear->setTickAnchor(0);
            linear->setTickInterval(step);
        } else {
            linear->setTickCount(int(step));
        }
        axis = std::move(linear);
    }
    const QList<double> values = tickValues(axis.get());
    QCOMPARE(values.size(), expected.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QVERIFY2(qFuzzyCompare(1 + values.at(i), 1 + expected.at(i)), qPrintable(QString::number(values.at(i))));
}

void TestCharts::minorTickValuesOfLogAxes_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("minorCount");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("one decade") << 1.0 << 10.0 << 8 << QList<double>{2, 3, 4, 5, 6, 7, 8, 9};
    QTest::newRow("range inside a decade") << 2.5 << 60.0 << 8
                                           << QList<double>{3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60};
    QTest::newRow("no minor ticks") << 1.0 << 100.0 << 0 << QList<double>{};
    QTest::newRow("one between") << 1.0 << 100.0 << 1 << QList<double>{5.5, 55};
}

void TestCharts::minorTickValuesOfLogAxes()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, minorCount);
    QFETCH(QList<double>, expected);
    QLogValueAxis axis;
    axis.setBase(10);
    axis.setRange(low, high);
    axis.setMinorTickCount(minorCount);
    const QList<double> values = minorTickValues(&axis);
    QCOMPARE(values.size(), expected.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        QVERIFY2(qFuzzyCompare(values.at(i), expected.at(i)), qPrintable(QString::number(values.at(i))));
    QVERIFY(minorTickValues(nullptr).isEmpty());
}

void TestCharts::axisLabelTexts_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("%g whole") << QStringLiteral("%g") << 40.0 << QStringLiteral("40");
    QTest::newRow("%g fraction") << QStringLiteral("%g") << 2.5 << QStringLiteral("2.5");
    QTest::newRow("price in k") << QStringLiteral("$%gk") << 12.5 << QStringLiteral("$12.5k");
    QTest::newRow("%d rounds") << QStringLiteral("%d") << 3.7 << QStringLiteral("4");
    QTest::newRow("%.1f") << QStringLiteral("%.1f") << 3.0 << QStringLiteral("3.0");
    QTest::newRow("no format") << QString() << 0.5 << QStringLiteral("0.5");
}

void TestCharts::axisLabelTexts()
{
    QFETCH(QString, format);
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(axisLabelText(format, value), expected);
}

void TestCharts::axisLabelsAtTheTicks_data()
{
    kinds();
    QTest::newRow("value") << ChartKind::Value;
}

// Tick labels and titles are drawn by ValueAxes: one label per tick, in the axis' format, next to
// the plot and inside the chart, clear of the plot and the legend; Qt Charts' own axes are hidden.
void TestCharts::axisLabelsAtTheTicks()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    chart->setEstimates(rows(7));
    const QImage image = chart->renderImage(QSize(1000, 560));
    QVERIFY(!image.isNull());
    const ValueAxes *axes = valueAxesOf(*chart);
    QVERIFY(axes);
    int drawn = 0;
    for (QAbstractAxis *axis : chart->chart()->axes()) {
        if (!chart->isAxisDrawn(axis))
            continue;
        ++drawn;
        QVERIFY2(!axis->isVisible(), "Qt Charts does not lay out or paint an axis the chart draws");
        const auto *linear = qobject_cast<QValueAxis *>(axis);
        const auto *log = qobject_cast<QLogValueAxis *>(axis);
        QVERIFY(linear || log);
        const QString format = linear ? linear->labelFormat() : log->labelFormat();
        QStringList expected;
        for (double value : tickValues(axis))
            expected.append(axisLabelText(format, value));
        QCOMPARE(axes->labels(axis), expected);
    }
    // A bar chart draws its value axis (its categories are CategoryLabels); the others both.
    QCOMPARE(drawn, kind == ChartKind::Speed || kind == ChartKind::Memory ? 1 : kind == ChartKind::Concurrency ? 3 : 2);
    const QRectF whole = chart->chart()->rect();
    const QRectF plot = chart->chart()->plotArea().adjusted(1, 1, -1, -1);
    const QLegend *legend = chart->chart()->legend();
    const QRectF legendEntries = legend->isVisible() ? legend->geometry() : QRectF();
    qreal legendPadding[4] = {};
    legend->layout()->getContentsMargins(&legendPadding[0], &legendPadding[1], &legendPadding[2], &legendPadding[3]);
    const QRectF entries = legendEntries.adjusted(legendPadding[0], legendPadding[1], -legendPadding[2], -legendPadding[3]);
    for (const QRectF &box : axes->textBoxes()) {
        QVERIFY2(whole.contains(box), qPrintable(QStringLiteral("%1,%2 %3x%4 outside the chart").arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
        QVERIFY2(!box.intersects(plot), "a label over the plot");
        QVERIFY2(entries.isEmpty() || !box.intersects(entries), "a label over the legend's entries");
        QVERIFY(axes->boundingRect().contains(box));
    }
    // A changed label repaints the plot and the axes' text, not the legend beside them.
    QVERIFY(entries.isEmpty() || !axes->boundingRect().intersects(entries));
}

// The grid is drawn by ValueAxes, one pixel-centred line per tick across the plot; Qt Charts'
// own grid lines of those axes are off.
void TestCharts::gridLinesAtTheTicks()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    QList<QAbstractAxis *> gridAxes; // the axes whose grid ValueAxes draws
    if (auto *speed = qobject_cast<SpeedChart *>(chart.get()))
        gridAxes = {speed->valueAxis()};
    else if (auto *memory = qobject_cast<MemoryChart *>(chart.get()))
        gridAxes = {memory->valueAxis()};
    else if (auto *concurrency = qobject_cast<ConcurrencyChart *>(chart.get()))
        gridAxes = {concurrency->usersAxis(), concurrency->perUserAxis()};
    else
        QSKIP("this chart keeps Qt Charts' grid");
    chart->setEstimates(rows(7));
    const QImage image = chart->renderImage(QSize(1000, 560)); // lays the chart out at that size
    QVERIFY(!image.isNull());
    const ValueAxes *grid = valueAxesOf(*chart);
    QVERIFY(grid);
    qsizetype expected = 0;
    for (QAbstractAxis *axis : gridAxes) {
        QVERIFY(!axis->isGridLineVisible()); // Qt Charts' own grid is off
        expected += tickValues(axis).size();
    }
    QCOMPARE(grid->lines().size(), expected);
    for (QAbstractAxis *axis : gridAxes)
        QVERIFY(!axis->isLineVisible()); // the axis line is ValueAxes' too, and no tick marks
    QVERIFY(grid->axisLines().size() >= gridAxes.size());
    const QRectF plot = chart->chart()->plotArea().adjusted(-1, -1, 1, 1);
    for (const QLineF &line : grid->lines()) {
        const bool vertical = line.x1() == line.x2();
        QVERIFY(vertical || line.y1() == line.y2()); // along an axis
        const qreal across = vertical ? line.x1() : line.y1();
        QCOMPARE(across - std::floor(across), 0.5); // on a pixel centre
        QVERIFY(plot.contains(line.p1()) && plot.contains(line.p2()));
        QCOMPARE(line.length(), vertical ? plot.height() - 2 : plot.width() - 2); // across the plot
    }
}

void TestCharts::concurrencyNote_data()
{
    QTest::addColumn<bool>("everyRowFits");
    QTest::addColumn<QList<int>>("withoutCurve");
    QTest::newRow("every row plotted") << true << QList<int>{};
    QTest::newRow("as estimated") << false << QList<int>{};
    QTest::newRow("first row") << false << QList<int>{0};
    QTest::newRow("two rows") << false << QList<int>{1, 4};
}

void TestCharts::concurrencyNote()
{
    QFETCH(bool, everyRowFits);
    QFETCH(QList<int>, withoutCurve);
    EstimateSet set = rows(7);
    for (EstimateRow &row : set.rows) {
        for (SweepPoint &point : row.sweep)
            point.fit = everyRowFits ? Fit::Fits : point.fit;
    }
    for (int row : withoutCurve) {
        for (SweepPoint &point : set.rows[row].sweep)
            point.fit = Fit::DoesNotFit;
    }
    ConcurrencyChart chart;
    chart.resize(1200, 700);
    chart.setEstimates(set);
    const QStringList legend = [&] {
        QStringList names;
        for (const QLineSeries *series : chart.perUserSeries())
            names.append(series->name());
        return names;
    }();
    QStringList missing;
    for (int row = 0; row < set.rows.size(); ++row) {
        QCOMPARE(legend.at(row), set.rows.at(row).label); // the legend never changes with the fit
        if (withoutCurve.contains(row))
            QVERIFY(ConcurrencyChart::perUserPoints(set.rows.at(row)).isEmpty());
        if (ConcurrencyChart::perUserPoints(set.rows.at(row)).isEmpty()) // also rows that never fit
            missing.append(set.rows.at(row).label);
    }
    if (missing.isEmpty())
        QCOMPARE(chart.note(), QString());
    else
        QCOMPARE(chart.note(), QStringLiteral("Not plotted, does not fit at any user count: ") + missing.join(QStringLiteral(", ")));
}

void TestCharts::concurrencyValues()
{
    QFETCH(int, count);
    const EstimateSet set = rows(count);
    ConcurrencyChart chart;
    chart.setEstimates(set);
    QCOMPARE(chart.perUserSeries().size(), count);
    QCOMPARE(chart.totalSeries().size(), count);
    for (int r = 0; r < count; ++r) {
        const EstimateRow &expected = set.rows.at(r);
        const QList<QPointF> perUser = chart.perUserSeries().at(r)->points();
        const QList<QPointF> total = chart.totalSeries().at(r)->points();
        const auto inMemory = [&expected](int i) {
            return expected.sweep.at(i).fit == Fit::Fits || expected.sweep.at(i).fit == Fit::Tight;
        };
        int fitting = 0;
        while (fitting < expected.sweep.size() && inMemory(fitting))
            ++fitting;
        int spilling = fitting;
        while (spilling < expected.sweep.size() && expected.sweep.at(spilling).fit == Fit::Offload)
            ++spilling;
        QCOMPARE(perUser.size(), fitting);
        QCOMPARE(total.size(), fitting);
        for (int i = 0; i < fitting; ++i) {
            QCOMPARE(perUser.at(i), QPointF(expected.sweep.at(i).users, expected.sweep.at(i).decodeTpsPerUser));
            QCOMPARE(total.at(i), QPointF(expected.sweep.at(i).users, expected.sweep.at(i).decodeTpsTotal));
        }
        // Names stay the same while sliders move: the fit state is in the note, the limit in the tooltip.
        QCOMPARE(chart.perUserSeries().at(r)->name(), expected.label);
        // Past the last user count that fits in memory: a dotted continuation through the offloading counts,
        // from the last fitting point, and a marker on that point.
        const QList<QPointF> offload = chart.offloadSeries().at(r)->points();
        if (spilling > fitting) {
            QCOMPARE(offload.size(), spilling - fitting + (fitting > 0 ? 1 : 0));
            QCOMPARE(offload.last(), QPointF(expected.sweep.at(spilling - 1).users,
                                             expected.sweep.at(spilling - 1).decodeTpsPerUser));
            QCOMPARE(chart.offloadSeries().at(r)->pen().style(), Qt::DotLine);
        } else {
            QVERIFY(offload.isEmpty());
        }
        if (fitting > 0 && fitting < expected.sweep.size())
            QVERIFY(chart.fitLimitMarkers()->points().contains(perUser.last()));
        if (fitting == 0 && spilling == 0) {
            QVERIFY2(chart.note().startsWith(QStringLiteral("Not plotted, does not fit at any user count: ")), qPrintable(chart.note()));
            QVERIFY2(ConcurrencyChart::notPlottedText({expected.label}, {expected}).endsWith(expected.label),
                     qPrintable(chart.note()));
        }
        const QString limit = ConcurrencyChart::userLimitText(expected);
        if (fitting == 0)
            QCOMPARE(limit, QStringLiteral("does not fit"));
        else if (fitting == expected.sweep.size())
            QCOMPARE(limit, QStringLiteral("fits at every user count shown"));
        else if (fitting < expected.sweep.size())
            QVERIFY2(limit.contains(QStringLiteral("up to %1 users").arg(expected.sweep.at(fitting - 1).users)) ||
                         limit.contains(QStringLiteral("up to 1 user")),
                     qPrintable(limit));
        // Solid per-user curves, dashed totals, in the row's family colour.
        QCOMPARE(chart.perUserSeries().at(r)->pen().style(), Qt::SolidLine);
        QCOMPARE(chart.totalSeries().at(r)->pen().style(), Qt::DashLine);
        QCOMPARE(chart.totalSeries().at(r)->pen().color(), chart.perUserSeries().at(r)->pen().color());
    }
    QCOMPARE(chart.referenceLine()->points().first().y(), ReadingSpeedTokensPerSecond);
}

void TestCharts::compactLabels_data()
{
    QTest::addColumn<QStringList>("labels");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("vendor words and core counts go")
        << QStringList{QStringLiteral("Apple M3 Ultra (80-core GPU) 256 GB"), QStringLiteral("NVIDIA GeForce RTX 5090"),
                       QStringLiteral("4x NVIDIA RTX PRO 6000 Blackwell (tensor)"), QStringLiteral("AMD Radeon AI PRO R9700")}
        << QStringList{QStringLiteral("M3 Ultra 256 GB"), QStringLiteral("RTX 5090"),
                       QStringLiteral("4x RTX PRO 6000 Blackwell (tensor)"), QStringLiteral("Radeon AI PRO R9700")};
    QTest::newRow("names that would read alike keep their full text")
        << QStringList{QStringLiteral("Apple M4 Max (32-core GPU) 36 GB"), QStringLiteral("Apple M4 Max (40-core GPU) 36 GB"),
                       QStringLiteral("Intel Arc B580")}
        << QStringList{QStringLiteral("Apple M4 Max (32-core GPU) 36 GB"), QStringLiteral("Apple M4 Max (40-core GPU) 36 GB"),
                       QStringLiteral("Arc B580")};
    QTest::newRow("nothing to shorten") << QStringList{QStringLiteral("Custom box")} << QStringList{QStringLiteral("Custom box")};
}

void TestCharts::fittedNamesStayApart_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("roomInCharacters");
    const QStringList studios{QStringLiteral("Mac Studio M3 Ultra (80-core GPU) 256 GB"),
                              QStringLiteral("Mac Studio M3 Ultra (80-core GPU) 96 GB"),
                              QStringLiteral("Mac Studio M3 Ultra (60-core GPU) 256 GB")};
    const QStringList fourCards{QStringLiteral("4x NVIDIA RTX PRO 6000 Blackwell (tensor)"),
                                QStringLiteral("4x NVIDIA RTX 6000 Ada (tensor)"),
                                QStringLiteral("4x NVIDIA RTX PRO 6000 Blackwell Max-Q (tensor)"), QStringLiteral("Mac mini")};
    for (int room : {60, 24, 16}) {
        QTest::addRow("Mac Studios in %d", room) << studios << room;
        QTest::addRow("four cards in %d", room) << fourCards << room;
    }
}

// A name that fits is shown whole; one that does not is shortened to fit, and two different names
// never read alike (the tooltip and the table give them whole).
void TestCharts::fittedNamesStayApart()
{
    QFETCH(QStringList, names);
    QFETCH(int, roomInCharacters);
    const QFontMetricsF metrics(QFont(QStringLiteral("DejaVu Sans"), 10));
    const qreal room = roomInCharacters * metrics.averageCharWidth();
    const QStringList shown = fittedCategoryTexts(names, metrics, room);
    QCOMPARE(shown.size(), names.size());
    for (int row = 0; row < names.size(); ++row) {
        if (metrics.horizontalAdvance(names.at(row)) <= room)
            QCOMPARE(shown.at(row), names.at(row));
        QVERIFY2(metrics.horizontalAdvance(shown.at(row)) <= room + 0.5, qPrintable(shown.at(row)));
        QVERIFY2(shown.count(shown.at(row)) == 1, qPrintable(shown.join(QStringLiteral(" | "))));
    }
}

void TestCharts::compactLabels()
{
    QFETCH(QStringList, labels);
    QFETCH(QStringList, expected);
    QCOMPARE(compactConfigurationLabels(labels), expected);
}

// With a handful of curves each carries its short name at its end, and no two names overlap.
void TestCharts::concurrencyLineLabels()
{
    ConcurrencyChart chart;
    chart.resize(1200, 700);
    const EstimateSet set = rows(5);
    chart.setEstimates(set);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QStringList shown = chart.lineLabels();
    QCOMPARE(shown.size(), 5);
    QStringList labels;
    for (const EstimateRow &row : set.rows)
        labels.append(row.label);
    const QStringList compact = compactConfigurationLabels(uniqueCategoryLabels(labels));
    int named = 0;
    for (int row = 0; row < shown.size(); ++row) {
        if (shown.at(row).isEmpty())
            continue;
        QCOMPARE(shown.at(row), compact.at(row));
        ++named;
    }
    QVERIFY2(named >= 3, qPrintable(shown.join(QStringLiteral(" | "))));
    chart.setEstimates(rows(20)); // too many to name at the ends: the legend names them
    QVERIFY(chart.lineLabels().isEmpty());
}

void TestCharts::concurrencyPaceMarks_data()
{
    QTest::addColumn<double>("pace");
    QTest::addColumn<QList<int>>("usersAtPace"); // per row of the lineup
    QTest::newRow("reading speed") << 10.0 << QList<int>{0, 0, 6, 0, 40, 22, 101};
    QTest::newRow("advisor's 20 t/s") << 20.0 << QList<int>{0, 0, 0, 0, 25, 3, 30};
    QTest::newRow("nobody that fast") << 100.0 << QList<int>{0, 0, 0, 0, 0, 0, 0};
}

// The reference line sits at the set's pace and one ring per configuration marks its users at that pace,
// the table's number; configurations serving nobody that fast have none.
void TestCharts::concurrencyPaceMarks()
{
    QFETCH(double, pace);
    QFETCH(QList<int>, usersAtPace);
    EstimateSet set = articleLineup();
    set.minTpsPerUser = pace;
    for (int r = 0; r < set.rows.size(); ++r)
        set.rows[r].usersAtMinTps = usersAtPace.at(r);
    ConcurrencyChart chart;
    chart.setEstimates(set);
    chart.renderImage(QSize(1200, 700)); // lays the legend and the labels out
    // A count past the users axis stands at its end and its label says so.
    const double axisEnd = chart.usersAxis()->max();
    QList<QPointF> expected;
    QStringList expectedTexts;
    QList<int> markedRows;
    for (int r = 0; r < set.rows.size(); ++r) {
        const int users = usersAtPace.at(r);
        if (users > 0) {
            expected.append(QPointF(std::min<double>(users, axisEnd), pace));
            expectedTexts.append(QStringLiteral("%1 users%2").arg(users).arg(users > axisEnd ? QStringLiteral(" \u2192") : QString()));
            markedRows.append(r);
        }
    }
    const QList<QPointF> line = chart.referenceLine()->points();
    QCOMPARE(line.size(), 2);
    QCOMPARE(line.first().y(), pace);
    QCOMPARE(line.last().y(), pace);
    QVERIFY2(chart.referenceLine()->name().contains(formatTokensPerSecond(pace)), qPrintable(chart.referenceLine()->name()));
    QVERIFY(chart.perUserAxis()->max() > pace);
    QCOMPARE(chart.paceMarks()->points(), expected);
    for (int m = 0; m < markedRows.size(); ++m) {
        const QString tooltip = chart.paceMarkTooltip(m);
        QVERIFY2(tooltip.contains(set.rows.at(markedRows.at(m)).label), qPrintable(tooltip));
        QVERIFY2(tooltip.contains(QStringLiteral("serves %1 users").arg(usersAtPace.at(markedRows.at(m)))), qPrintable(tooltip));
    }
    QVERIFY(chart.paceMarkTooltip(int(markedRows.size())).isEmpty());
    const QStringList texts = chart.paceLabels();
    QCOMPARE(texts.size(), expectedTexts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (!texts.at(i).isEmpty()) // a count without room is on the ring's tooltip
            QCOMPARE(texts.at(i), expectedTexts.at(i));
    }
    if (!expectedTexts.isEmpty())
        QVERIFY2(texts.count(QString()) < texts.size(), qPrintable(texts.join(QLatin1Char('|'))));
    const QList<QLegendMarker *> legend = chart.chart()->legend()->markers(chart.paceMarks());
    QCOMPARE(legend.size(), 1);
    QCOMPARE(legend.first()->isVisible(), !expected.isEmpty());
}

void TestCharts::concurrencyLinkBindsMarks_data()
{
    QTest::addColumn<QString>("linkId");
    QTest::addColumn<int>("nodes");
    QTest::addColumn<bool>("bindsAtOneUser");
    QTest::newRow("2 Macs over 10 GbE") << QStringLiteral("10gbe") << 2 << true;
    QTest::newRow("2 Macs over TB5 RDMA") << QStringLiteral("tb5-rdma") << 2 << false;
}

// A hollow square on a cluster's per-user curve at the first user count where the link between its machines
// binds, with a "Link binds" legend entry; a single machine never has one.
void TestCharts::concurrencyLinkBindsMarks()
{
    QFETCH(QString, linkId);
    QFETCH(int, nodes);
    QFETCH(bool, bindsAtOneUser);
    const EstimateSet set = macCluster(linkId, nodes);
    QCOMPARE(set.problem, QString());
    QCOMPARE(set.rows.size(), 2);
    ConcurrencyChart chart;
    chart.setEstimates(set);
    chart.renderImage(QSize(1200, 700));

    QList<QPointF> expected;
    for (const EstimateRow &row : set.rows) {
        for (const SweepPoint &point : row.sweep) {
            if (point.bottleneck == Bottleneck::Interconnect && point.fit != Fit::DoesNotFit) {
                expected.append(QPointF(point.users, point.decodeTpsPerUser));
                break;
            }
        }
    }
    const QList<QPointF> marks = chart.linkBindsMarks()->points();
    QCOMPARE(marks, expected);
    QVERIFY(marks.size() <= 1); // the single machine has no link
    const bool markAtOneUser = !marks.isEmpty() && marks.first().x() == 1;
    QCOMPARE(markAtOneUser, bindsAtOneUser);
    if (!marks.isEmpty()) {
        QCOMPARE(chart.linkBindsMarks()->name(), QStringLiteral("Link binds"));
        const QString tooltip = chart.linkBindsTooltip(0);
        QVERIFY2(tooltip.contains(set.rows.at(0).label.toHtmlEscaped()), qPrintable(tooltip));
        const int users = int(marks.first().x());
        QVERIFY2(tooltip.contains(QStringLiteral("the link between machines binds from %1 %2")
                                      .arg(users)
                                      .arg(users == 1 ? QStringLiteral("user") : QStringLiteral("users"))),
                 qPrintable(tooltip));
        // On the row's solid curve.
        QVERIFY(chart.perUserSeries().at(0)->points().contains(marks.first()));
    }
    QVERIFY(chart.linkBindsTooltip(int(marks.size())).isEmpty());
    const QList<QLegendMarker *> legend = chart.chart()->legend()->markers(chart.linkBindsMarks());
    QCOMPARE(legend.size(), 1);
    QCOMPARE(legend.first()->isVisible(), !marks.isEmpty());

    // Single machines only: no marks, no legend entry.
    chart.setEstimates(articleLineup());
    QVERIFY(chart.linkBindsMarks()->points().isEmpty());
    QVERIFY(!chart.chart()->legend()->markers(chart.linkBindsMarks()).first()->isVisible());
}

void TestCharts::memoryMachineSeparators_data()
{
    QTest::addColumn<int>("nodes");
    QTest::newRow("1 machine") << 1;
    QTest::newRow("2 machines") << 2;
    QTest::newRow("4 machines") << 4;
}

// A cluster's usable capacity is several machines' worth: a tick at each machine boundary (machines - 1 of
// them) and the tooltip spells the product out. A single machine has neither.
void TestCharts::memoryMachineSeparators()
{
    QFETCH(int, nodes);
    const EstimateSet set = macCluster(QStringLiteral("tb5-rdma"), nodes);
    QCOMPARE(set.problem, QString());
    QCOMPARE(set.rows.size(), 2);
    MemoryChart chart;
    chart.setEstimates(set);
    chart.renderImage(QSize(1200, 700));
    const MemoryBreakdown &pooled = set.rows.at(0).estimate.memory;
    QCOMPARE(pooled.machines, nodes);
    QList<QPointF> expected;
    for (int machine = 1; machine < nodes; ++machine)
        expected.append(QPointF(machine * pooled.usablePerMachineGB, 0));
    QCOMPARE(chart.machineSeparators(), expected);

    const QString perMachine = QStringLiteral("%1 machines \u00d7 %2 usable = %3")
                                   .arg(nodes)
                                   .arg(formatGigabytes(pooled.usablePerMachineGB), formatGigabytes(pooled.usableGB));
    QCOMPARE(chart.memoryTooltip(0).contains(perMachine), nodes > 1);
    QVERIFY(!chart.memoryTooltip(1).contains(QStringLiteral("machines")));
    bool legendShown = false;
    for (QLegendMarker *marker : chart.chart()->legend()->markers()) {
        if (marker->label() == QStringLiteral("Per machine"))
            legendShown = marker->isVisible();
    }
    QCOMPARE(legendShown, nodes > 1);

    chart.setEstimates(articleLineup());
    QVERIFY(chart.machineSeparators().isEmpty());
}

void TestCharts::updatesInPlace()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    const EstimateSet first = rows(7);
    chart->setEstimates(first);
    const QList<QAbstractSeries *> seriesBefore = chart->chart()->series();
    QList<QBarSet *> setsBefore;
    for (QAbstractSeries *series : seriesBefore)
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
            setsBefore += bars->barSets();
    const QList<QAbstractAxis *> axesBefore = chart->chart()->axes();

    const EstimateSet second = scaled(first, 1.5);
    chart->setEstimates(second);
    QCOMPARE(chart->chart()->series(), seriesBefore);
    QList<QBarSet *> setsAfter;
    for (QAbstractSeries *series : chart->chart()->series())
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
            setsAfter += bars->barSets();
    QCOMPARE(setsAfter, setsBefore);
    QCOMPARE(chart->chart()->axes(), axesBefore);
    QCOMPARE(chart->estimates(), second);

    // ... and the values moved with the data.
    const EstimateRow &fastest = second.rows.at(4);
    if (auto *speed = qobject_cast<SpeedChart *>(chart.get()))
        QCOMPARE(speed->barValue(4), fastest.estimate.decodeTpsPerUser);
    if (auto *memory = qobject_cast<MemoryChart *>(chart.get()))
        QCOMPARE(memory->weightsSet()->at(MemoryChart::categoryIndex(4, 7)), fastest.estimate.memory.weightsGB);
    if (auto *concurrency = qobject_cast<ConcurrencyChart *>(chart.get()))
        QCOMPARE(concurrency->perUserSeries().at(4)->at(0).y(), fastest.sweep.at(0).decodeTpsPerUser);
}

void TestCharts::rowCountChanges()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    for (int count : {7, 30, 1, 0, 7}) {
        const EstimateSet set = rows(count);
        chart->setEstimates(set);
        if (auto *speed = qobject_cast<SpeedChart *>(chart.get())) {
            QCOMPARE(speed->categoryAxis()->count(), count);
            for (QBarSet *barSet : speed->barSeries()->barSets())
                QCOMPARE(barSet->count(), count);
            for (int r = 0; r < count; ++r)
                QCOMPARE(speed->barValue(r), set.rows.at(r).estimate.decodeTpsPerUser);
        }
        if (auto *memory = qobject_cast<MemoryChart *>(chart.get())) {
            QCOMPARE(memory->weightsSet()->count(), count);
            QCOMPARE(memory->categoryAxis()->count(), count);
        }
        if (auto *concurrency = qobject_cast<ConcurrencyChart *>(chart.get()))
            QCOMPARE(concurrency->perUserSeries().size(), count);
        const QImage image = chart->renderImage(QSize(400, 300));
        QCOMPARE(image.size(), QSize(400, 300));
    }
}

// A slider drag: 60 updates of 30 rows on a laid-out chart; the last one wins, nothing is rebuilt.
void TestCharts::dragLikeUpdates()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    chart->resize(1200, 800);
    const EstimateSet base = rows(30);
    chart->setEstimates(base);
    chart->renderImage(QSize(1200, 800));
    const QList<QAbstractSeries *> series = chart->chart()->series();
    chart->setAnimationsEnabled(false);
    constexpr int Frames = 60;
    for (int frame = 1; frame <= Frames; ++frame)
        chart->setEstimates(scaled(base, 1.0 + frame / 100.0));
    QCOMPARE(chart->chart()->series(), series);
    const EstimateSet last = scaled(base, 1.0 + Frames / 100.0);
    QCOMPARE(chart->estimates(), last);
    if (auto *speed = qobject_cast<SpeedChart *>(chart.get()))
        QCOMPARE(speed->barValue(29), last.rows.at(29).estimate.decodeTpsPerUser);
    if (auto *memory = qobject_cast<MemoryChart *>(chart.get()))
        QCOMPARE(memory->weightsSet()->at(MemoryChart::categoryIndex(0, 30)), last.rows.at(0).estimate.memory.weightsGB);
    if (auto *concurrency = qobject_cast<ConcurrencyChart *>(chart.get()))
        QCOMPARE(concurrency->perUserSeries().at(29)->points(), ConcurrencyChart::perUserPoints(last.rows.at(29)));
}

// The bar charts hide their category axis (Qt measures its labels as rich text on every
// relayout) and draw the names themselves, top to bottom, left of the plot.
void TestCharts::categoryNamesReplaceAxisLabels()
{
    QFETCH(int, count);
    const EstimateSet set = rows(count);
    SpeedChart speed;
    MemoryChart memory;
    for (ChartBase *chart : {static_cast<ChartBase *>(&speed), static_cast<ChartBase *>(&memory)}) {
        chart->resize(1200, 800);
        chart->setEstimates(set);
        chart->renderImage(QSize(1200, 800));
    }
    for (const CategoryLabels *names : {&speed.categoryNames(), &memory.categoryNames()}) {
        QCOMPARE(names->texts().size(), count);
        for (int r = 0; r < count; ++r) {
            QCOMPARE(names->texts().at(r), set.rows.at(r).label);
            QVERIFY(!names->shownText(r).isEmpty());
        }
    }
    QVERIFY(!speed.categoryAxis()->isVisible());
    QVERIFY(!memory.categoryAxis()->isVisible());
    // A name too long for a third of the chart is elided, not allowed to squeeze the plot.
    EstimateSet longName = set;
    longName.rows.first().label = QString(200, QLatin1Char('W'));
    speed.setEstimates(longName);
    speed.renderImage(QSize(1200, 800));
    QVERIFY(speed.categoryNames().shownText(0).size() < 200);
    QVERIFY(speed.categoryNames().shownText(0).contains(QChar(0x2026)));
    QVERIFY(speed.chart()->plotArea().width() > speed.chart()->size().width() * 0.5);
}

void TestCharts::draggingHoldsValueAxes_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<bool>("held");
    QTest::newRow("slower by 20%: held") << 0.8 << true;
    QTest::newRow("slower by 30%: held") << 0.7 << true;
    QTest::newRow("a third of the speed: rescaled") << 0.3 << false;
    QTest::newRow("faster: grows") << 3.0 << false;
}

// While a slider is dragged the value axes keep their range as long as the data fills at least
// half of it; when the drag ends they fit the data again, exactly as a fresh chart would.
void TestCharts::draggingHoldsValueAxes()
{
    QFETCH(double, factor);
    QFETCH(bool, held);
    const EstimateSet base = rows(7);
    SpeedChart chart;
    chart.resize(1200, 800);
    chart.setEstimates(base);
    chart.renderImage(QSize(1200, 800));
    const double before = chart.valueAxis()->max();
    chart.setDragging(true);
    QVERIFY(!chart.animationsEnabled());
    chart.setEstimates(scaled(base, factor));
    if (held)
        QCOMPARE(chart.valueAxis()->max(), before);
    else
        QVERIFY(chart.valueAxis()->max() != before);
    QVERIFY(chart.valueAxis()->max() >= chart.barValue(0));
    chart.setDragging(false);
    SpeedChart fresh;
    fresh.resize(1200, 800);
    fresh.setEstimates(scaled(base, factor));
    fresh.renderImage(QSize(1200, 800));
    chart.renderImage(QSize(1200, 800));
    QCOMPARE(chart.valueAxis()->max(), fresh.valueAxis()->max());
}

void TestCharts::duplicateLabelsKeepTheirSlots()
{
    EstimateSet set = rows(3);
    for (EstimateRow &r : set.rows)
        r.label = QStringLiteral("2x RTX 5090");
    SpeedChart chart;
    chart.setEstimates(set);
    QCOMPARE(chart.categoryAxis()->count(), 3);
    QCOMPARE(chart.categoryLabel(0), QStringLiteral("2x RTX 5090"));
    QCOMPARE(chart.categoryLabel(2), QStringLiteral("2x RTX 5090 (3)"));
}

void TestCharts::problemIsTheTitle()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    EstimateSet set;
    set.problem = QStringLiteral("unknown model 'llama-9'");
    chart->setEstimates(set);
    QCOMPARE(chart->title(), set.problem);
}

void TestCharts::themeSwitch()
{
    QFETCH(ChartKind, kind);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    chart->setEstimates(rows(7));
    QVERIFY(chart->theme() == Theme::Light);
    const QImage light = chart->renderImage(QSize(640, 360));
    chart->setTheme(Theme::Dark);
    QVERIFY(chart->theme() == Theme::Dark);
    const ChartPalette dark = ChartPalette::forTheme(Theme::Dark);
    QCOMPARE(chart->chart()->backgroundBrush().color(), dark.background);
    QCOMPARE(chart->titleColor(), dark.text);
    const QImage darkImage = chart->renderImage(QSize(640, 360));
    QCOMPARE(QColor(darkImage.pixel(2, 2)), dark.background);
    QCOMPARE(QColor(light.pixel(2, 2)), ChartPalette::forTheme(Theme::Light).background);
    for (QAbstractAxis *axis : chart->chart()->axes())
        QCOMPARE(axis->labelsBrush().color(), dark.text);
    chart->setTheme(Theme::Light);
    QCOMPARE(chart->chart()->backgroundBrush().color(), ChartPalette::forTheme(Theme::Light).background);
}

void TestCharts::presentationModeEnlargesType()
{
    SpeedChart chart;
    chart.setEstimates(rows(7));
    const int normal = chart.titleFont().pixelSize();
    const int normalAxis = chart.valueAxis()->labelsFont().pixelSize();
    chart.setPresentationMode(true);
    QVERIFY(chart.presentationMode());
    QVERIFY(chart.titleFont().pixelSize() > normal);
    QVERIFY(chart.valueAxis()->labelsFont().pixelSize() > normalAxis);
    chart.setPresentationMode(false);
    QCOMPARE(chart.titleFont().pixelSize(), normal);
}

void TestCharts::renderImage_data()
{
    QTest::addColumn<ChartKind>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("scale");
    for (auto [name, kind] : {std::pair{"speed", ChartKind::Speed}, std::pair{"memory", ChartKind::Memory},
                              std::pair{"concurrency", ChartKind::Concurrency}}) {
        QTest::addRow("%s, 7 rows, 1600x900", name) << kind << 7 << QSize(1600, 900) << qreal(1);
        QTest::addRow("%s, 7 rows, 800x450 @2x", name) << kind << 7 << QSize(800, 450) << qreal(2);
        QTest::addRow("%s, 30 rows, 1600x1200", name) << kind << 30 << QSize(1600, 1200) << qreal(1);
        QTest::addRow("%s, 1 row, 320x200", name) << kind << 1 << QSize(320, 200) << qreal(1);
    }
}

void TestCharts::renderImage()
{
    QFETCH(ChartKind, kind);
    QFETCH(int, count);
    QFETCH(QSize, size);
    QFETCH(qreal, scale);
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    chart->setEstimates(rows(count));
    const QImage image = chart->renderImage(size, scale);
    QCOMPARE(image.size(), size * scale);
    QCOMPARE(image.devicePixelRatio(), scale);
    // Not blank: a good share of the pixels are bars, curves, text and grid.
    const int drawn = differingPixels(image, chart->chartPalette().background);
    QVERIFY2(drawn > image.width() * image.height() / 100, qPrintable(QString::number(drawn)));

    // Set HEADROOM_CHART_DUMP_DIR to look at what a customer would see.
    const QString dump = qEnvironmentVariable("HEADROOM_CHART_DUMP_DIR");
    if (!dump.isEmpty()) {
        QString name = QString::fromLatin1(QTest::currentDataTag());
        name.remove(QLatin1Char(',')).replace(QLatin1Char(' '), QLatin1Char('_'));
        QVERIFY(image.save(QDir(dump).filePath(name + QStringLiteral(".png"))));
        chart->setTheme(Theme::Dark);
        QVERIFY(chart->renderImage(size, scale).save(QDir(dump).filePath(name + QStringLiteral("_dark.png"))));
    }
}

void TestCharts::renderAfterAnimatedUpdateShowsFinalValues()
{
    SpeedChart still;
    still.setEstimates(scaled(rows(7), 2));
    const QImage expected = still.renderImage(QSize(640, 360));

    SpeedChart animated;
    animated.setAnimationsEnabled(true);
    QVERIFY(animated.animationsEnabled());
    animated.setEstimates(rows(7));
    animated.setEstimates(scaled(rows(7), 2));
    QCOMPARE(animated.renderImage(QSize(640, 360)), expected);
    QVERIFY(animated.animationsEnabled()); // restored after the render
}

void TestCharts::createChartForEveryKind()
{
    for (ChartKind kind : supportedChartKinds()) {
        const std::unique_ptr<ChartBase> chart = createChart(kind);
        QVERIFY(chart);
        QVERIFY(chart->kind() == kind);
        QVERIFY(isChartKindSupported(kind));
    }
    QVERIFY(isChartKindSupported(ChartKind::Accuracy));
    QVERIFY(!isChartKindSupported(ChartKind::Roofline));
    const std::unique_ptr<ChartBase> fallback = createChart(ChartKind::Roofline);
    QVERIFY(fallback);
}

void TestCharts::measuredOverlay_data()
{
    QTest::addColumn<int>("cardCount");
    QTest::addColumn<int>("users");
    QTest::addColumn<bool>("measured");
    QTest::newRow("2x RTX 3090, 1 user: measured") << 2 << 1 << true;
    QTest::newRow("3x RTX 3090: never measured") << 3 << 1 << false;
    QTest::newRow("2x RTX 3090, 4 users: not measured") << 2 << 4 << false;
}

void TestCharts::measuredOverlay()
{
    QFETCH(int, cardCount);
    QFETCH(int, users);
    QFETCH(bool, measured);
    EstimateSet set = rows(3);
    set.rows.insert(1, dualRtx3090Row(1));
    set.rows[1].input.configuration.count = cardCount;
    set.rows[1].input.workload.users = users;
    SpeedChart chart;
    chart.setEstimates(set);
    chart.renderImage(QSize(1000, 500)); // lays the legend out
    const int rowCount = int(set.rows.size());
    for (int r = 0; r < rowCount; ++r) {
        if (r != 1)
            QVERIFY(chart.measurements(r).isEmpty());
    }
    QList<QLegendMarker *> legend = chart.chart()->legend()->markers(chart.measuredSeries());
    QCOMPARE(legend.size(), 1);
    QVERIFY(!legend.first()->isVisible()); // each diamond is labelled where it stands
    if (!measured) {
        QVERIFY(chart.measuredSeries()->points().isEmpty());
        QVERIFY(chart.measuredLabel(1).isEmpty());
        QVERIFY(!chart.valueLabel(1).contains(QStringLiteral("measured")));
        return;
    }
    QCOMPARE(chart.measuredSeries()->points(),
             QList<QPointF>{QPointF(Measured3090x2Llama70Tps, SpeedChart::categoryIndex(1, rowCount))});
    QCOMPARE(chart.measurements(1).size(), 1);
    QCOMPARE(chart.measurements(1).first().tokensPerSecond, Measured3090x2Llama70Tps);
    QCOMPARE(chart.measuredLabel(1), QStringLiteral("measured 16.3 t/s"));
    QVERIFY2(chart.valueLabel(1).startsWith(QStringLiteral("20 t/s")), qPrintable(chart.valueLabel(1)));
    QVERIFY2(!chart.valueLabel(1).contains(QStringLiteral("measured")), qPrintable(chart.valueLabel(1)));
    const QString tooltip = chart.measurementTooltip(0);
    QVERIFY2(tooltip.contains(QStringLiteral("https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference")),
             qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("16.3 t/s")), qPrintable(tooltip));
    QVERIFY2(tooltip.contains(QStringLiteral("+20%")), qPrintable(tooltip)); // 19.5 predicted vs 16.29 measured
    QVERIFY(chart.measurementTooltip(1).isEmpty());

    // Updates in place, and the marker goes when the configuration changes.
    QScatterSeries *series = chart.measuredSeries();
    set.rows[1].input.configuration.count = 3;
    chart.setEstimates(set);
    QCOMPARE(chart.measuredSeries(), series);
    QVERIFY(series->points().isEmpty());
}

void TestCharts::accuracyWaitsUntilNeeded()
{
    AccuracyChart chart;
    QVERIFY(!chart.isPopulated());
    chart.setEstimates(rows(7));
    QVERIFY(!chart.isPopulated());
    const QImage image = chart.renderImage(QSize(800, 600));
    QVERIFY(chart.isPopulated());
    QVERIFY(differingPixels(image, chart.chartPalette().background) > 0);
}

void TestCharts::accuracyPoints()
{
    AccuracyChart chart;
    chart.populate();
    const ValidationReport &report = shippedValidationReport();
    QList<RowScore> decode;
    for (const RowScore &score : report.rows) {
        if (score.section == ScoreSection::Decode && measuresTheEstimator(score))
            decode << score;
    }
    QVERIFY(decode.size() >= 100);
    // Both methods for every scored row, but for a rule that says "does not fit" (0 has no place
    // on a log axis; the title says so).
    const auto unplottable = std::count_if(decode.cbegin(), decode.cend(), [](const RowScore &s) { return !(*s.seed > 0); });
    QCOMPARE(chart.points().size(), decode.size() * 2 - unplottable);
    if (unplottable > 0)
        QVERIFY2(chart.note().contains(QStringLiteral("Not plotted: %1 \u201cdoes not fit\u201d predictions").arg(unplottable)), qPrintable(chart.note()));
    else
        QVERIFY(chart.note().isEmpty());
    int plotted = 0;
    for (QScatterSeries *series : chart.pointSeries())
        plotted += int(series->count());
    QCOMPARE(plotted, int(chart.points().size()));

    // Every row appears once per method, at (measured, predicted), in its platform's series.
    for (const RowScore &score : std::as_const(decode)) {
        QVERIFY(score.seed.has_value() && score.rooflineHoldOut.has_value());
        const QPointF seed(score.measured, *score.seed);
        const QPointF roofline(score.measured, *score.rooflineHoldOut);
        QCOMPARE(chart.seriesFor(Method::Seed, score.platform)->points().contains(seed), *score.seed > 0);
        QVERIFY2(chart.seriesFor(Method::Roofline, score.platform)->points().contains(roofline),
                 qPrintable(QString::number(score.line)));
    }
    // A series of its own for every method and platform class: none shares its markers with another's.
    QSet<const QScatterSeries *> distinct;
    for (Method method : {Method::Seed, Method::Roofline}) {
        for (PlatformClass platform : kPlatformClasses)
            distinct.insert(chart.seriesFor(method, platform));
    }
    QCOMPARE(distinct.size(), 2 * qsizetype(std::size(kPlatformClasses)));
    // The known point: 2x RTX 3090 on Llama 3 70B.
    const auto known = std::find_if(chart.points().cbegin(), chart.points().cend(), [](const AccuracyChart::Point &p) {
        return p.line == 13 && p.method == Method::Roofline;
    });
    QVERIFY(known != chart.points().cend());
    QCOMPARE(known->measuredTps, Measured3090x2Llama70Tps);
    QVERIFY(known->platform == PlatformClass::NvidiaConsumer);

    // Log-log axes that cover every point, and the guides.
    QCOMPARE(chart.measuredAxis()->base(), 10.0);
    QCOMPARE(chart.predictedAxis()->base(), 10.0);
    QCOMPARE(chart.measuredAxis()->type(), QAbstractAxis::AxisTypeLogValue);
    for (const AccuracyChart::Point &p : chart.points()) {
        QVERIFY(p.measuredTps >= chart.measuredAxis()->min() && p.measuredTps <= chart.measuredAxis()->max());
        QVERIFY(p.predictedTps >= chart.predictedAxis()->min() && p.predictedTps <= chart.predictedAxis()->max());
    }
    const QList<QPointF> diagonal = chart.diagonal()->points();
    QCOMPARE(diagonal.size(), 2);
    for (const QPointF &point : diagonal)
        QCOMPARE(point.x(), point.y());
    QCOMPARE(chart.upperGuide()->points().first().y(), diagonal.first().y() * 1.2);
    QCOMPARE(chart.lowerGuide()->points().last().y(), diagonal.last().y() * 0.8);
}

void TestCharts::accuracyTitleAndTooltips()
{
    AccuracyChart chart;
    chart.populate();
    const ScoreGroup *overall = shippedValidationReport().group(ScoreSection::Decode, QStringLiteral("overall"),
                                                                QStringLiteral("all"));
    QVERIFY(overall && overall->seedMape && overall->rooflineHoldOutMape);
    const QString title = chart.title();
    QVERIFY2(title.contains(QStringLiteral("roofline %1% held out").arg(*overall->rooflineHoldOutMape * 100, 0, 'f', 1)), qPrintable(title));
    QVERIFY2(title.contains(QStringLiteral("rule %1%").arg(*overall->seedMape * 100, 0, 'f', 1)), qPrintable(title));
    QVERIFY2(title.contains(QString::number(overall->rows)), qPrintable(title));

    QScatterSeries *series = chart.seriesFor(Method::Roofline, PlatformClass::NvidiaConsumer);
    const qsizetype index = series->points().indexOf(
        QPointF(Measured3090x2Llama70Tps, std::find_if(chart.points().cbegin(), chart.points().cend(), [](const auto &p) {
                                              return p.line == 13 && p.method == Method::Roofline;
                                          })->predictedTps));
    QVERIFY(index >= 0);
    const QString tooltip = chart.pointTooltip(series, int(index));
    for (const char *expected : {"3090", "\u00d72", "layer split", "llama.cpp-CUDA", "Llama 3 70B Q4_K_M", "Measured 16.3 t/s",
                                 "roofline", "https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference"})
        QVERIFY2(tooltip.contains(QString::fromUtf8(expected)), qPrintable(tooltip));
    QVERIFY(chart.pointTooltip(series, -1).isEmpty());
    QVERIFY(chart.pointTooltip(series, int(series->count())).isEmpty());
}

void TestCharts::accuracyIgnoresTheScenario()
{
    AccuracyChart chart;
    chart.populate();
    const QList<AccuracyChart::Point> before = chart.points();
    const QString title = chart.title();
    chart.setEstimates(rows(30));
    QCOMPARE(chart.points(), before);
    QCOMPARE(chart.title(), title);
    EstimateSet broken;
    broken.problem = QStringLiteral("unknown model 'llama-9'");
    chart.setEstimates(broken);
    QCOMPARE(chart.title(), title);
}

void TestCharts::accuracyThemes()
{
    AccuracyChart chart;
    chart.populate();
    chart.setTheme(Theme::Dark);
    const ChartPalette dark = ChartPalette::forTheme(Theme::Dark);
    QCOMPARE(chart.chart()->backgroundBrush().color(), dark.background);
    for (QAbstractAxis *axis : chart.chart()->axes())
        QCOMPARE(axis->labelsBrush().color(), dark.text);
    // Seed markers are rings, roofline markers filled, in the same platform colour.
    QScatterSeries *seed = chart.seriesFor(Method::Seed, PlatformClass::Apple);
    QScatterSeries *roofline = chart.seriesFor(Method::Roofline, PlatformClass::Apple);
    QCOMPARE(seed->brush().style(), Qt::NoBrush);
    QCOMPARE(roofline->brush().color(), seed->pen().color());
    QVERIFY(roofline->markerShape() != seed->markerShape());
    QVERIFY(chart.seriesFor(Method::Roofline, PlatformClass::NvidiaConsumer)->brush().color()
            != chart.seriesFor(Method::Roofline, PlatformClass::NvidiaDatacenter)->brush().color());
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
