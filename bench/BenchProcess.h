#pragma once

#include <QByteArray>

#include <optional>

namespace headroom {

// Figures about the running process, from the operating system's own accounting (Linux).

// Milliseconds since this process was started (by the kernel, before main), or nullopt where
// /proc/self/stat cannot be read. The kernel records the start in clock ticks (usually 10 ms),
// so the figure can be up to one tick too long, never too short.
std::optional<double> millisecondsSinceProcessStart();

// Field 22 of a /proc/PID/stat line, the start time in clock ticks after boot; nullopt when
// the line is malformed. The command name (field 2) may itself contain spaces and parentheses.
std::optional<qint64> processStartTicks(const QByteArray &statLine);

// Peak resident set size of this process so far (getrusage), in MB of 10^6 bytes.
double peakResidentMB();

} // namespace headroom
