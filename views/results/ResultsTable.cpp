#include "ResultsTable.h"

#include "CompactTable.h"
#include "itemmodels/EstimateTableModel.h"
#include "StaticTextDelegate.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom {
namespace {

// Horizontal room around a cell's text beyond the focus frame (the style's item margins).
constexpr int CellPaddingPx = 12;

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
    m_delegate = makeCompactResultsTable(m_view);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // scenario order until the user sorts
    // Every column as wide as its contents (labels never elided): sized when the table is rebuilt
    // and widened when a value outgrows its column.
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTableView::resizeColumnsToContents);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ResultsTable::widenColumnsToFit);
    m_view->setToolTip(tr("Hover a row for the formula behind its numbers; click a header to sort."));
    m_view->setWhatsThis(tr("<b>Results</b><p>One row per configuration ticked in the Hardware list: whether the model "
                            "fits, decode speed per user and in total with its likely range, prefill speed, time to "
                            "first token, what binds it, and the price. The charts plot exactly these numbers. "
                            "Select a row for its formula in the Details pane.</p>"));

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

void ResultsTable::widenColumnsToFit(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!roles.isEmpty() && !roles.contains(Qt::DisplayRole))
        return;
    // Measured as the delegate draws them (and shaped once for that drawing); only the cells
    // that changed can need more room.
    const QFont font = m_view->font();
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + CellPaddingPx;
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = topLeft.column(); column <= bottomRight.column(); ++column) {
        int widest = 0;
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            widest = std::max(widest, m_delegate->textWidth(m_model->index(row, column).data().toString(), font));
        if (widest + padding > header->sectionSize(column))
            header->resizeSection(column, widest + padding);
    }
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
