#pragma once

#include "import/GgufReader.h"

#include <cstdint>

namespace headroom::gguf {

class Cursor;

// Reads `count` typed key/values into header.metadata (and where each value starts into
// header.metadataValueOffsets). Strings and arrays are bounded by the caps of GgufReader.h; string
// arrays are skipped, short integer arrays kept. False after cursor.fail().
bool readMetadata(Cursor &cursor, std::uint64_t count, GgufHeader &header);

} // namespace headroom::gguf
