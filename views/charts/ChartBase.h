#pragma once

#include "EstimateSet.h"
#include "Scenario.h"

#include <QChartView>
#include <QImage>
#include <QSize>
#include <QString>

#include <memory>

namespace headroom {

enum class Theme { Light, Dark };

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

    void setTheme(Theme theme);
    Theme theme() const;
    // Large type for presenting on a projector.
    void setPresentationMode(bool presenting);
    void setAnimationsEnabled(bool enabled); // off while a slider is dragged

    // Renders the chart at `size` logical pixels x `scale` device pixels per pixel, without showing it.
    QImage renderImage(QSize size, qreal scale = 1.0);
    // Both return an empty string on success, else a one-line message naming the file and the problem.
    QString exportPng(const QString &path, QSize size, qreal scale = 1.0);
    QString exportSvg(const QString &path, QSize size);
    void copyToClipboard(QSize size);
};

// The chart for `kind` (Speed, Memory, Concurrency; others as they exist), never null.
std::unique_ptr<ChartBase> createChart(ChartKind kind, QWidget *parent = nullptr);

} // namespace headroom
