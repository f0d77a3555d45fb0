#include "ImportModelCommand.h"

#include "CommandIo.h"
#include "import/ModelImport.h"

namespace headroom {

int runImportModel(const Options &options, QTextStream &err)
{
    const QString command = QStringLiteral("import-model");
    const ImportResult result = importModelFile(options.modelFile, options.modelId);
    if (const auto *diagnostic = std::get_if<Diagnostic>(&result)) {
        // One line, whatever the file put in its names.
        QString line = diagnostic->toString();
        line.replace(QLatin1Char('\n'), QLatin1Char(' ')).replace(QLatin1Char('\r'), QLatin1Char(' '));
        err << "headroom " << command << ": " << line << Qt::endl;
        return 2;
    }
    const QByteArray json = importedModelJson(std::get<ImportedModel>(result));
    return writeCommandOutput(options.output, json, command, err) ? 0 : 2;
}

} // namespace headroom
