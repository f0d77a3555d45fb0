// The embedded catalog: it loads cleanly, holds every id SPEC §4 names, cites a source for every device and
// model, carries the article's and the calibration set's figures exactly, and prices its named systems the way
// they are paid (a citable, dated whole-system price, or a sentence saying why there is none).
#include "catalog/Catalog.h"
#include "core/Platform.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace headroom;

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Splits one CSV line, honouring double quotes (the calibration file quotes fields that hold commas).
QStringList splitCsvLine(const QString &line)
{
    QStringList fields;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                current += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << current;
            current.clear();
        } else {
            current += c;
        }
    }
    fields << current;
    return fields;
}

struct CalibrationRow {
    QString hardwareId;
    QString modelId;
    QString quant;
    QString sizeGB;
    QString bandwidthGBs;
    QString memoryGB;
};

QList<CalibrationRow> calibrationRows()
{
    const QStringList lines = QString::fromUtf8(resource(QStringLiteral(":/measured.csv"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return {};
    const QStringList header = splitCsvLine(lines.first());
    const auto column = [&](const char *name) { return header.indexOf(QLatin1String(name)); };
    QList<CalibrationRow> rows;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = splitCsvLine(lines.at(i).trimmed());
        if (fields.size() != header.size())
            continue;
        // The sources the catalog's own figures were taken from; other sources measure other files and devices.
        const QString source = fields.at(column("source_id"));
        if (source != QLatin1String("XD") && source != QLatin1String("SEED"))
            continue;
        rows.append({fields.at(column("hardware_id")), fields.at(column("model_id")), fields.at(column("quant")),
                     fields.at(column("model_size_gb")), fields.at(column("bandwidth_gbs_per_device")),
                     fields.at(column("memory_gb_per_device"))});
    }
    return rows;
}

bool isWebAddress(const QString &text)
{
    return text.startsWith(QLatin1String("https://")) || text.startsWith(QLatin1String("http://"));
}

// The "systems" entries as written, with the fields the loader only checks (notes) or reads into other types.
QJsonArray rawSystems()
{
    return QJsonDocument::fromJson(resource(QStringLiteral(":/catalog.json"))).object().value(QLatin1String("systems")).toArray();
}

} // namespace

class TestCatalogData final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsWithoutDiagnostics();
    void specDevicesPresent_data();
    void specDevicesPresent();
    void devices2026_data();
    void devices2026();
    void systems2026_data();
    void systems2026();
    void specModelsPresent_data();
    void specModelsPresent();
    void everyDeviceAndModelCitesAWebSource();
    void articleQ4SizesAreExact_data();
    void articleQ4SizesAreExact();
    void articleDeviceSpecs_data();
    void articleDeviceSpecs();
    void calibrationFiguresMatch();
    void articleSystems_data();
    void articleSystems();
    void everySystemIsPricedOrSaysWhy();
    void listPrices_data();
    void listPrices();
    void quantizations_data();
    void quantizations();
    void architectures_data();
    void architectures();
};

void TestCatalogData::loadsWithoutDiagnostics()
{
    const QByteArray bytes = resource(QStringLiteral(":/catalog.json"));
    QVERIFY(!bytes.isEmpty());
    const CatalogOrDiagnostics result = loadCatalog(bytes, QStringLiteral("catalog.json"));
    const auto *diagnostics = std::get_if<Diagnostics>(&result);
    QVERIFY2(!diagnostics, qPrintable(diagnostics ? toString(*diagnostics) : QString()));
    QVERIFY(std::get<Catalog>(result) == embeddedCatalog());
    QVERIFY(!embeddedCatalog().devices().isEmpty());
}

void TestCatalogData::specDevicesPresent_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"m1", "m1-max", "m1-ultra", "m2-max", "m2-ultra", "m3-max-30c", "m3-max-40c", "m3-ultra", "m4-pro",
                           "m4-max-32c", "m4-max-40c", "m1-pro", "m2-pro", "m3-pro", "rtx-3070", "rtx-3080", "rtx-3080-ti",
                           "rtx-3090", "rtx-4070-ti", "rtx-4080", "rtx-4090", "rtx-5080", "rtx-5090", "rtx-4000-ada",
                           "rtx-5000-ada", "rtx-a6000", "rtx-6000-ada", "rtx-pro-5000-48", "rtx-pro-5000-72", "rtx-pro-6000",
                           "a40", "l40s", "a100-pcie-80", "a100-sxm-80", "h100-pcie", "h100-sxm", "h200-nvl", "h200-sxm",
                           "b200-sxm", "dgx-spark", "ryzen-ai-max-395"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestCatalogData::specDevicesPresent()
{
    QFETCH(QString, id);
    const Device *device = embeddedCatalog().device(id);
    QVERIFY(device);
    QVERIFY(!device->name.isEmpty());
    QVERIFY(device->bandwidthGBs > 0);
    QVERIFY(device->fp16Tflops > 0);
    QVERIFY(!device->memoryOptionsGB.isEmpty());
    QCOMPARE(device->isApple(), device->segment == Segment::Apple);
    if (device->kind == MemoryKind::Discrete)
        QVERIFY(device->interconnect.bandwidthGBs > 0);
    if (device->priceUsd)
        QVERIFY(isWebAddress(device->priceSource) && !device->priceDate.isEmpty());
}

// The devices on sale or announced by December 2026: present, well formed, on the right platform, and carrying
// the bandwidth and largest memory of their sources.
void TestCatalogData::devices2026_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<double>("bandwidthGBs");
    QTest::addColumn<double>("largestMemoryGB");
    const auto row = [](const char *id, const char *platform, double bandwidth, double memory) {
        QTest::newRow(id) << QString::fromLatin1(id) << QString::fromLatin1(platform) << bandwidth << memory;
    };
    row("m5", "apple", 153, 32);
    row("m5-pro", "apple", 307, 64);
    row("m5-max-32c", "apple", 460, 36);
    row("m5-max-40c", "apple", 614, 128);
    row("rtx-5060-ti-16", "nvidia", 448, 16);
    row("rtx-5070", "nvidia", 672, 12);
    row("rtx-5070-ti", "nvidia", 896, 16);
    row("rtx-pro-4000", "nvidia", 672, 24);
    row("rtx-pro-4500", "nvidia", 896, 32);
    row("rtx-pro-6000-maxq", "nvidia", 1792, 96);
    row("dgx-station-gb300", "nvidia", 8000, 288);
    row("b300-sxm", "nvidia", 8000, 288);
    row("rx-7900-xtx", "other", 960, 24);
    row("radeon-pro-w7800", "other", 576, 32);
    row("radeon-ai-pro-r9700", "other", 640, 32);
    row("mi300x", "other", 5300, 192);
    row("mi325x", "other", 6000, 256);
    row("mi355x", "other", 8000, 288);
    row("ryzen-ai-max-385", "other", 256, 128);
    row("ryzen-ai-max-390", "other", 256, 128);
    row("arc-b580", "other", 456, 12);
    row("arc-pro-b50", "other", 224, 16);
    row("arc-pro-b60", "other", 456, 24);
    row("arc-pro-b60-dual", "other", 456, 24);
    row("arc-pro-b70", "other", 608, 32);
}

void TestCatalogData::devices2026()
{
    QFETCH(QString, id);
    QFETCH(QString, platform);
    QFETCH(double, bandwidthGBs);
    QFETCH(double, largestMemoryGB);
    const Device *device = embeddedCatalog().device(id);
    QVERIFY(device);
    QVERIFY(!device->name.isEmpty());
    QCOMPARE(toString(platformOf(*device)), platform);
    QCOMPARE(device->isApple(), device->segment == Segment::Apple);
    QCOMPARE(device->bandwidthGBs, bandwidthGBs);
    QCOMPARE(device->largestMemoryGB(), largestMemoryGB);
    QVERIFY(device->fp16Tflops > 0);
    QVERIFY(!device->memoryOptionsGB.isEmpty());
    for (double memory : device->memoryOptionsGB)
        QVERIFY(memory > 0);
    QVERIFY(device->maxCount >= 1);
    QVERIFY(device->powerW >= 0);
    QVERIFY2(isWebAddress(device->source), qPrintable(device->source));
    if (device->kind == MemoryKind::Discrete)
        QVERIFY(device->interconnect.bandwidthGBs > 0);
    else
        QCOMPARE(device->maxCount, 1);
    if (device->priceUsd)
        QVERIFY(isWebAddress(device->priceSource) && !device->priceDate.isEmpty());
}

// The boxes people buy with those devices: each names its device and one of the device's memory options.
void TestCatalogData::systems2026_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("memoryGB");
    const auto row = [](const char *id, const char *device, int count, double memory) {
        QTest::newRow(id) << QString::fromLatin1(id) << QString::fromLatin1(device) << count << memory;
    };
    row("framework-desktop-max-385-32", "ryzen-ai-max-385", 1, 32);
    row("framework-desktop-395-64", "ryzen-ai-max-395", 1, 64);
    row("framework-desktop-395-128", "ryzen-ai-max-395", 1, 128);
    row("asus-ascent-gx10", "dgx-spark", 1, 128);
    row("nvidia-dgx-station-gb300", "dgx-station-gb300", 1, 288);
    row("server-8x-b300-sxm", "b300-sxm", 8, 288);
    row("server-8x-mi300x", "mi300x", 8, 192);
    row("server-8x-mi325x", "mi325x", 8, 256);
    row("server-8x-mi355x", "mi355x", 8, 288);
    row("sparkle-arc-pro-b60-dual-48g", "arc-pro-b60-dual", 2, 24);
}

void TestCatalogData::systems2026()
{
    QFETCH(QString, id);
    QFETCH(QString, device);
    QFETCH(int, count);
    QFETCH(double, memoryGB);
    const NamedSystem *system = embeddedCatalog().system(id);
    QVERIFY(system);
    QCOMPARE(system->configuration.deviceId, device);
    QCOMPARE(system->configuration.count, count);
    QCOMPARE(system->configuration.memoryGB, memoryGB);
    const Device *entry = embeddedCatalog().device(device);
    QVERIFY(entry);
    QVERIFY(entry->memoryOptionsGB.contains(memoryGB));
    QVERIFY(count <= entry->maxCount && count <= system->maxCards);
    QVERIFY(system->source.contains(QLatin1String("https://")));
    if (system->priceUsd)
        QVERIFY(isWebAddress(system->priceSource) && !system->priceDate.isEmpty());
}

void TestCatalogData::specModelsPresent_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id : {"llama-2-7b", "llama-3-8b", "llama-3.1-8b", "gemma-3-27b", "qwen3-30b-a3b", "llama-3-70b",
                           "llama-3.3-70b", "qwen3-235b-a22b", "llama-3.1-405b", "deepseek-r1-671b", "gpt-oss-20b",
                           "gpt-oss-120b"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestCatalogData::specModelsPresent()
{
    QFETCH(QString, id);
    const LanguageModel *model = embeddedCatalog().model(id);
    QVERIFY(model);
    QVERIFY(model->layers > 0 && model->hidden > 0 && model->kvHeads > 0 && model->headDim > 0);
    QVERIFY(model->activeParamsB <= model->paramsB);
    QVERIFY(model->maxContext >= 4096);
    QVERIFY(!model->publishedSizes.isEmpty());
    QVERIFY(model->source.startsWith(QLatin1String("https://huggingface.co/")));
    QVERIFY(model->source.endsWith(QLatin1String("/config.json")));
}

void TestCatalogData::everyDeviceAndModelCitesAWebSource()
{
    const Catalog &catalog = embeddedCatalog();
    for (const Device &device : catalog.devices())
        QVERIFY2(isWebAddress(device.source), qPrintable(device.id));
    for (const LanguageModel &model : catalog.models()) {
        QVERIFY2(isWebAddress(model.source), qPrintable(model.id));
        for (const PublishedSize &size : model.publishedSizes)
            QVERIFY2(isWebAddress(size.source), qPrintable(model.id + QLatin1Char(' ') + size.quant));
    }
    for (const NamedSystem &system : catalog.systems())
        QVERIFY2(system.source.contains(QLatin1String("https://")), qPrintable(system.id));
}

void TestCatalogData::articleQ4SizesAreExact_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("quant");
    QTest::addColumn<double>("sizeGB");
    const auto row = [](const char *model, const char *quant, double size) {
        QTest::addRow("%s %s", model, quant) << QString::fromLatin1(model) << QString::fromLatin1(quant) << size;
    };
    // The article's table (seed).
    row("llama-3.1-8b", "Q4_K_M", 4.9);
    row("gemma-3-27b", "Q4_K_M", 16.5);
    row("qwen3-30b-a3b", "Q4_K_M", 18.6);
    row("llama-3.3-70b", "Q4_K_M", 42.5);
    row("qwen3-235b-a22b", "Q4_K_M", 142);
    row("llama-3.1-405b", "Q4_K_M", 245);
    row("deepseek-r1-671b", "Q4_K_M", 404);
    // The calibration set (XiongjieDai/GPU-Benchmarks-on-LLM-Inference).
    row("llama-3-8b", "Q4_K_M", 4.92);
    row("llama-3-8b", "F16", 16.06);
    row("llama-3-70b", "Q4_K_M", 42.52);
    row("llama-3-70b", "F16", 141.11);
}

void TestCatalogData::articleQ4SizesAreExact()
{
    QFETCH(QString, model);
    QFETCH(QString, quant);
    QFETCH(double, sizeGB);
    const LanguageModel *entry = embeddedCatalog().model(model);
    QVERIFY(entry);
    QCOMPARE(entry->publishedSizeGB(quant), std::optional<double>(sizeGB));
}

void TestCatalogData::articleDeviceSpecs_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("bandwidthGBs");
    QTest::addColumn<double>("largestMemoryGB");
    // 0 = the article gives none. The article's ~130 and ~250 for the RTX PRO cards are the GeForce half rate
    // at FP32 accumulate; these professional cards run it at full rate, NVIDIA's figure, which the catalog keeps.
    QTest::addColumn<double>("fp16Tflops");
    QTest::newRow("M4 Pro") << QStringLiteral("m4-pro") << 273.0 << 64.0 << 0.0;
    QTest::newRow("M4 Max 40-core") << QStringLiteral("m4-max-40c") << 546.0 << 128.0 << 0.0;
    QTest::newRow("M4 Max 32-core") << QStringLiteral("m4-max-32c") << 410.0 << 36.0 << 0.0;
    QTest::newRow("M3 Ultra") << QStringLiteral("m3-ultra") << 819.0 << 512.0 << 0.0;
    QTest::newRow("RTX 5090") << QStringLiteral("rtx-5090") << 1792.0 << 32.0 << 209.0;
    QTest::newRow("RTX PRO 5000 48 GB") << QStringLiteral("rtx-pro-5000-48") << 1344.0 << 48.0 << 267.7;
    QTest::newRow("RTX PRO 5000 72 GB") << QStringLiteral("rtx-pro-5000-72") << 1344.0 << 72.0 << 267.7;
    QTest::newRow("RTX PRO 6000") << QStringLiteral("rtx-pro-6000") << 1792.0 << 96.0 << 503.8;
    QTest::newRow("B200") << QStringLiteral("b200-sxm") << 8000.0 << 192.0 << 0.0;
}

void TestCatalogData::articleDeviceSpecs()
{
    QFETCH(QString, id);
    QFETCH(double, bandwidthGBs);
    QFETCH(double, largestMemoryGB);
    QFETCH(double, fp16Tflops);
    const Device *device = embeddedCatalog().device(id);
    QVERIFY(device);
    QCOMPARE(device->bandwidthGBs, bandwidthGBs);
    QCOMPARE(device->largestMemoryGB(), largestMemoryGB);
    if (fp16Tflops > 0) // within 1 TFLOPS: the article rounds ("~209")
        QVERIFY2(std::abs(device->fp16Tflops - fp16Tflops) < 1, qPrintable(QString::number(device->fp16Tflops)));
    if (id == QLatin1String("m3-ultra"))
        QVERIFY(device->memoryOptionsGB.contains(256) && device->memoryOptionsGB.contains(96));
}

// Every row of the catalog's calibration sources names catalog entries, and its bandwidth, memory and file
// size are the catalog's.
void TestCatalogData::calibrationFiguresMatch()
{
    const QList<CalibrationRow> rows = calibrationRows();
    QVERIFY(rows.size() > 50);
    const Catalog &catalog = embeddedCatalog();
    for (const CalibrationRow &row : rows) {
        const Device *device = catalog.device(row.hardwareId);
        QVERIFY2(device, qPrintable(row.hardwareId));
        QVERIFY2(catalog.model(row.modelId), qPrintable(row.modelId));
        if (!row.bandwidthGBs.isEmpty())
            QVERIFY2(device->bandwidthGBs == row.bandwidthGBs.toDouble(), qPrintable(row.hardwareId));
        if (!row.memoryGB.isEmpty())
            QVERIFY2(device->memoryOptionsGB.contains(row.memoryGB.toDouble()), qPrintable(row.hardwareId + QLatin1Char(' ') + row.memoryGB));
        if (!row.sizeGB.isEmpty())
            QCOMPARE(catalog.model(row.modelId)->publishedSizeGB(row.quant), std::optional<double>(row.sizeGB.toDouble()));
    }
}

void TestCatalogData::articleSystems_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("memoryGB");
    QTest::addColumn<int>("maxCards");
    QTest::newRow("Mac mini M4 Pro") << QStringLiteral("mac-mini-m4-pro-64") << QStringLiteral("m4-pro") << 1 << 64.0 << 1;
    QTest::newRow("Mac Studio M4 Max 32c") << QStringLiteral("mac-studio-m4-max-32c-36") << QStringLiteral("m4-max-32c") << 1 << 36.0 << 1;
    QTest::newRow("Mac Studio M4 Max 40c") << QStringLiteral("mac-studio-m4-max-40c-128") << QStringLiteral("m4-max-40c") << 1 << 128.0 << 1;
    QTest::newRow("Mac Studio M3 Ultra 256") << QStringLiteral("mac-studio-m3-ultra-256") << QStringLiteral("m3-ultra") << 1 << 256.0 << 1;
    QTest::newRow("Mac Studio M3 Ultra 512") << QStringLiteral("mac-studio-m3-ultra-512") << QStringLiteral("m3-ultra") << 1 << 512.0 << 1;
    QTest::newRow("BIZON V3000 G4") << QStringLiteral("bizon-v3000-g4") << QStringLiteral("rtx-5090") << 1 << 32.0 << 2;
    QTest::newRow("BIZON X3000 G2") << QStringLiteral("bizon-x3000-g2") << QStringLiteral("rtx-5090") << 1 << 32.0 << 2;
    QTest::newRow("BIZON X5500 G2") << QStringLiteral("bizon-x5500-g2") << QStringLiteral("rtx-5090") << 2 << 32.0 << 4;
    QTest::newRow("BIZON ZX5500") << QStringLiteral("bizon-zx5500") << QStringLiteral("rtx-pro-6000") << 4 << 96.0 << 7;
    QTest::newRow("BIZON X9000 G4") << QStringLiteral("bizon-x9000-g4") << QStringLiteral("b200-sxm") << 8 << 192.0 << 8;
    QTest::newRow("Framework Desktop 128") << QStringLiteral("framework-desktop-395-128") << QStringLiteral("ryzen-ai-max-395") << 1 << 128.0 << 1;
    QTest::newRow("DGX Spark") << QStringLiteral("nvidia-dgx-spark") << QStringLiteral("dgx-spark") << 1 << 128.0 << 1;
}

void TestCatalogData::articleSystems()
{
    QFETCH(QString, id);
    QFETCH(QString, device);
    QFETCH(int, count);
    QFETCH(double, memoryGB);
    QFETCH(int, maxCards);
    const NamedSystem *system = embeddedCatalog().system(id);
    QVERIFY(system);
    QCOMPARE(system->configuration.deviceId, device);
    QCOMPARE(system->configuration.count, count);
    QCOMPARE(system->configuration.memoryGB, memoryGB);
    QCOMPARE(system->maxCards, maxCards);
    if (id == QLatin1String("bizon-zx5500"))
        QVERIFY(system->compatibleDeviceIds.contains(QStringLiteral("h200-nvl")));
    if (id.startsWith(QLatin1String("bizon-x3000")) || id.startsWith(QLatin1String("bizon-v3000")))
        QVERIFY(!system->compatibleDeviceIds.contains(QStringLiteral("h100-sxm"))); // no datacenter SXM or HBM cards
}

// Every named system (Apple configurations, vendor workstations, generic builds) carries a whole-system price
// with its date and a source, or a notes sentence saying why it has none. A price that covers the cards
// alone is marked cards_only and says so.
void TestCatalogData::everySystemIsPricedOrSaysWhy()
{
    const QRegularExpression date(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?$"));
    const QJsonArray systems = rawSystems();
    QVERIFY(systems.size() >= 20);
    int apple = 0;
    for (const QJsonValue &value : systems) {
        const QJsonObject entry = value.toObject();
        const QString id = entry.value(QLatin1String("id")).toString();
        const QString notes = entry.value(QLatin1String("notes")).toString();
        const NamedSystem *system = embeddedCatalog().system(id);
        QVERIFY2(system, qPrintable(id));
        if (system->vendor == QLatin1String("apple"))
            ++apple;
        if (!entry.contains(QLatin1String("price_usd"))) {
            QVERIFY2(!system->priceUsd, qPrintable(id));
            QVERIFY2(notes.contains(QLatin1String("No price_usd: ")), qPrintable(id + QStringLiteral(": no price and no reason")));
            continue;
        }
        QVERIFY2(system->priceUsd && *system->priceUsd > 0, qPrintable(id));
        QVERIFY2(date.match(system->priceDate).hasMatch(), qPrintable(id + QStringLiteral(": price_date ") + system->priceDate));
        QVERIFY2(system->priceSource.startsWith(QLatin1String("https://")), qPrintable(id + QStringLiteral(": price_source")));
        // How the price was composed (base + upgrades, or the standard configuration it is).
        QVERIFY2(notes.contains(QLatin1Char('$')), qPrintable(id + QStringLiteral(": notes do not say how the price was composed")));
        QVERIFY2(!notes.contains(QLatin1String("No price_usd")), qPrintable(id));
        QCOMPARE(system->cardsOnly, entry.value(QLatin1String("cards_only")).toBool(false));
        if (system->cardsOnly)
            QVERIFY2(notes.contains(QLatin1String("cards")), qPrintable(id));
    }
    QVERIFY(apple >= 13); // Mac mini M4 and M4 Pro, Mac Studio M4 Max and M3 Ultra configurations
}

void TestCatalogData::listPrices_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<double>("priceUsd");
    QTest::addColumn<QString>("priceDate");
    const auto row = [](const char *id, double price, const char *date) {
        QTest::newRow(id) << QString::fromLatin1(id) << price << QString::fromLatin1(date);
    };
    row("mac-mini-m4-16", 599, "2024-10");
    row("mac-mini-m4-pro-64", 2199, "2024-10");
    row("mac-studio-m4-max-32c-36", 1999, "2025-03");
    row("mac-studio-m4-max-40c-128", 3499, "2025-03");
    row("mac-studio-m3-ultra-96", 5499, "2025-03");
    row("mac-studio-m3-ultra-256", 7499, "2026-03"); // after the 256 GB upgrade went from $1,600 to $2,000
    row("mac-studio-m3-ultra-512", 9499, "2025-03"); // its last list price; withdrawn in March 2026
    row("framework-desktop-395-128", 2459, "2026-01");
    row("nvidia-dgx-spark", 3999, "2025-10");
}

// A few list prices pinned, so that a slip in the catalog (a card price for a system, a typo) shows.
void TestCatalogData::listPrices()
{
    QFETCH(QString, id);
    QFETCH(double, priceUsd);
    QFETCH(QString, priceDate);
    const NamedSystem *system = embeddedCatalog().system(id);
    QVERIFY(system);
    QCOMPARE(system->priceUsd, std::optional<double>(priceUsd));
    QCOMPARE(system->priceDate, priceDate);
    QVERIFY(!system->cardsOnly);
    const Device *device = embeddedCatalog().device(system->configuration.deviceId);
    QVERIFY(device);
    QVERIFY2(device->memoryOptionsGB.contains(system->configuration.memoryGB), qPrintable(id));
}

void TestCatalogData::quantizations_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("bits");
    const QList<std::pair<const char *, double>> table{
        {"F16", 16},     {"BF16", 16},   {"Q8_0", 8.5},   {"Q6_K", 6.56}, {"Q5_K_M", 5.69},
        {"Q4_K_M", 4.85}, {"Q4_0", 4.5}, {"IQ4_XS", 4.25}, {"Q3_K_M", 3.91}, {"Q2_K", 2.63},
        {"FP8", 8},      {"MXFP4", 4.25}, {"AWQ-INT4", 4.25}, {"GPTQ-INT4", 4.25},
        {"NVFP4", 4.5}}; // E2M1 values with an E4M3 scale per 16 (NVIDIA, "Introducing NVFP4", 2025-06-24)
    for (const auto &[name, bits] : table)
        QTest::newRow(name) << QString::fromLatin1(name) << bits;
}

void TestCatalogData::quantizations()
{
    QFETCH(QString, name);
    QFETCH(double, bits);
    const Quantization *quant = embeddedCatalog().quantization(name.toLower());
    QVERIFY(quant);
    QCOMPARE(quant->name, name);
    QCOMPARE(quant->bitsPerWeight, bits);
}

void TestCatalogData::architectures_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("layers");
    QTest::addColumn<int>("kvHeads");
    QTest::addColumn<int>("headDim");
    QTest::addColumn<AttentionKind>("attention");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("slidingLayers");
    QTest::addColumn<int>("experts");
    QTest::addColumn<int>("expertsPerToken");
    QTest::newRow("gemma-3-27b") << QStringLiteral("gemma-3-27b") << 62 << 16 << 128 << AttentionKind::SlidingWindow << 1024 << 52 << 0 << 0;
    QTest::newRow("qwen3-30b-a3b") << QStringLiteral("qwen3-30b-a3b") << 48 << 4 << 128 << AttentionKind::Full << 0 << 0 << 128 << 8;
    QTest::newRow("qwen3-235b-a22b") << QStringLiteral("qwen3-235b-a22b") << 94 << 4 << 128 << AttentionKind::Full << 0 << 0 << 128 << 8;
    QTest::newRow("llama-3.1-405b") << QStringLiteral("llama-3.1-405b") << 126 << 8 << 128 << AttentionKind::Full << 0 << 0 << 0 << 0;
    QTest::newRow("deepseek-r1-671b") << QStringLiteral("deepseek-r1-671b") << 61 << 128 << 128 << AttentionKind::Mla << 0 << 0 << 256 << 8;
    QTest::newRow("gpt-oss-20b") << QStringLiteral("gpt-oss-20b") << 24 << 8 << 64 << AttentionKind::SlidingWindow << 128 << 12 << 32 << 4;
    QTest::newRow("gpt-oss-120b") << QStringLiteral("gpt-oss-120b") << 36 << 8 << 64 << AttentionKind::SlidingWindow << 128 << 18 << 128 << 4;
}

void TestCatalogData::architectures()
{
    QFETCH(QString, id);
    QFETCH(int, layers);
    QFETCH(int, kvHeads);
    QFETCH(int, headDim);
    QFETCH(AttentionKind, attention);
    QFETCH(int, window);
    QFETCH(int, slidingLayers);
    QFETCH(int, experts);
    QFETCH(int, expertsPerToken);
    const LanguageModel *model = embeddedCatalog().model(id);
    QVERIFY(model);
    QCOMPARE(model->layers, layers);
    QCOMPARE(model->kvHeads, kvHeads);
    QCOMPARE(model->headDim, headDim);
    QCOMPARE(toString(model->attention), toString(attention));
    QCOMPARE(model->slidingWindow, window);
    QCOMPARE(model->slidingLayers, slidingLayers);
    QCOMPARE(model->experts, experts);
    QCOMPARE(model->expertsPerToken, expertsPerToken);
    if (attention == AttentionKind::Mla)
        QCOMPARE(model->mlaLatentDim, 576);
}

QTEST_GUILESS_MAIN(TestCatalogData)
#include "tst_catalog_data.moc"
