#pragma once

#include "CommandLine.h"

#include <QTextStream>

namespace headroom {

// `headroom import-model FILE [--id ID] [--output FILE|-]`: writes the imported model entry
// (ModelImport.h). Returns 0, or 2 after a one-line message naming the file and the offset or field.
int runImportModel(const Options &options, QTextStream &err);

} // namespace headroom
