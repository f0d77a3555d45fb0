#pragma once

// Private to the catalog loader: checks that what one catalog entry names exists in the catalog.

#include "catalog/Catalog.h"

namespace headroom::catalog {

// Every system's device and compatible devices must be catalog devices, its memory_gb one of its
// device's memory options and its count within the device's max_count; every published size must name
// a catalog quantization. Diagnostics carry `file` and entries labelled "systems[id]" / "models[id]".
Diagnostics checkReferences(const Catalog &catalog, const QString &file);

} // namespace headroom::catalog
