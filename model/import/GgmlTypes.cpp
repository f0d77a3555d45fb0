// Tensor storage types of the ggml / GGUF format and the file types llama.cpp writes.
// Sources: enum ggml_type (ggml/include/ggml.h), type_traits[] and the block structs with their
// static_asserts (ggml/src/ggml.c, ggml/src/ggml-common.h), enum llama_ftype (include/llama.h),
// https://github.com/ggml-org/llama.cpp
#include "import/GgmlTypes.h"

#include <array>
#include <limits>

namespace headroom::gguf {
namespace {

constexpr std::uint32_t kSuperBlock = 256; // QK_K: elements per K-quant / I-quant super-block
constexpr std::uint32_t kBlock32 = 32;     // QK4_0, QK4_1, QK5_0, QK5_1, QK8_0, QK8_1, QK4_NL, QK_MXFP4
constexpr std::uint32_t kNvfp4Block = 64;  // QK_NVFP4

// {id, name, elements per block, bytes per block}; bytes from the sizeof(block_*) static_asserts.
constexpr std::array kTypes{
    GgmlType{0, "F32", 1, 4},
    GgmlType{1, "F16", 1, 2},
    GgmlType{2, "Q4_0", kBlock32, 18},  // half d + 16 nibble bytes
    GgmlType{3, "Q4_1", kBlock32, 20},  // half d, m + 16
    GgmlType{6, "Q5_0", kBlock32, 22},  // half d + 4 high bits + 16
    GgmlType{7, "Q5_1", kBlock32, 24},  // half d, m + 4 + 16
    GgmlType{8, "Q8_0", kBlock32, 34},  // half d + 32
    GgmlType{9, "Q8_1", kBlock32, 36},  // half d, s + 32
    GgmlType{10, "Q2_K", kSuperBlock, 84},
    GgmlType{11, "Q3_K", kSuperBlock, 110},
    GgmlType{12, "Q4_K", kSuperBlock, 144},
    GgmlType{13, "Q5_K", kSuperBlock, 176},
    GgmlType{14, "Q6_K", kSuperBlock, 210},
    GgmlType{15, "Q8_K", kSuperBlock, 292}, // float d + 256 + 16 int16 sums
    GgmlType{16, "IQ2_XXS", kSuperBlock, 66},
    GgmlType{17, "IQ2_XS", kSuperBlock, 74},
    GgmlType{18, "IQ3_XXS", kSuperBlock, 98},
    GgmlType{19, "IQ1_S", kSuperBlock, 50},
    GgmlType{20, "IQ4_NL", kBlock32, 18},
    GgmlType{21, "IQ3_S", kSuperBlock, 110},
    GgmlType{22, "IQ2_S", kSuperBlock, 82},
    GgmlType{23, "IQ4_XS", kSuperBlock, 136},
    GgmlType{24, "I8", 1, 1},
    GgmlType{25, "I16", 1, 2},
    GgmlType{26, "I32", 1, 4},
    GgmlType{27, "I64", 1, 8},
    GgmlType{28, "F64", 1, 8},
    GgmlType{29, "IQ1_M", kSuperBlock, 56},
    GgmlType{30, "BF16", 1, 2},
    GgmlType{34, "TQ1_0", kSuperBlock, 54},
    GgmlType{35, "TQ2_0", kSuperBlock, 66},
    GgmlType{39, "MXFP4", kBlock32, 17},   // E8M0 exponent + 16 nibble bytes
    GgmlType{40, "NVFP4", kNvfp4Block, 36}, // 4 UE4M3 scales + 32 nibble bytes
};

struct FileType {
    std::uint32_t id;
    const char *name;
};

// enum llama_ftype; 4-6 and 33-35 are retired.
constexpr std::array kFileTypes{
    FileType{0, "F32"},      FileType{1, "F16"},       FileType{2, "Q4_0"},     FileType{3, "Q4_1"},
    FileType{7, "Q8_0"},     FileType{8, "Q5_0"},      FileType{9, "Q5_1"},     FileType{10, "Q2_K"},
    FileType{11, "Q3_K_S"},  FileType{12, "Q3_K_M"},   FileType{13, "Q3_K_L"},  FileType{14, "Q4_K_S"},
    FileType{15, "Q4_K_M"},  FileType{16, "Q5_K_S"},   FileType{17, "Q5_K_M"},  FileType{18, "Q6_K"},
    FileType{19, "IQ2_XXS"}, FileType{20, "IQ2_XS"},   FileType{21, "Q2_K_S"},  FileType{22, "IQ3_XS"},
    FileType{23, "IQ3_XXS"}, FileType{24, "IQ1_S"},    FileType{25, "IQ4_NL"},  FileType{26, "IQ3_S"},
    FileType{27, "IQ3_M"},   FileType{28, "IQ2_S"},    FileType{29, "IQ2_M"},   FileType{30, "IQ4_XS"},
    FileType{31, "IQ1_M"},   FileType{32, "BF16"},     FileType{36, "TQ1_0"},   FileType{37, "TQ2_0"},
    FileType{38, "MXFP4_MOE"}, FileType{39, "NVFP4"},
};

} // namespace

std::optional<GgmlType> ggmlType(std::uint32_t id)
{
    for (const GgmlType &type : kTypes) {
        if (type.id == id)
            return type;
    }
    return std::nullopt;
}

std::optional<std::uint64_t> ggmlTensorBytes(const GgmlType &type, std::uint64_t elements)
{
    if (type.blockSize == 0 || elements % type.blockSize != 0)
        return std::nullopt;
    const std::uint64_t blocks = elements / type.blockSize;
    if (blocks > std::numeric_limits<std::uint64_t>::max() / type.bytesPerBlock)
        return std::nullopt;
    return blocks * type.bytesPerBlock;
}

std::optional<QString> fileTypeName(std::uint32_t fileType)
{
    for (const FileType &type : kFileTypes) {
        if (type.id == fileType)
            return QString::fromLatin1(type.name);
    }
    return std::nullopt;
}

QString quantNameOfType(const GgmlType &type)
{
    return QString::fromLatin1(type.name);
}

} // namespace headroom::gguf
