#include "itemmodels/HardwareListModel.h"

#include "scenario/EstimateSet.h"

#include <algorithm>

namespace headroom {

HardwareListModel::HardwareListModel(const Catalog &catalog, QObject *parent)
    : QAbstractItemModel(parent)
    , m_catalog(catalog)
{
}

HardwareListModel::Group HardwareListModel::groupOf(const Device *device)
{
    if (!device)
        return OtherGroup;
    if (device->isApple())
        return AppleGroup;
    if (device->vendor == QLatin1String("nvidia"))
        return NvidiaGroup;
    return OtherGroup;
}

QString HardwareListModel::groupName(Group group)
{
    switch (group) {
    case AppleGroup: return tr("Apple");
    case NvidiaGroup: return tr("NVIDIA");
    case OtherGroup:
    case GroupCount: break;
    }
    return tr("Other");
}

void HardwareListModel::setConfigurations(const QList<ScenarioConfiguration> &configurations)
{
    if (configurations == m_configurations && !m_visibleGroups.isEmpty())
        return; // an edit made here coming back from the controller: keep selection and expansion
    beginResetModel();
    m_configurations = configurations;
    rebuildGroups();
    endResetModel();
}

void HardwareListModel::rebuildGroups()
{
    for (QList<int> &members : m_members)
        members.clear();
    for (int i = 0; i < m_configurations.size(); ++i)
        m_members[groupOf(m_catalog.device(m_configurations.at(i).configuration.deviceId))].append(i);
    m_visibleGroups.clear();
    for (int group = 0; group < GroupCount; ++group) {
        if (!m_members[group].isEmpty())
            m_visibleGroups.append(static_cast<Group>(group));
    }
}

QModelIndex HardwareListModel::indexForScenarioIndex(int scenarioIndex, int column) const
{
    for (int groupRow = 0; groupRow < m_visibleGroups.size(); ++groupRow) {
        const int row = m_members[m_visibleGroups.at(groupRow)].indexOf(scenarioIndex);
        if (row >= 0)
            return createIndex(row, column, quintptr(groupRow + 1));
    }
    return {};
}

QModelIndex HardwareListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, GroupInternalId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex HardwareListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || isGroup(child))
        return {};
    return createIndex(int(child.internalId() - 1), 0, GroupInternalId);
}

int HardwareListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_visibleGroups.size());
    if (parent.column() != 0 || !isGroup(parent) || parent.row() >= m_visibleGroups.size())
        return 0;
    return int(m_members[m_visibleGroups.at(parent.row())].size());
}

int HardwareListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

int HardwareListModel::scenarioIndexOf(const QModelIndex &index) const
{
    if (!index.isValid() || isGroup(index))
        return -1;
    const int groupRow = int(index.internalId() - 1);
    if (groupRow >= m_visibleGroups.size())
        return -1;
    const QList<int> &members = m_members[m_visibleGroups.at(groupRow)];
    return index.row() < members.size() ? members.at(index.row()) : -1;
}

Qt::CheckState HardwareListModel::groupCheckState(int groupRow) const
{
    const QList<int> &members = m_members[m_visibleGroups.at(groupRow)];
    const auto checked = std::count_if(members.begin(), members.end(),
                                       [this](int i) { return m_configurations.at(i).checked; });
    if (checked == 0)
        return Qt::Unchecked;
    return checked == members.size() ? Qt::Checked : Qt::PartiallyChecked;
}

QVariant HardwareListModel::groupData(int groupRow, int column, int role) const
{
    const Group group = m_visibleGroups.at(groupRow);
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? groupName(group) : QVariant();
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(groupCheckState(groupRow)) : QVariant();
    case GroupRole: return group;
    case IsGroupRole: return true;
    case ScenarioIndexRole: return -1;
    default: return {};
    }
}

QVariant HardwareListModel::configurationData(int scenarioIndex, int column, int role) const
{
    const ScenarioConfiguration &entry = m_configurations.at(scenarioIndex);
    const Configuration &configuration = entry.configuration;
    const Device *device = m_catalog.device(configuration.deviceId);
    const double memoryGB = configuration.memoryGB > 0 || !device ? configuration.memoryGB : device->largestMemoryGB();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case NameColumn:
            if (!entry.label.isEmpty())
                return entry.label;
            if (const NamedSystem *system = m_catalog.system(entry.systemId))
                return system->name;
            return device ? device->name : configuration.deviceId;
        case CountColumn: return configuration.count;
        case MemoryColumn: return memoryGB;
        default: return {};
        }
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(entry.checked ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ToolTipRole:
        if (!device)
            return tr("Unknown hardware \"%1\" (not in the catalog)").arg(configuration.deviceId);
        return tr("%1: %2 GB/s, %3 FP16 TFLOPS, %4 GB per device")
            .arg(configurationLabel(*device, configuration))
            .arg(device->bandwidthGBs)
            .arg(device->fp16Tflops)
            .arg(memoryGB);
    case ScenarioIndexRole: return scenarioIndex;
    case GroupRole: return groupOf(device);
    case DeviceIdRole: return configuration.deviceId;
    case IsGroupRole: return false;
    case MaxCountRole: return device ? std::max(device->maxCount, configuration.count) : configuration.count;
    case MemoryOptionsRole: {
        QVariantList options;
        if (device) {
            for (double option : device->memoryOptionsGB)
                options.append(option);
        }
        return options;
    }
    default: return {};
    }
}

QVariant HardwareListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroup(index))
        return groupData(index.row(), index.column(), role);
    const int scenarioIndex = scenarioIndexOf(index);
    return scenarioIndex < 0 ? QVariant() : configurationData(scenarioIndex, index.column(), role);
}

bool HardwareListModel::setGroupChecked(const QModelIndex &index, bool checked)
{
    bool changed = false;
    for (int member : m_members[m_visibleGroups.at(index.row())]) {
        changed |= m_configurations[member].checked != checked;
        m_configurations[member].checked = checked;
    }
    if (!changed)
        return true;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    const int children = rowCount(index);
    if (children > 0)
        Q_EMIT dataChanged(this->index(0, NameColumn, index), this->index(children - 1, NameColumn, index),
                           {Qt::CheckStateRole});
    Q_EMIT configurationsEdited(m_configurations);
    return true;
}

bool HardwareListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    if (isGroup(index)) {
        if (role != Qt::CheckStateRole || index.column() != NameColumn)
            return false;
        return setGroupChecked(index, value.value<Qt::CheckState>() != Qt::Unchecked);
    }
    const int scenarioIndex = scenarioIndexOf(index);
    if (scenarioIndex < 0)
        return false;
    ScenarioConfiguration edited = m_configurations.at(scenarioIndex);
    if (role == Qt::CheckStateRole && index.column() == NameColumn) {
        edited.checked = value.value<Qt::CheckState>() == Qt::Checked;
    } else if (role == Qt::EditRole && index.column() == CountColumn) {
        bool ok = false;
        const int count = value.toInt(&ok);
        if (!ok || count < 1 || count > data(index, MaxCountRole).toInt())
            return false;
        edited.configuration.count = count;
    } else if (role == Qt::EditRole && index.column() == MemoryColumn) {
        bool ok = false;
        const double memoryGB = value.toDouble(&ok);
        if (!ok || !data(index, MemoryOptionsRole).toList().contains(QVariant(memoryGB)))
            return false;
        edited.configuration.memoryGB = memoryGB;
    } else {
        return false;
    }
    if (edited == m_configurations.at(scenarioIndex))
        return true;
    m_configurations[scenarioIndex] = edited;
    Q_EMIT dataChanged(index, index, {role, Qt::DisplayRole});
    if (role == Qt::CheckStateRole) {
        const QModelIndex group = parent(index);
        Q_EMIT dataChanged(group, group, {Qt::CheckStateRole});
    }
    Q_EMIT configurationsEdited(m_configurations);
    return true;
}

Qt::ItemFlags HardwareListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (isGroup(index))
        return index.column() == NameColumn ? flags | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate : flags;
    if (index.column() == NameColumn)
        return flags | Qt::ItemIsUserCheckable;
    if (index.column() == CountColumn && data(index, MaxCountRole).toInt() > 1)
        return flags | Qt::ItemIsEditable;
    if (index.column() == MemoryColumn && data(index, MemoryOptionsRole).toList().size() > 1)
        return flags | Qt::ItemIsEditable;
    return flags;
}

QVariant HardwareListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Hardware");
    case CountColumn: return tr("Count");
    case MemoryColumn: return tr("Memory GB");
    default: return {};
    }
}

} // namespace headroom
