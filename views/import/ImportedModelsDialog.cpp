#include "ImportedModelsDialog.h"

#include "catalog/CatalogStore.h"
#include "ModelImportController.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace headroom {
namespace {

constexpr int IdRole = Qt::UserRole;

} // namespace

ImportedModelsDialog::ImportedModelsDialog(CatalogStore *store, ModelImportController *importer, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_importer(importer)
    , m_list(new QListWidget(this))
    , m_import(new QPushButton(tr("&Import…"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
{
    setObjectName(QStringLiteral("importedModelsDialog"));
    setWindowTitle(tr("Imported models"));
    const QString path = store->userModels().path();
    auto *where = new QLabel(path.isEmpty() ? tr("Imported models are kept until Headroom closes.")
                                            : tr("Saved in %1").arg(path),
                             this);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_remove->setToolTip(tr("Remove the selected model from your catalog; a scenario showing it keeps a copy"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_import, QDialogButtonBox::ActionRole);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_import, &QPushButton::clicked, importer, &ModelImportController::chooseAndImport);
    connect(m_remove, &QPushButton::clicked, this, &ImportedModelsDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(store, &CatalogStore::catalogChanged, this, &ImportedModelsDialog::showModels);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    showModels();
}

void ImportedModelsDialog::showModels()
{
    m_list->clear();
    for (const LanguageModel &model : m_store->userModels().models()) {
        auto *item = new QListWidgetItem(tr("%1 (%2, %3 B)").arg(model.name, model.id).arg(model.paramsB), m_list);
        item->setData(IdRole, model.id);
        item->setToolTip(model.source);
    }
    m_remove->setEnabled(m_list->currentRow() >= 0);
}

void ImportedModelsDialog::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (item)
        m_importer->removeModel(item->data(IdRole).toString());
}

} // namespace headroom
