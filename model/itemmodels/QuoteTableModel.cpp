#include "itemmodels/QuoteTableModel.h"

#include "advisor/HostPlatform.h"

#include <QLocale>

#include <cmath>

namespace headroom {
namespace {

QString dollars(double usd)
{
    return QStringLiteral("$") + QLocale(QLocale::English).toString(usd, 'f', 0);
}

} // namespace

QuoteTableModel::QuoteTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void QuoteTableModel::setCatalog(const Catalog &catalog)
{
    beginResetModel();
    m_rows.clear();
    for (const NamedSystem &system : catalog.systems())
        m_rows.append(Row{system.id, system.name, Row::Kind::System, system.priceUsd, system.priceSource});
    for (const Device &device : catalog.devices()) {
        if (!device.isApple()) // Apple chips are priced through their systems (a Mac, not a chip)
            m_rows.append(Row{device.id, device.name, Row::Kind::Card, device.priceUsd, device.priceSource});
    }
    for (const HostPlatform &host : hostPlatforms())
        m_rows.append(Row{host.id, host.name, Row::Kind::Host, host.priceUsd, host.priceSource});
    endResetModel();
}

void QuoteTableModel::setQuotes(const QMap<QString, double> &quotes)
{
    if (quotes == m_quotes)
        return;
    m_quotes = quotes;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, QuoteColumn), index(int(m_rows.size()) - 1, QuoteColumn));
}

int QuoteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuoteTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuoteTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == IdRole)
        return row.id;
    const auto quote = m_quotes.constFind(row.id);
    const bool quoted = quote != m_quotes.cend();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return row.name;
        case KindColumn:
            switch (row.kind) {
            case Row::Kind::System: return tr("system");
            case Row::Kind::Card: return tr("per card");
            case Row::Kind::Host: return tr("host for cards");
            }
            break;
        case ListPriceColumn: return row.listPriceUsd ? dollars(*row.listPriceUsd) : tr("unknown");
        case QuoteColumn: return quoted ? dollars(*quote) : QString();
        }
        break;
    case Qt::EditRole:
        if (index.column() == QuoteColumn)
            return quoted ? QVariant(*quote) : QVariant(0.0);
        break;
    case Qt::ToolTipRole:
        if (index.column() == ListPriceColumn && row.listPriceUsd)
            return tr("Public list price, from %1").arg(row.listPriceSource);
        if (index.column() == ListPriceColumn)
            return tr("No public list price: enter a quote to let the advisor price it.");
        if (index.column() == QuoteColumn)
            return tr("Your price in US$ (a customer's quote); it replaces the list price in the advisor. "
                      "0 removes it.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ListPriceColumn || index.column() == QuoteColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

bool QuoteTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != QuoteColumn
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    bool ok = false;
    const double usd = value.toDouble(&ok);
    if (!ok || !std::isfinite(usd) || usd < 0)
        return false;
    const QString &id = m_rows.at(index.row()).id;
    if (usd == 0)
        m_quotes.remove(id);
    else
        m_quotes.insert(id, usd);
    Q_EMIT dataChanged(index, index);
    Q_EMIT quotesEdited(m_quotes);
    return true;
}

Qt::ItemFlags QuoteTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == QuoteColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant QuoteTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn: return tr("Hardware");
    case KindColumn: return tr("Priced as");
    case ListPriceColumn: return tr("List price");
    case QuoteColumn: return tr("Your quote (US$)");
    }
    return {};
}

} // namespace headroom
