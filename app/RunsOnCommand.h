#pragma once

#include "Catalog.h"
#include "CommandLine.h"
#include "Estimate.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTextStream>

#include <variant>

namespace headroom {

// One catalog model at one quantization on the chosen configuration.
struct RunsOnRow {
    QString modelId;
    QString modelName;
    QString quantName;
    double bitsPerWeight = 0;
    Fit fit = Fit::DoesNotFit;
    double decodeTpsPerUser = 0; // meaningful only when the model runs
    bool bestQuant = false;      // highest-bits quantization of this model that fits (fits or tight)
    bool operator==(const RunsOnRow &) const = default;
};

struct RunsOnReport {
    QString hardware;
    QString hardwareName;
    int count = 1;
    double memoryGB = 0; // per device, resolved
    int contextTokens = 0;
    int users = 1;
    QList<RunsOnRow> rows; // catalog model order, then catalog quantization order
    bool operator==(const RunsOnReport &) const = default;
};

// Every catalog model x quantization on options.hardware x count x memory at the options' context
// and concurrency (roofline method). An unknown device or memory size gives a one-line error.
std::variant<RunsOnReport, QString> computeRunsOn(const Options &options, const Catalog &catalog);

QByteArray runsOnJson(const RunsOnReport &report);
QString runsOnMarkdown(const RunsOnReport &report);

// `headroom runs-on`: prints options.format (json|markdown) on `out`. Returns 0, or 2 with a message on `err`.
int runRunsOn(const Options &options, QTextStream &out, QTextStream &err);

} // namespace headroom
