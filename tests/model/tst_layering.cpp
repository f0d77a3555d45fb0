// The layers and folders hold: every source includes only what its folder may include.
// - model/<folder>: itself and the model folders its CMakeLists.txt links (target_link_libraries), and of Qt
//   only QtCore headers;
// - model/ never includes session/, views/ or app/; session/ never views/ or app/ and no widget; views/ never
//   app/; Qt Charts only under views/charts/;
// - views/<folder>: a bare name only for a file beside it, other view folders as "views/<folder>/…" and only
//   those its row below allows (charts plot what they are handed: they include no widget folder).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

const QString SourceDir = QStringLiteral(HEADROOM_SOURCE_DIR);

QStringList sourcesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(SourceDir + QLatin1Char('/') + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QString text(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QStringList quotedIncludes(const QString &path)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""),
                                            QRegularExpression::MultilineOption);
    QStringList found;
    for (auto it = include.globalMatch(text(path)); it.hasNext();)
        found << it.next().captured(1);
    return found;
}

QStringList angleIncludes(const QString &path)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+<([^>]+)>"),
                                            QRegularExpression::MultilineOption);
    QStringList found;
    for (auto it = include.globalMatch(text(path)); it.hasNext();)
        found << it.next().captured(1);
    return found;
}

// The model folders a folder links, read from its CMakeLists.txt.
QSet<QString> linkedModelFolders(const QString &folder)
{
    static const QRegularExpression link(QStringLiteral("target_link_libraries\\(headroom_\\w+([^)]*)\\)"));
    static const QRegularExpression library(QStringLiteral("headroom_(\\w+)"));
    QSet<QString> folders{folder};
    const QRegularExpressionMatch match = link.match(text(SourceDir + QStringLiteral("/model/") + folder
                                                          + QStringLiteral("/CMakeLists.txt")));
    for (auto it = library.globalMatch(match.captured(1)); it.hasNext();)
        folders << it.next().captured(1);
    folders.remove(QStringLiteral("options")); // the shared warning flags, not a folder
    return folders;
}

bool isQtModuleHeader(const QString &module, const QString &header)
{
    const QString headers = QLibraryInfo::path(QLibraryInfo::HeadersPath);
    return QFile::exists(headers + QLatin1Char('/') + module + QLatin1Char('/') + header);
}

bool isQtHeader(const QString &header)
{
    return header.startsWith(QLatin1Char('Q')) && !header.contains(QLatin1Char('.'));
}

} // namespace

class TestLayering final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelFolders_data()
    {
        QTest::addColumn<QString>("folder");
        const QStringList folders = QDir(SourceDir + QStringLiteral("/model")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(folders.size() >= 9);
        for (const QString &folder : folders)
            QTest::newRow(qPrintable(folder)) << folder;
    }

    void modelFolders()
    {
        QFETCH(QString, folder);
        const QSet<QString> allowed = linkedModelFolders(folder);
        QVERIFY2(!sourcesUnder(QStringLiteral("model/") + folder).isEmpty(), qPrintable(folder));
        for (const QString &path : sourcesUnder(QStringLiteral("model/") + folder)) {
            for (const QString &include : quotedIncludes(path)) {
                const QString where = include.section(QLatin1Char('/'), 0, 0);
                const bool ownFile = !include.contains(QLatin1Char('/'));
                QVERIFY2(ownFile || allowed.contains(where),
                         qPrintable(QStringLiteral("%1 includes \"%2\"; model/%3 may include %4")
                                        .arg(path, include, folder, QStringList(allowed.values()).join(QStringLiteral(", ")))));
                QVERIFY2(!ownFile || QFile::exists(SourceDir + QStringLiteral("/model/") + folder + QLatin1Char('/') + include),
                         qPrintable(QStringLiteral("%1 includes \"%2\" by a bare name from another folder").arg(path, include)));
            }
            for (const QString &include : angleIncludes(path)) {
                if (isQtHeader(include))
                    QVERIFY2(isQtModuleHeader(QStringLiteral("QtCore"), include),
                             qPrintable(QStringLiteral("%1 includes <%2>: the model layer is QtCore only").arg(path, include)));
            }
        }
    }

    void layersPointDown_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<QStringList>("forbidden");
        QTest::newRow("model") << QStringLiteral("model")
                               << QStringList{QStringLiteral("session/"), QStringLiteral("views/"), QStringLiteral("app/"),
                                              QStringLiteral("commands/")};
        QTest::newRow("session") << QStringLiteral("session")
                                 << QStringList{QStringLiteral("views/"), QStringLiteral("app/"), QStringLiteral("commands/")};
        QTest::newRow("views") << QStringLiteral("views") << QStringList{QStringLiteral("app/"), QStringLiteral("commands/")};
    }

    void layersPointDown()
    {
        QFETCH(QString, layer);
        QFETCH(QStringList, forbidden);
        const QStringList appHeaders = QDir(SourceDir + QStringLiteral("/app")).entryList({QStringLiteral("*.h")}, QDir::Files);
        for (const QString &path : sourcesUnder(layer)) {
            for (const QString &include : quotedIncludes(path)) {
                for (const QString &prefix : forbidden)
                    QVERIFY2(!include.startsWith(prefix), qPrintable(path + QStringLiteral(" includes ") + include));
                QVERIFY2(!appHeaders.contains(include), qPrintable(path + QStringLiteral(" includes the app's ") + include));
            }
        }
    }

    // The session layer computes for the views and shows nothing: QtGui at most, no widget.
    void sessionHasNoWidgets()
    {
        QVERIFY(!sourcesUnder(QStringLiteral("session")).isEmpty());
        for (const QString &path : sourcesUnder(QStringLiteral("session"))) {
            for (const QString &include : angleIncludes(path)) {
                if (isQtHeader(include))
                    QVERIFY2(!isQtModuleHeader(QStringLiteral("QtWidgets"), include),
                             qPrintable(QStringLiteral("%1 includes <%2>: the session layer has no widgets").arg(path, include)));
            }
        }
    }

    void viewFolders_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QStringList>("mayInclude"); // other view folders
        const QStringList all = QDir(SourceDir + QStringLiteral("/views")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        const QMap<QString, QStringList> allowed{
            {QStringLiteral("charts"), {}},
            {QStringLiteral("common"), {QStringLiteral("charts")}},
            {QStringLiteral("pickers"), {QStringLiteral("common"), QStringLiteral("charts")}},
            {QStringLiteral("results"), {QStringLiteral("common"), QStringLiteral("charts")}},
            {QStringLiteral("import"), {QStringLiteral("common")}},
            {QStringLiteral("advisor"), {QStringLiteral("common"), QStringLiteral("pickers"), QStringLiteral("results")}},
            {QStringLiteral("present"), {QStringLiteral("common"), QStringLiteral("charts"), QStringLiteral("pickers")}},
        };
        QCOMPARE(QStringList(allowed.keys()), all); // a new folder gets its row here
        for (const QString &folder : all)
            QTest::newRow(qPrintable(folder)) << folder << allowed.value(folder);
    }

    void viewFolders()
    {
        QFETCH(QString, folder);
        QFETCH(QStringList, mayInclude);
        static const QRegularExpression viewFolder(QStringLiteral("^views/([a-z]+)/"));
        for (const QString &path : sourcesUnder(QStringLiteral("views/") + folder)) {
            for (const QString &include : quotedIncludes(path)) {
                if (!include.contains(QLatin1Char('/'))) {
                    QVERIFY2(QFileInfo::exists(QFileInfo(path).absolutePath() + QLatin1Char('/') + include),
                             qPrintable(QStringLiteral("%1 includes \"%2\" by a bare name from another folder").arg(path, include)));
                    continue;
                }
                const QRegularExpressionMatch match = viewFolder.match(include);
                if (!match.hasMatch())
                    continue; // model/ and session/ headers: layersPointDown()
                const QString target = match.captured(1);
                QVERIFY2(target == folder || mayInclude.contains(target),
                         qPrintable(QStringLiteral("%1 includes \"%2\"; views/%3 may include %4")
                                        .arg(path, include, folder, mayInclude.join(QStringLiteral(", ")))));
            }
        }
    }

    void qtChartsOnlyUnderViewsCharts()
    {
        const QStringList layers{QStringLiteral("model"), QStringLiteral("session"), QStringLiteral("views"), QStringLiteral("app")};
        for (const QString &folder : layers) {
            for (const QString &path : sourcesUnder(folder)) {
                if (path.contains(QStringLiteral("/views/charts/")))
                    continue;
                for (const QString &include : angleIncludes(path)) {
                    if (isQtHeader(include))
                        QVERIFY2(!isQtModuleHeader(QStringLiteral("QtCharts"), include),
                                 qPrintable(QStringLiteral("%1 includes <%2>: Qt Charts belongs in views/charts/").arg(path, include)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
