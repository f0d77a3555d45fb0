#include "ChartFormat.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QValueAxis>

#include <cmath>

namespace headroom {

namespace {
// Mantissas of "nice" axis maxima.
constexpr double NiceSteps[] = {1.0, 2.0, 2.5, 5.0, 10.0};
} // namespace

QString scenarioTitle(const QString &modelName, const QString &quantName, int users, int contextTokens)
{
    const QString who = users == 1 ? QStringLiteral("1 user") : QString::number(users) + QStringLiteral(" users");
    return modelName + QLatin1Char(' ') + quantName + QStringLiteral(" \u2014 ") + who + QStringLiteral(", ")
        + formatContextTokens(contextTokens) + QStringLiteral(" context");
}

double niceCeiling(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : NiceSteps) {
        // Tolerate rounding error so that 50 stays 50 instead of becoming 100.
        if (step * magnitude >= value * (1.0 - 1e-12))
            return step * magnitude;
    }
    return 10.0 * magnitude;
}

NiceScale niceScale(double highest, int maxTicks)
{
    if (!(highest > 0) || !std::isfinite(highest) || maxTicks < 1)
        return {};
    const double step = niceCeiling(highest / maxTicks);
    // Round up to whole steps, tolerating rounding error so 60 with step 10 stays 60.
    const double steps = std::ceil(highest / step * (1.0 - 1e-12));
    return {std::max(1.0, steps) * step, step};
}

QStringList uniqueCategoryLabels(const QStringList &labels)
{
    QStringList unique;
    unique.reserve(labels.size());
    QSet<QString> used;
    QHash<QString, int> repeats;
    for (const QString &label : labels) {
        const QString base = label.isEmpty() ? QStringLiteral("(unnamed)") : label;
        QString candidate = base;
        int &seen = repeats[base];
        while (used.contains(candidate))
            candidate = base + QStringLiteral(" (") + QString::number(++seen + 1) + QLatin1Char(')');
        used.insert(candidate);
        unique.append(candidate);
    }
    return unique;
}

QValueAxis *createValueAxis(const QString &title, QObject *parent)
{
    auto *axis = new QValueAxis(parent);
    axis->setTitleText(title);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setLabelFormat(QStringLiteral("%g"));
    return axis;
}

void applyScale(QValueAxis *axis, double minimum, double maximum, double step)
{
    const bool rangeChanges = axis->min() != minimum || axis->max() != maximum;
    if (step > axis->tickInterval()) {
        axis->setTickInterval(step);
        if (rangeChanges)
            axis->setRange(minimum, maximum);
    } else {
        if (rangeChanges)
            axis->setRange(minimum, maximum);
        if (step != axis->tickInterval())
            axis->setTickInterval(step);
    }
}

} // namespace headroom
