#include "itemmodels/AdvisorShortlistModel.h"

#include "core/ConfigurationLabels.h"
#include "core/Units.h"

#include "itemmodels/EstimateTableModel.h"
#include "engine/Estimator.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace headroom {
namespace {

const QString NoValue = QStringLiteral("\u2014");
// Unknown prices, powers and break-evens sort after every known one.
constexpr double UnknownSortsLast = std::numeric_limits<double>::infinity();
// Below this many dollars per million tokens, cents matter.
constexpr double CentsBelowUsd = 10;

QString speedText(double tokensPerSecond)
{
    return formatSpeedNumber(tokensPerSecond);
}

QString dollars(double usd, int decimals)
{
    return QLatin1Char('$') + QLocale(QLocale::English, QLocale::UnitedStates).toString(usd, 'f', decimals);
}

} // namespace

AdvisorShortlistModel::AdvisorShortlistModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString AdvisorShortlistModel::priceText(const std::optional<double> &priceUsd)
{
    return priceUsd ? dollars(std::round(*priceUsd), 0) : tr("price unknown");
}

void AdvisorShortlistModel::setResult(const AdvisorResult &result, const CostAssumptions &assumptions)
{
    QStringList labels;
    for (const AdvisorCandidate &candidate : result.shortlist)
        labels.append(candidate.label);
    if (result.shortlist.size() != m_result.shortlist.size()) {
        beginResetModel();
        m_result = result;
        m_assumptions = assumptions;
        m_shownLabels = compactConfigurationLabels(labels);
        endResetModel();
        return;
    }
    const bool changed = result.shortlist != m_result.shortlist || assumptions != m_assumptions;
    m_result = result;
    m_assumptions = assumptions;
    m_shownLabels = compactConfigurationLabels(labels);
    if (changed && !m_result.shortlist.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AdvisorShortlistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.shortlist.size());
}

int AdvisorShortlistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdvisorShortlistModel::displayData(int row, int column) const
{
    const AdvisorCandidate &c = m_result.shortlist.at(row);
    switch (column) {
    case RankColumn: return row + 1;
    case ConfigurationColumn: return m_shownLabels.value(row, c.label); // the whole name is in the tooltip
    case QuantColumn: return c.quant.name;
    case FitColumn: return EstimateTableModel::fitText(c.estimate.fit);
    case DecodePerUserColumn: return speedText(c.estimate.decodeTpsPerUser);
    case DecodeTotalColumn: return speedText(c.estimate.decodeTpsTotal);
    case TtftColumn: return QString::number(c.estimate.ttftSeconds, 'f', 2);
    case PriceColumn:
        return c.priceUsd && c.priceCardsOnly ? priceText(c.priceUsd) + tr(" cards") : priceText(c.priceUsd);
    case PowerColumn: return c.powerW > 0 ? QString::number(std::lround(c.powerW)) : tr("unknown");
    case CostPerTokenColumn:
        if (!c.cost.usdPerMillionTokens)
            return NoValue;
        return dollars(*c.cost.usdPerMillionTokens, *c.cost.usdPerMillionTokens < CentsBelowUsd ? 2 : 0);
    case BreakevenColumn:
        return c.cost.breakevenMonths ? QString::number(*c.cost.breakevenMonths, 'f', 1) : NoValue;
    default: return {};
    }
}

QVariant AdvisorShortlistModel::sortData(int row, int column) const
{
    const AdvisorCandidate &c = m_result.shortlist.at(row);
    switch (column) {
    case RankColumn: return row + 1;
    case ConfigurationColumn: return c.label;
    case QuantColumn: return c.quant.bitsPerWeight;
    case FitColumn: return static_cast<int>(c.estimate.fit);
    case DecodePerUserColumn: return c.estimate.decodeTpsPerUser;
    case DecodeTotalColumn: return c.estimate.decodeTpsTotal;
    case TtftColumn: return c.estimate.ttftSeconds;
    case PriceColumn: return c.priceUsd.value_or(UnknownSortsLast);
    case PowerColumn: return c.powerW > 0 ? c.powerW : UnknownSortsLast;
    case CostPerTokenColumn: return c.cost.usdPerMillionTokens.value_or(UnknownSortsLast);
    case BreakevenColumn: return c.cost.breakevenMonths.value_or(UnknownSortsLast);
    default: return {};
    }
}

QString AdvisorShortlistModel::toolTip(int row, int column) const
{
    const AdvisorCandidate &c = m_result.shortlist.at(row);
    switch (column) {
    case PriceColumn:
        if (!c.priceUsd)
            return tr("No public list price for %1: it is ranked on electricity alone.").arg(c.label);
        return c.priceSource.isEmpty() ? explainCost(c, m_assumptions)
                                       : explainCost(c, m_assumptions) + QStringLiteral("\n\nPrice: ") + c.priceSource;
    case PowerColumn:
    case CostPerTokenColumn:
    case BreakevenColumn:
        return explainCost(c, m_assumptions);
    default:
        return c.label + QStringLiteral("\n\n") + explain(c.input, c.estimate);
    }
}

QVariant AdvisorShortlistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Qt::DisplayRole: return displayData(index.row(), index.column());
    case SortRole: return sortData(index.row(), index.column());
    case Qt::ToolTipRole: return toolTip(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return index.column() == ConfigurationColumn || index.column() == QuantColumn || index.column() == FitColumn
            ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case PlatformRole: return static_cast<int>(m_result.shortlist.at(index.row()).platform);
    case PriceKnownRole: return m_result.shortlist.at(index.row()).priceUsd.has_value();
    default: return {};
    }
}

QVariant AdvisorShortlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn: return tr("#");
        case ConfigurationColumn: return tr("Configuration");
        case QuantColumn: return tr("Quant");
        case FitColumn: return tr("Fit");
        case DecodePerUserColumn: return tr("t/s per user");
        case DecodeTotalColumn: return tr("Total t/s");
        case TtftColumn: return tr("TTFT s");
        case PriceColumn: return tr("Price");
        case PowerColumn: return tr("Power W");
        case CostPerTokenColumn: return tr("$ / M tokens");
        case BreakevenColumn: return tr("Break-even months");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn: return tr("Rank by the chosen order (price, speed, t/s per dollar or t/s per watt)");
        case DecodePerUserColumn: return tr("Decode speed each user sees, tokens per second");
        case DecodeTotalColumn: return tr("Decode speed summed over all concurrent users");
        case TtftColumn: return tr("Time to first token for the prompt, seconds");
        case PriceColumn: return tr("Public list price of the whole system; for cards bought on their own, the cards "
                                    "plus a typical host from a published build (hover a price for its lines); "
                                    "\"cards\" marks a price without its host; unknown prices are not invented");
        case PowerColumn: return tr("System power, else board power x count, watts");
        case CostPerTokenColumn:
            return tr("Dollars per million output tokens: price amortised over the years plus electricity, "
                      "over the tokens produced at the utilisation");
        case BreakevenColumn: return tr("Months until buying costs less than the cloud price per million tokens");
        default: return {};
        }
    }
    return {};
}

} // namespace headroom
