#include "BenchSliderDriver.h"

#include "itemmodels/CatalogModel.h"
#include "views/charts/ChartBase.h"
#include "views/charts/ChartTabs.h"
#include "views/results/DetailsPane.h"
#include "views/results/ResultsTable.h"
#include "session/EstimateService.h"
#include "MainWindow.h"
#include "views/pickers/PickerPanel.h"
#include "session/ScenarioController.h"
#include "views/pickers/SteppedSlider.h"

#include <QAbstractScrollArea>
#include <QGraphicsScene>
#include <QComboBox>
#include <QCoreApplication>
#include <QEventLoop>
#include <QKeyEvent>
#include <QPixmap>
#include <QSlider>
#include <QHash>
#include <QTimer>

namespace headroom {
namespace {

// A move that has not produced estimates after this long never will: the bench stops with a message.
constexpr int UpdateTimeoutMs = 5000;
// Moves are this far apart: one frame, plus a millisecond for the integer rounding of elapsed times.
constexpr qint64 MoveIntervalMs = ScenarioController::FrameIntervalMs + 1;
constexpr double NanosecondsPerMillisecond = 1e6;

double milliseconds(qint64 nanoseconds)
{
    return double(nanoseconds) / NanosecondsPerMillisecond;
}

QList<double> phase(const QList<MoveTiming> &timings, double MoveTiming::*part)
{
    QList<double> samples;
    samples.reserve(timings.size());
    for (const MoveTiming &timing : timings)
        samples.append(timing.*part);
    return samples;
}

} // namespace

QList<int> pingPongPositions(int start, int minimum, int maximum, int moves)
{
    QList<int> positions;
    if (maximum <= minimum || moves <= 0)
        return positions;
    int position = std::clamp(start, minimum, maximum);
    int direction = position < maximum ? 1 : -1;
    positions.reserve(moves);
    while (positions.size() < moves) {
        if (position + direction > maximum || position + direction < minimum)
            direction = -direction;
        position += direction;
        positions.append(position);
    }
    return positions;
}

BenchSliderDriver::BenchSliderDriver(MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    // Connected after the window's own listener: when this runs, every view has its estimates.
    watchVisibleViews();
    connect(window.estimateService(), &EstimateService::estimatesChanged, this, [this] {
        m_estimatesArrived = true;
        m_sinceEstimates.restart();
    });
    m_sinceEstimates.start();
}

QString BenchSliderDriver::showScenario(const Scenario &scenario)
{
    if (!changeAndSettle([&] { m_window.controller()->reset(scenario); }))
        return QStringLiteral("the window did not show the scenario within %1 ms").arg(UpdateTimeoutMs);
    return {};
}

std::variant<LineupLatency, QString> BenchSliderDriver::measureSliders(int moves)
{
    PickerPanel *pickers = m_window.pickerPanel();
    QComboBox *quantization = quantizationCombo();
    if (!quantization)
        return QStringLiteral("the window has no quantization picker");
    const std::pair<QString, std::function<std::variant<QList<double>, QString>(int)>> sliders[] = {
        {QStringLiteral("model_size"), [&](int count) { return dragSlider(pickers->modelSizeSlider()->slider(), count); }},
        {QStringLiteral("quantization"), [&](int count) { return stepCombo(quantization, count); }},
        {QStringLiteral("context"), [&](int count) { return dragSlider(pickers->contextSlider()->slider(), count); }},
        {QStringLiteral("users"), [&](int count) { return dragSlider(pickers->usersSlider()->slider(), count); }},
        {QStringLiteral("efficiency"), [&](int count) { return measureEfficiency(count); }},
    };
    const QList<ChartBase *> charts = chartsMovesChange();
    if (charts.isEmpty())
        return QStringLiteral("the window has no chart that a slider changes");

    LineupLatency lineup;
    lineup.configurations = int(m_window.estimateService()->estimates().rows.size());
    const qsizetype firstTiming = m_timings.size();
    QList<double> all;
    QList<double> tabSwitches;
    QHash<ChartKind, QList<double>> byChart;
    for (const auto &[name, measure] : sliders) {
        // The moves of each slider are shared out between the charts, one run of moves per chart.
        QList<double> sliderSamples;
        const qsizetype runs = std::min<qsizetype>(charts.size(), moves);
        for (qsizetype run = 0; run < runs; ++run) {
            const int count = int((moves * (run + 1)) / runs - (moves * run) / runs);
            ChartBase *chart = charts.at(m_chartsShown++ % charts.size());
            if (m_window.chartTabs()->currentChart() != chart) {
                const std::optional<double> switchMs = showChart(chart);
                if (!switchMs)
                    return QStringLiteral("the %1 chart could not be shown").arg(toString(chart->kind()));
                tabSwitches.append(*switchMs);
            }
            std::variant<QList<double>, QString> samples = measure(count);
            if (const auto *problem = std::get_if<QString>(&samples))
                return name + QStringLiteral(": ") + *problem;
            const QList<double> &runSamples = std::get<QList<double>>(samples);
            sliderSamples.append(runSamples);
            byChart[chart->kind()].append(runSamples);
        }
        lineup.sliders.append(SliderLatency{name, summarizeLatencies(sliderSamples)});
        all.append(sliderSamples);
    }
    for (ChartBase *chart : charts)
        lineup.charts.append(SliderLatency{toString(chart->kind()), summarizeLatencies(byChart.value(chart->kind()))});
    lineup.overall = summarizeLatencies(all);
    lineup.tabSwitch = summarizeLatencies(tabSwitches);
    const QList<MoveTiming> lineupTimings = m_timings.mid(firstTiming);
    lineup.updatePhase = summarizeLatencies(phase(lineupTimings, &MoveTiming::updateMs));
    lineup.postedPhase = summarizeLatencies(phase(lineupTimings, &MoveTiming::postedMs));
    lineup.forcedPhase = summarizeLatencies(phase(lineupTimings, &MoveTiming::forcedMs));
    return lineup;
}

QList<ChartBase *> BenchSliderDriver::chartsMovesChange() const
{
    // The accuracy chart plots the calibration measurements against the estimator, which no
    // slider changes: moves with it on screen would time the table and details alone.
    QList<ChartBase *> charts;
    for (ChartBase *chart : m_window.chartTabs()->charts()) {
        if (chart->kind() != ChartKind::Accuracy)
            charts.append(chart);
    }
    return charts;
}

std::optional<double> BenchSliderDriver::showChart(ChartBase *chart)
{
    // A tab switch is view state, not a scenario edit: no new estimates; the chart shown catches up with the
    // current ones and is painted. Kept out of the moves' figures.
    waitForNextFrame();
    m_witness.reset();
    QElapsedTimer timer;
    timer.start();
    m_window.chartTabs()->setCurrentWidget(chart);
    watchVisibleViews(); // before the window repaints, which paints the chart now shown
    QCoreApplication::sendPostedEvents();
    paintWindow();
    if (m_window.chartTabs()->currentChart() != chart)
        return std::nullopt;
    return milliseconds(timer.nsecsElapsed());
}

std::variant<QList<double>, QString> BenchSliderDriver::dragSlider(QSlider *slider, int moves)
{
    const QList<int> positions = pingPongPositions(slider->sliderPosition(), slider->minimum(), slider->maximum(), moves);
    if (positions.isEmpty())
        return QStringLiteral("the slider has a single position");
    QList<double> samples;
    samples.reserve(positions.size());
    // Pressing the handle is what turns chart animations off during a drag.
    slider->setSliderDown(true);
    for (int position : positions) {
        const std::optional<double> ms = measureMove([&] { slider->setSliderPosition(position); });
        if (!ms) {
            slider->setSliderDown(false);
            return QStringLiteral("moving to position %1 did not update the estimates").arg(position);
        }
        samples.append(*ms);
    }
    slider->setSliderDown(false);
    return samples;
}

std::variant<QList<double>, QString> BenchSliderDriver::stepCombo(QComboBox *combo, int moves)
{
    const QList<int> positions = pingPongPositions(combo->currentIndex(), 0, combo->count() - 1, moves);
    if (positions.isEmpty())
        return QStringLiteral("the picker has a single entry");
    QList<double> samples;
    samples.reserve(positions.size());
    for (int position : positions) {
        // The arrow keys choose the next entry as a user would (QComboBox::activated).
        const Qt::Key key = position > combo->currentIndex() ? Qt::Key_Down : Qt::Key_Up;
        const std::optional<double> ms = measureMove([&] {
            QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
            QCoreApplication::sendEvent(combo, &press);
        });
        if (!ms)
            return QStringLiteral("choosing entry %1 did not update the estimates").arg(position);
        samples.append(*ms);
    }
    return samples;
}

std::variant<QList<double>, QString> BenchSliderDriver::measureEfficiency(int moves)
{
    // The efficiency slider belongs to the seed method (it is disabled otherwise): choose it
    // first, as a user would, and restore the method afterwards.
    ScenarioController *controller = m_window.controller();
    const Method previous = controller->scenario().method;
    const auto chooseMethod = [controller](Method method) {
        Scenario scenario = controller->scenario();
        scenario.method = method;
        controller->edit(scenario, QStringLiteral("Change method"));
    };
    if (previous != Method::Seed && !changeAndSettle([&] { chooseMethod(Method::Seed); }))
        return QStringLiteral("choosing the seed method did not update the estimates");
    std::variant<QList<double>, QString> samples = dragSlider(m_window.pickerPanel()->efficiencySlider()->slider(), moves);
    if (previous != Method::Seed && !changeAndSettle([&] { chooseMethod(previous); }))
        return QStringLiteral("restoring the method did not update the estimates");
    return samples;
}

bool BenchSliderDriver::changeAndSettle(const std::function<void()> &change)
{
    m_estimatesArrived = false;
    change();
    if (!waitForEstimates())
        return false;
    QCoreApplication::sendPostedEvents();
    paintWindow();
    return true;
}

std::optional<double> BenchSliderDriver::measureMove(const std::function<void()> &move)
{
    const std::optional<MoveTiming> timing = timeChange(move);
    if (!timing)
        return std::nullopt;
    m_timings.append(*timing);
    return timing->totalMs();
}

std::optional<MoveTiming> BenchSliderDriver::timeChange(const std::function<void()> &change)
{
    waitForNextFrame();
    m_estimatesArrived = false;
    m_witness.reset();
    QElapsedTimer timer;
    timer.start();
    change();
    if (!waitForEstimates())
        return std::nullopt;
    const qint64 updated = timer.nsecsElapsed();
    QCoreApplication::sendPostedEvents();
    const qint64 posted = timer.nsecsElapsed();
    paintWindow();
    const qint64 painted = timer.nsecsElapsed();
    return MoveTiming{milliseconds(updated), milliseconds(posted - updated), milliseconds(painted - posted)};
}

bool BenchSliderDriver::waitForEstimates()
{
    if (m_estimatesArrived)
        return true;
    // The controller hands changes on from its frame timer: run the event loop until they arrive.
    QEventLoop loop;
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(m_window.estimateService(), &EstimateService::estimatesChanged, &loop, &QEventLoop::quit);
    guard.start(UpdateTimeoutMs);
    loop.exec();
    return m_estimatesArrived;
}

void BenchSliderDriver::waitForNextFrame()
{
    const qint64 remainingMs = MoveIntervalMs - m_sinceEstimates.elapsed();
    if (remainingMs <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(int(remainingMs), Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

void BenchSliderDriver::watchVisibleViews()
{
    QList<QWidget *> views;
    if (ChartBase *chart = m_window.currentChart())
        views.append(chart->viewport());
    for (QWidget *owner : {static_cast<QWidget *>(m_window.resultsTable()), static_cast<QWidget *>(m_window.detailsPane())}) {
        if (auto *area = owner->findChild<QAbstractScrollArea *>())
            views.append(area->viewport());
    }
    m_witness.setWatched(views);
}

void BenchSliderDriver::paintWindow()
{
    // On a display the window now repaints the regions the update dirtied; offscreen the posted
    // UpdateRequest does the same. Then whatever of the visible views did not repaint is
    // repainted, so the timing covers it whatever the window decided.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
    const QList<QWidget *> missed = m_witness.unpainted();
    for (QWidget *view : missed)
        view->repaint();
    m_witness.countForced(int(missed.size()));
    m_witness.reset();
}

QComboBox *BenchSliderDriver::quantizationCombo() const
{
    for (QComboBox *combo : m_window.pickerPanel()->findChildren<QComboBox *>()) {
        const auto *entries = qobject_cast<const CatalogModel *>(combo->model());
        if (entries && entries->section() == CatalogModel::Section::Quantizations)
            return combo;
    }
    return nullptr;
}

} // namespace headroom
