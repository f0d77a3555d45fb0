// File dialogs open in a folder that exists, never with a folder name typed into the file-name field.
#include "views/common/StartFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

class TestStartFolder final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void existingOrHome_data()
    {
        QTest::addColumn<bool>("downloadsExists");
        QTest::newRow("Downloads exists") << true;
        QTest::newRow("no Downloads folder") << false;
    }
    void existingOrHome()
    {
        QFETCH(bool, downloadsExists);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        qputenv("HOME", home.path().toUtf8());
        qputenv("XDG_DOWNLOAD_DIR", home.filePath(QStringLiteral("Downloads")).toUtf8());
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral(".config")).toUtf8());
        if (downloadsExists)
            QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Downloads")));
        const QString folder = startFolder(QStandardPaths::DownloadLocation);
        QVERIFY2(QFileInfo(folder).isDir(), qPrintable(folder));
        QCOMPARE(QFileInfo(folder).fileName() == QStringLiteral("Downloads"), downloadsExists);
        QCOMPARE(QFileInfo(startPath(QStandardPaths::DownloadLocation, QStringLiteral("x.json"))).absolutePath(),
                 QFileInfo(folder).absoluteFilePath());
    }
};

QTEST_GUILESS_MAIN(TestStartFolder)
#include "tst_start_folder.moc"
