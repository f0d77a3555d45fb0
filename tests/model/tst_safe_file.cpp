// SafeFile: readers that never block or run away, writers that never lose the old file (SPEC §"Files").
#include "core/SafeFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace headroom;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

mode_t modeOf(const QString &path)
{
    struct stat status {};
    return ::lstat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode : 0;
}

// Files larger than `bytes` cannot be written while this lives: a full disk without needing root.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        ::getrlimit(RLIMIT_FSIZE, &m_saved);
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        ::setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;

private:
    rlimit m_saved{};
    void (*m_previousHandler)(int) = nullptr;
};

} // namespace

class TestSafeFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeRaw(m_dir.filePath(QStringLiteral("big")), QByteArray(101, 'x')));
        QVERIFY(::mkfifo(QFile::encodeName(m_dir.filePath(QStringLiteral("fifo"))).constData(), 0600) == 0);
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("dir")));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), m_dir.filePath(QStringLiteral("zero-link"))));
    }

    void readsARegularFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("small.json"));
        QVERIFY(writeRaw(path, "{\"a\":1}"));
        const BytesOrProblem read = readLimitedFile(path, 100, QStringLiteral("a test file"));
        QVERIFY(std::holds_alternative<QByteArray>(read));
        QCOMPARE(std::get<QByteArray>(read), QByteArray("{\"a\":1}"));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");
        QTest::newRow("over the limit") << QStringLiteral("big") << QStringLiteral("larger than the 100-byte limit for a test file");
        QTest::newRow("FIFO") << QStringLiteral("fifo") << QStringLiteral("is a FIFO (named pipe), not a regular file");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero") << QStringLiteral("is a character device");
        QTest::newRow("/dev/urandom") << QStringLiteral("/dev/urandom") << QStringLiteral("is a character device");
        QTest::newRow("directory") << QStringLiteral("dir") << QStringLiteral("is a directory");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("cannot open: No such file");
        QTest::newRow("symlink to /dev/zero") << QStringLiteral("zero-link") << QStringLiteral("is a character device");
    }

    // Each is refused at once: no read of an endless device, no open() that waits for a FIFO's writer.
    void refuses()
    {
        QFETCH(QString, path);
        QFETCH(QString, problem);
        const QString full = path.startsWith(QLatin1Char('/')) ? path : m_dir.filePath(path);
        const BytesOrProblem read = readLimitedFile(full, 100, QStringLiteral("a test file"));
        QVERIFY(std::holds_alternative<QString>(read));
        QVERIFY2(std::get<QString>(read).contains(problem), qPrintable(std::get<QString>(read)));
        QFile streamed;
        QVERIFY(!openRegularFile(full, streamed).isEmpty() || path == QLatin1String("big"));
    }

    void readsCompiledInResources()
    {
        const BytesOrProblem read = readLimitedFile(QStringLiteral(":/catalog.json"), 64 << 20, QStringLiteral("a catalog"));
        QVERIFY(std::holds_alternative<QByteArray>(read));
        QVERIFY(std::get<QByteArray>(read).contains("headroom-catalog"));
    }

    void writesANewFile()
    {
        const QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("new.json"));
        QCOMPARE(writeFileSafely(path, "new"), QString());
        QCOMPARE(fileBytes(path), QByteArray("new"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("new.json")});
    }

    void replacingKeepsTheModeAndFollowsSymlinks()
    {
        const QString target = m_dir.filePath(QStringLiteral("target.json"));
        const QString link = m_dir.filePath(QStringLiteral("link.json"));
        QVERIFY(writeRaw(target, "old"));
        QVERIFY(::chmod(QFile::encodeName(target).constData(), 0640) == 0);
        QVERIFY(QFile::link(target, link));
        QCOMPARE(writeFileSafely(link, "replaced"), QString());
        QCOMPARE(fileBytes(target), QByteArray("replaced"));
        QVERIFY(S_ISLNK(modeOf(link)));
        QCOMPARE(modeOf(target) & 07777, mode_t(0640));
    }

    // A full disk: the write fails with the system's reason and the old file is left exactly as it was,
    // with no temporary file beside it.
    void aFullDiskKeepsTheOldFile()
    {
        const QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("result.json"));
        QVERIFY(writeRaw(path, "the old result"));
        QString problem;
        {
            const FileSizeLimit limit(1024);
            problem = writeFileSafely(path, QByteArray(64 * 1024, 'n'));
        }
        QVERIFY2(problem.startsWith(QLatin1String("cannot write: ")), qPrintable(problem));
        QVERIFY2(problem.contains(QLatin1String("too large")), qPrintable(problem));
        QCOMPARE(fileBytes(path), QByteArray("the old result"));
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("result.json")});
    }

    void devicesAreWrittenInPlace()
    {
        QCOMPARE(writeFileSafely(QStringLiteral("/dev/null"), "discarded"), QString());
        QVERIFY(S_ISCHR(modeOf(QStringLiteral("/dev/null"))));
        const QString full = writeFileSafely(QStringLiteral("/dev/full"), "nowhere");
        QVERIFY2(full.contains(QLatin1String("No space left on device")), qPrintable(full));
        QVERIFY(S_ISCHR(modeOf(QStringLiteral("/dev/full"))));
        QVERIFY(writesInPlace(QStringLiteral("/dev/stdout")));
        QVERIFY(writesInPlace(QStringLiteral("-")));
        QVERIFY(!writesInPlace(m_dir.filePath(QStringLiteral("plain.json"))));
    }

    // A device node of the user's own (as root: a copy of /dev/null) stays a device node.
    void aDeviceNodeIsNotReplaced()
    {
        const QString node = m_dir.filePath(QStringLiteral("null"));
        if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            QSKIP("mknod needs privileges this run does not have");
        QCOMPARE(writeFileSafely(node, "discarded"), QString());
        QVERIFY(S_ISCHR(modeOf(node)));
    }

    void aFifoWithoutReaderFailsAtOnce()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("out.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        const QString problem = writeFileSafely(fifo, "data");
        QVERIFY2(problem.contains(QLatin1String("FIFO")), qPrintable(problem));
        QVERIFY(S_ISFIFO(modeOf(fifo)));
    }

    void refusesToWrite_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("problem");
        QTest::newRow("missing folder") << QStringLiteral("no/such/folder/x.json") << QStringLiteral("does not exist");
        QTest::newRow("directory") << QStringLiteral(".") << QStringLiteral("it is a directory");
        QTest::newRow("missing device") << QStringLiteral("/dev/headroom-no-such-device") << QStringLiteral("no such device");
    }

    void refusesToWrite()
    {
        QFETCH(QString, path);
        QFETCH(QString, problem);
        const QString full = path.startsWith(QLatin1Char('/')) ? path : m_dir.filePath(path);
        const QString written = writeFileSafely(full, "x");
        QVERIFY2(written.contains(problem), qPrintable(written));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("no"))));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/dev/headroom-no-such-device")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSafeFile)
#include "tst_safe_file.moc"
