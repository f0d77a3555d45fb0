#pragma once

#include "scenario/Scenario.h"
#include "session/ChartInputs.h"

#include <QImage>
#include <QSizeF>
#include <QString>

class QPainter;

namespace headroom {

// A one-page customer report of a comparison, ready to email: the verdict, the speed chart, the table
// (per-user speed with its likely range, total, users at reading speed, time to first token, price),
// the assumptions (model, quantization, context, prompt, users, runtime, method, price dates, what the
// ranges mean) and the sources of every price and spec it quotes. It shows what the session layer
// computed (`inputs` of the speed chart for `scenario`); it computes nothing.

struct ReportOptions {
    QString contactLine; // "Jane Doe · Acme Systems · jane@acme.example", printed at the foot; may be empty
    QImage logo;         // printed at the top right, scaled to the header's height; may be null
    QString generatedOn; // "2026-12-04": the date the report states it was made
};

struct ReportResult {
    QString error; // empty on success, else one line naming the file and the problem
    bool ok() const { return error.isEmpty(); }
};

// Writes the report to `path`: a PDF (A4 portrait) for ".pdf", the page as an image for ".png". Atomic.
ReportResult exportReport(const Scenario &scenario, const ChartInputs &inputs, const QString &path,
                          const ReportOptions &options = {});

// The page as an image of A4 proportions, `width` pixels wide (what the PNG holds).
QImage renderReportPage(const Scenario &scenario, const ChartInputs &inputs, int width, const ReportOptions &options = {});

// Paints the page into [0, page.width()] x [0, page.height()] of `painter`'s coordinates.
void paintReport(QPainter &painter, QSizeF page, const Scenario &scenario, const ChartInputs &inputs,
                 const ReportOptions &options);

} // namespace headroom
