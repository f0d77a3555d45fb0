#pragma once

#include "scenario/EstimateSet.h"

#include <QList>
#include <QModelIndex>
#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace headroom {

class EstimateTableModel;
class StaticTextDelegate;

// The results table: sortable by any column (numerically), each row explaining itself in its
// tooltip; Copy puts the whole table on the clipboard as CSV.
class ResultsTable final : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsTable(QWidget *parent = nullptr);

    void setEstimates(const EstimateSet &estimates);
    EstimateTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

    QString toCsv() const;
    void copyToClipboard() const;
    // Index into EstimateSet::rows of the selected row, or -1.
    int selectedRow() const;

Q_SIGNALS:
    void selectedRowChanged(int row);

private:
    // Widens the columns of the changed cells whose new text needs more room.
    void widenColumnsToFit(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    EstimateTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    StaticTextDelegate *m_delegate = nullptr; // the view's, from makeCompactResultsTable()
};

} // namespace headroom
