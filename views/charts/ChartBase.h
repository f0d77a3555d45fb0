#pragma once

#include "ChartPalette.h"
#include "scenario/EstimateSet.h"
#include "scenario/Scenario.h"

#include <QChartView>
#include <QElapsedTimer>
#include <QFont>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

class QAbstractAxis;

class QBarCategoryAxis;

namespace headroom {

class ChartAnnotation;
class ValueAxes;
struct ChartInputs;

// One base for every chart: fonts, the Apple / NVIDIA colour families, light and dark themes,
// value labels, and export (PNG at 1x/2x, SVG, clipboard, off-screen render for headless use).
// Subclasses only plot: they update their series in place from an EstimateSet.
class ChartBase : public QChartView
{
    Q_OBJECT
public:
    explicit ChartBase(QWidget *parent = nullptr);
    ~ChartBase() override;

    virtual ChartKind kind() const = 0;
    virtual void setEstimates(const EstimateSet &estimates) = 0;
    // Plots what the session layer computed for this chart (session/ChartInputs.h): the estimates, and
    // the advice or the validation report for the charts that show them.
    virtual void setInputs(const ChartInputs &inputs);
    const EstimateSet &estimates() const { return m_estimates; }

    void setTheme(Theme theme);
    Theme theme() const;
    const ChartPalette &chartPalette() const { return m_palette; }
    // Large type for presenting on a projector.
    void setPresentationMode(bool presenting);
    bool presentationMode() const { return m_presenting; }
    void setAnimationsEnabled(bool enabled);
    bool animationsEnabled() const;
    // A slider is being dragged: no animations, and value axes hold their range while the data
    // still fills at least half of it (axes that rescale at every step are hard to read and each
    // rescale relayouts the chart). When the drag ends the axes fit the data again. A burst of
    // updates (arrow keys, a wheel, a tour) holds them the same way until it has settled
    // (SettleMs without an update); renderImage() always fits first.
    static constexpr int SettleMs = 250;
    void setDragging(bool dragging);
    bool isDragging() const { return m_dragging; }

    // Renders the chart at `size` logical pixels x `scale` device pixels per pixel, without showing it.
    QImage renderImage(QSize size, qreal scale = 1.0);
    // Both return an empty string on success, else a one-line message naming the file and the problem.
    QString exportPng(const QString &path, QSize size, qreal scale = 1.0);
    QString exportSvg(const QString &path, QSize size);
    void copyToClipboard(QSize size);

    // What hovering row `row` shows: its label, then the formula with its inputs (Estimator's explain()).
    QString explanation(int row) const;
    // The chart's title in full (the one drawn is elided when the chart is too narrow for it).
    const QString &title() const { return m_titleText; }
    QFont titleFont() const;
    QColor titleColor() const;
    // Whether the chart draws `axis` now: a value axis it registered, with its series attached.
    bool isAxisDrawn(const QAbstractAxis *axis) const;

protected:
    // Room between the title and the plot for a label a chart keeps just above its plot (pixels).
    void setRoomBelowTitle(int pixels) { m_roomBelowTitle = pixels; }
    // The title is drawn by the chart, not by QChart: QChart lays the whole chart out again on
    // every new title (the title, each axis and each legend entry measured as rich text), and the
    // title changes with most slider moves.
    void setTitleIfChanged(const QString &title);
    // One category per row, top to bottom in scenario order (a horizontal bar axis counts upwards);
    // repeated labels are numbered. Only touches the axis when the labels changed. Returns the
    // labels top to bottom (for CategoryLabels, which shows them in place of the axis' own).
    static QStringList updateCategories(QBarCategoryAxis *axis, const QList<EstimateRow> &rows);
    enum class FontRole { Title, AxisLabels, AxisTitle, ValueLabel, Legend, Note };
    QFont chartFont(FontRole role) const;

    // Keeps the set for tooltips and title; subclasses call it first in setEstimates().
    void storeEstimates(const EstimateSet &estimates);
    // Restyles background, title, legend, then calls restyle(). Subclasses call it once they are built.
    void applyStyle();
    // Colours and fonts of the subclass's own series, axes and annotations for the current palette.
    virtual void restyle() = 0;
    // Repositions annotations; called when the plot area moves and after each update.
    virtual void layoutAnnotations() {}
    // Builds content that is too costly to build before it is needed; called before every render.
    virtual void prepareContent() {}

    void styleAxis(QAbstractAxis *axis) const;
    // The value axes the chart draws itself (ValueAxes::addAxis): grid, axis lines, tick labels
    // and titles; subclasses lay it out with their annotations.
    ValueAxes *valueAxes() const { return m_valueAxes; }
    // Whether a value axis now showing [0, shownMaximum] keeps that range for data needing
    // `neededMaximum`: only while dragging or in a burst of updates, and while the data fills
    // a fair share of it (MinShareOfHeldRange).
    bool keepsRange(double shownMaximum, double neededMaximum) const;
    // The maximum to fit when the range changes: `neededMaximum`, with room to grow while dragging
    // or in a burst of updates.
    double rangeToShow(double neededMaximum) const;
    // How many steps a horizontal value axis can have before its labels collide (2..8).
    int valueTickBudget() const;
    void showTooltipForRow(int row);
    void showTooltip(const QString &text);
    void hideTooltip();
    // A hoverable text label on the chart explaining row `row` (row may change later via the provider).
    ChartAnnotation *createAnnotation(FontRole role);
    // A muted note over the plot (what is not plotted and why), restyled with the chart's theme
    // and type size.
    ChartAnnotation *createNote();
    // Keeps `annotations` at `count` labels of `role` (extra ones deleted, missing ones created), the
    // one at index i showing tooltip(i) on hover.
    void resizeAnnotations(QList<ChartAnnotation *> &annotations, qsizetype count, FontRole role,
                           const std::function<QString(int)> &tooltip);

    // Puts a value label right of `anchorX` (the end of a bar or its whisker) if it fits in the plot,
    // else inside the bar [barStartX, barEndX] in `insideColor`, else against the plot's right edge.
    void placeValueLabel(ChartAnnotation *label, qreal barStartX, qreal barEndX, qreal anchorX, qreal centerY,
                         const QColor &outsideColor, const QColor &insideColor) const;

    // "<model> <quant> — N users, 4K context" (+ suffix), or the reason nothing can be shown.
    QString titleFor(const QString &suffix = QString()) const;
    // "<model> <quant> — 1 to 64 users, 4K context": for a chart across user counts.
    QString sweepTitleFor(int maxUsers) const;

private:
    void layoutTitle();
    void styleNote(ChartAnnotation *note) const;
    void applyAnimations();

    EstimateSet m_estimates;
    ChartAnnotation *m_title = nullptr; // owned by the chart item
    ValueAxes *m_valueAxes = nullptr;        // owned by the chart item
    QList<ChartAnnotation *> m_notes;   // createNote()'s, owned by the chart item
    QString m_titleText;
    int m_roomBelowTitle = 0;
    ChartPalette m_palette = ChartPalette::forTheme(Theme::Light);
    void refit();

    bool m_presenting = false;
    bool m_dragging = false;
    bool m_animationsWanted = false;
    bool m_inBurst = false;    // the last update came within SettleMs of the one before
    bool m_refitting = false;
    QElapsedTimer m_sinceUpdate;
    QTimer m_settle;
};

// The chart kinds createChart() builds, in menu order.
QList<ChartKind> supportedChartKinds();
bool isChartKindSupported(ChartKind kind);

// The chart for `kind` (Speed, Memory, Concurrency, Accuracy; others as they exist), never null:
// a kind without a chart yet falls back to the speed chart (check kind() of the result).
std::unique_ptr<ChartBase> createChart(ChartKind kind, QWidget *parent = nullptr);

} // namespace headroom
