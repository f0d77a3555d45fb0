#include "core/CardCount.h"

namespace headroom {

QString cardCountProblem(const Device &device, int count)
{
    if (count >= 1 && count <= device.maxCount)
        return {};
    if (count < 1)
        return QStringLiteral("%1 is not a card count (at least 1)").arg(count);
    QString problem = QStringLiteral("%1 exceeds the max_count (%2) of \"%3\"").arg(count).arg(device.maxCount).arg(device.id);
    if (device.maxCount == 1)
        problem += QStringLiteral(": one per machine; several machines are a cluster");
    return problem;
}

} // namespace headroom
