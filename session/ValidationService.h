#pragma once

#include "core/Diagnostic.h"
#include "measured/Validation.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <QString>

namespace headroom {

// The validation report the Accuracy tab shows: the shipped measurements, or a CSV file of the user's.
// Scoring holds every source out of a refit in turn, which takes seconds, so it runs on a worker thread;
// the window stays responsive and the latest request wins (an earlier one still running is dropped).
class ValidationService final : public QObject
{
    Q_OBJECT
public:
    explicit ValidationService(QObject *parent = nullptr);
    ~ValidationService() override;

    // Scores the shipped measurements (computed once per process and kept).
    void showShipped();
    // Scores the good rows of `path`, held out against a fit over the shipped set and that file. Every
    // refused row is named in problems(); a file with no good row leaves the current report on screen.
    void load(const QString &path);

    bool isBusy() const { return m_pending > 0; }
    bool hasReport() const { return m_hasReport; }
    const ValidationReport &report() const { return m_report; }
    // shippedMeasurementsOrigin() or the file's path.
    const QString &origin() const { return m_origin; }
    int rowCount() const { return int(m_report.rows.size()); }
    // Rows refused by the last load (file, line, column, problem), or what made the file unreadable.
    const Diagnostics &problems() const { return m_problems; }

Q_SIGNALS:
    void busyChanged(bool busy);
    // A new report is on hand (report(), origin(), problems()).
    void reportChanged();
    // The load of `path` gave no report; problems() says why. The report on hand stays.
    void loadFailed(const QString &path);

private:
    struct Outcome;
    void run(const QString &origin, std::function<Outcome()> work);
    void finish(int generation, const QString &origin, const Outcome &outcome);

    ValidationReport m_report;
    QString m_origin;
    Diagnostics m_problems;
    bool m_hasReport = false;
    int m_pending = 0;
    int m_generation = 0;
    QList<QPointer<QThread>> m_workers;
};

} // namespace headroom
