#include "BenchProcess.h"

#include <QFile>
#include <QList>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

namespace headroom {
namespace {

// /proc/PID/stat: "pid (comm) state ppid ...": starttime is field 22, the 20th after the closing
// parenthesis of comm (which ends field 2).
constexpr qsizetype StartTimeFieldAfterComm = 19;
constexpr double MillisecondsPerSecond = 1000;
constexpr double NanosecondsPerMillisecond = 1e6;
constexpr double BytesPerKibibyte = 1024; // ru_maxrss is in KiB on Linux
constexpr double BytesPerMegabyte = 1e6;

} // namespace

std::optional<qint64> processStartTicks(const QByteArray &statLine)
{
    const qsizetype commEnd = statLine.lastIndexOf(')');
    if (commEnd < 0)
        return std::nullopt;
    const QList<QByteArray> fields = statLine.mid(commEnd + 1).simplified().split(' ');
    if (fields.size() <= StartTimeFieldAfterComm)
        return std::nullopt;
    bool ok = false;
    const qint64 ticks = fields.at(StartTimeFieldAfterComm).toLongLong(&ok);
    if (!ok || ticks < 0)
        return std::nullopt;
    return ticks;
}

std::optional<double> millisecondsSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const std::optional<qint64> startTicks = processStartTicks(stat.readAll());
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    // The start time counts from boot, suspend included: CLOCK_BOOTTIME is the matching clock.
    timespec now{};
    if (!startTicks || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return std::nullopt;
    const double nowMs = double(now.tv_sec) * MillisecondsPerSecond + double(now.tv_nsec) / NanosecondsPerMillisecond;
    const double startMs = double(*startTicks) * MillisecondsPerSecond / double(ticksPerSecond);
    return nowMs - startMs;
}

double peakResidentMB()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return double(usage.ru_maxrss) * BytesPerKibibyte / BytesPerMegabyte;
}

} // namespace headroom
