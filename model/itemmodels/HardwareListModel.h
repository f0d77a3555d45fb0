#pragma once

#include "catalog/Catalog.h"
#include "catalog/ClusterLinkLookup.h"
#include "scenario/Scenario.h"

#include <QAbstractItemModel>
#include <QList>

#include <array>

namespace headroom {

// The scenario's configurations as a two-level tree: groups (Apple, NVIDIA, Other) with one
// checkable row per configuration. Columns: name (check box), count, memory GB, machines (more than one is
// a cluster) and the link joining them.
// One bulk setter (setConfigurations); edits made through setData are announced with
// configurationsEdited so the view can turn them into one undoable scenario edit.
class HardwareListModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, MemoryColumn, NodesColumn, LinkColumn, ColumnCount };
    enum Group { AppleGroup, NvidiaGroup, OtherGroup, GroupCount };
    enum Role {
        ScenarioIndexRole = Qt::UserRole + 1, // int; -1 on group rows
        GroupRole,                            // Group
        DeviceIdRole,                         // QString
        MemoryOptionsRole,                    // QVariantList of double, the device's options
        MaxCountRole,                         // int, cards per chassis
        IsGroupRole,                          // bool
        LinkOptionsRole,                      // QVariantList of QVariantMap {id, label, shortName}; id "" = the
                                              // device's default link (or the configuration's inline one)
        LinkProblemRole,                      // QString: why the cluster's link is unusable; empty when fine
    };

    explicit HardwareListModel(const Catalog &catalog, QObject *parent = nullptr);

    void setConfigurations(const QList<ScenarioConfiguration> &configurations);
    const QList<ScenarioConfiguration> &configurations() const { return m_configurations; }

    static Group groupOf(const Device *device);
    static QString groupName(Group group);
    // Index of the configuration row for a scenario index (invalid when out of range).
    QModelIndex indexForScenarioIndex(int scenarioIndex, int column = NameColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void configurationsEdited(const QList<ScenarioConfiguration> &configurations);

private:
    // Groups that hold at least one configuration, in Group order.
    QList<Group> m_visibleGroups;
    std::array<QList<int>, GroupCount> m_members; // scenario indices per group
    QList<ScenarioConfiguration> m_configurations;
    const Catalog &m_catalog;

    static constexpr quintptr GroupInternalId = 0; // children carry their group row + 1
    bool isGroup(const QModelIndex &index) const { return index.internalId() == GroupInternalId; }
    int scenarioIndexOf(const QModelIndex &index) const;
    QVariant groupData(int groupRow, int column, int role) const;
    QVariant configurationData(int scenarioIndex, int column, int role) const;
    QVariant configurationTip(const Configuration &configuration, const Device *device, int column,
                              double memoryGB) const;
    ClusterLinkLookup linkLookup(const Configuration &configuration, const Device *device) const;
    QString linkText(const Configuration &configuration, const Device *device) const;
    QString linkProblem(const Configuration &configuration, const Device *device) const;
    QVariantList linkOptions(const Configuration &configuration, const Device *device) const;
    bool editConfiguration(Configuration &configuration, const QModelIndex &index, const QVariant &value) const;
    Qt::CheckState groupCheckState(int groupRow) const;
    bool setGroupChecked(const QModelIndex &index, bool checked);
    void rebuildGroups();
};

} // namespace headroom
