// What the value chart says: its title, the note on what it cannot plot, the front's labels and the
// tooltips with each configuration's estimate and cost per token.
#include "ValueChart.h"

#include "itemmodels/EstimateTableModel.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "engine/Estimator.h"
#include "itemmodels/AdvisorShortlistModel.h"

namespace headroom {
namespace {

constexpr int NoteNamesShown = 3; // unpriced configurations named in the note before "and N more"

} // namespace

void ValueChart::updateTitleAndNote(const AdvisorResult &result, const QStringList &unpriced)
{
    const AdvisorCandidate *sample = !result.shortlist.isEmpty() ? &result.shortlist.constFirst()
        : !result.rejected.isEmpty()                             ? &result.rejected.constFirst().candidate
                                                                 : nullptr;
    const EstimateSet &set = estimates();
    const QString model = sample ? sample->input.model.name : set.modelName;
    const QString quant = m_requirements.autoQuant ? QStringLiteral("best quantization")
        : sample                                   ? sample->quant.name
                                                   : set.quantName;
    const Workload workload = sample ? sample->input.workload
        : set.rows.isEmpty()         ? Workload{}
                                     : set.rows.constFirst().input.workload;
    // Before the advisor has run there is nothing of the scenario on the chart to name.
    if (model.isEmpty() || !m_hasAdvice)
        setTitleIfChanged(QStringLiteral("Price against speed"));
    else
        setTitleIfChanged(scenarioTitle(model, quant, workload.users, workload.contextTokens)
                          + QStringLiteral(": price against speed"));

    QStringList lines;
    if (!m_hasAdvice) {
        lines << QStringLiteral("The advisor has not run for this scenario yet.");
    } else if (m_points.isEmpty() && !result.reason.isEmpty()) {
        lines << result.reason;
    }
    if (!unpriced.isEmpty()) {
        QString names = unpriced.mid(0, NoteNamesShown).join(QStringLiteral(", "));
        if (unpriced.size() > NoteNamesShown)
            names += QStringLiteral(" and %1 more").arg(unpriced.size() - NoteNamesShown);
        lines << (unpriced.size() == 1 ? QStringLiteral("1 configuration with no public price is not plotted: %1")
                                       : QStringLiteral("%1 configurations with no public price are not plotted: %2")
                                             .arg(unpriced.size()))
                     .arg(names);
    }
    m_note->setTextIfChanged(lines.join(QLatin1Char('\n')));
}

void ValueChart::updateFrontLabels()
{
    resizeAnnotations(m_frontLabels, m_front.size(), FontRole::ValueLabel,
                      [this](int f) { return f < m_front.size() ? pointTooltip(m_front.at(f)) : QString(); });
    for (int f = 0; f < m_front.size(); ++f) {
        const AdvisorCandidate &candidate = m_points.at(m_front.at(f)).candidate;
        QString text = candidate.label;
        if (m_requirements.autoQuant)
            text += QStringLiteral(" \u00b7 ") + candidate.quant.name;
        if (m_points.at(m_front.at(f)).quoted)
            text += QStringLiteral(" \u00b7 your quote ") + AdvisorShortlistModel::priceText(candidate.priceUsd);
        m_frontLabels.at(f)->setTextIfChanged(text);
    }
}

void ValueChart::updateQuotedLabels()
{
    const bool newLabels = m_quotedLabels.size() != m_quotedPoints.size();
    resizeAnnotations(m_quotedLabels, m_quotedPoints.size(), FontRole::ValueLabel,
                      [this](int q) { return q < m_quotedPoints.size() ? pointTooltip(m_quotedPoints.at(q)) : QString(); });
    for (qsizetype q = 0; q < m_quotedPoints.size(); ++q) {
        const AdvisorCandidate &candidate = m_points.at(m_quotedPoints.at(q)).candidate;
        m_quotedLabels.at(q)->setTextIfChanged(candidate.label + QStringLiteral(" \u00b7 your quote ")
                                               + AdvisorShortlistModel::priceText(candidate.priceUsd));
    }
    if (newLabels)
        restyle(); // new labels take the chart's font and colours
}

QStringList ValueChart::quotedLabels() const
{
    QStringList texts;
    for (const ChartAnnotation *label : m_quotedLabels) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts;
}

QString ValueChart::comparedTooltip(int comparedIndex) const
{
    if (comparedIndex < 0 || comparedIndex >= m_comparedRows.size())
        return {};
    const EstimateRow &row = m_comparedRows.at(comparedIndex);
    return QStringLiteral("%1 (compared)\n%2 per user, %3 in total \u00b7 %4\n\n%5")
        .arg(row.label, formatTokensPerSecond(row.estimate.decodeTpsPerUser), formatTokensPerSecond(row.estimate.decodeTpsTotal),
             EstimateTableModel::priceText(row.price), EstimateTableModel::priceToolTip(row));
}

QStringList ValueChart::comparedLabels() const
{
    QStringList texts;
    for (const ChartAnnotation *label : m_comparedLabels) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts;
}

QString ValueChart::note() const
{
    return m_note->text();
}

QStringList ValueChart::frontLabels() const
{
    QStringList texts;
    for (const ChartAnnotation *label : m_frontLabels) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts;
}

QString ValueChart::pointTooltip(int pointIndex) const
{
    if (pointIndex < 0 || pointIndex >= m_points.size())
        return {};
    const Point &point = m_points.at(pointIndex);
    const AdvisorCandidate &c = point.candidate;
    QString text = QStringLiteral("%1, %2\n%3 per user, %4 in total \u00b7 %5")
                       .arg(c.label, c.quant.name, formatTokensPerSecond(c.estimate.decodeTpsPerUser),
                            formatTokensPerSecond(c.estimate.decodeTpsTotal), AdvisorShortlistModel::priceText(c.priceUsd)
                                + (c.priceCardsOnly ? QStringLiteral(" (cards only)")
                                   : c.hostUsd      ? QStringLiteral(" (cards + typical host)")
                                                    : QString()));
    if (!c.priceSource.isEmpty())
        text += QStringLiteral(" (%1)").arg(c.priceSource);
    if (!point.qualifies)
        text += QStringLiteral("\nLeft out: ") + point.rejection;
    return text + QStringLiteral("\n\n") + explainCost(c, m_requirements.cost) + QStringLiteral("\n\n")
        + explain(c.input, c.estimate);
}

} // namespace headroom
