// Validation off the GUI thread: one worker per request, the newest request's result kept.
#include "session/ValidationService.h"

#include "catalog/Catalog.h"
#include "measured/MeasuredData.h"
#include "measured/ShippedValidation.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace headroom {

struct ValidationService::Outcome {
    ValidationReport report;
    Diagnostics problems;
    bool scored = false;
};

ValidationService::ValidationService(QObject *parent)
    : QObject(parent)
{
}

ValidationService::~ValidationService()
{
    // A validation cannot be cut short; waiting for it keeps the process from tearing down the shipped data
    // under a worker (a quit during a load waits a few seconds at most). Its result then finds no service.
    for (const QPointer<QThread> &worker : std::as_const(m_workers)) {
        if (worker)
            worker->wait();
    }
}

void ValidationService::showShipped()
{
    run(shippedMeasurementsOrigin(), [] {
        return Outcome{shippedValidationReport(), {}, true};
    });
}

void ValidationService::load(const QString &path)
{
    run(path, [path] {
        Outcome outcome;
        const MeasuredCsv loaded = loadMeasuredCsvRows(path);
        outcome.problems = loaded.problems;
        const MeasuredRows rows = scorableRows(loaded.rows, embeddedCatalog(), path, outcome.problems);
        if (rows.isEmpty()) {
            if (!loaded.fileRefused)
                outcome.problems << Diagnostic{path, QString(), QString(), QStringLiteral("no measured row could be scored")};
            return outcome;
        }
        outcome.report = validate(rows, embeddedCatalog(), Calibration::builtIn(), true, embeddedMeasuredRows());
        outcome.scored = true;
        return outcome;
    });
}

void ValidationService::run(const QString &origin, std::function<Outcome()> work)
{
    const int generation = ++m_generation;
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    QPointer<ValidationService> self(this);
    QThread *worker = QThread::create([self, generation, origin, work = std::move(work)] {
        Outcome outcome = work();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, generation, origin, outcome = std::move(outcome)] {
                if (self)
                    self->finish(generation, origin, outcome);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_workers.removeAll(nullptr);
    m_workers << worker;
    worker->start(QThread::LowPriority);
}

void ValidationService::finish(int generation, const QString &origin, const Outcome &outcome)
{
    if (generation == m_generation) {
        m_problems = outcome.problems;
        if (outcome.scored) {
            m_report = outcome.report;
            m_origin = origin;
            m_hasReport = true;
            Q_EMIT reportChanged();
        } else {
            Q_EMIT loadFailed(origin);
        }
    }
    if (--m_pending == 0)
        Q_EMIT busyChanged(false);
}

} // namespace headroom
