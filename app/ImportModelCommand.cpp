#include "ImportModelCommand.h"

namespace headroom {

int runImportModel(const Options &, QTextStream &err)
{
    err << "headroom: import-model: not built yet" << Qt::endl;
    return 2;
}

} // namespace headroom
