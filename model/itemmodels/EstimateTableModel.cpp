#include "itemmodels/EstimateTableModel.h"
#include "core/Defaults.h"
#include "core/Units.h"

#include "core/CsvField.h"
#include "engine/Estimator.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <limits>
#include <utility>

namespace headroom {
namespace {

// Shown in speed cells when the model does not fit.
const QString NoSpeed = QStringLiteral("—");

QString speedText(const Estimate &estimate, double tokensPerSecond)
{
    if (!estimate.runs())
        return NoSpeed;
    return formatSpeedNumber(tokensPerSecond);
}

QString csvNumber(const Estimate &estimate, double value)
{
    return estimate.runs() ? QString::number(value, 'g', 6) : QString();
}

} // namespace

EstimateTableModel::EstimateTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString EstimateTableModel::fitText(Fit fit)
{
    switch (fit) {
    case Fit::Fits: return tr("Fits");
    case Fit::Tight: return tr("Tight");
    case Fit::Offload: return tr("Offload");
    case Fit::DoesNotFit: break;
    }
    return tr("Does not fit");
}

QString EstimateTableModel::bottleneckText(Bottleneck bottleneck)
{
    switch (bottleneck) {
    case Bottleneck::Bandwidth: return tr("Bandwidth");
    case Bottleneck::Compute: return tr("Compute");
    case Bottleneck::Interconnect: return tr("Interconnect");
    case Bottleneck::Capacity: break;
    }
    return tr("Capacity");
}

void EstimateTableModel::setEstimates(const EstimateSet &estimates)
{
    // The same configurations with new numbers (a slider move): change the cells in place, so
    // views keep their selection, sort and column widths. Anything else is a new table.
    const bool sameRows = estimates.rows.size() == m_estimates.rows.size()
        && std::equal(estimates.rows.cbegin(), estimates.rows.cend(), m_estimates.rows.cbegin(),
                      [](const EstimateRow &a, const EstimateRow &b) {
                          return a.scenarioIndex == b.scenarioIndex && a.label == b.label;
                      });
    if (!sameRows || m_estimates.rows.isEmpty()) {
        beginResetModel();
        m_estimates = estimates;
        endResetModel();
        return;
    }
    const EstimateSet before = std::exchange(m_estimates, estimates);
    if (before.minTpsPerUser != m_estimates.minTpsPerUser)
        Q_EMIT headerDataChanged(Qt::Horizontal, UsersAtMinTpsColumn, UsersAtMinTpsColumn);
    for (int row = 0; row < m_estimates.rows.size(); ++row)
        announceRowChange(row, before.rows.at(row), m_estimates.rows.at(row));
}

void EstimateTableModel::announceRowChange(int row, const EstimateRow &before, const EstimateRow &after)
{
    if (before == after)
        return;
    // Only the cells whose text or sort key changed: a view repaints what is announced, and a
    // slider move usually changes a few columns (efficiency moves no memory figure).
    if (before.estimate.fit != after.estimate.fit) { // FitRole is every cell's
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    bool announced = false;
    int runStart = -1; // first column of the current run of changed cells
    for (int column = 0; column <= ColumnCount; ++column) {
        const bool changed = column < ColumnCount
            && (displayData(before, column) != displayData(after, column) || sortData(before, column) != sortData(after, column));
        if (changed && runStart < 0)
            runStart = column;
        if (!changed && runStart >= 0) {
            Q_EMIT dataChanged(index(row, runStart), index(row, column - 1));
            runStart = -1;
            announced = true;
        }
    }
    if (!announced) // the same figures, from a different computation: only the tooltip's formula
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::ToolTipRole});
}

int EstimateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_estimates.rows.size());
}

int EstimateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EstimateTableModel::priceText(const ConfigurationPrice &price)
{
    if (!price.usd)
        return tr("unknown");
    const QString dollars = QStringLiteral("$") + QLocale(QLocale::English).toString(*price.usd, 'f', 0);
    return price.cardsOnly ? dollars + tr(" cards") : dollars;
}

QString EstimateTableModel::priceToolTip(const EstimateRow &row)
{
    const ConfigurationPrice &price = row.price;
    if (!price.usd)
        return tr("No public price for %1: enter a quote with the Advisor's \"Prices and quotes…\"").arg(row.label);
    const QLocale english(QLocale::English);
    QStringList lines;
    if (price.hostUsd) {
        lines << tr("%1 = cards $%2 + %3 $%4")
                     .arg(priceText(price), english.toString(price.cardsUsd(), 'f', 0), price.hostName,
                          english.toString(*price.hostUsd, 'f', 0));
        lines << tr("Cards: %1").arg(price.source + (price.date.isEmpty() ? QString() : QStringLiteral(" (") + price.date + QLatin1Char(')')));
        lines << tr("Host: %1").arg(price.hostSource);
    } else {
        lines << priceText(price) + (price.cardsOnly ? tr(": the cards alone, without the machine around them") : QString());
        lines << price.source + (price.date.isEmpty() ? QString() : QStringLiteral(" (") + price.date + QLatin1Char(')'));
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant EstimateTableModel::displayData(const EstimateRow &row, int column) const
{
    const Estimate &estimate = row.estimate;
    switch (column) {
    case ConfigurationColumn: return row.label;
    case FitColumn: return fitText(estimate.fit);
    case DecodePerUserColumn: return speedText(estimate, estimate.decodeTpsPerUser);
    case DecodeTotalColumn: return speedText(estimate, estimate.decodeTpsTotal);
    case UsersAtMinTpsColumn: return row.usersAtMinTps;
    case PriceColumn: return priceText(row.price);
    // The seed rule has no prefill: a dash, never a measured-looking 0.
    case PrefillColumn: return estimate.prefillTps > 0 ? speedText(estimate, estimate.prefillTps) : NoSpeed;
    case TtftColumn:
        return estimate.runs() && estimate.prefillTps > 0 ? QString::number(estimate.ttftSeconds, 'f', 2) : NoSpeed;
    case MemoryColumn:
        return QString(QString::number(estimate.memory.totalGB, 'f', 1) % QStringLiteral(" / ")
                       % QString::number(estimate.memory.usableGB, 'f', 1));
    case BottleneckColumn: return bottleneckText(estimate.bottleneck);
    default: return {};
    }
}

QVariant EstimateTableModel::sortData(const EstimateRow &row, int column) const
{
    const Estimate &estimate = row.estimate;
    const auto speed = [&estimate](double value) { return estimate.runs() ? value : 0.0; };
    switch (column) {
    case ConfigurationColumn: return row.label;
    case FitColumn: return static_cast<int>(estimate.fit);
    case DecodePerUserColumn: return speed(estimate.decodeTpsPerUser);
    case DecodeTotalColumn: return speed(estimate.decodeTpsTotal);
    case UsersAtMinTpsColumn: return row.usersAtMinTps;
    case PriceColumn: return row.price.usd ? *row.price.usd : std::numeric_limits<double>::max(); // unknown last
    case PrefillColumn: return speed(estimate.prefillTps);
    case TtftColumn: return speed(estimate.ttftSeconds);
    case MemoryColumn: return estimate.memory.totalGB;
    case BottleneckColumn: return bottleneckText(estimate.bottleneck);
    default: return {};
    }
}

QVariant EstimateTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EstimateRow &row = m_estimates.rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return displayData(row, index.column());
    case SortRole: return sortData(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == PriceColumn ? priceToolTip(row) : explain(row.input, row.estimate);
    case Qt::TextAlignmentRole:
        return index.column() == ConfigurationColumn || index.column() == FitColumn
                || index.column() == BottleneckColumn
            ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case FitRole: return static_cast<int>(row.estimate.fit);
    case ScenarioIndexRole: return row.scenarioIndex;
    case RowIndexRole: return index.row();
    default: return {};
    }
}

QVariant EstimateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case ConfigurationColumn: return tr("Configuration");
        case FitColumn: return tr("Fit");
        case DecodePerUserColumn: return tr("t/s per user");
        case DecodeTotalColumn: return tr("Total t/s");
        case UsersAtMinTpsColumn: return tr("Users ≥ %1 t/s").arg(formatSpeedNumber(m_estimates.minTpsPerUser));
        case PriceColumn: return tr("Price");
        case PrefillColumn: return tr("Prefill t/s");
        case TtftColumn: return tr("TTFT s");
        case MemoryColumn: return tr("Used / usable GB");
        case BottleneckColumn: return tr("Bottleneck");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DecodePerUserColumn: return tr("Decode speed each user sees, tokens per second");
        case DecodeTotalColumn: return tr("Decode speed summed over all concurrent users");
        case UsersAtMinTpsColumn:
            return tr("The most users served at once with every one reading at %1 t/s or faster (0: not even one); "
                      "the Advisor's speed requirement sets the pace, a comfortable reading speed without one")
                .arg(formatSpeedNumber(m_estimates.minTpsPerUser));
        case PriceColumn:
            return tr("What the machine costs: a named system's list price or your quote; for cards bought on their "
                      "own, the cards plus a typical host from a published build (\"cards\": no host included)");
        case PrefillColumn: return tr("Prompt processing speed, tokens per second");
        case TtftColumn: return tr("Time to first token for the prompt, seconds");
        case MemoryColumn: return tr("Weights + KV cache + overhead against the memory the model may use (GB = 10^9 bytes)");
        case BottleneckColumn: return tr("What limits the decode speed");
        default: return {};
        }
    }
    return {};
}

QString EstimateTableModel::toCsv() const
{
    QStringList lines;
    lines << QStringLiteral("configuration,fit,decode_tps_per_user,decode_tps_total,prefill_tps,ttft_s,"
                            "memory_used_gb,memory_usable_gb,bottleneck,users_at_min_tps,price_usd,price_covers");
    for (const EstimateRow &row : m_estimates.rows) {
        const Estimate &estimate = row.estimate;
        lines << QStringList{csvField(row.label),
                             toString(estimate.fit),
                             csvNumber(estimate, estimate.decodeTpsPerUser),
                             csvNumber(estimate, estimate.decodeTpsTotal),
                             estimate.prefillTps > 0 ? csvNumber(estimate, estimate.prefillTps) : QString(),
                             estimate.prefillTps > 0 ? csvNumber(estimate, estimate.ttftSeconds) : QString(),
                             QString::number(estimate.memory.totalGB, 'g', 6),
                             QString::number(estimate.memory.usableGB, 'g', 6),
                             toString(estimate.bottleneck),
                             QString::number(row.usersAtMinTps),
                             row.price.usd ? QString::number(*row.price.usd, 'f', 0) : QString(),
                             !row.price.usd        ? QString()
                                 : row.price.cardsOnly ? QStringLiteral("cards only")
                                 : row.price.hostUsd   ? QStringLiteral("cards + typical host")
                                                       : QStringLiteral("whole system")}
                     .join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace headroom
