#include "DetailsPane.h"

#include "core/Units.h"

#include "itemmodels/EstimateTableModel.h"
#include "engine/Estimator.h"
#include "FormulaView.h"
#include "measured/MeasuredLookup.h"
#include "views/common/StableLabel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTextDocumentFragment>
#include <QUrl>
#include <QVBoxLayout>

namespace headroom {
namespace {

// Title type is this much larger than the body.
constexpr qreal TitleScale = 1.35;

QString gb(double value)
{
    return QString::number(value, 'f', 1) % QStringLiteral(" GB");
}

QString tps(const Estimate &estimate, double value)
{
    return estimate.runs() ? formatTokensPerSecond(value)
                           : QStringLiteral("—");
}

// "412 t/s (290–560)": a figure with its likely range, when it has one.
QString tpsWithRange(const Estimate &estimate, double value, double low, double high)
{
    if (!estimate.runs() || !(value > 0))
        return QStringLiteral("—");
    const QString text = tps(estimate, value);
    if (!(high > low))
        return text;
    const auto figure = [](double v) { return formatSpeedNumber(v); };
    return text % QStringLiteral(" (") % figure(low) % QStringLiteral("–") % figure(high) % QLatin1Char(')');
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
                    .arg(DetailsPane::tr("No measurements of %1 hardware yet: the likely range (%2\u00d7 to %3\u00d7 the "
                                         "estimate) is the widest the held-out measurements showed.")
                             .arg(platform.toHtmlEscaped())
                             .arg(backing.band.lowRatio, 0, 'f', 2)
                             .arg(backing.band.highRatio, 0, 'f', 2));
        return html;
    }
    const QString modelClass = backing.moe ? DetailsPane::tr("mixture-of-experts") : DetailsPane::tr("dense");
    html += QStringLiteral("<p>%1</p>")
                .arg(DetailsPane::tr("%1 single-user measurements on %2 (%3 of them %4 models like this one, with %5). "
                                     "On %6 measurements from sources left out of its fit, the roofline was off by %7% "
                                     "on average, and 84% or more of them lay between %8\u00d7 and %9\u00d7 its estimate: "
                                     "that is the likely range.")
                         .arg(backing.platformRows)
                         .arg(platform.toHtmlEscaped())
                         .arg(backing.classRows.size())
                         .arg(modelClass, backing.backends.join(QStringLiteral(", ")).toHtmlEscaped())
                         .arg(backing.band.anyModel ? QString::number(backing.band.rows)
                                                    : QStringLiteral("%1 %2").arg(backing.band.rows).arg(modelClass))
                         .arg(backing.band.mape * Percent, 0, 'f', 0)
                         .arg(backing.band.lowRatio, 0, 'f', 2)
                         .arg(backing.band.highRatio, 0, 'f', 2));
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
    , m_summary(new QLabel(this))
    , m_backing(new QLabel(this))
    , m_formula(new FormulaView(this))
{
    // Opaque: a changed number repaints the pane, not the dock's frame and title behind it.
    setAutoFillBackground(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * TitleScale);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    // Plain labels and a plain-text view: a slider move changes these numbers every frame, and
    // laying out a rich-text document (tables, a <pre> block) each time cost more than the charts.
    auto *numbers = new QWidget(this);
    auto *form = new QFormLayout(numbers);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addSection = [&](const QString &title) {
        auto *heading = new QLabel(title, numbers);
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
        form->addRow(heading);
    };
    const auto addValue = [&](Value value, const QString &name) {
        auto *label = new QLabel(numbers);
        label->setTextFormat(Qt::PlainText);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // Not selectable: a selectable label lays its text out as a document on every paint, and
        // these change with every slider move. The formula below, which has every number, is.
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        // Right-aligned in the column: the label keeps a fixed size (setStableLabelText).
        auto *field = new QHBoxLayout;
        field->addStretch(1);
        field->addWidget(label);
        form->addRow(name, field);
        m_values[static_cast<int>(value)] = label;
        m_valueFields[static_cast<int>(value)] = field;
        m_valueNames[static_cast<int>(value)] = name;
    };
    addSection(tr("Speed"));
    addValue(Value::Fit, tr("Fit"));
    addValue(Value::DecodePerUser, tr("Decode per user"));
    addValue(Value::LikelyRange, tr("Likely range"));
    addValue(Value::DecodeTotal, tr("Decode, all users"));
    addValue(Value::Prefill, tr("Prefill"));
    addValue(Value::Ttft, tr("Time to first token"));
    addValue(Value::Bottleneck, tr("Bottleneck"));
    addSection(tr("Memory"));
    addValue(Value::Weights, tr("Weights"));
    addValue(Value::KvCache, tr("KV cache"));
    addValue(Value::Overhead, tr("Runtime overhead"));
    addValue(Value::Total, tr("Total"));
    addValue(Value::Usable, tr("Usable"));
    addSection(tr("Limits"));
    addValue(Value::MaxContext, tr("Largest context per user"));
    addValue(Value::MaxUsers, tr("Most users at this context"));
    m_numbers = numbers;

    m_backing->setWordWrap(true);
    m_backing->setTextFormat(Qt::RichText);
    m_backing->setOpenExternalLinks(true);
    m_backing->setTextInteractionFlags(Qt::TextBrowserInteraction);

    m_formulaHeading = new QLabel(tr("How it is computed"), this);
    QFont headingFont = m_formulaHeading->font();
    headingFont.setBold(true);
    m_formulaHeading->setFont(headingFont);
    m_formula->setObjectName(QStringLiteral("detailsText"));
    m_formula->setFrameShape(QFrame::NoFrame);
    m_formula->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_formula->setToolTip(tr("How the selected configuration's numbers are computed"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_numbers);
    layout->addWidget(m_backing);
    layout->addWidget(m_formulaHeading);
    layout->addWidget(m_formula, 1);
    render();
}

void DetailsPane::setEstimates(const EstimateSet &estimates)
{
    m_estimates = estimates;
    render();
}

void DetailsPane::setSelectedRow(int row)
{
    if (row == m_selectedRow)
        return;
    m_selectedRow = row;
    render();
}

QString DetailsPane::text() const
{
    QString text = m_title->text() % QLatin1Char('\n') % m_summary->text() % QLatin1Char('\n');
    if (m_numbers->isVisibleTo(this)) {
        for (int value = 0; value < ValueCount; ++value) {
            if (m_values[value]->isVisibleTo(this))
                text += m_valueNames[value] % QStringLiteral(": ") % m_values[value]->text() % QLatin1Char('\n');
        }
    }
    text += QTextDocumentFragment::fromHtml(m_backing->text()).toPlainText() % QLatin1Char('\n');
    return text % m_formula->text();
}

void DetailsPane::showMessage(const QString &title, const QString &message)
{
    setTextIfChanged(m_title, title);
    setTextIfChanged(m_summary, message);
    m_numbers->hide();
    m_backing->hide();
    m_formulaHeading->hide();
    m_formula->hide();
}

void DetailsPane::setTextIfChanged(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

void DetailsPane::setValue(Value value, const QString &text)
{
    setStableLabelText(m_values[static_cast<int>(value)], text);
}

void DetailsPane::render()
{
    if (!m_estimates.problem.isEmpty() && m_estimates.rows.isEmpty()) {
        showMessage(tr("Nothing to estimate"), m_estimates.problem);
        return;
    }
    if (m_estimates.rows.isEmpty()) {
        showMessage(tr("No configuration"), tr("Tick a configuration in the hardware list to see how it runs the model."));
        return;
    }
    m_numbers->show();
    m_backing->show();
    m_formulaHeading->show();
    m_formula->show();

    const int index = m_selectedRow >= 0 && m_selectedRow < m_estimates.rows.size() ? m_selectedRow : 0;
    const EstimateRow &selected = m_estimates.rows.at(index);
    const Estimate &estimate = selected.estimate;
    const MemoryBreakdown &memory = estimate.memory;
    setTextIfChanged(m_title, selected.label);
    // The fit is a value below, not part of this word-wrapped line: it changes with most slider
    // moves, and a new text here lays the whole pane out again.
    QString summary = m_estimates.modelName % QStringLiteral(" · ") % m_estimates.quantName;
    if (!m_estimates.problem.isEmpty())
        summary += QLatin1Char('\n') % m_estimates.problem;
    setTextIfChanged(m_summary, summary);

    setValue(Value::Fit, EstimateTableModel::fitText(estimate.fit));
    setValue(Value::DecodePerUser, tps(estimate, estimate.decodeTpsPerUser));
    // The seed rule states one number: no range to show.
    const bool band = estimate.runs() && estimate.decodeTpsHigh > estimate.decodeTpsLow;
    qobject_cast<QFormLayout *>(m_numbers->layout())->setRowVisible(m_valueFields[static_cast<int>(Value::LikelyRange)], band);
    if (band)
        setValue(Value::LikelyRange, QStringLiteral("%1 – %2 t/s")
                                         .arg(estimate.decodeTpsLow, 0, 'f', 1)
                                         .arg(estimate.decodeTpsHigh, 0, 'f', 1));
    setValue(Value::DecodeTotal, tpsWithRange(estimate, estimate.decodeTpsTotal, estimate.decodeTpsTotalLow,
                                              estimate.decodeTpsTotalHigh));
    // The seed rule has no prefill: "—", never a measured-looking 0.
    setValue(Value::Prefill, tpsWithRange(estimate, estimate.prefillTps, estimate.prefillTpsLow, estimate.prefillTpsHigh));
    const bool hasTtft = estimate.runs() && estimate.ttftSeconds > 0;
    setValue(Value::Ttft, hasTtft ? QString::number(estimate.ttftSeconds, 'f', 2) % QStringLiteral(" s (")
                                        % QString::number(estimate.ttftSecondsLow, 'f', 2) % QStringLiteral("–")
                                        % QString::number(estimate.ttftSecondsHigh, 'f', 2) % QStringLiteral(" s)")
                                  : QStringLiteral("—"));
    setValue(Value::Bottleneck, EstimateTableModel::bottleneckText(estimate.bottleneck));
    setValue(Value::Weights, memory.mtpWeightsGB > 0
                                 ? gb(memory.weightsGB) % tr(" (%1 multi-token prediction)").arg(gb(memory.mtpWeightsGB))
                                 : gb(memory.weightsGB));
    setValue(Value::KvCache, gb(memory.kvCacheGB));
    setValue(Value::Overhead, gb(memory.overheadGB));
    setValue(Value::Total, gb(memory.totalGB));
    setValue(Value::Usable, gb(memory.usableGB));
    setValue(Value::MaxContext, estimate.maxContext > 0 ? QString::number(estimate.maxContext) % tr(" tokens") : tr("none"));
    setValue(Value::MaxUsers, QString::number(estimate.maxUsers));

    setTextIfChanged(m_backing, backingHtml(selected));
    const QString formula = explain(selected.input, estimate);
    m_formula->setText(formula);
}

} // namespace headroom
