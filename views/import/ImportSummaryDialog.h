#pragma once

#include "import/ModelImport.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace headroom {

// After an import: the model's numbers and where each came from (a config.json field, a GGUF
// metadata key, counted from tensor shapes, or a default), so a user can check them against the
// model card. Non-modal; one row per provenance entry.
class ImportSummaryDialog final : public QDialog
{
    Q_OBJECT
public:
    enum Column { FieldColumn, ValueColumn, OriginColumn, ColumnCount };

    ImportSummaryDialog(const ImportedModel &imported, const QString &filePath, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The rich text above the table: name, id, parameters, quantization, file and architecture.
    QString headline() const;

private:
    QLabel *m_headline;
    QTableWidget *m_table;
};

} // namespace headroom
