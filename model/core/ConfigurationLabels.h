#pragma once

#include <QStringList>

namespace headroom {

// Names short enough for a chart's line end or a narrow table column: vendor words ("Apple", "NVIDIA",
// "GeForce", "AMD", "Intel") and a GPU core count in parentheses left out ("M3 Ultra 256 GB",
// "2x RTX 5090"). A name that would then read like another one keeps its full text.
QStringList compactConfigurationLabels(const QStringList &labels);

} // namespace headroom
