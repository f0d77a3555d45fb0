#include "Settings.h"

#include <QFile>
#include <QLoggingCategory>
#include <QStringDecoder>
#include <QSettings>

namespace headroom {

Q_LOGGING_CATEGORY(lcSettings, "headroom.settings")

namespace {

const QString VersionKey = QStringLiteral("schemaVersion");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString LastScenarioKey = QStringLiteral("files/lastScenario");
const QString ReportContactKey = QStringLiteral("report/contact");
const QString ReportLogoKey = QStringLiteral("report/logo");
const QString RecentKey = QStringLiteral("files/recent");
const QString ThemeKey = QStringLiteral("appearance/theme");
constexpr qint64 MaxInspectedBytes = 1024 * 1024;

QByteArray bytesOrEmpty(const QVariant &value)
{
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
}

QString stringOrEmpty(const QVariant &value)
{
    return value.typeId() == QMetaType::QString ? value.toString() : QString();
}

// A list comes back as QStringList, or as a single QString when it held one entry (INI format).
QStringList stringListOf(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList();
    if (value.typeId() == QMetaType::QString && !value.toString().isEmpty())
        return {value.toString()};
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList list;
        for (const QVariant &item : value.toList()) {
            if (item.typeId() == QMetaType::QString && !item.toString().isEmpty())
                list << item.toString();
        }
        return list;
    }
    return {};
}

} // namespace

QString toString(ThemeSetting theme)
{
    return theme == ThemeSetting::Dark ? QStringLiteral("dark") : QStringLiteral("light");
}

Settings::Settings()
    : m_store(std::make_unique<QSettings>())
{
    migrate();
}

Settings::Settings(const QString &iniPath)
    : m_store(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    migrate();
}

Settings::~Settings() = default;

namespace {

// A store that is not text (random bytes, a binary file put in its place) is unreadable even where the INI
// parser finds "keys" in it: it must be neither trusted nor written over.
bool isTextStore(const QString &path)
{
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return true; // nothing there yet, or unreadable: QSettings reports the latter itself
    const QByteArray bytes = file.read(MaxInspectedBytes);
    if (bytes.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    Q_UNUSED(text);
    return !decoder.hasError() || bytes.size() == MaxInspectedBytes; // a cut may split a character
}

} // namespace

void Settings::migrate()
{
    if (m_store->status() != QSettings::NoError || !isTextStore(m_store->fileName())) {
        // Unreadable store: run on defaults and do not write over it (the user may want to inspect it).
        qCWarning(lcSettings) << "settings store" << m_store->fileName() << "is unreadable; using defaults";
        m_corrupt = true;
        return;
    }
    bool ok = false;
    const int version = m_store->value(VersionKey).toInt(&ok);
    m_loadedVersion = ok ? version : 0;
    if (m_loadedVersion == 0 && m_store->allKeys().isEmpty()) {
        m_store->setValue(VersionKey, SchemaVersion);
        return;
    }
    if (m_loadedVersion > SchemaVersion) {
        qCInfo(lcSettings) << "settings from a newer Headroom (schema" << m_loadedVersion << "), reading known keys";
        return;
    }
    // A store without a version number predates versioning: it is the version 1 layout.
    if (m_loadedVersion <= 1)
        migrateFromVersion1();
    m_store->setValue(VersionKey, SchemaVersion);
}

void Settings::migrateFromVersion1()
{
    const auto move = [this](const QString &from, const QString &to) {
        if (m_store->contains(from)) {
            if (!m_store->contains(to))
                m_store->setValue(to, m_store->value(from));
            m_store->remove(from);
        }
    };
    move(QStringLiteral("geometry"), GeometryKey);
    move(QStringLiteral("windowState"), StateKey);
    move(QStringLiteral("lastScenario"), LastScenarioKey);
    move(QStringLiteral("recentFiles"), RecentKey);
    const QString darkKey = QStringLiteral("darkTheme");
    if (m_store->contains(darkKey)) {
        const QVariant dark = m_store->value(darkKey);
        // INI stores booleans as "true"/"false" strings; anything else is not a valid choice.
        const QString text = dark.toString().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            m_store->setValue(ThemeKey, toString(text == QLatin1String("true") ? ThemeSetting::Dark : ThemeSetting::Light));
        m_store->remove(darkKey);
    }
}

QByteArray Settings::windowGeometry() const
{
    return m_corrupt ? QByteArray() : bytesOrEmpty(m_store->value(GeometryKey));
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    if (!m_corrupt)
        m_store->setValue(GeometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_corrupt ? QByteArray() : bytesOrEmpty(m_store->value(StateKey));
}

void Settings::setWindowState(const QByteArray &state)
{
    if (!m_corrupt)
        m_store->setValue(StateKey, state);
}

QString Settings::lastScenarioPath() const
{
    return m_corrupt ? QString() : stringOrEmpty(m_store->value(LastScenarioKey));
}

void Settings::setLastScenarioPath(const QString &path)
{
    if (!m_corrupt)
        m_store->setValue(LastScenarioKey, path);
}

QString Settings::reportContact() const
{
    return m_corrupt ? QString() : stringOrEmpty(m_store->value(ReportContactKey));
}

void Settings::setReportContact(const QString &contact)
{
    if (!m_corrupt)
        m_store->setValue(ReportContactKey, contact.simplified());
}

QString Settings::reportLogoPath() const
{
    return m_corrupt ? QString() : stringOrEmpty(m_store->value(ReportLogoKey));
}

void Settings::setReportLogoPath(const QString &path)
{
    if (!m_corrupt)
        m_store->setValue(ReportLogoKey, path);
}

QStringList Settings::recentFiles() const
{
    if (m_corrupt)
        return {};
    QStringList files = stringListOf(m_store->value(RecentKey));
    files.removeDuplicates();
    return files.mid(0, MaxRecentFiles);
}

void Settings::addRecentFile(const QString &path)
{
    if (m_corrupt || path.isEmpty())
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    m_store->setValue(RecentKey, files.mid(0, MaxRecentFiles));
}

void Settings::removeRecentFile(const QString &path)
{
    if (m_corrupt)
        return;
    QStringList files = recentFiles();
    files.removeAll(path);
    m_store->setValue(RecentKey, files);
}

ThemeSetting Settings::theme() const
{
    if (m_corrupt)
        return ThemeSetting::Light;
    return stringOrEmpty(m_store->value(ThemeKey)) == QLatin1String("dark") ? ThemeSetting::Dark : ThemeSetting::Light;
}

void Settings::setTheme(ThemeSetting theme)
{
    // Unchanged: keep what is stored, which may be a theme a newer Headroom wrote and this one reads as light.
    if (!m_corrupt && theme != this->theme())
        m_store->setValue(ThemeKey, toString(theme));
}

void Settings::reset()
{
    m_store->clear();
    m_store->setValue(VersionKey, SchemaVersion);
    m_store->sync();
    m_corrupt = m_store->status() != QSettings::NoError;
}

void Settings::sync()
{
    if (!m_corrupt)
        m_store->sync();
}

} // namespace headroom
