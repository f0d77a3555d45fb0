#pragma once

#include "scenario/EstimateSet.h"

#include <QAbstractTableModel>

namespace headroom {

// The results table: one row per estimated configuration. Display text is formatted for people,
// SortRole gives plain numbers (does-not-fit speeds sort as 0), the tooltip explains the row.
// One bulk setter (setEstimates); toCsv() for copying and exporting.
class EstimateTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ConfigurationColumn,
        FitColumn,
        DecodePerUserColumn,
        DecodeTotalColumn,
        UsersAtMinTpsColumn,
        PriceColumn,
        PrefillColumn,
        TtftColumn,
        MemoryColumn,
        BottleneckColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // double, or QString for text columns
        FitRole,                     // int (Fit)
        ScenarioIndexRole,           // int
        RowIndexRole,                // int, index into EstimateSet::rows
    };

    explicit EstimateTableModel(QObject *parent = nullptr);

    void setEstimates(const EstimateSet &estimates);
    const EstimateSet &estimates() const { return m_estimates; }

    // Header line and one line per row; numbers unformatted (no thousands separators), speeds empty
    // when the model does not fit; RFC 4180 quoting.
    QString toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString fitText(Fit fit);
    static QString bottleneckText(Bottleneck bottleneck);
    static QString priceText(const ConfigurationPrice &price); // "$5,312", "$3,998 cards", "unknown"
    static QString priceToolTip(const EstimateRow &row);

private:
    QVariant displayData(const EstimateRow &row, int column) const;
    QVariant sortData(const EstimateRow &row, int column) const;
    // dataChanged for the cells of `row` that changed from `before` to `after`, if any.
    void announceRowChange(int row, const EstimateRow &before, const EstimateRow &after);

    EstimateSet m_estimates;
};

} // namespace headroom
