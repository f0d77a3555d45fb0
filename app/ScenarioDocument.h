#pragma once

#include "scenario/Scenario.h"

#include <QObject>
#include <QString>

class QWidget;

namespace headroom {

class CatalogStore;

class ScenarioController;
class Settings;

// The scenario as a document: New / Open / Save / Save As with the unsaved-changes prompt,
// recent files and the last scenario remembered in the settings. Problems (a refused file, a
// failed write) are reported through `problem` and leave the scenario on screen untouched.
class ScenarioDocument final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *FileFilter = "Headroom scenarios (*.headroom.json);;JSON files (*.json);;All files (*)";
    static constexpr const char *FileSuffix = ".headroom.json";

    ScenarioDocument(ScenarioController *controller, Settings &settings, QWidget *dialogParent);
    // With a store, a scenario showing an imported model saves that model inline (it opens anywhere).
    void setCatalogStore(const CatalogStore *store) { m_store = store; }

    // Each asks before discarding unsaved changes; false when cancelled or failed.
    bool newScenario();
    bool open();
    bool openRecent(const QString &path);
    bool save();
    bool saveAs();
    // Save / Discard / Cancel when there are unsaved changes; true when it is fine to go on.
    bool maybeSave();

    // No prompts: reads `path` and makes it the open scenario, or reports why not.
    bool openPath(const QString &path);
    bool saveTo(const QString &path);

    // "name.headroom.json" or "Untitled".
    QString displayName() const;

Q_SIGNALS:
    void statusMessage(const QString &message);
    void problem(const QString &title, const QString &message);
    void recentFilesChanged();

private:
    ScenarioController *m_controller;
    Settings &m_settings;
    const CatalogStore *m_store = nullptr;
    QWidget *m_dialogParent;
};

} // namespace headroom
