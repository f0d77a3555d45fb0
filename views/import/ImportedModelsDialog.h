#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace headroom {

class CatalogStore;
class ModelImportController;

// File ▸ Manage imported models…: the models the user imported, with Remove. Follows the
// catalog, so an import made while it is open shows up.
class ImportedModelsDialog final : public QDialog
{
    Q_OBJECT
public:
    ImportedModelsDialog(CatalogStore *store, ModelImportController *importer, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    QPushButton *removeButton() const { return m_remove; }

private:
    void showModels();
    void removeSelected();

    CatalogStore *m_store;
    ModelImportController *m_importer;
    QListWidget *m_list;
    QPushButton *m_import;
    QPushButton *m_remove;
};

} // namespace headroom
