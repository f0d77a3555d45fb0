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
        case NodesColumn: return configuration.nodes;
        case LinkColumn: return role == Qt::EditRole ? configuration.linkId : linkText(configuration, device);
        default: return {};
        }
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(entry.checked ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ToolTipRole: return configurationTip(configuration, device, column, memoryGB);
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
    case LinkOptionsRole: return linkOptions(configuration, device);
    case LinkProblemRole: return linkProblem(configuration, device);
    default: return {};
    }
}

QVariant HardwareListModel::configurationTip(const Configuration &configuration, const Device *device, int column,
                                             double memoryGB) const
{
    if (column == NodesColumn)
        return tr("Identical machines joined by a link; more than one is a cluster");
    if (column == LinkColumn) {
        if (!configuration.isCluster())
            return tr("One machine needs no link: set Machines above 1 to make a cluster");
        const QString problem = linkProblem(configuration, device);
        if (!problem.isEmpty())
            return problem;
        const ClusterLink link = linkLookup(configuration, device).link;
        return tr("%1: %2 GB/s per direction, %3 µs latency%4")
            .arg(link.name)
            .arg(link.bandwidthGBs)
            .arg(link.latencyUs)
            .arg(link.rdma ? tr(", RDMA") : QString());
    }
    if (!device)
        return tr("Unknown hardware \"%1\" (not in the catalog)").arg(configuration.deviceId);
    return tr("%1: %2 GB/s, %3 FP16 TFLOPS, %4 GB per device")
        .arg(configurationLabel(*device, configuration, linkLookup(configuration, device).link))
        .arg(device->bandwidthGBs)
        .arg(device->fp16Tflops)
        .arg(memoryGB);
}

ClusterLinkLookup HardwareListModel::linkLookup(const Configuration &configuration, const Device *device) const
{
    if (device)
        return lookUpClusterLink(m_catalog, configuration, *device);
    // Hardware missing from the catalog names no default link: only the configuration's own can join it.
    Device unknown;
    unknown.id = configuration.deviceId;
    return lookUpClusterLink(m_catalog, configuration, unknown);
}

QString HardwareListModel::linkText(const Configuration &configuration, const Device *device) const
{
    if (!configuration.isCluster())
        return {};
    const ClusterLinkLookup lookup = linkLookup(configuration, device);
    if (!lookup.problem.isEmpty())
        return configuration.linkId.isEmpty() ? tr("choose a link") : configuration.linkId;
    const QString name = lookup.link.shortName.isEmpty() ? lookup.link.name : lookup.link.shortName;
    if (configuration.linkId.isEmpty() && !configuration.hasCustomLink())
        return tr("%1 (default)").arg(name);
    return name;
}

QString HardwareListModel::linkProblem(const Configuration &configuration, const Device *device) const
{
    if (!configuration.isCluster())
        return {};
    const ClusterLinkLookup lookup = linkLookup(configuration, device);
    if (!lookup.problem.isEmpty() && !configuration.linkId.isEmpty())
        return tr("Unknown link \"%1\": choose one from the list").arg(configuration.linkId);
    if (!lookup.problem.isEmpty())
        return tr("%1 names no link for its machines: choose one").arg(device ? device->name : configuration.deviceId);
    if (configuration.nodes > lookup.link.maxNodes)
        return tr("%1 joins at most %2 machines").arg(lookup.link.name).arg(lookup.link.maxNodes);
    return {};
}

QVariantList HardwareListModel::linkOptions(const Configuration &configuration, const Device *device) const
{
    QVariantList options;
    const auto add = [&options](const QString &id, const QString &label, const QString &shortName) {
        options.append(QVariantMap{{QStringLiteral("id"), id},
                                   {QStringLiteral("label"), label},
                                   {QStringLiteral("shortName"), shortName}});
    };
    // No link id means the inline link when the configuration has one, else the device's default.
    if (configuration.customLink.bandwidthGBs > 0)
        add(QString(), tr("Inline: %1").arg(configuration.customLink.name), configuration.customLink.shortName);
    else if (const ClusterLink *fallback = device ? m_catalog.link(device->clusterLinkId) : nullptr)
        add(QString(), tr("Device default: %1").arg(fallback->name), fallback->shortName);
    for (const ClusterLink &link : m_catalog.links())
        add(link.id, link.name, link.shortName);
    return options;
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
    if (role == Qt::CheckStateRole && index.column() == NameColumn)
        edited.checked = value.value<Qt::CheckState>() == Qt::Checked;
    else if (role != Qt::EditRole || !editConfiguration(edited.configuration, index, value))
        return false;
    if (edited == m_configurations.at(scenarioIndex))
        return true;
    m_configurations[scenarioIndex] = edited;
    if (role == Qt::CheckStateRole) {
        Q_EMIT dataChanged(index, index, {role, Qt::DisplayRole});
        const QModelIndex group = parent(index);
        Q_EMIT dataChanged(group, group, {Qt::CheckStateRole});
    } else {
        // The machine count decides the link cell's text and whether it is editable; any edit changes the tooltips.
        Q_EMIT dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ColumnCount - 1));
    }
    Q_EMIT configurationsEdited(m_configurations);
    return true;
}

bool HardwareListModel::editConfiguration(Configuration &configuration, const QModelIndex &index,
                                          const QVariant &value) const
{
    bool ok = false;
    switch (index.column()) {
    case CountColumn: {
        const int count = value.toInt(&ok);
        if (!ok || count < 1 || count > data(index, MaxCountRole).toInt())
            return false;
        configuration.count = count;
        return true;
    }
    case MemoryColumn: {
        const double memoryGB = value.toDouble(&ok);
        if (!ok || !data(index, MemoryOptionsRole).toList().contains(QVariant(memoryGB)))
            return false;
        configuration.memoryGB = memoryGB;
        return true;
    }
    case NodesColumn: {
        const int nodes = value.toInt(&ok);
        if (!ok || !nodeCountProblem(nodes).isEmpty())
            return false;
        configuration.nodes = nodes;
        return true;
    }
    case LinkColumn: {
        if (!configuration.isCluster() || value.typeId() != QMetaType::QString)
            return false;
        const QString id = value.toString();
        const QVariantList options = data(index, LinkOptionsRole).toList();
        const bool offered = std::any_of(options.begin(), options.end(), [&id](const QVariant &option) {
            return option.toMap().value(QStringLiteral("id")).toString() == id;
        });
        if (offered)
            configuration.linkId = id;
        return offered;
    }
    default:
        return false;
    }
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
    if (index.column() == NodesColumn)
        return flags | Qt::ItemIsEditable;
    if (index.column() == LinkColumn && data(index.siblingAtColumn(NodesColumn)).toInt() > 1)
        return flags | Qt::ItemIsEditable;
    return flags;
}

QVariant HardwareListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NodesColumn: return tr("Identical machines joined by a link; more than one is a cluster");
        case LinkColumn:
            return tr("The link joining a cluster's machines; \"(default)\" marks the one the device's machines are "
                      "usually joined by");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Hardware");
    case CountColumn: return tr("Cards");
    case MemoryColumn: return tr("GB");
    case NodesColumn: return tr("Machines");
    case LinkColumn: return tr("Link");
    default: return {};
    }
}

} // namespace headroom
