#pragma once

#include "advisor/Advisor.h"

#include <QAbstractTableModel>

namespace headroom {

// The advisor's ranked shortlist as a table: one row per shortlisted configuration, in rank order.
// Display text is formatted for people ("price unknown", "—" without a cloud price), SortRole gives
// plain numbers (unknown prices and break-evens sort last), the tooltip explains the cell: the cost
// formula with its inputs on the cost columns, the estimate's formula elsewhere.
// One bulk setter; a result with the same number of rows updates in place (dataChanged), so a
// view keeps its selection and scroll position while a slider moves.
class AdvisorShortlistModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RankColumn,
        ConfigurationColumn,
        QuantColumn,
        FitColumn,
        DecodePerUserColumn,
        DecodeTotalColumn,
        TtftColumn,
        PriceColumn,
        PowerColumn,
        CostPerTokenColumn,
        BreakevenColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // double, or QString for text columns
        PlatformRole,                // int (Platform)
        PriceKnownRole,              // bool
    };

    explicit AdvisorShortlistModel(QObject *parent = nullptr);

    // `assumptions` are the ones the result was computed with (they appear in the cost tooltips).
    void setResult(const AdvisorResult &result, const CostAssumptions &assumptions);
    const AdvisorResult &result() const { return m_result; }
    const AdvisorCandidate &candidate(int row) const { return m_result.shortlist.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "$12,499", or "price unknown".
    static QString priceText(const std::optional<double> &priceUsd);

private:
    QVariant displayData(int row, int column) const;
    QVariant sortData(int row, int column) const;
    QString toolTip(int row, int column) const;

    AdvisorResult m_result;
    CostAssumptions m_assumptions;
    QStringList m_shownLabels; // compact names (no vendor words), row by row
};

} // namespace headroom
