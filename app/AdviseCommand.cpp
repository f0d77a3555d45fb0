#include "AdviseCommand.h"

namespace headroom {

AdviseRun adviseRequest(const QByteArray &, const Catalog &)
{
    return {QByteArray(), QStringLiteral("advise: not built yet")};
}

int runAdvise(const Options &, QTextStream &err)
{
    err << "headroom: advise: not built yet" << Qt::endl;
    return 2;
}

} // namespace headroom
