// Fuzzes the GGUF header reader and importer (issue #11): any bytes must give a model or one diagnostic
// naming a byte offset inside the input; never a crash, a giant allocation or a hang.

#include "FuzzSupport.h"
#include "import/GgufReader.h"
#include "import/ModelImport.h"

#include <QBuffer>

#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace headroom;
    QByteArray bytes = fuzz::toByteArray(data, size);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const ImportResult result = importGgufHeader(buffer, QStringLiteral("fuzz.gguf"));
    if (const auto *diagnostic = std::get_if<Diagnostic>(&result)) {
        if (diagnostic->problem.isEmpty())
            fuzz::contractBroken("a GGUF diagnostic has no problem text");
        if (diagnostic->entry.startsWith(QStringLiteral("at byte "))
            && diagnostic->entry.mid(qsizetype(qstrlen("at byte "))).toLongLong() > qint64(size))
            fuzz::contractBroken("a GGUF diagnostic points past the end of the input", diagnostic->toString());
        return 0;
    }
    const ImportedModel &model = std::get<ImportedModel>(result);
    if (model.model.activeParamsB > model.model.paramsB * (1 + 1e-9))
        fuzz::contractBroken("more active than total parameters", model.model.id);
    if (model.fileSizeGB && *model.fileSizeGB * 1e9 > double(size))
        fuzz::contractBroken("tensor data larger than the file", model.model.id);
    importedModelJson(model);
    return 0;
}
