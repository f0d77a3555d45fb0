// headroom: parses the command line (CommandLine.h) and dispatches. Headless commands create only
// the application object they need; the window is WindowCommand's business.
#include "commands/AdviseCommand.h"
#include "CommandLine.h"
#include "commands/DemoCommand.h"
#include "commands/EstimateCommand.h"
#include "commands/ExportCommand.h"
#include "commands/ReportCommand.h"
#include "HeadlessApplication.h"
#include "commands/ImportModelCommand.h"
#include "PrintableStderr.h"
#include "commands/DetectCommand.h"
#include "commands/RunsOnCommand.h"
#include "commands/TableCommand.h"
#include "commands/ValidateCommand.h"
#include "commands/WindowCommand.h"

#include <QStringList>
#include <QTextStream>

#include <cerrno>
#include <cstdio>

namespace {

constexpr int usageExitCode = 2;

QStringList argumentList(int argc, char **argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// A command's result is only delivered once standard output took it: `headroom table > /dev/full` fails.
int deliverStandardOutput(int status, QTextStream &out, QTextStream &err)
{
    out.flush();
    const bool failed = out.status() != QTextStream::Ok || std::fflush(stdout) != 0 || std::ferror(stdout);
    if (!failed)
        return status;
    err << "headroom: standard output: write failed: " << qt_error_string(errno) << Qt::endl;
    return usageExitCode;
}

int dispatch(int argc, char **argv, QTextStream &out, QTextStream &err);

} // namespace

int main(int argc, char **argv)
{
    QTextStream out(stdout);
    headroom::PrintableStderr printableStderr;
    QTextStream err(&printableStderr);
    return deliverStandardOutput(dispatch(argc, argv, out, err), out, err);
}

namespace {

int dispatch(int argc, char **argv, QTextStream &out, QTextStream &err)
{
    using namespace headroom;
    const ParsedCommandLine parsed = parseCommandLine(argumentList(argc, argv));
    if (const auto *problem = std::get_if<CommandLineError>(&parsed)) {
        err << "headroom: " << problem->message << "; see headroom --help" << Qt::endl;
        return usageExitCode;
    }
    const Options &options = std::get<Options>(parsed);

    switch (options.command) {
    case Command::Version:
        out << "headroom " << HEADROOM_VERSION << Qt::endl;
        return 0;
    case Command::Help:
        out << helpText() << Qt::flush;
        return 0;
    case Command::Window:
        if (!windowSystemAvailable()) {
            // Qt would abort with a fatal error; say what to do instead.
            err << "headroom: no display to open the window on (set DISPLAY or WAYLAND_DISPLAY, or run a "
                   "command such as 'headroom table'; see headroom --help)"
                << Qt::endl;
            return usageExitCode;
        }
        return runWindow(argc, argv, options);
    case Command::Estimate: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runEstimate(options, err);
    }
    case Command::Table: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runTable(options, out, err);
    }
    case Command::Detect: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runDetect(options, out, err);
    }
    case Command::RunsOn: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runRunsOn(options, out, err);
    }
    case Command::Validate: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runValidate(options.dataPath, options.format, out, err);
    }
    case Command::Export: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Gui);
        return runExport(options, err);
    }
    case Command::Report: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Gui);
        return runReport(options, err);
    }
    case Command::Demo: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Gui);
        return runDemo(options, out, err);
    }
    case Command::Advise: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runAdvise(options, err);
    }
    case Command::ImportModel: {
        const auto application = createHeadlessApplication(argc, argv, HeadlessKind::Core);
        return runImportModel(options, err);
    }
    }
    return usageExitCode;
}

} // namespace
