#include "HardwarePanel.h"

#include "HardwareDelegate.h"
#include "itemmodels/HardwareListModel.h"
#include "session/ScenarioController.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace headroom {

HardwarePanel::HardwarePanel(ScenarioController *controller, const Catalog &catalog, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_catalog(catalog)
    , m_model(new HardwareListModel(catalog, this))
    , m_view(new QTreeView(this))
    , m_lineupButton(new QPushButton(tr("&Article lineup"), this))
    , m_addButton(new QToolButton(this))
    , m_removeButton(new QPushButton(tr("Rem&ove"), this))
{
    m_view->setModel(m_model);
    m_view->setItemDelegate(new HardwareDelegate(m_view));
    m_view->setObjectName(QStringLiteral("hardwareView"));
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(false);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(HardwareListModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(HardwareListModel::CountColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(HardwareListModel::MemoryColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(HardwareListModel::NodesColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(HardwareListModel::LinkColumn, QHeaderView::ResizeToContents);
    m_view->setToolTip(tr("Tick the configurations to compare. Double-click a count, memory size, machine count or "
                          "link to change it."));
    m_view->setWhatsThis(tr("<b>Hardware</b><p>The configurations being compared: a device, how many of it, its memory "
                            "and how the model is split across cards (layer: pooled memory, one card at a time; "
                            "tensor: every card on every token, faster, where the runtime accepts the split). More than one "
                            "machine makes a cluster of identical machines joined by the link beside it. Ticked "
                            "rows appear in the table and charts.</p>"));
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);

    m_lineupButton->setToolTip(tr("Restore the article's seven configurations: M4 Pro Mac mini, M4 Max, M3 Ultra, "
                                  "1x and 2x RTX 5090, 1x and 2x RTX PRO 6000"));
    m_addButton->setText(tr("A&dd"));
    m_addButton->setToolTip(tr("Add any device from the catalog or a named system"));
    m_addButton->setPopupMode(QToolButton::InstantPopup);
    m_addButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addButton->setMenu(buildAddMenu());
    m_addButton->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_removeButton->setToolTip(tr("Remove the selected configuration"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_lineupButton);
    buttons->addStretch(1);
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    setTabOrder(m_view, m_lineupButton);
    setTabOrder(m_lineupButton, m_addButton);
    setTabOrder(m_addButton, m_removeButton);

    connect(m_lineupButton, &QPushButton::clicked, this, &HardwarePanel::restoreArticleLineup);
    connect(m_removeButton, &QPushButton::clicked, this, &HardwarePanel::removeSelected);
    connect(m_model, &HardwareListModel::configurationsEdited, this,
            [this](const QList<ScenarioConfiguration> &configurations) {
                Scenario scenario = m_controller->scenario();
                scenario.configurations = configurations;
                m_controller->edit(scenario, tr("Edit hardware"));
            });
    connect(controller, &ScenarioController::scenarioChanged, this, &HardwarePanel::showScenario);
    showScenario();
}

QMenu *HardwarePanel::buildAddMenu()
{
    auto *menu = new QMenu(this);
    QMenu *groups[HardwareListModel::GroupCount];
    for (int group = 0; group < HardwareListModel::GroupCount; ++group)
        groups[group] = menu->addMenu(HardwareListModel::groupName(static_cast<HardwareListModel::Group>(group)));
    for (const Device &device : m_catalog.devices()) {
        const QString id = device.id;
        groups[HardwareListModel::groupOf(&device)]->addAction(device.name, this, [this, id] { addDevice(id); });
    }
    for (QMenu *group : groups)
        group->menuAction()->setVisible(!group->isEmpty());
    if (!m_catalog.systems().isEmpty()) {
        menu->addSeparator();
        QMenu *systems = menu->addMenu(tr("Named systems"));
        for (const NamedSystem &system : m_catalog.systems()) {
            const QString id = system.id;
            systems->addAction(system.name, this, [this, id] { addSystem(id); });
        }
    }
    return menu;
}

void HardwarePanel::restoreArticleLineup()
{
    Scenario scenario = m_controller->scenario();
    scenario.configurations = articleLineupConfigurations();
    m_controller->edit(scenario, tr("Restore article lineup"));
}

void HardwarePanel::addDevice(const QString &deviceId)
{
    Scenario scenario = m_controller->scenario();
    ScenarioConfiguration entry;
    entry.configuration.deviceId = deviceId;
    scenario.configurations.append(entry);
    m_controller->edit(scenario, tr("Add hardware"));
}

void HardwarePanel::addSystem(const QString &systemId)
{
    const NamedSystem *system = m_catalog.system(systemId);
    if (!system)
        return;
    Scenario scenario = m_controller->scenario();
    ScenarioConfiguration entry;
    entry.configuration = system->configuration;
    entry.systemId = system->id;
    entry.label = system->name;
    scenario.configurations.append(entry);
    m_controller->edit(scenario, tr("Add hardware"));
}

void HardwarePanel::removeSelected()
{
    const QModelIndex current = m_view->currentIndex();
    const int index = current.isValid() ? current.data(HardwareListModel::ScenarioIndexRole).toInt() : -1;
    Scenario scenario = m_controller->scenario();
    if (index < 0 || index >= scenario.configurations.size())
        return;
    scenario.configurations.removeAt(index);
    m_controller->edit(scenario, tr("Remove hardware"));
}

void HardwarePanel::showScenario()
{
    const QList<ScenarioConfiguration> &configurations = m_controller->scenario().configurations;
    m_model->setConfigurations(configurations);
    m_removeButton->setEnabled(!configurations.isEmpty());
    // The narrow panel keeps its room for the names until a configuration is a cluster.
    const bool anyCluster = std::any_of(configurations.cbegin(), configurations.cend(),
                                        [](const ScenarioConfiguration &entry) { return entry.configuration.isCluster(); });
    m_view->setColumnHidden(HardwareListModel::LinkColumn, !anyCluster);
}

} // namespace headroom
