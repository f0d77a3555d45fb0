#pragma once

#include "catalog/Catalog.h"
#include "CommandLine.h"
#include "core/Estimate.h"
#include "engine/RunsOn.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTextStream>

#include <variant>

namespace headroom {

// Every catalog model x quantization on options.hardware x count x memory at the options' context
// and concurrency (roofline method; the computation is the model layer's runsOn()).
// An unknown device or memory size gives a one-line error.
// With --this-machine, the configuration detectFrom(probeThisMachine()) finds.
std::variant<RunsOnReport, QString> computeRunsOn(const Options &options, const Catalog &catalog);
std::variant<RunsOnReport, QString> computeRunsOnFor(const Options &options, const Catalog &catalog);

QByteArray runsOnJson(const RunsOnReport &report);
QString runsOnMarkdown(const RunsOnReport &report);

// `headroom runs-on`: prints options.format (json|markdown) on `out`. Returns 0, or 2 with a message on `err`.
int runRunsOn(const Options &options, QTextStream &out, QTextStream &err);

} // namespace headroom
