#pragma once

#include "import/GgufReader.h"

#include <cstdint>

namespace headroom::gguf {

class Cursor;

// Reads one tensor description: name, dimensions (1 to kMaxDimensions, no 63-bit overflow), a known
// ggml type whose block size divides the row, and the data offset. False after cursor.fail().
bool readTensorInfo(Cursor &cursor, TensorInfo &tensor);

// Checks that the tensors follow each other, each padded to header.alignment, and lie inside the
// file of `fileBytes` bytes (a partial download fails here, naming the first missing tensor); sums
// header.totalTensorBytes and header.totalElements on the way. False after cursor.fail().
bool checkTensorPlacement(Cursor &cursor, GgufHeader &header, std::uint64_t fileBytes);

} // namespace headroom::gguf
