// ChartBase's title: drawn by the chart itself (see setTitleIfChanged), elided to the chart's width.
#include "ChartBase.h"

#include "ChartAnnotation.h"
#include "ChartFormat.h"
#include "ChartMetrics.h"

#include <QChart>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace headroom {

using namespace chartmetrics;

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
    margins.setTop(ChartMarginPixels + int(std::ceil(metrics.lineSpacing() * qreal(lines.size()) + TitleGapPixels))
                   + m_roomBelowTitle);
    if (margins != chart()->margins())
        chart()->setMargins(margins);
}

QString ChartBase::sweepTitleFor(int maxUsers) const
{
    if (!m_estimates.problem.isEmpty() || m_estimates.rows.isEmpty())
        return titleFor();
    QString model = m_estimates.modelName;
    if (model.isEmpty())
        model = m_estimates.rows.first().input.model.name;
    return model + QLatin1Char(' ') + m_estimates.quantName + QStringLiteral(" \u2014 1 to %1 users, ").arg(maxUsers)
        + formatContextTokens(m_estimates.rows.first().input.workload.contextTokens) + QStringLiteral(" context");
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

} // namespace headroom
