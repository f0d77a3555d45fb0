// The validation report's class table.
#include "itemmodels/ValidationTableModel.h"

#include <QCoreApplication>

#include <optional>

namespace headroom {
namespace {

constexpr double kPercent = 100;

QString percent(const std::optional<double> &fraction)
{
    return fraction ? QString::number(*fraction * kPercent, 'f', 1) + QLatin1Char('%') : QStringLiteral("\u2014");
}

QString speedName(ScoreSection section)
{
    switch (section) {
    case ScoreSection::Decode: return QCoreApplication::translate("ValidationTableModel", "Decode, one user");
    case ScoreSection::Concurrency: return QCoreApplication::translate("ValidationTableModel", "Decode, several users");
    case ScoreSection::Prefill: return QCoreApplication::translate("ValidationTableModel", "Prompt processing");
    }
    return {};
}

std::optional<double> valueOf(const ScoreGroup &group, int column)
{
    switch (column) {
    case ValidationTableModel::SeedColumn: return group.seedMape;
    case ValidationTableModel::RooflineColumn: return group.rooflineMape;
    case ValidationTableModel::HeldOutColumn: return group.rooflineHoldOutMape;
    case ValidationTableModel::InRangeColumn: return group.holdOutCoverage;
    default: return std::nullopt;
    }
}

} // namespace

ValidationTableModel::ValidationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ValidationTableModel::setReport(const ValidationReport &report)
{
    QList<ScoreGroup> groups;
    for (ScoreSection section : {ScoreSection::Decode, ScoreSection::Concurrency, ScoreSection::Prefill}) {
        for (const QString &dimension : {QStringLiteral("overall"), QStringLiteral("runtime x platform")}) {
            for (const ScoreGroup &group : report.groups) {
                if (group.section == section && group.dimension == dimension)
                    groups << group;
            }
        }
    }
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

int ValidationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int ValidationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ValidationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScoreGroup &group = m_groups.at(index.row());
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case SpeedColumn: return speedName(group.section);
        case ClassColumn:
            return group.dimension == QLatin1String("overall") ? tr("all rows") : group.key;
        case RowsColumn: return group.rows;
        default: return percent(valueOf(group, column));
        }
    }
    if (role == ValueRole) {
        if (column == RowsColumn)
            return group.rows;
        const std::optional<double> value = valueOf(group, column);
        return value ? QVariant(*value) : QVariant();
    }
    if (role == Qt::TextAlignmentRole && column >= RowsColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case HeldOutColumn:
            return tr("Mean error when the row's source is left out of the fit: what to expect on a new source.");
        case InRangeColumn:
            return tr("Share of those held-out estimates whose likely range held the measured value.");
        case SeedColumn:
            return tr("The article's rule: bandwidth / model size x 65%.");
        default: return {};
        }
    }
    return {};
}

QVariant ValidationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SpeedColumn: return tr("Speed");
    case ClassColumn: return tr("Runtime / platform");
    case RowsColumn: return tr("Rows");
    case SeedColumn: return tr("Article's rule");
    case RooflineColumn: return tr("Roofline");
    case HeldOutColumn: return tr("Held out");
    case InRangeColumn: return tr("In range");
    default: return {};
    }
}

} // namespace headroom
