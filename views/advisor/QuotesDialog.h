#pragma once

#include <QDialog>

class QTableView;

namespace headroom {

class QuoteTableModel;

// The Advisor's price editor: every named system and card with its public list price and an
// editable "your quote" column (a customer's price). Edits apply at once (the panel turns them
// into one undoable scenario edit each); "Clear all quotes" goes back to list prices.
class QuotesDialog final : public QDialog
{
    Q_OBJECT
public:
    QuotesDialog(QuoteTableModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

Q_SIGNALS:
    void clearRequested();

private:
    QTableView *m_view;
};

} // namespace headroom
