// Chart export: PNG at 1x and 2x of exactly the requested size, valid SVG, clipboard, clear errors
// naming the file; and `headroom export` end to end through the built binary (HEADROOM_BINARY).
#include "views/charts/ChartBase.h"

#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace headroom;

namespace {

EstimateRow row(const QString &label, const QString &vendor, double tokensPerSecond, Fit fit)
{
    EstimateRow r;
    r.label = label;
    r.input.device.name = label;
    r.input.device.vendor = vendor;
    r.input.model.name = QStringLiteral("Llama 3.3 70B");
    r.input.quant.name = QStringLiteral("Q4_K_M");
    r.estimate.fit = fit;
    r.estimate.memory = {42.5, 1.34, 1.5, 45.34, fit == Fit::DoesNotFit ? 32.0 : 96.0};
    if (fit != Fit::DoesNotFit) {
        r.estimate.decodeTpsPerUser = tokensPerSecond;
        r.estimate.decodeTpsTotal = tokensPerSecond;
        r.estimate.decodeTpsLow = tokensPerSecond * 0.85;
        r.estimate.decodeTpsHigh = tokensPerSecond * 1.15;
    }
    for (int users : {1, 2, 4, 8, 16, 32, 64}) {
        const bool fits = fit != Fit::DoesNotFit && users <= 16;
        r.sweep.append(SweepPoint{users, fits ? tokensPerSecond / users * 4 : 0, fits ? tokensPerSecond * 4 : 0,
                                  fits ? Fit::Fits : Fit::DoesNotFit});
    }
    return r;
}

EstimateSet sample()
{
    EstimateSet set;
    set.modelName = QStringLiteral("Llama 3.3 70B");
    set.quantName = QStringLiteral("Q4_K_M");
    set.rows = {row(QStringLiteral("Mac Studio M3 Ultra 256 GB"), QStringLiteral("apple"), 12.6, Fit::Fits),
                row(QStringLiteral("RTX 5090"), QStringLiteral("nvidia"), 0, Fit::DoesNotFit),
                row(QStringLiteral("2x RTX 5090"), QStringLiteral("nvidia"), 54.8, Fit::Fits)};
    return set;
}

std::unique_ptr<ChartBase> sampleChart(ChartKind kind)
{
    std::unique_ptr<ChartBase> chart = createChart(kind);
    chart->setEstimates(sample());
    return chart;
}

void addKinds()
{
    QTest::addColumn<ChartKind>("kind");
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exportPng_data();
    void exportPng();
    void exportSvg_data();
    void exportSvg();
    void unwritablePathNamesTheFile_data();
    void unwritablePathNamesTheFile();
    void invalidSizeIsRefused();
    void copyToClipboard();

    void commandRefusesBadInput_data();
    void commandRefusesBadInput();
    void commandWritesTheArticleLineup_data();
    void commandWritesTheArticleLineup();
    void commandWritesTheValueChartOfAScenario();

private:
    QTemporaryDir m_dir;
};

void TestExport::exportPng_data()
{
    addKinds();
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("scale");
    for (auto [name, kind] : {std::pair{"speed", ChartKind::Speed}, std::pair{"memory", ChartKind::Memory},
                              std::pair{"concurrency", ChartKind::Concurrency}, std::pair{"value", ChartKind::Value}}) {
        QTest::addRow("%s 1600x900 @1x", name) << kind << QSize(1600, 900) << qreal(1);
        QTest::addRow("%s 800x450 @2x", name) << kind << QSize(800, 450) << qreal(2);
        QTest::addRow("%s 333x257 @1x (odd)", name) << kind << QSize(333, 257) << qreal(1);
    }
}

void TestExport::exportPng()
{
    QFETCH(ChartKind, kind);
    QFETCH(QSize, size);
    QFETCH(qreal, scale);
    QVERIFY(m_dir.isValid());
    QString name = QString::fromLatin1(QTest::currentDataTag());
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    const std::unique_ptr<ChartBase> chart = sampleChart(kind);
    QCOMPARE(chart->exportPng(path, size, scale), QString());
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    QCOMPARE(image.size(), size * scale);
    // The window's chart is unchanged by an export: same rendering again gives the same pixels.
    QImage again = chart->renderImage(size, scale).convertToFormat(image.format());
    again.setDevicePixelRatio(image.devicePixelRatio()); // PNG files do not keep the ratio
    QCOMPARE(again, image);
}

void TestExport::exportSvg_data()
{
    addKinds();
    QTest::newRow("speed") << ChartKind::Speed;
    QTest::newRow("memory") << ChartKind::Memory;
    QTest::newRow("concurrency") << ChartKind::Concurrency;
    QTest::newRow("value") << ChartKind::Value;
}

void TestExport::exportSvg()
{
    QFETCH(ChartKind, kind);
    const QString path = m_dir.filePath(QStringLiteral("chart-%1.svg").arg(int(kind)));
    const std::unique_ptr<ChartBase> chart = sampleChart(kind);
    QCOMPARE(chart->exportSvg(path, QSize(1200, 675)), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QXmlStreamReader xml(svg);
    bool sawSvg = false;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg")) {
            sawSvg = true;
            QCOMPARE(xml.attributes().value(QLatin1String("viewBox")).toString(), QStringLiteral("0 0 1200 675"));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(sawSvg);
    // The title is real text, searchable in the SVG (the value chart names no scenario before the advisor has run).
    QVERIFY(svg.contains(kind == ChartKind::Value ? "Price against speed" : "Llama 3.3 70B"));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 1200, 675));
}

void TestExport::unwritablePathNamesTheFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("svg");
    QTest::newRow("missing directory, png") << QStringLiteral("/nonexistent-headroom-dir/chart.png") << false;
    QTest::newRow("missing directory, svg") << QStringLiteral("/nonexistent-headroom-dir/chart.svg") << true;
    QTest::newRow("a directory, png") << QDir::tempPath() << false;
}

void TestExport::unwritablePathNamesTheFile()
{
    QFETCH(QString, path);
    QFETCH(bool, svg);
    const std::unique_ptr<ChartBase> chart = sampleChart(ChartKind::Speed);
    const QString message = svg ? chart->exportSvg(path, QSize(640, 360)) : chart->exportPng(path, QSize(640, 360));
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY(!message.contains(QLatin1Char('\n')));
}

void TestExport::invalidSizeIsRefused()
{
    const std::unique_ptr<ChartBase> chart = sampleChart(ChartKind::Speed);
    const QString path = m_dir.filePath(QStringLiteral("empty.png"));
    QVERIFY(chart->exportPng(path, QSize(0, 100)).contains(path));
    QVERIFY(chart->exportPng(path, QSize(100, 100), 0).contains(path));
    QVERIFY(!QFile::exists(path));
    QVERIFY(chart->renderImage(QSize(-1, 5)).isNull());
}

void TestExport::copyToClipboard()
{
    const std::unique_ptr<ChartBase> chart = sampleChart(ChartKind::Memory);
    chart->copyToClipboard(QSize(640, 360));
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(640, 360) * chart->devicePixelRatioF());
}

void TestExport::commandRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString png = QDir::temp().filePath(QStringLiteral("headroom-tst-export.png"));
    QTest::newRow("unknown chart") << QStringList{QStringLiteral("--chart"), QStringLiteral("pie"), QStringLiteral("--output"), png}
                                   << QStringLiteral("pie");
    QTest::newRow("bad extension") << QStringList{QStringLiteral("--output"), QDir::temp().filePath(QStringLiteral("x.jpg"))}
                                   << QStringLiteral("x.jpg");
    QTest::newRow("zero width") << QStringList{QStringLiteral("--output"), png, QStringLiteral("--width"), QStringLiteral("0")}
                                << QStringLiteral("width");
    QTest::newRow("huge height") << QStringList{QStringLiteral("--output"), png, QStringLiteral("--height"), QStringLiteral("99999")}
                                 << QStringLiteral("height");
    QTest::newRow("unwritable") << QStringList{QStringLiteral("--output"), QStringLiteral("/nonexistent-headroom-dir/c.png"),
                                               QStringLiteral("--width"), QStringLiteral("320"), QStringLiteral("--height"),
                                               QStringLiteral("200")}
                                << QStringLiteral("/nonexistent-headroom-dir/c.png");
    QTest::newRow("missing scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("/nonexistent-headroom-dir/s.headroom.json"),
                                                     QStringLiteral("--output"), png}
                                      << QStringLiteral("s.headroom.json");
    QTest::newRow("bad advisor value")
        << QStringList{QStringLiteral("--scenario"), QStringLiteral(HEADROOM_TEST_DATA "/scenarios/bad-advisor.headroom.json"),
                       QStringLiteral("--chart"), QStringLiteral("value"), QStringLiteral("--output"), png}
        << QStringLiteral("advisor.budget_usd");
}

void TestExport::commandRefusesBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString binary = qEnvironmentVariable("HEADROOM_BINARY");
    if (binary.isEmpty() || !QFile::exists(binary))
        QSKIP("HEADROOM_BINARY is not set (run through ctest)");
    QProcess process;
    process.start(binary, QStringList{QStringLiteral("export")} + arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
}

void TestExport::commandWritesTheArticleLineup_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("file");
    QTest::newRow("speed png") << QStringLiteral("speed") << QStringLiteral("speed.png");
    QTest::newRow("memory svg") << QStringLiteral("memory") << QStringLiteral("memory.svg");
    QTest::newRow("concurrency png") << QStringLiteral("concurrency") << QStringLiteral("concurrency.png");
    QTest::newRow("value png") << QStringLiteral("value") << QStringLiteral("value.png");
    QTest::newRow("value svg") << QStringLiteral("value") << QStringLiteral("value.svg");
}

void TestExport::commandWritesTheArticleLineup()
{
    QFETCH(QString, chart);
    QFETCH(QString, file);
    const QString binary = qEnvironmentVariable("HEADROOM_BINARY");
    if (binary.isEmpty() || !QFile::exists(binary))
        QSKIP("HEADROOM_BINARY is not set (run through ctest)");
    const QString path = m_dir.filePath(QStringLiteral("cli-") + file);
    QProcess process;
    process.start(binary, {QStringLiteral("export"), QStringLiteral("--chart"), chart, QStringLiteral("--output"), path,
                           QStringLiteral("--width"), QStringLiteral("960"), QStringLiteral("--height"), QStringLiteral("540")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    if (path.endsWith(QLatin1String(".svg"))) {
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox(), QRect(0, 0, 960, 540));
    } else {
        const QImage image(path);
        QCOMPARE(image.size(), QSize(960, 540));
    }
}

void TestExport::commandWritesTheValueChartOfAScenario()
{
    const QString binary = qEnvironmentVariable("HEADROOM_BINARY");
    if (binary.isEmpty() || !QFile::exists(binary))
        QSKIP("HEADROOM_BINARY is not set (run through ctest)");
    const QString path = m_dir.filePath(QStringLiteral("cli-advisor-value.png"));
    QProcess process;
    process.start(binary, {QStringLiteral("export"), QStringLiteral("--scenario"),
                           QStringLiteral(HEADROOM_TEST_DATA "/scenarios/advisor-value.headroom.json"),
                           QStringLiteral("--chart"), QStringLiteral("value"), QStringLiteral("--output"), path});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QImage image(path);
    QCOMPARE(image.size(), QSize(1600, 900)); // the default export size
    // Something is plotted: more than a background, a title and two axes' worth of colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 16);
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
