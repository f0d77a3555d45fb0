#include "QuotesDialog.h"

#include "views/results/CompactTable.h"
#include "itemmodels/QuoteTableModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom {
namespace {

constexpr QSize DialogSize{720, 560};

} // namespace

QuotesDialog::QuotesDialog(QuoteTableModel *model, QWidget *parent)
    : QDialog(parent)
    , m_view(new QTableView(this))
{
    setWindowTitle(tr("Prices and quotes"));
    setObjectName(QStringLiteral("quotesDialog"));
    auto *intro = new QLabel(tr("The advisor uses public list prices. Where you have a customer's quote, or where "
                                "no list price is public, enter your own price: it is used instead, saved with the "
                                "scenario and shown as \"your quote\"."),
                             this);
    intro->setWordWrap(true);

    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(model);
    m_view->setModel(sorted);
    makeCompactResultsTable(m_view);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // catalog order until the user sorts
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->horizontalHeader()->setStretchLastSection(false); // the names take the room
    m_view->horizontalHeader()->setSectionResizeMode(QuoteTableModel::NameColumn, QHeaderView::Stretch);
    m_view->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *clear = buttons->addButton(tr("Clear all quotes"), QDialogButtonBox::ResetRole);
    connect(clear, &QPushButton::clicked, this, &QuotesDialog::clearRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(DialogSize);
}

} // namespace headroom
