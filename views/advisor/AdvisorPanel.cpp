#include "AdvisorPanel.h"

#include "AdvisorRequirementsForm.h"
#include "session/AdvisorService.h"
#include "itemmodels/AdvisorShortlistModel.h"
#include "views/results/CompactTable.h"
#include "itemmodels/QuoteTableModel.h"
#include "QuotesDialog.h"
#include "scenario/ScenarioAdvisor.h"
#include "session/ScenarioController.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom {

AdvisorPanel::AdvisorPanel(ScenarioController *controller, AdvisorService *service, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_service(service)
    , m_form(new AdvisorRequirementsForm(controller, this))
    , m_reason(new QLabel(this))
    , m_model(new AdvisorShortlistModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_compare(new QPushButton(tr("Add to comparison"), this))
    , m_replace(new QPushButton(tr("Compare only these"), this))
    , m_quotes(new QPushButton(tr("Prices and quotes…"), this))
    , m_quoteModel(new QuoteTableModel(this))
{
    setObjectName(QStringLiteral("advisorPanel"));
    m_reason->setObjectName(QStringLiteral("advisorReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(AdvisorShortlistModel::SortRole);
    m_view->setObjectName(QStringLiteral("advisorShortlist"));
    m_view->setModel(m_sorted);
    makeCompactResultsTable(m_view);
    m_view->sortByColumn(AdvisorShortlistModel::RankColumn, Qt::AscendingOrder);
    // What a buyer reads first stays in view at the dock's default width: speed and price right after the
    // name, which gives up its length before they do (the full name is in the tooltip).
    QHeaderView *header = m_view->horizontalHeader();
    const int keyColumns[] = {AdvisorShortlistModel::RankColumn, AdvisorShortlistModel::ConfigurationColumn,
                              AdvisorShortlistModel::DecodePerUserColumn, AdvisorShortlistModel::PriceColumn,
                              AdvisorShortlistModel::DecodeTotalColumn, AdvisorShortlistModel::TtftColumn};
    for (int visual = 0; visual < int(std::size(keyColumns)); ++visual)
        header->moveSection(header->visualIndex(keyColumns[visual]), visual);
    m_view->setTextElideMode(Qt::ElideRight);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, [this] {
        m_view->resizeColumnsToContents();
        const int widest = m_view->fontMetrics().averageCharWidth() * MaxConfigurationColumnChars;
        if (m_view->columnWidth(AdvisorShortlistModel::ConfigurationColumn) > widest)
            m_view->setColumnWidth(AdvisorShortlistModel::ConfigurationColumn, widest);
    });
    m_view->setToolTip(tr("Hover a cell for the formula behind it; click a header to sort."));

    m_compare->setObjectName(QStringLiteral("advisorCompare"));
    m_compare->setToolTip(tr("Add the top %1 configurations of the table, in its order, to those on the comparison "
                             "charts.").arg(MaxComparedPicks));
    connect(m_compare, &QPushButton::clicked, this, [this] { compareShortlist(PickMode::Add); });
    m_replace->setObjectName(QStringLiteral("advisorCompareOnly"));
    m_replace->setToolTip(tr("Replace the configurations on the comparison charts with the top %1 of the table.")
                              .arg(MaxComparedPicks));
    connect(m_replace, &QPushButton::clicked, this, [this] { compareShortlist(PickMode::Replace); });
    connect(m_form, &AdvisorRequirementsForm::interactionStarted, this, &AdvisorPanel::interactionStarted);
    connect(m_form, &AdvisorRequirementsForm::interactionFinished, this, &AdvisorPanel::interactionFinished);
    connect(service, &AdvisorService::adviceChanged, this, &AdvisorPanel::showAdvice);

    m_quotes->setObjectName(QStringLiteral("advisorQuotes"));
    m_quotes->setToolTip(tr("See the list prices the advisor uses and enter your own (a customer's quote)."));
    connect(m_quotes, &QPushButton::clicked, this, [this] {
        QuotesDialog *dialog = quotesDialog();
        dialog->show();
        dialog->raise();
    });
    m_quoteModel->setCatalog(service->catalog());
    m_quoteModel->setQuotes(controller->scenario().advisor.quotesUsd);
    connect(m_quoteModel, &QuoteTableModel::quotesEdited, this, &AdvisorPanel::setQuotes);
    connect(controller, &ScenarioController::scenarioChanged, this,
            [this] { m_quoteModel->setQuotes(m_controller->scenario().advisor.quotesUsd); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_quotes);
    buttons->addStretch(1);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_compare);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_reason);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    setTabOrder(m_form, m_view);
    setTabOrder(m_view, m_replace);
    setTabOrder(m_replace, m_compare);

    showAdvice(service->result());
}

void AdvisorPanel::showAdvice(const AdvisorResult &result)
{
    m_model->setResult(result, m_service->requirements().cost);
    m_reason->setText(result.reason); // names what was considered and, when nothing qualifies, why
    m_compare->setEnabled(!result.shortlist.isEmpty());
    m_replace->setEnabled(!result.shortlist.isEmpty());
}

QuotesDialog *AdvisorPanel::quotesDialog()
{
    if (!m_quotesDialog) {
        m_quotesDialog = new QuotesDialog(m_quoteModel, this);
        connect(m_quotesDialog, &QuotesDialog::clearRequested, this, [this] { setQuotes({}); });
    }
    m_quoteModel->setCatalog(m_service->catalog()); // an import may have changed it
    return m_quotesDialog;
}

void AdvisorPanel::setQuotes(const QMap<QString, double> &quotes)
{
    Scenario scenario = m_controller->scenario();
    if (scenario.advisor.quotesUsd == quotes)
        return;
    scenario.advisor.quotesUsd = quotes;
    m_controller->edit(scenario, tr("Set price quotes"));
}

void AdvisorPanel::compareShortlist(PickMode mode)
{
    // The picks in the table's order: what the user sorted to the top is what they compare.
    AdvisorResult ordered = m_model->result();
    ordered.shortlist.clear();
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        ordered.shortlist.append(m_model->candidate(m_sorted->mapToSource(m_sorted->index(row, 0)).row()));
    if (ordered.shortlist.isEmpty())
        return;
    m_controller->edit(scenarioWithPicks(m_controller->scenario(), ordered, MaxComparedPicks, mode),
                       mode == PickMode::Add ? tr("Add advisor picks") : tr("Compare advisor picks"));
    Q_EMIT compareRequested();
}

} // namespace headroom
