#include "AccuracyPanel.h"

#include "views/charts/AccuracyChart.h"
#include "CompactTable.h"
#include "itemmodels/ValidationTableModel.h"
#include "measured/ShippedValidation.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace headroom {
namespace {

constexpr int ChartStretch = 3;
constexpr int TableStretch = 2;
// Problems listed in the status line; the rest are counted.
constexpr int ProblemsShown = 3;

} // namespace

AccuracyPanel::AccuracyPanel(AccuracyChart *chart, QWidget *parent)
    : QWidget(parent)
    , m_chart(chart)
    , m_model(new ValidationTableModel(this))
    , m_table(new QTableView)
    , m_status(new QLabel)
    , m_load(new QPushButton(tr("Load measurements\u2026")))
    , m_shipped(new QPushButton(tr("Shipped measurements")))
{
    m_chart->setComputesOnDemand(false);
    makeCompactResultsTable(m_table);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(false);
    m_table->setAccessibleName(tr("Estimator error by runtime and platform"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_load->setToolTip(tr("Score a CSV file of your own measurements (the columns of resources/measured.csv)"));
    m_shipped->setToolTip(tr("Score the measurements that ship with Headroom"));
    m_shipped->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_shipped);
    bar->addWidget(m_load);

    auto *lower = new QWidget;
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(bar);
    lowerLayout->addWidget(m_table, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_chart);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, ChartStretch);
    splitter->setStretchFactor(1, TableStretch);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_load, &QPushButton::clicked, this, &AccuracyPanel::chooseFile);
    connect(m_shipped, &QPushButton::clicked, this, &AccuracyPanel::shippedRequested);
}

QString AccuracyPanel::statusText() const
{
    return m_status->text();
}

void AccuracyPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_chart->isPopulated() && !m_busy)
        Q_EMIT reportWanted();
}

void AccuracyPanel::setReport(const ValidationReport &report, const QString &origin, const Diagnostics &problems)
{
    const bool shipped = origin == shippedMeasurementsOrigin();
    m_chart->populate(report, origin);
    m_model->setReport(report);
    m_table->resizeColumnsToContents();
    QString status = shipped ? tr("%n shipped measurements, each with its source.", nullptr, int(report.rows.size()))
                             : tr("%1: %n rows scored.", nullptr, int(report.rows.size())).arg(QFileInfo(origin).fileName());
    if (!problems.isEmpty())
        status += QLatin1Char(' ') + tr("%n rows refused:", nullptr, int(problems.size())) + QLatin1Char(' ')
            + toString(problems.mid(0, ProblemsShown)).replace(QLatin1Char('\n'), QStringLiteral("; "))
            + (problems.size() > ProblemsShown ? QStringLiteral("; \u2026") : QString());
    m_status->setText(status);
    m_shipped->setEnabled(!shipped && !m_busy);
}

void AccuracyPanel::showLoadProblems(const QString &path, const Diagnostics &problems)
{
    m_status->setText(tr("%1 was not scored: %2").arg(QFileInfo(path).fileName(),
                                                      toString(problems.mid(0, ProblemsShown)).replace(QLatin1Char('\n'), QStringLiteral("; "))));
}

void AccuracyPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_load->setEnabled(!busy);
    if (busy) {
        m_shipped->setEnabled(false);
        m_status->setText(tr("Scoring the measurements, each source held out of a refit in turn\u2026"));
    }
}

void AccuracyPanel::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load measurements"), QString(),
                                                      tr("Measurements (*.csv);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT loadRequested(path);
}

} // namespace headroom
