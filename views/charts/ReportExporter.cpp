// The one-page customer report: verdict, speed chart, table, assumptions, sources.
#include "ReportExporter.h"

#include "ChartBase.h"
#include "ChartFiles.h"
#include "ChartPalette.h"
#include "PageText.h"
#include "core/Units.h"
#include "itemmodels/EstimateTableModel.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>

namespace headroom {
namespace {

// Layout in units of a page 1240 wide (A4 at 150 dpi); other widths scale.
constexpr qreal ReferenceWidth = 1240;
constexpr qreal Margin = 72;
constexpr qreal TitlePixels = 34;
constexpr qreal SubtitlePixels = 18;
constexpr qreal VerdictPixels = 19;
constexpr qreal VerdictPadding = 14;
constexpr int VerdictMaxLines = 4;
constexpr qreal MinChartHeight = 460; // the chart takes what the rest of the page leaves, within these
constexpr qreal MaxChartHeight = 820;
constexpr qreal TablePixels = 15;
constexpr qreal TableRowPadding = 7;
constexpr qreal HeadingPixels = 17;
constexpr qreal BodyPixels = 14;
constexpr qreal SourcePixels = 11.5;
constexpr qreal FooterPixels = 12;
constexpr qreal Gap = 18;
constexpr qreal ChartRenderScale = 2.0;
constexpr int PdfResolutionDpi = 150;
constexpr qreal A4HeightOverWidth = 297.0 / 210.0;
constexpr int MaxTableRows = 12;

struct Column {
    const char *title;
    qreal share; // of the table's width
    Qt::Alignment alignment;
};
constexpr std::array<Column, 7> Columns{{
    {"Configuration", 0.29, Qt::AlignLeft},
    {"Fit", 0.09, Qt::AlignLeft},
    {"t/s per user (likely)", 0.18, Qt::AlignRight},
    {"Total t/s", 0.10, Qt::AlignRight},
    {"Users ≥ %1 t/s", 0.12, Qt::AlignRight}, // the pace of EstimateSet::minTpsPerUser
    {"TTFT", 0.08, Qt::AlignRight},
    {"Price", 0.14, Qt::AlignRight},
}};

constexpr const char *HostMark = " †";
constexpr const char *NoValue = "—";

QStringList cells(const EstimateRow &row)
{
    const Estimate &e = row.estimate;
    const bool runs = e.runs();
    QString perUser = QString::fromLatin1(NoValue);
    if (runs) {
        perUser = formatSpeedNumber(e.decodeTpsPerUser);
        if (e.decodeTpsHigh > e.decodeTpsLow)
            perUser += QStringLiteral(" (%1–%2)").arg(formatSpeedNumber(e.decodeTpsLow), formatSpeedNumber(e.decodeTpsHigh));
    }
    QString price = EstimateTableModel::priceText(row.price);
    if (row.price.hostUsd)
        price += QString::fromUtf8(HostMark);
    return {row.label,
            EstimateTableModel::fitText(e.fit),
            perUser,
            runs ? formatSpeedNumber(e.decodeTpsTotal) : QString::fromLatin1(NoValue),
            QString::number(row.usersAtMinTps),
            runs && e.prefillTps > 0 ? QStringLiteral("%1 s").arg(e.ttftSeconds, 0, 'f', e.ttftSeconds < 10 ? 2 : 1)
                                     : QString::fromLatin1(NoValue),
            price};
}

QString plural(int count, const QString &one, const QString &many)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

QString assumptions(const Scenario &scenario, const EstimateSet &set)
{
    const Workload &w = scenario.workload;
    const QString model = set.rows.isEmpty() ? set.modelName : set.rows.constFirst().input.model.name;
    QStringList parts;
    parts << QStringLiteral("Model: %1, %2.").arg(model, set.quantName);
    parts << QStringLiteral("Workload: %1 at once, %2 of context each, %3-token prompts, %4 output tokens.")
                 .arg(plural(w.users, QStringLiteral("user"), QStringLiteral("users")), formatContextTokens(w.contextTokens))
                 .arg(w.promptTokens)
                 .arg(w.outputTokens);
    parts << QStringLiteral("Runtime: %1. Method: %2.")
                 .arg(scenario.runtime == Runtime::Auto ? QStringLiteral("each platform's default (llama.cpp; MLX where chosen)")
                                                        : toString(scenario.runtime),
                      scenario.method == Method::Seed
                          ? QStringLiteral("the article's rule, bandwidth ÷ model size × %1%").arg(std::lround(scenario.seedEfficiency * 100))
                          : QStringLiteral("roofline physics calibrated on public measurements"));
    parts << QStringLiteral("Speeds are decode tokens per second for each user; the likely range in brackets held about "
                            "80% of public measurements left out of the calibration. Users ≥ %1 t/s: the most users that "
                            "fit with every one decoding at least that fast. TTFT: time to the first token of a prompt.")
                 .arg(formatSpeedNumber(set.minTpsPerUser));
    parts << QStringLiteral("Prices: list prices as dated in the sources, or your quotes; † the cards plus a typical host "
                            "from a published build; \"cards\": the cards alone, no machine around them.");
    return parts.join(QLatin1Char(' '));
}

bool isLink(const QString &text)
{
    return text.startsWith(QLatin1String("http://")) || text.startsWith(QLatin1String("https://"));
}

QStringList sources(const EstimateSet &set)
{
    QStringList lines;
    QStringList seen;
    const auto add = [&](const QString &what, const QString &url) {
        if (!isLink(url) || seen.contains(url))
            return;
        seen << url;
        lines << QStringLiteral("[%1] %2: %3").arg(seen.size()).arg(what, url);
    };
    for (const EstimateRow &row : set.rows) {
        if (row.price.usd) {
            add(QStringLiteral("%1 price%2").arg(row.label, row.price.date.isEmpty() ? QString() : QStringLiteral(", ") + row.price.date),
                row.price.source);
        }
        if (row.price.hostUsd)
            add(QStringLiteral("%1 (%2)").arg(row.price.hostName, row.label), row.price.hostSource);
        add(QStringLiteral("%1 specifications").arg(row.input.device.name), row.input.device.source);
    }
    return lines;
}

qreal paintWrapped(QPainter &painter, const QRectF &area, const QString &text, int maxLines)
{
    const QFontMetricsF metrics(painter.font());
    const qreal height = std::min(metrics.boundingRect(QRectF(0, 0, area.width(), 1e6), Qt::TextWordWrap, text).height(),
                                  maxLines * metrics.lineSpacing());
    painter.drawText(QRectF(area.left(), area.top(), area.width(), height), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     text);
    return height;
}

} // namespace

void paintReport(QPainter &painter, QSizeF page, const Scenario &scenario, const ChartInputs &inputs,
                 const ReportOptions &options)
{
    const EstimateSet &set = inputs.estimates;
    const ChartPalette palette = ChartPalette::forTheme(Theme::Light);
    const qreal unit = page.width() / ReferenceWidth;
    const qreal left = Margin * unit;
    const qreal width = page.width() - 2 * left;
    painter.fillRect(QRectF(QPointF(0, 0), page), Qt::white);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    qreal y = Margin * unit * 0.75;

    // Header: what is compared, for what workload; the customer's logo on the right.
    const QFont title = pixelFont(TitlePixels * unit, true);
    const QFontMetricsF titleMetrics(title);
    qreal logoWidth = 0;
    const qreal headerHeight = titleMetrics.height() + QFontMetricsF(pixelFont(SubtitlePixels * unit)).height();
    if (!options.logo.isNull()) {
        const QImage logo = options.logo.scaledToHeight(qRound(headerHeight), Qt::SmoothTransformation);
        logoWidth = std::min<qreal>(logo.width(), width / 4);
        painter.drawImage(QRectF(left + width - logoWidth, y, logoWidth, headerHeight), logo);
    }
    painter.setFont(title);
    painter.setPen(palette.text);
    const QString heading = QStringLiteral("%1 %2: which machine?").arg(set.modelName, set.quantName);
    painter.drawText(QRectF(left, y, width - logoWidth, titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     titleMetrics.elidedText(heading, Qt::ElideRight, width - logoWidth));
    y += titleMetrics.height();
    painter.setFont(pixelFont(SubtitlePixels * unit));
    painter.setPen(palette.mutedText);
    const Workload &w = scenario.workload;
    painter.drawText(QRectF(left, y, width - logoWidth, headerHeight - titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1 configurations · %2 · %3 context · %4-token prompts")
                         .arg(set.rows.size())
                         .arg(plural(w.users, QStringLiteral("user"), QStringLiteral("users")), formatContextTokens(w.contextTokens))
                         .arg(w.promptTokens));
    y = std::max(y + headerHeight - titleMetrics.height(), Margin * unit * 0.75 + headerHeight) + Gap * unit;

    // The verdict, in a tinted box.
    if (!set.verdict.text.isEmpty()) {
        painter.setFont(pixelFont(VerdictPixels * unit, true));
        const qreal padding = VerdictPadding * unit;
        const QFontMetricsF metrics(painter.font());
        const qreal textHeight = std::min(
            metrics.boundingRect(QRectF(0, 0, width - 2 * padding, 1e6), Qt::TextWordWrap, set.verdict.text).height(),
            VerdictMaxLines * metrics.lineSpacing());
        const QRectF box(left, y, width, textHeight + 2 * padding);
        QColor tint = palette.familyColor(Platform::Nvidia);
        tint.setAlphaF(0.10);
        painter.fillRect(box, tint);
        painter.fillRect(QRectF(left, y, 4 * unit, box.height()), palette.familyColor(Platform::Nvidia));
        painter.setPen(palette.text);
        paintWrapped(painter, box.adjusted(padding, padding, -padding, -padding), set.verdict.text, VerdictMaxLines);
        y += box.height() + Gap * unit;
    }

    // The speed chart the window shows, as tall as the rest of the page allows.
    const QFont tableFont = pixelFont(TablePixels * unit);
    const QFont tableBold = pixelFont(TablePixels * unit, true);
    const qreal rowHeight = QFontMetricsF(tableFont).height() + 2 * TableRowPadding * unit;
    const QFont footer = pixelFont(FooterPixels * unit);
    const qreal footerHeight = QFontMetricsF(footer).height();
    const qreal footerTop = page.height() - Margin * unit * 0.6 - footerHeight;
    const qreal headingHeight = QFontMetricsF(pixelFont(HeadingPixels * unit, true)).height();
    const QString assumptionText = assumptions(scenario, set);
    const QStringList sourceLines = sources(set);
    const qreal below = (std::min<qsizetype>(set.rows.size(), MaxTableRows) + 1) * rowHeight + Gap * unit
        + 2 * headingHeight
        + QFontMetricsF(pixelFont(BodyPixels * unit)).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, assumptionText).height()
        + Gap * unit * 0.6 + (sourceLines.size() + 1) * QFontMetricsF(pixelFont(SourcePixels * unit)).lineSpacing();
    const qreal chartHeight = std::clamp(footerTop - y - below - 2 * Gap * unit, MinChartHeight * unit, MaxChartHeight * unit);
    const QRectF chartRect(left, y, width, chartHeight);
    {
        const std::unique_ptr<ChartBase> chart = createChart(ChartKind::Speed);
        chart->setTheme(Theme::Light);
        chart->setPresentationMode(false);
        chart->setInputs(inputs);
        painter.drawImage(chartRect, chart->renderImage(chartRect.size().toSize(), ChartRenderScale));
    }
    y += chartRect.height() + Gap * unit;

    // The table.
    const auto paintRow = [&](const QStringList &texts, bool header, bool shaded) {
        if (shaded)
            painter.fillRect(QRectF(left, y, width, rowHeight), palette.grid.lighter(115));
        painter.setFont(header ? tableBold : tableFont);
        painter.setPen(palette.text);
        const QFontMetricsF metrics(painter.font());
        qreal x = left;
        for (std::size_t c = 0; c < Columns.size(); ++c) {
            const qreal cellWidth = Columns.at(c).share * width;
            const QRectF cell(x + 4 * unit, y, cellWidth - 8 * unit, rowHeight);
            painter.drawText(cell, Columns.at(c).alignment | Qt::AlignVCenter,
                             metrics.elidedText(texts.value(int(c)), Qt::ElideMiddle, cell.width()));
            x += cellWidth;
        }
        y += rowHeight;
    };
    QStringList titles;
    for (const Column &column : Columns) {
        const QString title = QString::fromUtf8(column.title);
        titles << (title.contains(QLatin1String("%1")) ? title.arg(formatSpeedNumber(set.minTpsPerUser)) : title);
    }
    paintRow(titles, true, false);
    painter.fillRect(QRectF(left, y - unit, width, unit), palette.axisLine);
    for (qsizetype i = 0; i < set.rows.size() && i < MaxTableRows; ++i)
        paintRow(cells(set.rows.at(i)), false, i % 2 == 1);
    y += Gap * unit;

    // Assumptions and sources, then the foot.
    painter.setFont(pixelFont(HeadingPixels * unit, true));
    painter.setPen(palette.text);
    painter.drawText(QRectF(left, y, width, QFontMetricsF(painter.font()).height()), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Assumptions"));
    y += QFontMetricsF(painter.font()).height();
    painter.setFont(pixelFont(BodyPixels * unit));
    y += paintWrapped(painter, QRectF(left, y, width, 0), assumptionText, 8) + Gap * unit * 0.6;

    painter.setFont(pixelFont(HeadingPixels * unit, true));
    painter.drawText(QRectF(left, y, width, QFontMetricsF(painter.font()).height()), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("Sources"));
    y += QFontMetricsF(painter.font()).height();
    painter.setFont(pixelFont(SourcePixels * unit));
    painter.setPen(palette.mutedText);
    const QFontMetricsF sourceMetrics(painter.font());
    for (qsizetype i = 0; i < sourceLines.size(); ++i) {
        if (y + 2 * sourceMetrics.lineSpacing() > footerTop) {
            painter.drawText(QRectF(left, y, width, sourceMetrics.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("… and %1 more in the catalog (Help ▸ Guide)").arg(sourceLines.size() - i));
            break;
        }
        painter.drawText(QRectF(left, y, width, sourceMetrics.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                         sourceMetrics.elidedText(sourceLines.at(i), Qt::ElideMiddle, width));
        y += sourceMetrics.lineSpacing();
    }

    painter.setFont(footer);
    painter.setPen(palette.mutedText);
    const QRectF footerRect(left, footerTop, width, footerHeight);
    painter.fillRect(QRectF(left, footerTop - 6 * unit, width, unit), palette.grid);
    painter.drawText(footerRect, Qt::AlignLeft | Qt::AlignVCenter, options.contactLine);
    painter.drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter,
                     options.generatedOn.isEmpty() ? QStringLiteral("Headroom")
                                                   : QStringLiteral("Headroom · %1").arg(options.generatedOn));
}

QImage renderReportPage(const Scenario &scenario, const ChartInputs &inputs, int width, const ReportOptions &options)
{
    const QSize size(width, qRound(width * A4HeightOverWidth));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintReport(painter, QSizeF(size), scenario, inputs, options);
    return image;
}

ReportResult exportReport(const Scenario &scenario, const ChartInputs &inputs, const QString &path,
                          const ReportOptions &options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        constexpr int PngWidth = 1240;
        return ReportResult{savePng(renderReportPage(scenario, inputs, PngWidth, options), path)};
    }
    if (suffix != QLatin1String("pdf"))
        return ReportResult{cannotWrite(path, QStringLiteral("a report is a .pdf or a .png file"))};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("%1 %2: which machine?").arg(inputs.estimates.modelName, inputs.estimates.quantName));
        writer.setCreator(QStringLiteral("Headroom"));
        writer.setResolution(PdfResolutionDpi);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        if (!painter.isActive())
            return ReportResult{cannotWrite(path, QStringLiteral("the PDF could not be started"))};
        const QRect page = painter.viewport();
        paintReport(painter, QSizeF(page.size()), scenario, inputs, options);
    }
    return ReportResult{saveBytes(path, bytes)};
}

} // namespace headroom
