#pragma once

#include "catalog/Catalog.h"
#include "scenario/Scenario.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

#include <optional>

namespace headroom {

// Input, output and catalog handling shared by the headless commands. Messages go to `err` as
// "headroom COMMAND: FILE: problem", one line each.

// Reads FILE, or standard input for "-", up to limits::kMaxCommandInputBytes; refuses FIFOs and devices
// (SafeFile.h). Returns nullopt (after a message) when it cannot be read.
std::optional<QByteArray> readCommandInput(const QString &path, const QString &command, QTextStream &err);

// Writes to FILE atomically, in place for a device or FIFO, or to standard output for "-" (SafeFile.h).
// Returns false after a message with the operating system's reason.
bool writeCommandOutput(const QString &path, const QByteArray &bytes, const QString &command, QTextStream &err);

// The embedded catalog, overlaid with the user catalog at `userCatalogPath` when it is not empty.
// A broken user catalog: one line per diagnostic (file, entry, field, problem) and nullopt.
std::optional<Catalog> loadCommandCatalog(const QString &userCatalogPath, const QString &command, QTextStream &err);

// The scenario at `path`, or the article lineup when `path` is empty. An unreadable or invalid file: one
// line per diagnostic (file, field, problem; line and column for JSON) and nullopt.
std::optional<Scenario> loadCommandScenario(const QString &path, const QString &command, QTextStream &err);

// Writes `diagnostics` to `err`, one "headroom COMMAND: ..." line each, at most kMaxDiagnosticLines of them.
void reportDiagnostics(const Diagnostics &diagnostics, const QString &command, QTextStream &err);

// What every JSON-in, JSON-out command starts from: its catalog (the embedded one, overlaid with --catalog)
// and its input (--input FILE, or standard input). nullopt after a message.
struct JsonCommandStart {
    Catalog catalog;
    QByteArray input;
};
std::optional<JsonCommandStart> startJsonCommand(const QString &catalogPath, const QString &inputPath,
                                                 const QString &command, QTextStream &err);

// Display name of an input or output path in messages ("standard input" for "-").
QString describePath(const QString &path, bool input);

} // namespace headroom
