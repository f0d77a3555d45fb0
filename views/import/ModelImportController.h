#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace headroom {

class CatalogStore;
class ImportSummaryDialog;
class ScenarioController;

// File ▸ Import model… and dropped model files: reads a Hugging Face config.json or a GGUF file
// (importModelFile), adds the model to the user's catalog, selects it (and the GGUF's own
// quantization) as one undoable scenario edit, and shows where each number came from.
// Problems are reported through `problem` (the window shows a non-blocking dialog) and change
// nothing.
class ModelImportController final : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *FileFilter = "Model files (config.json *.gguf *.json);;All files (*)";

    ModelImportController(CatalogStore *store, ScenarioController *controller, QWidget *dialogParent);

    // Asks for a file, then importPath.
    void chooseAndImport();
    // True when the model was added (a failed save still adds it for this session, with a problem).
    bool importPath(const QString &path);
    // Removes an imported model. A scenario showing it keeps it as an inline model (undoable),
    // so nothing on screen breaks.
    bool removeModel(const QString &id);

    // Whether a successful import opens the summary dialog (on by default).
    void setSummaryShown(bool shown) { m_summaryShown = shown; }
    // The summary of the last import while it is open, else null.
    ImportSummaryDialog *summaryDialog() const;

    // True for the files this controller imports: *.gguf and *.json (config.json).
    static bool isModelFile(const QString &path);

Q_SIGNALS:
    void imported(const QString &modelId);
    void statusMessage(const QString &message);
    void problem(const QString &title, const QString &message);

private:
    void selectImported(const QString &modelId, const QString &quantName);

    CatalogStore *m_store;
    ScenarioController *m_controller;
    QWidget *m_dialogParent;
    QPointer<ImportSummaryDialog> m_summary;
    bool m_summaryShown = true;
};

} // namespace headroom
