#include "DeckExporter.h"

#include "ChartBase.h"
#include "ChartFiles.h"
#include "PageText.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLoggingCategory>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace headroom {

Q_LOGGING_CATEGORY(lcDeck, "headroom.deck", QtInfoMsg)

namespace {

// Layout of a slide, in pixels of a 1920 x 1080 frame; other sizes scale with the height.
constexpr qreal ReferenceHeight = 1080;
constexpr qreal SideMargin = 80;
constexpr qreal TopMargin = 48;
constexpr qreal BottomMargin = 40;
constexpr qreal HeaderPixels = 24; // tour title and step counter
constexpr qreal TitlePixels = 60;
constexpr qreal CaptionPixels = 30;
constexpr qreal FooterPixels = 20;
constexpr qreal GapAfterHeader = 28;
constexpr qreal GapAfterTitle = 16;
constexpr qreal GapBeforeChart = 28;
constexpr qreal RuleWidth = 3;
constexpr int CaptionMaxLines = 4;
// The chart is rendered at twice the slide's resolution so it stays sharp in the PDF when zoomed.
constexpr qreal ChartRenderScale = 2.0;
// Widescreen 16:9 page as presentation software sizes it: 13.333 x 7.5 inches.
const QPageSize DeckPageSize(QSizeF(338.667, 190.5), QPageSize::Millimeter, QStringLiteral("Widescreen 16:9"),
                             QPageSize::ExactMatch);
constexpr int PdfResolutionDpi = 144;
constexpr int MinFrameDigits = 2;

QString methodNote(const Scenario &scenario)
{
    if (scenario.method == Method::Seed)
        return QStringLiteral("Seed rule: bandwidth ÷ model size × %1% (the article's method)")
            .arg(qRound(scenario.seedEfficiency * 100));
    return QStringLiteral("Roofline estimate: bandwidth, compute, KV cache and interconnect, calibrated per runtime");
}

QImage renderChart(ChartKind kind, const ChartInputs &inputs, QSize size, Theme theme)
{
    const std::unique_ptr<ChartBase> chart = createChart(kind);
    chart->setTheme(theme);
    chart->setPresentationMode(true);
    chart->setInputs(inputs);
    return chart->renderImage(size, ChartRenderScale);
}

// Paints one slide into [0, page.width()] x [0, page.height()] of `painter`'s logical coordinates.
void paintPage(QPainter &painter, QSizeF page, const Tour &tour, int index, const ChartInputs &inputs, Theme theme)
{
    const TourStep &step = tour.steps.at(index);
    const ChartPalette palette = ChartPalette::forTheme(theme);
    const qreal unit = page.height() / ReferenceHeight;
    const qreal left = SideMargin * unit;
    const qreal width = page.width() - 2 * left;
    painter.fillRect(QRectF(QPointF(0, 0), page), palette.background);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);

    qreal y = TopMargin * unit;
    const QFont header = pixelFont(HeaderPixels * unit);
    const qreal headerHeight = QFontMetricsF(header).height();
    painter.setFont(header);
    painter.setPen(palette.mutedText);
    const QRectF headerRect(left, y, width, headerHeight);
    painter.drawText(headerRect, Qt::AlignLeft | Qt::AlignVCenter, tour.title);
    painter.drawText(headerRect, Qt::AlignRight | Qt::AlignVCenter,
                     QStringLiteral("%1 / %2").arg(index + 1).arg(tour.steps.size()));
    y += headerHeight + GapAfterHeader * unit / 2;
    painter.fillRect(QRectF(left, y, width, RuleWidth * unit), palette.grid);
    y += GapAfterHeader * unit / 2;

    const QFont title = pixelFont(TitlePixels * unit, true);
    const QFontMetricsF titleMetrics(title);
    painter.setFont(title);
    painter.setPen(palette.text);
    painter.drawText(QRectF(left, y, width, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     titleMetrics.elidedText(step.title, Qt::ElideRight, width));
    y += titleMetrics.height() + GapAfterTitle * unit;

    const QFont caption = pixelFont(CaptionPixels * unit);
    const QFontMetricsF captionMetrics(caption);
    const qreal captionHeight = std::min(
        captionMetrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, step.caption).height(),
        CaptionMaxLines * captionMetrics.lineSpacing());
    painter.setFont(caption);
    painter.setPen(palette.text);
    painter.drawText(QRectF(left, y, width, captionHeight), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     step.caption);
    y += captionHeight + GapBeforeChart * unit;

    const QFont footer = pixelFont(FooterPixels * unit);
    const qreal footerHeight = QFontMetricsF(footer).height();
    const qreal footerTop = page.height() - BottomMargin * unit - footerHeight;
    const QRectF chartRect(left, y, width, std::max<qreal>(1, footerTop - GapAfterTitle * unit - y));
    const QImage chart = renderChart(step.scenario.chart, inputs, chartRect.size().toSize(), theme);
    painter.drawImage(chartRect, chart);

    painter.setFont(footer);
    painter.setPen(palette.mutedText);
    const QRectF footerRect(left, footerTop, width, footerHeight);
    painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignVCenter, methodNote(step.scenario));
    painter.drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("Headroom"));
}

DeckResult exportPdf(const Tour &tour, const QList<ChartInputs> &inputs, const QString &path, const DeckOptions &options)
{
    DeckResult result;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(tour.title);
    writer.setCreator(QStringLiteral("Headroom"));
    writer.setResolution(PdfResolutionDpi);
    writer.setPageSize(DeckPageSize);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&writer);
    if (!painter.isActive()) {
        result.error = cannotWrite(path, QStringLiteral("cannot start the PDF writer"));
        return result;
    }
    // Slides are laid out in the frame's logical pixels whatever the PDF's resolution.
    const QSizeF page = QSizeF(options.pageSize);
    painter.setWindow(QRect(QPoint(0, 0), options.pageSize));
    for (int i = 0; i < tour.steps.size(); ++i) {
        if (i > 0 && !writer.newPage()) {
            painter.end();
            result.error = cannotWrite(path, QStringLiteral("cannot add page %1").arg(i + 1));
            return result;
        }
        paintPage(painter, page, tour, i, inputs.at(i), options.theme);
        ++result.pages;
    }
    painter.end();
    if (QString problem = saveBytes(path, bytes); !problem.isEmpty()) {
        result.error = problem;
        result.pages = 0;
        return result;
    }
    result.files << path;
    return result;
}

DeckResult exportFrames(const Tour &tour, const QList<ChartInputs> &inputs, const QString &directory,
                        const DeckOptions &options)
{
    DeckResult result;
    // The frames' own folder may be new; its parent must exist (a typo never creates a tree of folders).
    if (!QFileInfo(directory).isDir() && !QDir().mkdir(directory)) {
        const QString parent = QFileInfo(QDir::cleanPath(directory)).absolutePath();
        result.error = cannotWrite(directory, QFileInfo(parent).isDir()
                                                   ? QStringLiteral("cannot create the directory")
                                                   : QStringLiteral("the folder %1 does not exist").arg(parent));
        return result;
    }
    const QDir dir(directory);
    for (int i = 0; i < tour.steps.size(); ++i) {
        const QString path = dir.filePath(deckFrameName(i, static_cast<int>(tour.steps.size())));
        if (QString problem = savePng(renderDeckPage(tour, i, inputs, options), path); !problem.isEmpty()) {
            result.error = problem;
            return result;
        }
        result.files << path;
        ++result.pages;
    }
    return result;
}

} // namespace

std::optional<DeckFormat> deckFormatFor(const QString &output)
{
    if (output.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return DeckFormat::Pdf;
    if (output.endsWith(QLatin1Char('/')) || QFileInfo(output).isDir())
        return DeckFormat::PngFrames;
    return std::nullopt;
}

QString deckFrameName(int index, int stepCount)
{
    const int digits = std::max<int>(MinFrameDigits, static_cast<int>(QString::number(stepCount).size()));
    return QStringLiteral("step-%1.png").arg(index + 1, digits, 10, QLatin1Char('0'));
}

QImage renderDeckPage(const Tour &tour, int index, const QList<ChartInputs> &inputs, const DeckOptions &options)
{
    if (index < 0 || index >= tour.steps.size() || index >= inputs.size() || options.pageSize.isEmpty())
        return {};
    QImage image(options.pageSize, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    paintPage(painter, QSizeF(options.pageSize), tour, index, inputs.at(index), options.theme);
    return image;
}

DeckResult exportDeck(const Tour &tour, const QList<ChartInputs> &inputs, const QString &output,
                      const DeckOptions &options)
{
    DeckResult result;
    if (tour.steps.isEmpty()) {
        result.error = QStringLiteral("tour '%1' has no steps to export").arg(tour.name);
        return result;
    }
    if (inputs.size() != tour.steps.size()) {
        result.error = QStringLiteral("cannot export '%1': %2 charts for the %3 steps of tour '%4'")
                           .arg(output).arg(inputs.size()).arg(tour.steps.size()).arg(tour.name);
        return result;
    }
    if (options.pageSize.isEmpty()) {
        result.error = QStringLiteral("cannot export '%1': empty page size").arg(output);
        return result;
    }
    const std::optional<DeckFormat> format = deckFormatFor(output);
    if (!format) {
        result.error = QStringLiteral("cannot export '%1': give a .pdf file, or a directory ending in / for PNG frames")
                           .arg(output);
        return result;
    }
    result = *format == DeckFormat::Pdf ? exportPdf(tour, inputs, output, options)
                                        : exportFrames(tour, inputs, output, options);
    qCDebug(lcDeck) << "deck" << tour.name << "->" << output << result.pages << "pages" << result.error;
    return result;
}

} // namespace headroom
