// `headroom table` and `headroom runs-on` in-process: the article's table cell for cell by the seed method,
// a sane roofline table, the CSV/JSON forms, and the runs-on listing with its best quantization.
#include "scenario/ArticleLineup.h"
#include "catalog/Catalog.h"
#include "commands/RunsOnCommand.h"
#include "commands/TableCommand.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace headroom;

namespace {

ArticleTable computed(Method method)
{
    auto result = computeArticleTable(method, embeddedCatalog());
    if (const auto *problem = std::get_if<QString>(&result))
        qFatal("table failed: %s", qPrintable(*problem));
    return std::get<ArticleTable>(std::move(result));
}

QString expectedCellText(const ArticleCell &cell)
{
    if (!cell.fits)
        return QStringLiteral("Does not fit");
    return QStringLiteral("~%1 t/s%2%3")
        .arg(cell.tokensPerSecond)
        .arg(cell.singleCard ? QStringLiteral("**") : QString(), cell.tight ? QStringLiteral("*") : QString());
}

RunsOnReport runsOn(const QString &hardware, int count = 1, double memoryGB = 0, int context = 4096, int users = 1)
{
    Options options;
    options.command = Command::RunsOn;
    options.hardware = hardware;
    options.count = count;
    options.memoryGB = memoryGB;
    options.context = context;
    options.concurrency = users;
    auto result = computeRunsOn(options, embeddedCatalog());
    if (const auto *problem = std::get_if<QString>(&result))
        qFatal("runs-on failed: %s", qPrintable(*problem));
    return std::get<RunsOnReport>(std::move(result));
}

} // namespace

class TestTableCommand final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedCellsMatchTheArticle_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        const QList<ArticleRow> rows = articleRows();
        const QList<ArticleColumn> columns = articleColumns();
        for (int r = 0; r < rows.size(); ++r) {
            for (int c = 0; c < columns.size(); ++c)
                QTest::addRow("%s on %s", qPrintable(rows.at(r).title), qPrintable(columns.at(c).title)) << r << c;
        }
    }

    void seedCellsMatchTheArticle()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        static const ArticleTable table = computed(Method::Seed);
        QCOMPARE(table.rows.size(), 7);
        QCOMPARE(table.columns.size(), 7);
        const TableCell &cell = table.rows.at(row).cells.at(column);
        const ArticleCell expected = articleCell(row, column);
        QCOMPARE(cell.estimate.runs(), expected.fits);
        QCOMPARE(cell.singleCard, expected.singleCard);
        QCOMPARE(tableCellText(cell), expectedCellText(expected));
        QCOMPARE(table.rows.at(row).sizeGB, articleRows().at(row).sizeGB);
    }

    void seedMarkdownIsTheArticlesTable()
    {
        QFile file(QStringLiteral(HEADROOM_TEST_DATA "/queries/article-table-seed.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString expected = QString::fromUtf8(file.readAll());
        QCOMPARE(tableMarkdown(computed(Method::Seed)), expected);
    }

    void rooflineTableIsSane()
    {
        const ArticleTable table = computed(Method::Roofline);
        QCOMPARE(int(table.method), int(Method::Roofline));
        QCOMPARE(table.rows.size(), 7);
        for (const TableRow &row : table.rows) {
            QCOMPARE(row.cells.size(), 7);
            for (const TableCell &cell : row.cells) {
                QVERIFY(std::isfinite(cell.estimate.decodeTpsPerUser));
                if (cell.estimate.runs())
                    QVERIFY(cell.estimate.decodeTpsPerUser > 0);
                QCOMPARE(tableCellText(cell).isEmpty(), false);
            }
        }
        // DeepSeek R1 671B (404 GB) fits none of the article's configurations.
        for (const TableCell &cell : table.rows.last().cells)
            QVERIFY(cell.estimate.fit == Fit::DoesNotFit || cell.estimate.fit == Fit::Offload);
        // Llama 3.1 8B runs everywhere, and faster on the RTX 5090 than on the M4 Pro.
        const TableRow &small = table.rows.first();
        QVERIFY(small.cells.at(3).estimate.decodeTpsPerUser > small.cells.at(0).estimate.decodeTpsPerUser);
        const QString markdown = tableMarkdown(table);
        QCOMPARE(markdown.count(QLatin1Char('\n')), 9);
        QVERIFY(markdown.startsWith(QStringLiteral("| Model (Q4_K_M) | Size | M4 Pro Mac mini (273 GB/s) |")));
    }

    void csvHasTheGrid()
    {
        const QString csv = tableCsv(computed(Method::Seed));
        const QStringList lines = csv.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 8);
        QCOMPARE(lines.at(0), QStringLiteral("Model (Q4_K_M),Size GB,M4 Pro Mac mini (273 GB/s),M4 Max (546 GB/s),"
                                             "M3 Ultra (819 GB/s),\"Single RTX 5090 (1,792 GB/s)\",\"2x RTX 5090 (3,584 GB/s)\","
                                             "\"Single RTX PRO 6000 (1,792 GB/s)\",\"2x RTX PRO 6000 (3,584 GB/s)\""));
        QCOMPARE(lines.at(1), QStringLiteral("Llama 3.1 8B,4.9,36,72,109,238,238,238,238"));
        QCOMPARE(lines.at(4), QStringLiteral("Llama 3.3 70B,42.5,4,8,13,Does not fit,55,27,55"));
    }

    void jsonCarriesEveryCell()
    {
        const QJsonObject document = QJsonDocument::fromJson(tableJson(computed(Method::Seed))).object();
        QCOMPARE(document.value(QStringLiteral("method")).toString(), QStringLiteral("seed"));
        QCOMPARE(document.value(QStringLiteral("quant")).toString(), QStringLiteral("Q4_K_M"));
        const QJsonArray columns = document.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 7);
        QCOMPARE(columns.at(4).toObject().value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(columns.at(4).toObject().value(QStringLiteral("bandwidth_gbs")).toDouble(), 3584.0);
        const QJsonArray rows = document.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 7);
        const QJsonArray first = rows.at(0).toObject().value(QStringLiteral("cells")).toArray();
        QCOMPARE(first.at(4).toObject().value(QStringLiteral("decode_tps_per_user")).toDouble(), 238.0);
        QCOMPARE(first.at(4).toObject().value(QStringLiteral("single_card")).toBool(), true);
        const QJsonArray llama70 = rows.at(3).toObject().value(QStringLiteral("cells")).toArray();
        QCOMPARE(llama70.at(0).toObject().value(QStringLiteral("footnote")).toBool(), true);
        QVERIFY(llama70.at(3).toObject().value(QStringLiteral("decode_tps_per_user")).isNull());
        QCOMPARE(llama70.at(3).toObject().value(QStringLiteral("fit")).toString(), QStringLiteral("does-not-fit"));
    }

    void runTablePrintsTheChosenFormat_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("start");
        QTest::newRow("seed markdown") << QStringLiteral("seed") << QStringLiteral("markdown") << QStringLiteral("| Model (Q4_K_M) |");
        QTest::newRow("roofline csv") << QStringLiteral("roofline") << QStringLiteral("csv") << QStringLiteral("Model (Q4_K_M),");
        QTest::newRow("roofline json") << QStringLiteral("roofline") << QStringLiteral("json") << QStringLiteral("{");
    }

    void runTablePrintsTheChosenFormat()
    {
        QFETCH(QString, method);
        QFETCH(QString, format);
        QFETCH(QString, start);
        Options options;
        options.command = Command::Table;
        options.method = method;
        options.format = format;
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        QCOMPARE(runTable(options, out, err), 0);
        QVERIFY(outText.startsWith(start));
        QVERIFY(errText.isEmpty());
    }

    void runsOnListsEveryModelAndQuant()
    {
        const RunsOnReport report = runsOn(QStringLiteral("m3-ultra"));
        const Catalog &catalog = embeddedCatalog();
        QCOMPARE(report.hardware, QStringLiteral("m3-ultra"));
        QCOMPARE(report.memoryGB, catalog.device(QStringLiteral("m3-ultra"))->largestMemoryGB());
        QCOMPARE(report.rows.size(), catalog.models().size() * catalog.quantizations().size());
        QSet<QString> modelsWithBest;
        for (const RunsOnRow &row : report.rows) {
            if (!row.bestQuant)
                continue;
            QVERIFY2(!modelsWithBest.contains(row.modelId), "one best quantization per model");
            modelsWithBest.insert(row.modelId);
            QVERIFY(row.fit == Fit::Fits || row.fit == Fit::Tight);
            // No quantization of more bits fits on the cards.
            for (const RunsOnRow &other : report.rows) {
                if (other.modelId == row.modelId && other.bitsPerWeight > row.bitsPerWeight)
                    QVERIFY(other.fit != Fit::Fits && other.fit != Fit::Tight);
            }
        }
        QVERIFY(modelsWithBest.contains(QStringLiteral("llama-3.1-8b")));
        const RunsOnRow *f16 = nullptr;
        for (const RunsOnRow &row : report.rows) {
            if (row.modelId == QLatin1String("llama-3.1-8b") && row.bitsPerWeight == 16 && !f16)
                f16 = &row;
        }
        QVERIFY(f16 && f16->bestQuant);
    }

    void runsOnGetsSmallerWithLessMemory()
    {
        const RunsOnReport small = runsOn(QStringLiteral("m4-pro"), 1, 24);
        const RunsOnReport large = runsOn(QStringLiteral("m4-pro"), 1, 64);
        QCOMPARE(small.memoryGB, 24.0);
        const auto fitting = [](const RunsOnReport &report) {
            int n = 0;
            for (const RunsOnRow &row : report.rows)
                n += row.fit == Fit::Fits || row.fit == Fit::Tight;
            return n;
        };
        QVERIFY(fitting(small) < fitting(large));
    }

    void runsOnRejects_data()
    {
        QTest::addColumn<QString>("hardware");
        QTest::addColumn<double>("memoryGB");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown device") << QStringLiteral("rtx-9999") << 0.0 << QStringLiteral("--hardware: unknown device 'rtx-9999'");
        QTest::newRow("memory not an option") << QStringLiteral("m4-pro") << 100.0
                                              << QStringLiteral("--memory-gb: 100 is not an option of m4-pro");
    }

    void runsOnRejects()
    {
        QFETCH(QString, hardware);
        QFETCH(double, memoryGB);
        QFETCH(QString, expected);
        Options options;
        options.command = Command::RunsOn;
        options.hardware = hardware;
        options.memoryGB = memoryGB;
        options.format = QStringLiteral("json");
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        QCOMPARE(runRunsOn(options, out, err), 2);
        err.flush();
        QVERIFY2(errText.contains(expected), qPrintable(errText));
        QVERIFY(outText.isEmpty());
    }

    void runsOnJsonContract()
    {
        const RunsOnReport report = runsOn(QStringLiteral("rtx-5090"), 2, 32, 8192, 4);
        const QJsonObject document = QJsonDocument::fromJson(runsOnJson(report)).object();
        QCOMPARE(document.value(QStringLiteral("hardware")).toString(), QStringLiteral("rtx-5090"));
        QCOMPARE(document.value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(document.value(QStringLiteral("memory_gb")).toDouble(), 32.0);
        const QJsonArray models = document.value(QStringLiteral("models")).toArray();
        QCOMPARE(models.size(), report.rows.size());
        for (const QJsonValue &value : models) {
            const QJsonObject entry = value.toObject();
            const QStringList keys = entry.keys();
            QCOMPARE(QSet<QString>(keys.begin(), keys.end()),
                     QSet<QString>({QStringLiteral("model"), QStringLiteral("quant"), QStringLiteral("fit"),
                                    QStringLiteral("decode_tps_per_user"), QStringLiteral("best_quant")}));
            const bool runs = entry.value(QStringLiteral("fit")).toString() != QLatin1String("does-not-fit");
            QCOMPARE(entry.value(QStringLiteral("decode_tps_per_user")).isDouble(), runs);
        }
        const QString markdown = runsOnMarkdown(report);
        QCOMPARE(markdown.count(QStringLiteral("\n| ")), report.rows.size() + 1);
    }
};

QTEST_GUILESS_MAIN(TestTableCommand)
#include "tst_table_command.moc"
