#pragma once

#include "CommandLine.h"
#include "detect/Detection.h"

#include <QByteArray>
#include <QTextStream>

namespace headroom {

QByteArray detectionJson(const Detection &detection);
QString detectionText(const Detection &detection);

// `headroom detect`: what this machine has and how it maps to the catalog, as text or JSON. Returns 0 when
// a configuration was matched, 1 when nothing was (which is not an error of the command), 2 on a bad catalog.
int runDetect(const Options &options, QTextStream &out, QTextStream &err);

} // namespace headroom
