#pragma once

#include "catalog/Catalog.h"

#include <QAbstractListModel>

namespace headroom {

// One section of the catalog as a list for pickers (models, devices, quantizations or named
// systems). Display: the name; IdRole: the id to store in a scenario; SearchRole: name + id
// for filtering with a QSortFilterProxyModel. One bulk setter (setCatalog).
class CatalogModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Section { Models, Devices, Quantizations, Systems };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString
        SearchRole,                // QString: name and id
        SizeRole,                  // double: params B (models), memory GB (devices), bits (quants)
    };

    explicit CatalogModel(Section section, QObject *parent = nullptr);

    void setCatalog(const Catalog &catalog);
    Section section() const { return m_section; }
    // Row of the entry with `id` (case-insensitive for quantizations), or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry {
        QString id;
        QString name;
        QString toolTip;
        double size = 0;
    };
    static QList<Entry> entriesOf(const Catalog &catalog, Section section);

    Section m_section;
    QList<Entry> m_entries;
};

} // namespace headroom
