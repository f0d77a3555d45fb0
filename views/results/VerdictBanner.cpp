// The verdict line at the top of the window.
#include "VerdictBanner.h"

#include "core/Units.h"

#include <QEvent>
#include <QFontMetrics>
#include <QStringList>

namespace headroom {
namespace {

constexpr int bannerLines = 2;
constexpr int bannerMarginPx = 6;

QString sideLines(const VerdictSide &side, double minTps)
{
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(side.label.toHtmlEscaped());
    lines << QObject::tr("decode %1 per user at the scenario's users; %2 users at ≥ %3 t/s each (the most users "
                         "that fit with every one at least that fast)")
                 .arg(formatTokensPerSecond(side.tpsPerUser))
                 .arg(side.usersAtMinTps)
                 .arg(formatSpeedNumber(minTps));
    if (side.price.usd) {
        QString price = QObject::tr("price $%L1").arg(*side.price.usd, 0, 'f', 0);
        if (side.price.cardsOnly)
            price += QObject::tr(" — the cards alone, without the host (chassis, CPU, board, RAM, PSU)");
        if (side.price.hostUsd) {
            price += QObject::tr(" = cards $%L1 + %2 $%L3 (%4)")
                         .arg(side.price.cardsUsd(), 0, 'f', 0)
                         .arg(side.price.hostName.toHtmlEscaped())
                         .arg(*side.price.hostUsd, 0, 'f', 0)
                         .arg(side.price.hostSource.toHtmlEscaped());
        }
        if (!side.price.source.isEmpty())
            price += QObject::tr(", from %1").arg(side.price.source.toHtmlEscaped());
        if (!side.price.date.isEmpty())
            price += QObject::tr(" (%1)").arg(side.price.date.toHtmlEscaped());
        lines << price;
    } else {
        lines << QObject::tr("price unknown: enter a quote with the Advisor's “Prices and quotes…”");
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace

VerdictBanner::VerdictBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("verdictBanner"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setMargin(bannerMarginPx);
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setAccessibleName(tr("Verdict"));
    setWhatsThis(tr("<b>Verdict</b><p>The compared configurations in one sentence: for two, those two; for more, the "
                    "fastest per user against the cheapest that runs the model. Hover it for the figures and "
                    "where the prices come from. The payback appears once a cloud price is set in the Advisor.</p>"));
    fixHeight();
    hide();
}

void VerdictBanner::setVerdict(const ComparisonVerdict &verdict)
{
    if (verdict == m_verdict)
        return;
    m_verdict = verdict;
    setText(verdict.text);
    setToolTip(verdictExplanation(verdict));
    setVisible(verdict.kind != ComparisonVerdict::Kind::None);
}

void VerdictBanner::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        fixHeight();
}

void VerdictBanner::fixHeight()
{
    setFixedHeight(bannerLines * fontMetrics().lineSpacing() + 2 * bannerMarginPx);
}

QString verdictExplanation(const ComparisonVerdict &verdict)
{
    if (verdict.kind == ComparisonVerdict::Kind::None || verdict.kind == ComparisonVerdict::Kind::NoneRuns)
        return verdict.text.toHtmlEscaped();
    QStringList parts;
    parts << sideLines(verdict.lead, verdict.minTpsPerUser);
    if (verdict.kind == ComparisonVerdict::Kind::Pair)
        parts << sideLines(verdict.other, verdict.minTpsPerUser);
    QString rules = QObject::tr("Weighed: for two configurations, those two; for more, the fastest per user against "
                                "the cheapest that runs the model.");
    if (verdict.cloudUsdPerMillionTokens) {
        rules += QObject::tr(" Payback = price ÷ (cloud price × tokens a month − electricity a month), with the "
                             "Advisor's utilisation and electricity price.");
    } else {
        rules += QObject::tr(" Set a cloud price per million tokens in the Advisor to see the payback.");
    }
    parts << rules;
    return QStringLiteral("<p>") + parts.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>");
}

} // namespace headroom
