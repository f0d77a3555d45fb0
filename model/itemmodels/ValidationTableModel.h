#pragma once

#include "measured/Validation.h"

#include <QAbstractTableModel>
#include <QList>

namespace headroom {

// The estimator's measured error by class, as `headroom validate` prints it: for each speed class (one-user
// decode, decode with concurrent users, prompt processing) the overall row, then one row per runtime x
// platform. Backs the table under the Accuracy chart. Errors are percentages; "—" where a method has none.
class ValidationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SpeedColumn, ClassColumn, RowsColumn, SeedColumn, RooflineColumn, HeldOutColumn, InRangeColumn, ColumnCount };
    // The number behind a percentage cell (a fraction), for sorting and tests; empty where there is none.
    static constexpr int ValueRole = Qt::UserRole + 1;

    explicit ValidationTableModel(QObject *parent = nullptr);

    void setReport(const ValidationReport &report);
    const ScoreGroup &group(int row) const { return m_groups.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ScoreGroup> m_groups;
};

} // namespace headroom
