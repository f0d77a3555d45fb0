#pragma once

// Runs the real `headroom` binary (HEADROOM_BINARY) as a user would: arguments, standard input as bytes or a
// file, standard output to a file, and optionally a file size limit (a full disk without root).

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <csignal>
#include <sys/resource.h>

namespace headroom::test {

// Generous: a command is expected within seconds, `validate` (which refits the calibration once per held-out
// source) within a few minutes under the sanitizers; a hang shows as a timeout (exit code -1).
constexpr int processTimeoutMs = 240'000;

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// What the command is given besides its arguments.
struct Setup {
    QByteArray input;
    QString standardInputFile;
    QString standardOutputFile;
    rlim_t fileSizeLimit = RLIM_INFINITY;
    QStringList unsetVariables; // environment variables the command runs without
};

inline Run run(const QStringList &arguments, const Setup &setup = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY")); // headless commands must not need a display
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    for (const QString &name : setup.unsetVariables)
        environment.remove(name);
    process.setProcessEnvironment(environment);
    if (!setup.standardInputFile.isEmpty())
        process.setStandardInputFile(setup.standardInputFile);
    if (!setup.standardOutputFile.isEmpty())
        process.setStandardOutputFile(setup.standardOutputFile);
    const rlim_t limit = setup.fileSizeLimit;
    if (limit != RLIM_INFINITY) {
        // A full disk without root: files cannot grow past `limit` bytes in the child.
        process.setChildProcessModifier([limit] {
            std::signal(SIGXFSZ, SIG_IGN);
            rlimit fileSize{};
            ::getrlimit(RLIMIT_FSIZE, &fileSize);
            fileSize.rlim_cur = limit;
            ::setrlimit(RLIMIT_FSIZE, &fileSize);
        });
    }
    process.start(qEnvironmentVariable("HEADROOM_BINARY"), arguments);
    if (!process.waitForStarted(processTimeoutMs))
        return {};
    if (setup.standardInputFile.isEmpty()) {
        process.write(setup.input);
        process.closeWriteChannel();
    }
    if (!process.waitForFinished(processTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    Run result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

inline Run run(const QStringList &arguments, const QByteArray &input)
{
    Setup setup;
    setup.input = input;
    return run(arguments, setup);
}

} // namespace headroom::test
