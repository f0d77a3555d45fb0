#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace headroom {

enum class ThemeSetting { Light, Dark };

// Typed, versioned application settings over QSettings (window geometry and state, last scenario,
// recent files, theme). Every getter validates what it reads: a missing, corrupt or unknown
// value gives the default. A store written by an older schema is migrated on construction;
// one from a newer Headroom is read as far as it is understood and never rewritten wholesale.
class Settings final
{
public:
    // Schema history:
    //   1 — flat keys: "geometry", "windowState", "lastScenario", "recentFiles", "darkTheme" (bool).
    //   2 — grouped keys ("window/…", "files/…", "appearance/theme" as "light" | "dark").
    static constexpr int SchemaVersion = 2;
    static constexpr int MaxRecentFiles = 8;

    // The application's store (organisation / application name of QCoreApplication).
    Settings();
    // An INI file, for tests and portable use.
    explicit Settings(const QString &iniPath);
    ~Settings();
    Settings(const Settings &) = delete;
    Settings &operator=(const Settings &) = delete;

    // The schema version found in the store before migration (0 = none, a fresh store).
    int loadedSchemaVersion() const { return m_loadedVersion; }
    // True when the store could not be read (corrupt file); all values are defaults then.
    bool isCorrupt() const { return m_corrupt; }

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    QString lastScenarioPath() const;
    void setLastScenarioPath(const QString &path);

    QStringList recentFiles() const;
    // Moves `path` to the front, dropping duplicates and the oldest beyond MaxRecentFiles.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    ThemeSetting theme() const;
    void setTheme(ThemeSetting theme);

    // The customer report's foot line ("Jane Doe · Acme Systems · jane@acme.example") and logo image file.
    QString reportContact() const;
    void setReportContact(const QString &contact);
    QString reportLogoPath() const;
    void setReportLogoPath(const QString &path);

    // Clears every value and writes the current schema version.
    void reset();
    void sync();

private:
    void migrate();
    void migrateFromVersion1();

    std::unique_ptr<QSettings> m_store;
    int m_loadedVersion = 0;
    bool m_corrupt = false;
};

QString toString(ThemeSetting theme);

} // namespace headroom
