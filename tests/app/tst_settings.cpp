// Settings: typed values, defaults for anything missing or corrupt, migration from schema 1, reset.
#include "Settings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

class TestSettings final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_counter)); }
    QString writeStore(const QByteArray &contents)
    {
        const QString path = freshPath();
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(contents);
        return path;
    }
    static void verifyDefaults(const Settings &settings)
    {
        QCOMPARE(settings.windowGeometry(), QByteArray());
        QCOMPARE(settings.windowState(), QByteArray());
        QCOMPARE(settings.lastScenarioPath(), QString());
        QCOMPARE(settings.recentFiles(), QStringList());
        QCOMPARE(toString(settings.theme()), toString(ThemeSetting::Light));
        QCOMPARE(settings.reportContact(), QString());
        QCOMPARE(settings.reportLogoPath(), QString());
    }

private Q_SLOTS:
    void freshStoreHasDefaults()
    {
        const QString path = freshPath();
        {
            Settings settings(path);
            QCOMPARE(settings.loadedSchemaVersion(), 0);
            QVERIFY(!settings.isCorrupt());
            verifyDefaults(settings);
        }
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("schemaVersion")).toInt(), Settings::SchemaVersion);
    }

    void valuesRoundTrip()
    {
        const QString path = freshPath();
        const QByteArray geometry("\x01\x02\x00\xff", 4);
        {
            Settings settings(path);
            settings.setWindowGeometry(geometry);
            settings.setWindowState(QByteArray("state"));
            settings.setLastScenarioPath(QStringLiteral("/tmp/a.headroom.json"));
            settings.setTheme(ThemeSetting::Dark);
            settings.setReportContact(QStringLiteral("  Jane Doe ·\nAcme  "));
            settings.setReportLogoPath(QStringLiteral("/tmp/logo.png"));
            settings.addRecentFile(QStringLiteral("/a"));
            settings.addRecentFile(QStringLiteral("/b"));
            settings.addRecentFile(QStringLiteral("/a"));
            settings.sync();
        }
        Settings settings(path);
        QCOMPARE(settings.loadedSchemaVersion(), Settings::SchemaVersion);
        QCOMPARE(settings.windowGeometry(), geometry);
        QCOMPARE(settings.windowState(), QByteArray("state"));
        QCOMPARE(settings.lastScenarioPath(), QStringLiteral("/tmp/a.headroom.json"));
        QCOMPARE(toString(settings.theme()), toString(ThemeSetting::Dark));
        QCOMPARE(settings.reportContact(), QStringLiteral("Jane Doe · Acme")); // one line, however typed
        QCOMPARE(settings.reportLogoPath(), QStringLiteral("/tmp/logo.png"));
        QCOMPARE(settings.recentFiles(), (QStringList{QStringLiteral("/a"), QStringLiteral("/b")}));
        settings.removeRecentFile(QStringLiteral("/a"));
        QCOMPARE(settings.recentFiles(), QStringList{QStringLiteral("/b")});
    }

    void recentFilesAreCapped()
    {
        Settings settings(freshPath());
        for (int i = 0; i < Settings::MaxRecentFiles + 3; ++i)
            settings.addRecentFile(QStringLiteral("/file-%1").arg(i));
        const QStringList recent = settings.recentFiles();
        QCOMPARE(recent.size(), Settings::MaxRecentFiles);
        QCOMPARE(recent.first(), QStringLiteral("/file-%1").arg(Settings::MaxRecentFiles + 2));
    }

    void corruptValuesFallBack_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::newRow("binary garbage") << QByteArray("\x00\xff\xfe\x01[[[=\n==\x7f", 12);
        QTest::newRow("wrong types") << QByteArray("schemaVersion=2\n[window]\ngeometry=not bytes\nstate=7\n"
                                                   "[files]\nlastScenario=@ByteArray(abc)\nrecent=@Variant(\\0\\0\\0\\x7f)\n"
                                                   "[appearance]\ntheme=purple\n");
        QTest::newRow("schema not a number") << QByteArray("schemaVersion=banana\n[appearance]\ntheme=\n");
        QTest::newRow("unbalanced section") << QByteArray("[window\ngeometry=@ByteArray(\n[files]]\nrecent=\n");
    }
    void corruptValuesFallBack()
    {
        QFETCH(QByteArray, contents);
        Settings settings(writeStore(contents));
        verifyDefaults(settings);
        // Still usable afterwards.
        settings.setTheme(ThemeSetting::Dark);
        if (!settings.isCorrupt())
            QCOMPARE(toString(settings.theme()), toString(ThemeSetting::Dark));
    }

    void migratesSchema1_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("theme");
        QTest::newRow("versioned") << QByteArray("schemaVersion=1\ngeometry=@ByteArray(geo)\nlastScenario=/x.headroom.json\n"
                                                 "recentFiles=/x.headroom.json, /y.headroom.json\ndarkTheme=true\n")
                                   << QStringLiteral("dark");
        QTest::newRow("before versioning") << QByteArray("geometry=@ByteArray(geo)\nlastScenario=/x.headroom.json\n"
                                                         "recentFiles=/x.headroom.json, /y.headroom.json\ndarkTheme=false\n")
                                           << QStringLiteral("light");
    }
    void migratesSchema1()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, theme);
        const QString path = writeStore(contents);
        {
            Settings settings(path);
            QVERIFY(settings.loadedSchemaVersion() <= 1);
            QCOMPARE(settings.windowGeometry(), QByteArray("geo"));
            QCOMPARE(settings.lastScenarioPath(), QStringLiteral("/x.headroom.json"));
            QCOMPARE(settings.recentFiles(), (QStringList{QStringLiteral("/x.headroom.json"), QStringLiteral("/y.headroom.json")}));
            QCOMPARE(toString(settings.theme()), theme);
            settings.sync();
        }
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("schemaVersion")).toInt(), Settings::SchemaVersion);
        QVERIFY(!raw.contains(QStringLiteral("darkTheme")));
        QVERIFY(!raw.contains(QStringLiteral("geometry")));
        QVERIFY(raw.contains(QStringLiteral("window/geometry")));
        QCOMPARE(Settings(path).loadedSchemaVersion(), Settings::SchemaVersion);
    }

    // Random bytes in the store's place: neither trusted nor written over.
    void randomBytesAreNotRewritten()
    {
        QByteArray bytes(4096, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char((i * 7919 + 13) % 256);
        const QString path = writeStore(bytes);
        {
            Settings settings(path);
            QVERIFY(settings.isCorrupt());
            settings.setTheme(ThemeSetting::Dark);
            settings.addRecentFile(QStringLiteral("/x.headroom.json"));
            settings.sync();
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
    }

    // A theme this version does not know (written by a newer one) survives a session that did not change it.
    void anUnknownThemeIsKept()
    {
        const QString path = writeStore("schemaVersion=99\n[appearance]\ntheme=high-contrast\n");
        {
            Settings settings(path);
            QCOMPARE(toString(settings.theme()), toString(ThemeSetting::Light));
            settings.setTheme(settings.theme());
            settings.sync();
        }
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("high-contrast"));
    }

    void newerSchemaIsReadNotRewritten()
    {
        const QString path = writeStore("schemaVersion=99\n[appearance]\ntheme=dark\n[future]\nthing=1\n");
        {
            Settings settings(path);
            QCOMPARE(settings.loadedSchemaVersion(), 99);
            QCOMPARE(toString(settings.theme()), toString(ThemeSetting::Dark));
        }
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("schemaVersion")).toInt(), 99);
        QCOMPARE(raw.value(QStringLiteral("future/thing")).toInt(), 1);
    }

    void resetClearsEverything()
    {
        const QString path = freshPath();
        Settings settings(path);
        settings.setTheme(ThemeSetting::Dark);
        settings.addRecentFile(QStringLiteral("/a"));
        settings.setLastScenarioPath(QStringLiteral("/a"));
        settings.reset();
        verifyDefaults(settings);
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("schemaVersion")).toInt(), Settings::SchemaVersion);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
