#include "ChartBase.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "core/SafeFile.h"
#include "engine/Estimator.h"
#include "ValueAxes.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QClipboard>
#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImageWriter>
#include <QLegend>
#include <QLoggingCategory>
#include <QPainter>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <functional>
#include <cmath>

namespace headroom {

Q_LOGGING_CATEGORY(lcCharts, "headroom.charts", QtInfoMsg) // debug output on request only

namespace {

// While dragging, a value axis keeps its range as long as the data fills at least this share of
// it, and a range that has to grow grows by this much more than the data needs: a drag across a
// wide range then rescales the axis (and relayouts the chart) every few steps, not at each one.
constexpr double MinShareOfHeldRange = 0.3;
constexpr double HeldRangeGrowth = 1.5;

// Pixel sizes (not points) so a chart looks the same on screen, in a PNG and in an SVG, whatever the DPI.
constexpr int TitlePixels = 18;
constexpr int AxisLabelPixels = 13;
constexpr int AxisTitlePixels = 14;
constexpr int ValueLabelPixels = 13;
constexpr int LegendPixels = 13;
constexpr int NotePixels = 12;
// Presentation mode: type readable from the back of a meeting room.
constexpr double PresentationFontScale = 1.6;
constexpr int ChartMarginPixels = 10;
constexpr qreal TitleGapPixels = 6; // between the title and what is below it
constexpr int AnimationDurationMs = 250;
constexpr qreal LabelGapPixels = 6;
constexpr int MinValueTicks = 2;
constexpr int MaxValueTicks = 8;
constexpr qreal MinPixelsPerValueTick = 80; // room for "1000" and a gap, at presentation size too

// Lays the chart out at an export size for the duration of one render, then puts it back
// where the window had it, with animations off so the render shows final values.
class OffscreenLayout final
{
public:
    OffscreenLayout(QChart *chart, QSizeF size)
        : m_chart(chart)
        , m_oldGeometry(chart->geometry())
        , m_oldAnimations(chart->animationOptions())
    {
        m_chart->setAnimationOptions(QChart::NoAnimation);
        apply(QRectF(QPointF(0, 0), size));
    }
    ~OffscreenLayout()
    {
        apply(m_oldGeometry);
        m_chart->setAnimationOptions(m_oldAnimations);
    }
    OffscreenLayout(const OffscreenLayout &) = delete;
    OffscreenLayout &operator=(const OffscreenLayout &) = delete;

    QRectF source() const { return m_chart->geometry(); }

    // Places the annotations, and lays the chart out again for as long as that changes the room
    // they reserve (the axes' labels set the chart's margins; a second pass settles).
    void settle(const std::function<void()> &layoutAnnotations)
    {
        constexpr int MaxPasses = 3;
        for (int pass = 0; pass < MaxPasses; ++pass) {
            layoutAnnotations();
            QGraphicsLayout *layout = m_chart->layout();
            if (!layout || layout->isActivated())
                return;
            apply(m_chart->geometry());
        }
    }

private:
    // Without an event loop (headless export, tests) the legend's own layout would stay at its
    // last size, so the posted layout requests are delivered here, synchronously.
    void apply(const QRectF &geometry)
    {
        m_chart->setGeometry(geometry);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (QGraphicsLayout *layout = m_chart->layout()) {
            layout->invalidate();
            layout->activate();
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }

    QChart *m_chart;
    QRectF m_oldGeometry;
    QChart::AnimationOptions m_oldAnimations;
};

QString writeError(const QString &path, const QString &problem)
{
    return QStringLiteral("cannot write '%1': %2").arg(path, problem);
}

QString checkSize(const QString &path, QSize size, qreal scale)
{
    if (size.isEmpty() || !(scale > 0))
        return QStringLiteral("cannot export '%1': invalid size %2x%3 at scale %4")
            .arg(path)
            .arg(size.width())
            .arg(size.height())
            .arg(scale);
    return {};
}

// Writes `bytes` atomically, so a failed export never leaves half a file behind.
QString saveBytes(const QString &path, const QByteArray &bytes)
{
    const QString problem = writeFileSafely(path, bytes); // "cannot write: <the system's reason>"
    return problem.isEmpty() ? QString() : QStringLiteral("%1: %2").arg(path, problem);
}

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

void ChartBase::setTitleIfChanged(const QString &title)
{
    if (title == m_titleText)
        return;
    m_titleText = title;
    layoutTitle();
}

QFont ChartBase::titleFont() const
{
    return m_title->font();
}

QColor ChartBase::titleColor() const
{
    return m_title->brush().color();
}

bool ChartBase::isAxisDrawn(const QAbstractAxis *axis) const
{
    return m_valueAxes->isDrawn(axis);
}

void ChartBase::layoutTitle()
{
    const QRectF area = chart()->rect();
    const qreal room = area.width() - 2 * ChartMarginPixels;
    const QFontMetricsF metrics(m_title->font());
    QStringList lines = m_titleText.split(QLatin1Char('\n'));
    if (room > 0) {
        for (QString &line : lines)
            line = metrics.elidedText(line, Qt::ElideRight, room);
    }
    m_title->setTextIfChanged(lines.join(QLatin1Char('\n')));
    const qreal width = m_title->boundingRect().width();
    m_title->setPos(area.left() + std::max<qreal>(ChartMarginPixels, (area.width() - width) / 2),
                    area.top() + ChartMarginPixels);
    // Room above the plot for the title's lines: changes only with the font or the line count.
    QMargins margins = chart()->margins();
    margins.setTop(ChartMarginPixels + int(std::ceil(metrics.lineSpacing() * qreal(lines.size()) + TitleGapPixels)));
    if (margins != chart()->margins())
        chart()->setMargins(margins);
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

void ChartBase::setAnimationsEnabled(bool enabled)
{
    m_animationsWanted = enabled;
    applyAnimations();
}

bool ChartBase::animationsEnabled() const
{
    return chart()->animationOptions() != QChart::NoAnimation;
}

void ChartBase::applyAnimations()
{
    // Animating towards values that the next frame replaces costs a relayout per animation step
    // and shows nothing but lag: no animations during a drag or a burst of updates.
    const QChart::AnimationOptions options = m_animationsWanted && !m_dragging && !m_inBurst
        ? QChart::SeriesAnimations
        : QChart::NoAnimation;
    if (chart()->animationOptions() != options)
        chart()->setAnimationOptions(options);
}

void ChartBase::setDragging(bool dragging)
{
    if (dragging == m_dragging)
        return;
    m_dragging = dragging;
    m_animationsWanted = !dragging; // a chart that has been dragged animates its later changes
    applyAnimations();
    if (!dragging)
        refit();
}

double ChartBase::rangeToShow(double neededMaximum) const
{
    return m_dragging || m_inBurst ? neededMaximum * HeldRangeGrowth : neededMaximum;
}

bool ChartBase::keepsRange(double shownMaximum, double neededMaximum) const
{
    return (m_dragging || m_inBurst) && neededMaximum <= shownMaximum
        && neededMaximum >= shownMaximum * MinShareOfHeldRange;
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

void ChartBase::storeEstimates(const EstimateSet &estimates)
{
    m_estimates = estimates;
    if (m_refitting)
        return;
    m_inBurst = m_sinceUpdate.isValid() && m_sinceUpdate.elapsed() < SettleMs;
    applyAnimations();
    m_sinceUpdate.restart();
    if (m_inBurst)
        m_settle.start();
}

void ChartBase::refit()
{
    m_settle.stop();
    m_inBurst = false;
    applyAnimations();
    m_refitting = true;
    setEstimates(m_estimates);
    m_refitting = false;
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

QString ChartBase::titleFor(const QString &suffix) const
{
    if (!m_estimates.problem.isEmpty())
        return m_estimates.problem;
    QString model = m_estimates.modelName;
    if (model.isEmpty() && !m_estimates.rows.isEmpty())
        model = m_estimates.rows.first().input.model.name;
    if (m_estimates.rows.isEmpty())
        return model.isEmpty() ? QStringLiteral("No configuration selected")
                               : model + QLatin1Char(' ') + m_estimates.quantName
                + QStringLiteral(" \u2014 no configuration selected");
    const Workload &workload = m_estimates.rows.first().input.workload;
    return scenarioTitle(model, m_estimates.quantName, workload.users, workload.contextTokens) + suffix;
}

QImage ChartBase::renderImage(QSize size, qreal scale)
{
    if (size.isEmpty() || !(scale > 0))
        return {};
    if (m_inBurst)
        refit(); // an image shows the settled chart
    prepareContent();
    QImage image(QSize(qRound(size.width() * scale), qRound(size.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(m_palette.background);
    OffscreenLayout layout(chart(), QSizeF(size));
    layout.settle([this] { layoutAnnotations(); });
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), layout.source(), Qt::IgnoreAspectRatio);
    painter.end();
    return image;
}

QString ChartBase::exportPng(const QString &path, QSize size, qreal scale)
{
    if (QString problem = checkSize(path, size, scale); !problem.isEmpty())
        return problem;
    const QImage image = renderImage(size, scale);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image))
        return writeError(path, writer.errorString());
    const QString problem = saveBytes(path, bytes);
    if (problem.isEmpty())
        qCDebug(lcCharts) << "exported" << path << image.size();
    return problem;
}

QString ChartBase::exportSvg(const QString &path, QSize size)
{
    if (QString problem = checkSize(path, size, 1.0); !problem.isEmpty())
        return problem;
    prepareContent();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(m_titleText);
    generator.setDescription(QStringLiteral("Headroom chart"));
    {
        OffscreenLayout layout(chart(), QSizeF(size));
        layout.settle([this] { layoutAnnotations(); });
        QPainter painter(&generator);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), m_palette.background);
        scene()->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), layout.source(), Qt::IgnoreAspectRatio);
        painter.end();
    }
    return saveBytes(path, bytes);
}

void ChartBase::copyToClipboard(QSize size)
{
    QGuiApplication::clipboard()->setImage(renderImage(size, devicePixelRatioF()));
}

} // namespace headroom
