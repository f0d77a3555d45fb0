// Deck export: one PDF page or PNG frame per tour step, each showing that step's own chart.
#include "views/charts/DeckExporter.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

// Small pages keep the test fast; the layout scales with the height.
constexpr QSize TestPageSize{960, 540};

Tour loadOrFail(const QString &nameOrPath)
{
    TourOrDiagnostics result = loadTour(nameOrPath, embeddedCatalog());
    if (const auto *diagnostics = std::get_if<Diagnostics>(&result)) {
        qWarning("%s", qPrintable(toString(*diagnostics)));
        return {};
    }
    return std::get<Tour>(result);
}

QString testTour()
{
    return QStringLiteral(HEADROOM_TEST_DATA "/tours/valid-cumulative.json");
}

// Page objects of a PDF ("/Type /Page", not the "/Type /Pages" tree node). Qt writes them uncompressed.
int pdfPageCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return static_cast<int>(QString::fromLatin1(file.readAll()).count(page));
}

// Set HEADROOM_KEEP_TEST_OUTPUT to look at what the test wrote.
void keepIfAsked(QTemporaryDir &directory)
{
    if (qEnvironmentVariableIsSet("HEADROOM_KEEP_TEST_OUTPUT")) {
        directory.setAutoRemove(false);
        qInfo("deck output kept in %s", qPrintable(directory.path()));
    }
}

// Share of pixels that differ from the top-left (background) pixel inside `area`.
double inkShare(const QImage &image, const QRect &area)
{
    const QRgb background = image.pixel(0, 0);
    qint64 ink = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            ink += image.pixel(x, y) != background ? 1 : 0;
    }
    return double(ink) / (qint64(area.width()) * area.height());
}

} // namespace

class TestDeckExport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatFromOutput_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<int>("format"); // -1 = refused
        QTest::newRow("pdf") << "deck.pdf" << int(DeckFormat::Pdf);
        QTest::newRow("PDF upper case") << "out/DECK.PDF" << int(DeckFormat::Pdf);
        QTest::newRow("directory") << "frames/" << int(DeckFormat::PngFrames);
        QTest::newRow("existing directory") << QDir::tempPath() << int(DeckFormat::PngFrames);
        QTest::newRow("png file") << "deck.png" << -1;
        QTest::newRow("no suffix") << "deck" << -1;
    }

    void formatFromOutput()
    {
        QFETCH(QString, output);
        QFETCH(int, format);
        const std::optional<DeckFormat> actual = deckFormatFor(output);
        QCOMPARE(actual ? int(*actual) : -1, format);
    }

    void frameNames_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("name");
        QTest::newRow("first of nine") << 0 << 9 << "step-01.png";
        QTest::newRow("tenth of twelve") << 9 << 12 << "step-10.png";
        QTest::newRow("long tour") << 4 << 120 << "step-005.png";
    }

    void frameNames()
    {
        QFETCH(int, index);
        QFETCH(int, count);
        QFETCH(QString, name);
        QCOMPARE(deckFrameName(index, count), name);
    }

    void pdfHasOnePagePerStep_data()
    {
        QTest::addColumn<QString>("tour");
        QTest::newRow("article") << "article";
        QTest::newRow("test tour") << testTour();
    }

    void pdfHasOnePagePerStep()
    {
        QFETCH(QString, tour);
        const Tour loaded = loadOrFail(tour);
        QVERIFY(!loaded.steps.isEmpty());
        QTemporaryDir directory;
        keepIfAsked(directory);
        const QString path = directory.filePath(loaded.name + QStringLiteral(".pdf"));
        const DeckResult result = exportDeck(loaded, chartInputsFor(loaded, embeddedCatalog()), path, DeckOptions{TestPageSize});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.pages, loaded.steps.size());
        QCOMPARE(result.files, QStringList{path});
        QCOMPARE(pdfPageCount(path), loaded.steps.size());
    }

    void pngFramesPerStep()
    {
        const Tour tour = loadOrFail(testTour());
        QTemporaryDir directory;
        keepIfAsked(directory);
        const QString output = directory.filePath(QStringLiteral("frames/"));
        const DeckResult result = exportDeck(tour, chartInputsFor(tour, embeddedCatalog()), output, DeckOptions{TestPageSize});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.pages, tour.steps.size());
        const QStringList frames = QDir(output).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
        QCOMPARE(frames.size(), tour.steps.size());
        QCOMPARE(frames.first(), QStringLiteral("step-01.png"));
        QCOMPARE(frames.last(), QStringLiteral("step-05.png"));
        for (const QString &frame : frames) {
            const QImage image(QDir(output).filePath(frame));
            QCOMPARE(image.size(), TestPageSize);
        }
    }

    void eachPageShowsItsOwnStep()
    {
        const Tour tour = loadOrFail(testTour());
        const DeckOptions options{TestPageSize};
        const QList<ChartInputs> inputs = chartInputsFor(tour, embeddedCatalog());
        const QImage first = renderDeckPage(tour, 0, inputs, options);
        const QImage third = renderDeckPage(tour, 2, inputs, options);
        QCOMPARE(first.size(), TestPageSize);
        QVERIFY(first != third); // another title, caption and chart (memory instead of speed)
        // The lower half is the chart: it must hold bars, axes and labels, not an empty frame.
        const QRect chartArea(0, TestPageSize.height() / 2, TestPageSize.width(), TestPageSize.height() / 3);
        QVERIFY2(inkShare(first, chartArea) > 0.05, "the chart area is empty");
        QVERIFY(renderDeckPage(tour, int(tour.steps.size()), inputs, options).isNull());
    }

    void refusesBadOutput_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown kind") << "deck.pptx" << "give a .pdf file";
        QTest::newRow("unwritable pdf") << "/proc/headroom-deck.pdf" << "/proc/headroom-deck.pdf: cannot write";
        QTest::newRow("unwritable directory") << "/proc/headroom-frames/" << "cannot write '/proc/headroom-frames/'";
    }

    void refusesBadOutput()
    {
        QFETCH(QString, output);
        QFETCH(QString, problem);
        const Tour tour = loadOrFail(testTour());
        const DeckResult result = exportDeck(tour, chartInputsFor(tour, embeddedCatalog()), output, DeckOptions{TestPageSize});
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(problem), qPrintable(result.error));
        QCOMPARE(result.pages, 0);
        QVERIFY(!QFileInfo::exists(output));
    }
};

QTEST_MAIN(TestDeckExport)
#include "tst_deck_export.moc"
