#pragma once

#include <QtGlobal>

// The largest file of each kind that Headroom reads (SPEC §"Files"). A file over its limit is refused
// unread, with a message naming the file and the limit; the same limit applies to standard input. Each limit
// sits far above any real file of its kind (the shipped catalog is ~200 KB, a scenario or tour a few KB, a
// 20,000-query batch ~2 MB) and far below what could exhaust memory.
namespace headroom::limits {

inline constexpr qint64 kMiB = 1024 * 1024;

inline constexpr qint64 kMaxCatalogBytes = 64 * kMiB;     // catalogs, models.json
inline constexpr qint64 kMaxScenarioBytes = 16 * kMiB;    // *.headroom.json
inline constexpr qint64 kMaxTourBytes = 16 * kMiB;        // tour files
inline constexpr qint64 kMaxCommandInputBytes = 64 * kMiB; // estimate queries, advise requests
inline constexpr qint64 kMaxMeasuredCsvBytes = 32 * kMiB; // validate --data, the Accuracy tab's CSV
inline constexpr qint64 kMaxModelConfigBytes = 16 * kMiB; // a Hugging Face config.json

} // namespace headroom::limits
