// ChartBase: the chart item, theme, type sizes, axes styling, annotations and tooltips. Its title,
// its behaviour while dragging (ChartRangeHolding.cpp) and its export (ChartExport.cpp) have files of their own.
#include "ChartBase.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "ChartLogging.h"
#include "ChartMetrics.h"
#include "engine/Estimator.h"
#include "session/ChartInputs.h"
#include "views/charts/axes/ValueAxes.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QApplication>
#include <QChart>
#include <QCursor>
#include <QGraphicsScene>
#include <QLegend>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace headroom {

Q_LOGGING_CATEGORY(lcCharts, "headroom.charts", QtInfoMsg) // debug output on request only

using namespace chartmetrics;

namespace {

constexpr int AnimationDurationMs = 250;

} // namespace

ChartBase::ChartBase(QWidget *parent)
    : QChartView(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &ChartBase::refit);
    auto *newChart = new QChart;
    newChart->setAnimationOptions(QChart::NoAnimation);
    newChart->setAnimationDuration(AnimationDurationMs);
    newChart->setBackgroundRoundness(0);
    newChart->setMargins(QMargins(ChartMarginPixels, ChartMarginPixels, ChartMarginPixels, ChartMarginPixels));
    newChart->legend()->setAlignment(Qt::AlignBottom);
    newChart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    // QChartView starts with a default chart and only *releases* it on setChart(): delete it ourselves.
    QChart *defaultChart = chart();
    setChart(newChart); // the view owns the new chart
    if (defaultChart != newChart)
        delete defaultChart;
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    // Every update moves most of the chart's few hundred items: keeping a BSP index of them up to
    // date costs more than looking through them for the pointer (Qt's advice for dynamic scenes).
    scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    // The view's background brush fills what is repainted; the widget's own fill and QChart's
    // background item would each paint the whole chart once more on every update (exports fill
    // their image first).
    newChart->setBackgroundVisible(false);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    m_valueAxes = new ValueAxes(newChart);
    m_title = new ChartAnnotation(newChart);
    m_title->setZValue(10);
    m_title->setTooltipProvider([this] { return m_title->text() == m_titleText ? QString() : m_titleText; });
    connect(newChart, &QChart::plotAreaChanged, this, [this] { layoutAnnotations(); });
    connect(newChart, &QGraphicsWidget::geometryChanged, this, &ChartBase::layoutTitle);
}

ChartBase::~ChartBase()
{
    if (QChart *c = chart())
        c->disconnect(this);
}

void ChartBase::setInputs(const ChartInputs &inputs)
{
    setEstimates(inputs.estimates);
}

QStringList ChartBase::updateCategories(QBarCategoryAxis *axis, const QList<EstimateRow> &rows)
{
    QStringList labels;
    labels.reserve(rows.size());
    for (const EstimateRow &row : rows)
        labels.append(row.label);
    labels = uniqueCategoryLabels(labels);
    QStringList bottomUp = labels;
    std::reverse(bottomUp.begin(), bottomUp.end());
    if (axis->categories() != bottomUp)
        axis->setCategories(bottomUp);
    return labels;
}

bool ChartBase::isAxisDrawn(const QAbstractAxis *axis) const
{
    return m_valueAxes->isDrawn(axis);
}

void ChartBase::setTheme(Theme theme)
{
    if (theme == m_palette.theme)
        return;
    m_palette = ChartPalette::forTheme(theme);
    applyStyle();
}

Theme ChartBase::theme() const
{
    return m_palette.theme;
}

void ChartBase::setPresentationMode(bool presenting)
{
    if (presenting == m_presenting)
        return;
    m_presenting = presenting;
    applyStyle();
}

QFont ChartBase::chartFont(FontRole role) const
{
    int pixels = ValueLabelPixels;
    bool bold = false;
    switch (role) {
    case FontRole::Title:
        pixels = TitlePixels;
        bold = true;
        break;
    case FontRole::AxisLabels:
        pixels = AxisLabelPixels;
        break;
    case FontRole::AxisTitle:
        pixels = AxisTitlePixels;
        break;
    case FontRole::ValueLabel:
        pixels = ValueLabelPixels;
        break;
    case FontRole::Legend:
        pixels = LegendPixels;
        break;
    case FontRole::Note:
        pixels = NotePixels;
        break;
    }
    QFont font = QApplication::font();
    font.setPixelSize(m_presenting ? qRound(pixels * PresentationFontScale) : pixels);
    font.setBold(bold);
    return font;
}

void ChartBase::applyStyle()
{
    QChart *c = chart();
    c->setBackgroundBrush(m_palette.background);
    c->setBackgroundPen(Qt::NoPen);
    c->setPlotAreaBackgroundVisible(false);
    m_valueAxes->setPens(QPen(m_palette.grid, 1), QPen(m_palette.axisLine, 1), QPen(m_palette.grid, 1, Qt::DotLine));
    m_title->setFont(chartFont(FontRole::Title));
    m_title->setBrush(m_palette.text);
    layoutTitle();
    for (ChartAnnotation *note : std::as_const(m_notes))
        styleNote(note);
    c->legend()->setFont(chartFont(FontRole::Legend));
    c->legend()->setLabelColor(m_palette.text);
    c->legend()->setBrush(Qt::NoBrush);
    c->legend()->setPen(Qt::NoPen);
    setBackgroundBrush(m_palette.background);
    restyle();
    layoutAnnotations();
}

void ChartBase::styleAxis(QAbstractAxis *axis) const
{
    axis->setLabelsFont(chartFont(FontRole::AxisLabels));
    axis->setLabelsBrush(m_palette.text);
    axis->setTitleFont(chartFont(FontRole::AxisTitle));
    axis->setTitleBrush(m_palette.text);
    axis->setLinePen(QPen(m_palette.axisLine, 1));
    axis->setGridLinePen(QPen(m_palette.grid, 1));
    axis->setMinorGridLinePen(QPen(m_palette.grid, 1, Qt::DotLine));
    axis->setShadesVisible(false);
}

int ChartBase::valueTickBudget() const
{
    const qreal width = chart()->plotArea().width();
    if (width <= 0)
        return MaxValueTicks;
    const qreal perTick = MinPixelsPerValueTick * (m_presenting ? PresentationFontScale : 1.0);
    return std::clamp(int(width / perTick), MinValueTicks, MaxValueTicks);
}

QString ChartBase::explanation(int row) const
{
    if (row < 0 || row >= m_estimates.rows.size())
        return {};
    const EstimateRow &r = m_estimates.rows.at(row);
    return r.label + QStringLiteral("\n\n") + explain(r.input, r.estimate);
}

void ChartBase::showTooltipForRow(int row)
{
    showTooltip(explanation(row));
}

void ChartBase::showTooltip(const QString &text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, this);
}

void ChartBase::hideTooltip()
{
    QToolTip::hideText();
}

ChartAnnotation *ChartBase::createAnnotation(FontRole role)
{
    auto *annotation = new ChartAnnotation(chart()); // owned by the chart item
    annotation->setFont(chartFont(role));
    annotation->setBrush(m_palette.text);
    annotation->setBackground(m_palette.background);
    annotation->setZValue(10); // above series
    return annotation;
}

ChartAnnotation *ChartBase::createNote()
{
    ChartAnnotation *note = createAnnotation(FontRole::Note);
    styleNote(note);
    m_notes.append(note);
    return note;
}

void ChartBase::resizeAnnotations(QList<ChartAnnotation *> &annotations, qsizetype count, FontRole role,
                                  const std::function<QString(int)> &tooltip)
{
    while (annotations.size() > count)
        delete annotations.takeLast();
    while (annotations.size() < count) {
        ChartAnnotation *annotation = createAnnotation(role);
        const int index = int(annotations.size());
        annotation->setTooltipProvider([tooltip, index] { return tooltip(index); });
        annotations.append(annotation);
    }
}

void ChartBase::styleNote(ChartAnnotation *note) const
{
    note->setFont(chartFont(FontRole::Note));
    note->setBrush(m_palette.mutedText);
    note->setBackground(m_palette.background);
}

void ChartBase::placeValueLabel(ChartAnnotation *label, qreal barStartX, qreal barEndX, qreal anchorX, qreal centerY,
                                const QColor &outsideColor, const QColor &insideColor) const
{
    const QRectF plot = chart()->plotArea();
    const QRectF box = label->boundingRect();
    const qreal top = centerY - box.height() / 2;
    const qreal outsideLeft = anchorX + LabelGapPixels;
    if (outsideLeft + box.width() <= plot.right()) {
        label->setBrush(outsideColor);
        label->setBackground(m_palette.background);
        label->setPos(outsideLeft, top);
    } else if (barEndX - barStartX >= box.width() + 2 * LabelGapPixels) {
        label->setBrush(insideColor);
        label->setBackground(Qt::transparent);
        label->setPos(barEndX - LabelGapPixels - box.width(), top);
    } else {
        label->setBrush(outsideColor);
        label->setBackground(m_palette.background);
        label->setPos(std::max(plot.left(), plot.right() - box.width()), top);
    }
}

} // namespace headroom
