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

// Counts and lengths inside those files. Each bounds the work one small file can ask for (a 400 KB scenario
// of 10,000 configurations took a minute to draw; a 1,000-step tour a 355 MB deck) far above real use.
inline constexpr int kMaxQueriesPerBatch = 100'000;      // estimate: 20,000 queries take 0.4 s
inline constexpr int kMaxScenarioConfigurations = 256;   // the article compares 7, the bench 30
inline constexpr int kMaxTourSteps = 200;                // a story told in front of people has tens
inline constexpr int kMaxMemoryOptions = 32;             // Apple sells at most 4 per chip
inline constexpr int kMaxNameLength = 200;               // device, model, system names, labels
inline constexpr int kMaxTextLength = 4'000;             // any other text field (sources, notes)

} // namespace headroom::limits
