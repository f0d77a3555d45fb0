// The customer report: what its page says (verdict, every row, prices and their marks, assumptions,
// sources), the files it writes, and a failed write that leaves nothing behind.
#include "../support/PaintedText.h"
#include "views/charts/ReportExporter.h"
#include "catalog/Catalog.h"
#include "scenario/EstimateSet.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

ChartInputs inputsOf(const Scenario &scenario)
{
    return chartInputsFor(scenario, ChartKind::Speed, embeddedCatalog());
}

Scenario pairScenario()
{
    Scenario scenario = articleLineupScenario();
    scenario.configurations = {scenario.configurations.at(2), scenario.configurations.at(4)}; // M3 Ultra, 2x RTX 5090
    scenario.workload.users = 8;
    return scenario;
}

} // namespace

class TestReportExporter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pageSaysWhatTheWindowShows_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::newRow("article lineup") << articleLineupScenario();
        QTest::newRow("Mac Studio against 2x RTX 5090, 8 users") << pairScenario();
    }
    void pageSaysWhatTheWindowShows()
    {
        QFETCH(Scenario, scenario);
        const ChartInputs inputs = inputsOf(scenario);
        ReportOptions options;
        options.contactLine = QStringLiteral("Jane Doe · Acme Systems");
        options.generatedOn = QStringLiteral("2026-12-04");
        test::PaintedText page(QSize(1240, 1754));
        {
            QPainter painter(&page);
            paintReport(painter, QSizeF(1240, 1754), scenario, inputs, options);
        }
        const QString all = page.all();
        QVERIFY(page.images() >= 1); // the chart
        QVERIFY2(all.contains(inputs.estimates.modelName), qPrintable(all.left(200)));
        const QStringList verdictWords = inputs.estimates.verdict.text.split(QLatin1Char(' '));
        for (const QString &word : verdictWords)
            QVERIFY2(all.contains(word), qPrintable(word));
        for (const EstimateRow &row : inputs.estimates.rows) {
            QVERIFY2(page.texts().contains(row.label), qPrintable(row.label));
            QVERIFY(all.contains(QString::number(row.usersAtMinTps)));
            if (row.price.hostUsd)
                QVERIFY(page.texts().contains(QStringLiteral("$%L1 †").arg(*row.price.usd, 0, 'f', 0)));
            if (row.price.usd && !row.price.source.isEmpty() && row.price.source.startsWith(QLatin1String("http")))
                QVERIFY2(all.contains(row.price.source), qPrintable(row.price.source));
        }
        QVERIFY(all.contains(QStringLiteral("Assumptions")));
        QVERIFY(all.contains(QStringLiteral("%1-token prompts").arg(scenario.workload.promptTokens)));
        QVERIFY(page.texts().contains(options.contactLine));
        QVERIFY(page.texts().contains(QStringLiteral("Headroom · 2026-12-04")));
    }

    void writesPdfAndPng()
    {
        QTemporaryDir dir;
        const ChartInputs inputs = inputsOf(pairScenario());
        const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(exportReport(pairScenario(), inputs, pdf).ok());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        const QString png = dir.filePath(QStringLiteral("report.png"));
        QVERIFY(exportReport(pairScenario(), inputs, png).ok());
        const QImage image(png);
        QCOMPARE(image.width(), 1240);
        QCOMPARE(image.height(), qRound(1240 * 297.0 / 210.0)); // A4
    }

    void refusedPathsLeaveNothing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("missing folder") << "nowhere/report.pdf";
        QTest::newRow("not a pdf or png") << "report.docx";
    }
    void refusedPathsLeaveNothing()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        const ReportResult result = exportReport(pairScenario(), inputsOf(pairScenario()), path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(path), qPrintable(result.error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestReportExporter)
#include "tst_report_exporter.moc"
