#include "DetailsPane.h"

#include "EstimateTableModel.h"
#include "Estimator.h"
#include "MeasuredLookup.h"

#include <QLabel>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace headroom {
namespace {

// Title type is this much larger than the body.
constexpr qreal TitleScale = 1.35;

QString row(const QString &name, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px'>%1</td><td align='right'><b>%2</b></td></tr>")
        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
}

QString gb(double value)
{
    return QString::number(value, 'f', 1) % QStringLiteral(" GB");
}

QString tps(const Estimate &estimate, double value)
{
    return estimate.runs() ? QString::number(value, 'f', value < 10 ? 1 : 0) % QStringLiteral(" t/s")
                           : QStringLiteral("—");
}

constexpr double Percent = 100;

// "github.com" linked to the source, or the source's own words where it is no web address.
QString sourceHtml(const MeasuredRow &row)
{
    const QUrl url(row.url);
    if (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")))
        return QStringLiteral("<a href='%1'>%2</a>").arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), url.host().toHtmlEscaped());
    return row.url.toHtmlEscaped();
}

// The measurements behind the selected estimate: those of this very configuration, then the
// class the uncertainty band was measured on.
QString backingHtml(const EstimateRow &selected)
{
    QString html = QStringLiteral("<h4>%1</h4>").arg(DetailsPane::tr("Backed by"));
    const MeasuredRows matches = matchingMeasurements(selected.input);
    if (!matches.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(DetailsPane::tr("Measured on this configuration:"));
        for (const MeasuredRow &row : matches) {
            const double perUser = perUserDecodeTps(row);
            html += QStringLiteral("<li><b>%1 t/s</b> \u2014 %2, %3%4</li>")
                        .arg(QString::number(perUser, 'f', perUser < 100 ? 1 : 0), row.backend.toHtmlEscaped(),
                             sourceHtml(row),
                             quantUnspecifiedMatch(row, selected.input.quant.name)
                                 ? DetailsPane::tr(" (quantization not stated)")
                                 : QString());
        }
        html += QStringLiteral("</ul>");
    }
    const MeasurementBacking backing = measurementBacking(selected.input);
    const QString platform = platformDisplayName(backing.platform);
    if (backing.platformRows == 0) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(DetailsPane::tr("No measurements of %1 hardware yet: the likely range is a default \u00b1%2%.")
                             .arg(platform.toHtmlEscaped())
                             .arg(backing.band.mape * Percent, 0, 'f', 0));
        return html;
    }
    const QString modelClass = backing.moe ? DetailsPane::tr("mixture-of-experts") : DetailsPane::tr("dense");
    html += QStringLiteral("<p>%1</p>")
                .arg(DetailsPane::tr("%1 single-user measurements on %2 (%3 of them %4 models like this one, with %5). "
                                     "On devices left out of its fit the roofline is off by %6% on average: "
                                     "that is the likely range.")
                         .arg(backing.platformRows)
                         .arg(platform.toHtmlEscaped())
                         .arg(backing.classRows.size())
                         .arg(modelClass, backing.backends.join(QStringLiteral(", ")).toHtmlEscaped())
                         .arg(backing.band.mape * Percent, 0, 'f', 0));
    if (selected.input.workload.users > 1)
        html += QStringLiteral("<p>%1</p>")
                    .arg(backing.concurrencyRows == 1
                             ? DetailsPane::tr("With several users: 1 measurement with concurrent users on this platform.")
                             : DetailsPane::tr("With several users: %1 measurements with concurrent users on this platform.")
                                   .arg(backing.concurrencyRows));
    if (selected.input.method == Method::Seed)
        html += QStringLiteral("<p><i>%1</i></p>")
                    .arg(DetailsPane::tr("The article's rule uses one efficiency for every machine; the Accuracy tab "
                                         "compares both methods with these measurements."));
    return html;
}

} // namespace

DetailsPane::DetailsPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QTextBrowser(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * TitleScale);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_body->setObjectName(QStringLiteral("detailsText"));
    m_body->setOpenExternalLinks(true);
    m_body->setFrameShape(QFrame::NoFrame);
    m_body->setToolTip(tr("How the selected configuration's numbers are computed"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_body, 1);
    render();
}

void DetailsPane::setEstimates(const EstimateSet &estimates)
{
    m_estimates = estimates;
    render();
}

void DetailsPane::setSelectedRow(int row)
{
    m_selectedRow = row;
    render();
}

QString DetailsPane::text() const
{
    return m_title->text() % QLatin1Char('\n') % m_body->toPlainText();
}

void DetailsPane::render()
{
    if (!m_estimates.problem.isEmpty() && m_estimates.rows.isEmpty()) {
        m_title->setText(tr("Nothing to estimate"));
        m_body->setPlainText(m_estimates.problem);
        return;
    }
    if (m_estimates.rows.isEmpty()) {
        m_title->setText(tr("No configuration"));
        m_body->setPlainText(tr("Tick a configuration in the hardware list to see how it runs the model."));
        return;
    }
    const int index = m_selectedRow >= 0 && m_selectedRow < m_estimates.rows.size() ? m_selectedRow : 0;
    const EstimateRow &selected = m_estimates.rows.at(index);
    const Estimate &estimate = selected.estimate;
    const MemoryBreakdown &memory = estimate.memory;
    m_title->setText(selected.label);

    QString html = QStringLiteral("<p>%1 · %2 · %3</p>")
                       .arg(m_estimates.modelName.toHtmlEscaped(), m_estimates.quantName.toHtmlEscaped(),
                            EstimateTableModel::fitText(estimate.fit).toHtmlEscaped());
    html += QStringLiteral("<h4>%1</h4><table>").arg(tr("Speed"));
    html += row(tr("Decode per user"), tps(estimate, estimate.decodeTpsPerUser));
    if (estimate.runs() && estimate.decodeTpsHigh > 0)
        html += row(tr("Likely range"), QStringLiteral("%1 – %2 t/s")
                                            .arg(estimate.decodeTpsLow, 0, 'f', 1)
                                            .arg(estimate.decodeTpsHigh, 0, 'f', 1));
    html += row(tr("Decode, all users"), tps(estimate, estimate.decodeTpsTotal));
    html += row(tr("Prefill"), tps(estimate, estimate.prefillTps));
    html += row(tr("Time to first token"),
                estimate.runs() ? QString::number(estimate.ttftSeconds, 'f', 2) % QStringLiteral(" s") : QStringLiteral("—"));
    html += row(tr("Bottleneck"), EstimateTableModel::bottleneckText(estimate.bottleneck));
    html += QStringLiteral("</table><h4>%1</h4><table>").arg(tr("Memory"));
    html += row(tr("Weights"), gb(memory.weightsGB));
    html += row(tr("KV cache"), gb(memory.kvCacheGB));
    html += row(tr("Runtime overhead"), gb(memory.overheadGB));
    html += row(tr("Total"), gb(memory.totalGB));
    html += row(tr("Usable"), gb(memory.usableGB));
    html += QStringLiteral("</table><h4>%1</h4><table>").arg(tr("Limits"));
    html += row(tr("Largest context per user"), estimate.maxContext > 0 ? QString::number(estimate.maxContext) % tr(" tokens") : tr("none"));
    html += row(tr("Most users at this context"), QString::number(estimate.maxUsers));
    html += QStringLiteral("</table>");
    html += backingHtml(selected);
    html += QStringLiteral("<h4>%1</h4>").arg(tr("How it is computed"));
    html += QStringLiteral("<pre style='white-space:pre-wrap'>%1</pre>")
                .arg(explain(selected.input, estimate).toHtmlEscaped());
    if (!m_estimates.problem.isEmpty())
        html += QStringLiteral("<p><i>%1</i></p>").arg(m_estimates.problem.toHtmlEscaped());
    m_body->setHtml(html);
}

} // namespace headroom
