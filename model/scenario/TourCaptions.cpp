#include "scenario/TourCaptions.h"

#include "core/Units.h"

#include <QRegularExpression>

#include <optional>

namespace headroom {

namespace {

// "rtx-5090x2" -> the first row on rtx-5090 with two cards; "m3-ultra" -> the first row on one m3-ultra machine;
// "m3-ultra@2" -> the first cluster of two m3-ultra machines.
const EstimateRow *findRow(const EstimateSet &estimates, const QString &configWithMachines)
{
    static const QRegularExpression withMachines(QStringLiteral("^(.+)@(\\d+)$"));
    const QRegularExpressionMatch machinesMatch = withMachines.match(configWithMachines);
    const QString config = machinesMatch.hasMatch() ? machinesMatch.captured(1) : configWithMachines;
    const int nodes = machinesMatch.hasMatch() ? machinesMatch.captured(2).toInt() : 1;
    static const QRegularExpression withCount(QStringLiteral("^(.+)x(\\d+)$"));
    const QRegularExpressionMatch match = withCount.match(config);
    for (const bool counted : {true, false}) {
        if (counted && !match.hasMatch())
            continue;
        const QString device = counted ? match.captured(1) : config;
        const int count = counted ? match.captured(2).toInt() : 0;
        for (const EstimateRow &row : estimates.rows) {
            if (row.input.device.id == device && (count == 0 || row.input.configuration.count == count)
                && row.input.configuration.nodes == nodes)
                return &row;
        }
    }
    return nullptr;
}

std::optional<SweepPoint> pointAt(const EstimateRow &row, const QString &usersText)
{
    bool ok = false;
    const int users = usersText.toInt(&ok);
    for (const SweepPoint &point : row.sweep) {
        if (ok && point.users == users && point.decodeTpsPerUser > 0)
            return point;
    }
    return std::nullopt;
}

std::optional<QString> fill(const QStringList &parts, const EstimateSet &estimates)
{
    const QString &kind = parts.at(0);
    if (kind == QLatin1String("weights") && parts.size() == 1) {
        if (estimates.rows.isEmpty())
            return std::nullopt;
        return formatGigabytes(estimates.rows.first().estimate.memory.weightsGB);
    }
    if (parts.size() < 2)
        return std::nullopt;
    const EstimateRow *row = findRow(estimates, parts.at(1));
    if (!row || !row->estimate.runs())
        return std::nullopt;
    if (kind == QLatin1String("tps") && parts.size() == 2)
        return formatTokensPerSecond(row->estimate.decodeTpsPerUser);
    if (kind == QLatin1String("tps") && parts.size() == 3) {
        const auto point = pointAt(*row, parts.at(2));
        return point ? std::optional(formatTokensPerSecond(point->decodeTpsPerUser)) : std::nullopt;
    }
    if (kind == QLatin1String("total") && parts.size() == 3) {
        const auto point = pointAt(*row, parts.at(2));
        return point ? std::optional(formatTokensPerSecond(point->decodeTpsTotal)) : std::nullopt;
    }
    if (kind == QLatin1String("drop") && parts.size() == 4) {
        const auto from = pointAt(*row, parts.at(2));
        const auto to = pointAt(*row, parts.at(3));
        if (!from || !to)
            return std::nullopt;
        return formatPercent(1.0 - to->decodeTpsPerUser / from->decodeTpsPerUser);
    }
    return std::nullopt;
}

} // namespace

QString liveCaption(const QString &caption, const EstimateSet &estimates)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z]+(?::[A-Za-z0-9._@-]+)*)\\}"));
    QString filled;
    qsizetype done = 0;
    for (QRegularExpressionMatchIterator it = placeholder.globalMatch(caption); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        filled += caption.mid(done, match.capturedStart() - done);
        const std::optional<QString> value = fill(match.captured(1).split(QLatin1Char(':')), estimates);
        filled += value.value_or(match.captured(0));
        done = match.capturedEnd();
    }
    return filled + caption.mid(done);
}

Tour withLiveCaptions(Tour tour, const Catalog &catalog)
{
    for (TourStep &step : tour.steps) {
        if (step.caption.contains(QLatin1Char('{')))
            step.caption = liveCaption(step.caption, computeEstimates(step.scenario, catalog));
    }
    return tour;
}

TourOrDiagnostics loadLiveTour(const QString &nameOrPath, const Catalog &catalog)
{
    TourOrDiagnostics loaded = loadTour(nameOrPath, catalog);
    if (Tour *tour = std::get_if<Tour>(&loaded))
        *tour = withLiveCaptions(std::move(*tour), catalog);
    return loaded;
}

} // namespace headroom
