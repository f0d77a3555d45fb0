#include "ResultsTable.h"

#include "EstimateTableModel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom {
namespace {

// Vertical padding of a table row around one line of text: compact, so seven rows fit under the charts.
constexpr int RowPaddingPx = 8;

} // namespace

ResultsTable::ResultsTable(QWidget *parent)
    : QWidget(parent)
    , m_model(new EstimateTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(EstimateTableModel::SortRole);
    m_view->setObjectName(QStringLiteral("resultsTable"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // scenario order until the user sorts
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + RowPaddingPx);
    // Every column as wide as its contents (labels never elided); the last one takes what is left.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setToolTip(tr("Hover a row for the formula behind its numbers; click a header to sort."));

    auto *copy = new QAction(tr("Copy table as CSV"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ResultsTable::copyToClipboard);
    m_view->addAction(copy);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT selectedRowChanged(selectedRow()); });
}

void ResultsTable::setEstimates(const EstimateSet &estimates)
{
    // Keep the selected configuration selected across the reset.
    const QModelIndex current = m_view->currentIndex();
    const int scenarioIndex = current.isValid() ? current.data(EstimateTableModel::ScenarioIndexRole).toInt() : -1;
    m_model->setEstimates(estimates);
    for (int row = 0; row < m_sorted->rowCount(); ++row) {
        const QModelIndex index = m_sorted->index(row, 0);
        if (scenarioIndex >= 0 && index.data(EstimateTableModel::ScenarioIndexRole).toInt() == scenarioIndex) {
            m_view->setCurrentIndex(index);
            return;
        }
    }
    Q_EMIT selectedRowChanged(selectedRow());
}

int ResultsTable::selectedRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(EstimateTableModel::RowIndexRole).toInt() : -1;
}

QString ResultsTable::toCsv() const
{
    return m_model->toCsv();
}

void ResultsTable::copyToClipboard() const
{
    QGuiApplication::clipboard()->setText(toCsv());
}

} // namespace headroom
