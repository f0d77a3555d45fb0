// The user's imported models: saved atomically as a partial catalog, read back identically,
// an unreadable file reported and kept until the next save moves it aside.
#include "catalog/Catalog.h"
#include "catalog/ModelFieldValues.h"
#include "catalog/UserModelStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

// A dense Llama-style model as a config.json import gives it.
ImportedModel denseImport(const QString &id)
{
    ImportedModel imported;
    imported.model.id = id;
    imported.model.name = QStringLiteral("Window Import Llama 1B");
    imported.model.paramsB = 1.24;
    imported.model.activeParamsB = 1.24;
    imported.model.layers = 16;
    imported.model.hidden = 2048;
    imported.model.attentionHeads = 32;
    imported.model.kvHeads = 8;
    imported.model.headDim = 64;
    imported.model.maxContext = 131072;
    imported.model.source = QStringLiteral("/models/llama/config.json");
    imported.architecture = QStringLiteral("LlamaForCausalLM");
    return imported;
}

// A sliding-window MoE model from a GGUF file, with the file's quantization and size.
ImportedModel ggufImport(const QString &id, const QString &quant, double bits, double sizeGB)
{
    ImportedModel imported;
    imported.model.id = id;
    imported.model.name = QStringLiteral("GGUF MoE");
    imported.model.paramsB = 20.9;
    imported.model.activeParamsB = 3.6;
    imported.model.layers = 24;
    imported.model.hidden = 2880;
    imported.model.attentionHeads = 64;
    imported.model.kvHeads = 8;
    imported.model.headDim = 64;
    imported.model.attention = AttentionKind::SlidingWindow;
    imported.model.slidingWindow = 128;
    imported.model.slidingLayers = 12;
    imported.model.experts = 32;
    imported.model.expertsPerToken = 4;
    imported.model.maxContext = 131072;
    imported.model.source = QStringLiteral("/models/moe.gguf");
    imported.quant = Quantization{quant, bits};
    imported.fileSizeGB = sizeGB;
    imported.architecture = QStringLiteral("gpt-oss");
    return imported;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestUserModelStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPathIsInAppData()
    {
        QVERIFY(UserModelStore::defaultPath().endsWith(QStringLiteral("/models.json")));
    }

    void missingFileIsEmpty()
    {
        QTemporaryDir dir;
        UserModelStore store(dir.filePath(QStringLiteral("sub/models.json")));
        QVERIFY(store.load().isEmpty());
        QVERIFY(!store.isBroken());
        QVERIFY(store.models().isEmpty());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QList<ImportedModel>>("imports");
        QTest::newRow("dense config.json") << QList<ImportedModel>{denseImport(QStringLiteral("window-llama-1b"))};
        QTest::newRow("gguf moe, new quant")
            << QList<ImportedModel>{ggufImport(QStringLiteral("moe-mxfp4"), QStringLiteral("MXFP4"), 4.25, 12.8)};
        QTest::newRow("both") << QList<ImportedModel>{denseImport(QStringLiteral("a")),
                                                      ggufImport(QStringLiteral("b"), QStringLiteral("IQ2_XXS"), 2.06, 5.5)};
    }

    void roundTrip()
    {
        QFETCH(QList<ImportedModel>, imports);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data/models.json"));
        UserModelStore store(path);
        for (const ImportedModel &imported : imports)
            QCOMPARE(store.add(imported), Diagnostics{});
        QCOMPARE(store.save(), Diagnostics{});
        QVERIFY(QFile::exists(path));

        // The file is a partial catalog in the shape of resources/catalog.json.
        const QJsonObject document = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(document.value(QStringLiteral("format")).toString(), QStringLiteral("headroom-catalog"));
        QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(document.value(QStringLiteral("models")).toArray().size(), imports.size());

        UserModelStore reread(path);
        QCOMPARE(reread.load(), Diagnostics{});
        QCOMPARE(reread.models(), store.models());
        QCOMPARE(reread.catalog(), store.catalog());
        const Catalog rereadCatalog = reread.catalog(); // a value: keep it alive while pointing into it
        for (const ImportedModel &imported : imports) {
            const LanguageModel *model = rereadCatalog.model(imported.model.id);
            QVERIFY(model);
            QCOMPARE(model->paramsB, imported.model.paramsB);
            QCOMPARE(toString(model->attention), toString(imported.model.attention));
            QCOMPARE(model->slidingWindow, imported.model.slidingWindow);
            QCOMPARE(model->experts, imported.model.experts);
            if (imported.quant) {
                // The GGUF's quantization is a catalog quantization, its size a published size.
                const Quantization *quant = rereadCatalog.quantization(imported.quant->name);
                QVERIFY(quant);
                QCOMPARE(quant->bitsPerWeight, imported.quant->bitsPerWeight);
                QCOMPARE(model->publishedSizeGB(imported.quant->name), imported.fileSizeGB);
            }
        }
    }

    // What the import summary shows: every catalog field of the model under its file name.
    void modelFieldValuesNameEveryField()
    {
        const ImportedModel imported = ggufImport(QStringLiteral("x"), QStringLiteral("MXFP4"), 4.25, 12.8);
        const QVariantMap values = modelFieldValues(imported.model);
        QCOMPARE(values.value(QStringLiteral("id")).toString(), QStringLiteral("x"));
        QCOMPARE(values.value(QStringLiteral("params_b")).toDouble(), 20.9);
        QCOMPARE(values.value(QStringLiteral("kv_heads")).toInt(), 8);
        QCOMPARE(values.value(QStringLiteral("sliding_window")).toInt(), 128);
        QCOMPARE(values.value(QStringLiteral("attention")).toString(), toString(AttentionKind::SlidingWindow));
        QCOMPARE(values.value(QStringLiteral("max_context")).toInt(), 131072);
        QCOMPARE(values.value(QStringLiteral("source")).toString(), QStringLiteral("/models/moe.gguf"));
        QVERIFY(values.value(QStringLiteral("published_sizes")).toList().isEmpty());
        QVERIFY(!values.contains(QStringLiteral("architecture"))); // not a catalog field
    }

    void addReplacesById()
    {
        UserModelStore store(QString{});
        ImportedModel first = denseImport(QStringLiteral("same"));
        QCOMPARE(store.add(first), Diagnostics{});
        first.model.name = QStringLiteral("Renamed");
        QCOMPARE(store.add(first), Diagnostics{});
        QCOMPARE(store.models().size(), 1);
        QCOMPARE(store.models().first().name, QStringLiteral("Renamed"));
    }

    void addRefusesWhatTheLoaderWouldRefuse()
    {
        UserModelStore store(QString{});
        ImportedModel bad = denseImport(QStringLiteral("bad"));
        bad.model.kvHeads = 7; // does not divide 32 heads
        const Diagnostics problems = store.add(bad);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, QStringLiteral("kv_heads"));
        QVERIFY(store.models().isEmpty());
    }

    void removeDropsUnusedQuantizations()
    {
        UserModelStore store(QString{});
        QCOMPARE(store.add(ggufImport(QStringLiteral("x"), QStringLiteral("MXFP4"), 4.25, 12.8)), Diagnostics{});
        QCOMPARE(store.add(ggufImport(QStringLiteral("y"), QStringLiteral("IQ2_XXS"), 2.06, 5.5)), Diagnostics{});
        QVERIFY(!store.remove(QStringLiteral("nope")));
        QVERIFY(store.remove(QStringLiteral("x")));
        QCOMPARE(store.ids(), QStringList{QStringLiteral("y")});
        QVERIFY(!store.catalog().quantization(QStringLiteral("MXFP4")));
        QVERIFY(store.catalog().quantization(QStringLiteral("IQ2_XXS")));
    }

    void corruptFileIsKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedProblem");
        QTest::newRow("not json") << QByteArray("{\"format\": \"headroom-catalog\", \"models\": [") << QString();
        QTest::newRow("bad field")
            << QByteArray(R"({"format":"headroom-catalog","version":1,"models":[{"id":"m","name":"M","params_b":-3}]})")
            << QStringLiteral("params_b");
    }

    void corruptFileIsKept()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedProblem);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("models.json"));
        writeAll(path, content);

        UserModelStore store(path);
        const Diagnostics problems = store.load();
        QVERIFY(!problems.isEmpty());
        QCOMPARE(problems.first().file, path);
        QCOMPARE(problems.first().field, expectedProblem);
        QVERIFY(store.isBroken());
        QCOMPARE(readAll(path), content); // loading never touches the file

        // The user imports a model: the broken file is moved aside, not overwritten.
        QCOMPARE(store.add(denseImport(QStringLiteral("after"))), Diagnostics{});
        QCOMPARE(store.save(), Diagnostics{});
        QVERIFY(!store.isBroken());
        QCOMPARE(readAll(store.brokenPath()), content);
        UserModelStore reread(path);
        QCOMPARE(reread.load(), Diagnostics{});
        QCOMPARE(reread.ids(), QStringList{QStringLiteral("after")});
    }

    void unwritableFolderIsReported()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        writeAll(blocker, "x");
        UserModelStore store(blocker + QStringLiteral("/models.json")); // a folder under a file
        QCOMPARE(store.add(denseImport(QStringLiteral("m"))), Diagnostics{});
        const Diagnostics problems = store.save();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().file, store.path());
    }
};

QTEST_GUILESS_MAIN(TestUserModelStore)
#include "tst_user_model_store.moc"
