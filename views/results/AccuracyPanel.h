#pragma once

#include "core/Diagnostic.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace headroom {

class AccuracyChart;
class ValidationTableModel;
struct ValidationReport;

// The Accuracy tab: the predicted-vs-measured chart, the error by class under it (as `headroom validate`
// prints it), and the data it scores: the shipped measurements or a CSV file of the user's, loaded with
// "Load measurements...". It shows what it is given and asks for new data by signal; the scoring itself
// runs in the session layer.
class AccuracyPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit AccuracyPanel(AccuracyChart *chart, QWidget *parent = nullptr);

    AccuracyChart *chart() const { return m_chart; }
    ValidationTableModel *tableModel() const { return m_model; }
    QTableView *table() const { return m_table; }
    QString statusText() const;

    void setReport(const ValidationReport &report, const QString &origin, const Diagnostics &problems);
    // The last load gave no report: its problems, the report on screen stays.
    void showLoadProblems(const QString &path, const Diagnostics &problems);
    void setBusy(bool busy);

Q_SIGNALS:
    void loadRequested(const QString &path);
    void shippedRequested();
    // The panel is on screen with nothing to show and nothing on the way: the window asks for the shipped report.
    void reportWanted();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void chooseFile();

    AccuracyChart *m_chart;
    ValidationTableModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
    QPushButton *m_load;
    QPushButton *m_shipped;
    bool m_busy = false;
};

} // namespace headroom
