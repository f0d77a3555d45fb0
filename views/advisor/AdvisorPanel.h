#pragma once

#include "advisor/Advisor.h"
#include "scenario/ScenarioAdvisor.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace headroom {

class AdvisorRequirementsForm;
class AdvisorService;
class AdvisorShortlistModel;
class QuoteTableModel;
class QuotesDialog;
class ScenarioController;

// The Advisor: requirements (AdvisorRequirementsForm) above the ranked shortlist the service
// computes for them, with the reason line ("the fastest that fits reaches 14 t/s per user: ...")
// between. The shortlist is a sortable table whose cells explain themselves on hover. "Compare these"
// replaces the scenario's configurations with the top picks (one undoable edit) and then emits
// compareRequested() so the window can bring the comparison charts forward.
class AdvisorPanel final : public QWidget
{
    Q_OBJECT
public:
    // Most picks "Compare these" puts on the charts: beyond this the bars get too thin to read.
    static constexpr int MaxComparedPicks = 8;
    static constexpr int MaxConfigurationColumnChars = 22;

    AdvisorPanel(ScenarioController *controller, AdvisorService *service, QWidget *parent = nullptr);

    AdvisorRequirementsForm *form() const { return m_form; }
    AdvisorShortlistModel *shortlistModel() const { return m_model; }
    QTableView *shortlistView() const { return m_view; }
    QLabel *reasonLabel() const { return m_reason; }
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *quotesButton() const { return m_quotes; }
    // The price editor (created on first use) and its model.
    QuotesDialog *quotesDialog();
    QuoteTableModel *quoteModel() const { return m_quoteModel; }

    // What "Compare these" does (also the button's action).
    void compareShortlist(PickMode mode = PickMode::Add);

Q_SIGNALS:
    void compareRequested();
    // A requirement slider is held down / released.
    void interactionStarted();
    void interactionFinished();

private:
    void showAdvice(const AdvisorResult &result);
    void setQuotes(const QMap<QString, double> &quotes);

    ScenarioController *m_controller;
    AdvisorService *m_service;
    AdvisorRequirementsForm *m_form;
    QLabel *m_reason;
    AdvisorShortlistModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QPushButton *m_compare;
    QPushButton *m_replace;
    QPushButton *m_quotes;
    QuoteTableModel *m_quoteModel;
    QuotesDialog *m_quotesDialog = nullptr;
};

} // namespace headroom
