// The window's catalog: base catalog plus imported models, updated in place and announced.
#include "catalog/CatalogStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

ImportedModel importedModel(const QString &id, double paramsB)
{
    ImportedModel imported;
    imported.model.id = id;
    imported.model.name = QStringLiteral("Imported ") + id;
    imported.model.paramsB = paramsB;
    imported.model.activeParamsB = paramsB;
    imported.model.layers = 32;
    imported.model.hidden = 4096;
    imported.model.attentionHeads = 32;
    imported.model.kvHeads = 8;
    imported.model.headDim = 128;
    imported.model.maxContext = 8192;
    imported.model.source = QStringLiteral("config.json");
    return imported;
}

} // namespace

class TestCatalogStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithBase()
    {
        CatalogStore store(embeddedCatalog(), QString{});
        QCOMPARE(store.catalog(), embeddedCatalog());
        QVERIFY(store.importedIds().isEmpty());
        QVERIFY(store.loadProblems().isEmpty());
    }

    void addAndRemoveKeepTheAddress()
    {
        CatalogStore store(embeddedCatalog(), QString{});
        const Catalog *address = &store.catalog();
        const Catalog &held = store.catalog(); // what views keep
        QSignalSpy changed(&store, &CatalogStore::catalogChanged);

        QCOMPARE(store.addImported(importedModel(QStringLiteral("new-model"), 7.5)), Diagnostics{});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(&store.catalog(), address);
        QVERIFY(held.model(QStringLiteral("new-model")));
        QCOMPARE(held.models().size(), embeddedCatalog().models().size() + 1);
        QCOMPARE(store.importedIds(), QStringList{QStringLiteral("new-model")});
        QVERIFY(store.isImported(QStringLiteral("new-model")));

        QCOMPARE(store.removeImported(QStringLiteral("new-model")), Diagnostics{});
        QCOMPARE(changed.count(), 2);
        QVERIFY(!held.model(QStringLiteral("new-model")));
        QCOMPARE(held, embeddedCatalog());
    }

    void importReplacesBaseModelById()
    {
        CatalogStore store(embeddedCatalog(), QString{});
        const QString id = embeddedCatalog().models().first().id;
        QCOMPARE(store.addImported(importedModel(id, 3.25)), Diagnostics{});
        QCOMPARE(store.catalog().models().size(), embeddedCatalog().models().size());
        QCOMPARE(store.catalog().model(id)->paramsB, 3.25);
        QCOMPARE(store.removeImported(id), Diagnostics{});
        QCOMPARE(*store.catalog().model(id), *embeddedCatalog().model(id)); // the base model is back
    }

    void ggufQuantizationOnlyAddsNewNames_data()
    {
        QTest::addColumn<QString>("quant");
        QTest::addColumn<double>("expectedBits");
        const double baseQ4 = embeddedCatalog().quantization(QStringLiteral("Q4_K_M"))->bitsPerWeight;
        QTest::newRow("known name keeps the base bits") << QStringLiteral("Q4_K_M") << baseQ4;
        QTest::newRow("new name is added") << QStringLiteral("IQ3_XXS") << 3.06;
    }

    void ggufQuantizationOnlyAddsNewNames()
    {
        QFETCH(QString, quant);
        QFETCH(double, expectedBits);
        CatalogStore store(embeddedCatalog(), QString{});
        ImportedModel imported = importedModel(QStringLiteral("gguf-model"), 7.5);
        imported.quant = Quantization{quant, 3.06};
        imported.fileSizeGB = 2.87;
        QCOMPARE(store.addImported(imported), Diagnostics{});
        QCOMPARE(store.catalog().quantization(quant)->bitsPerWeight, expectedBits);
        QCOMPARE(store.catalog().model(QStringLiteral("gguf-model"))->publishedSizeGB(quant), std::optional<double>(2.87));
    }

    void refusedImportChangesNothing()
    {
        CatalogStore store(embeddedCatalog(), QString{});
        QSignalSpy changed(&store, &CatalogStore::catalogChanged);
        ImportedModel bad = importedModel(QStringLiteral("bad"), 7.5);
        bad.model.activeParamsB = 9; // more active than total
        QVERIFY(!store.addImported(bad).isEmpty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.catalog(), embeddedCatalog());
        QVERIFY(!store.removeImported(QStringLiteral("bad")).isEmpty());
    }

    void persistsAcrossStarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("models.json"));
        {
            CatalogStore store(embeddedCatalog(), path);
            QCOMPARE(store.addImported(importedModel(QStringLiteral("kept"), 12)), Diagnostics{});
            QCOMPARE(store.addImported(importedModel(QStringLiteral("dropped"), 13)), Diagnostics{});
            QCOMPARE(store.removeImported(QStringLiteral("dropped")), Diagnostics{});
        }
        CatalogStore restarted(embeddedCatalog(), path);
        QVERIFY(restarted.loadProblems().isEmpty());
        QCOMPARE(restarted.importedIds(), QStringList{QStringLiteral("kept")});
        QCOMPARE(restarted.catalog().model(QStringLiteral("kept"))->paramsB, 12.0);
        QVERIFY(!restarted.catalog().model(QStringLiteral("dropped")));
    }

    void corruptFileLeavesBaseAndKeepsFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("models.json"));
        const QByteArray broken = "not json at all";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(broken);
        }
        CatalogStore store(embeddedCatalog(), path);
        QCOMPARE(store.loadProblems().size(), 1);
        QCOMPARE(store.loadProblems().first().file, path);
        QCOMPARE(store.catalog(), embeddedCatalog());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), broken);
    }
};

QTEST_GUILESS_MAIN(TestCatalogStore)
#include "tst_catalog_store.moc"
