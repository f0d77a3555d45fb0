#include "CompactTable.h"

#include "StaticTextDelegate.h"

#include <QHeaderView>
#include <QTableView>

namespace headroom {
namespace {

// Vertical padding of a table row around one line of text: compact, so seven rows fit under the charts.
constexpr int RowPaddingPx = 8;

} // namespace

StaticTextDelegate *makeCompactResultsTable(QTableView *view)
{
    auto *delegate = new StaticTextDelegate(view);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setItemDelegate(delegate);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + RowPaddingPx);
    // Not ResizeToContents, which measures every cell through the style on each slider step.
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setStretchLastSection(true);
    return delegate;
}

} // namespace headroom
