#pragma once

#include "catalog/Catalog.h"

#include <QWidget>

class QMenu;
class QPushButton;
class QToolButton;
class QTreeView;

namespace headroom {

class HardwareListModel;
class ScenarioController;

// The hardware list: configurations grouped Apple / NVIDIA / Other with a check box each and
// editable card count, memory, machine count and cluster link; buttons to restore the article's seven configurations,
// add any catalog device or named system, and remove the selected configuration.
class HardwarePanel final : public QWidget
{
    Q_OBJECT
public:
    HardwarePanel(ScenarioController *controller, const Catalog &catalog, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    HardwareListModel *model() const { return m_model; }
    QPushButton *articleLineupButton() const { return m_lineupButton; }

private:
    QMenu *buildAddMenu();
    void restoreArticleLineup();
    void addDevice(const QString &deviceId);
    void addSystem(const QString &systemId);
    void removeSelected();
    void showScenario();

    ScenarioController *m_controller;
    const Catalog &m_catalog;
    HardwareListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_lineupButton;
    QToolButton *m_addButton;
    QPushButton *m_removeButton;
};

} // namespace headroom
