// Importing a model file into the window's catalog: added, selected (undoably), explained;
// bad files reported through `problem` with nothing changed.
#include "../model/GgufTestWriter.h"

#include "itemmodels/CatalogModel.h"
#include "catalog/CatalogStore.h"
#include "views/import/ImportSummaryDialog.h"
#include "views/import/ImportedModelsDialog.h"
#include "import/ModelImport.h"
#include "views/import/ModelImportController.h"
#include "views/pickers/PickerPanel.h"
#include "session/ScenarioController.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/import-window/") + name;
}

// Llama 3.2 1B's published parameter count (model card: 1.23 B; 1,235,814,400 counted from the
// shapes in the fixture), within the 2% the importer promises.
constexpr double FixtureParamsB = 1.2358;
constexpr double ParamsTolerance = 0.02;

// ggml tensor type ids and llama.cpp file types (ggml/include/ggml.h, llama.h).
constexpr std::uint32_t GgmlQ4K = 12;
constexpr std::uint32_t GgmlQ6K = 14;
constexpr std::uint32_t GgmlF32 = 0;
constexpr std::uint32_t LlamaFileTypeQ4KM = 15;

// A small Llama GGUF file: 2 layers of 1024 wide, Q4_K_M.
QByteArray smallLlamaGguf()
{
    test::GgufTestWriter writer;
    writer.addString(QStringLiteral("general.architecture"), QStringLiteral("llama"));
    writer.addString(QStringLiteral("general.name"), QStringLiteral("Dropped Llama GGUF"));
    writer.addUInt32(QStringLiteral("general.file_type"), LlamaFileTypeQ4KM);
    writer.addUInt32(QStringLiteral("llama.block_count"), 2);
    writer.addUInt32(QStringLiteral("llama.context_length"), 8192);
    writer.addUInt32(QStringLiteral("llama.embedding_length"), 1024);
    writer.addUInt32(QStringLiteral("llama.attention.head_count"), 8);
    writer.addUInt32(QStringLiteral("llama.attention.head_count_kv"), 2);
    writer.addTensor(QStringLiteral("token_embd.weight"), {1024, 4096}, GgmlQ4K);
    for (const char *layer : {"blk.0", "blk.1"}) {
        const QString prefix = QLatin1String(layer);
        writer.addTensor(prefix + QStringLiteral(".attn_q.weight"), {1024, 1024}, GgmlQ4K);
        writer.addTensor(prefix + QStringLiteral(".ffn_down.weight"), {4096, 1024}, GgmlQ6K);
        writer.addTensor(prefix + QStringLiteral(".attn_norm.weight"), {1024}, GgmlF32);
    }
    writer.addTensor(QStringLiteral("output.weight"), {1024, 4096}, GgmlQ6K);
    return writer.file();
}

} // namespace

class TestModelImportController final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QWidget> m_parent;
    std::unique_ptr<CatalogStore> m_store;
    ScenarioController *m_controller = nullptr;
    ModelImportController *m_importer = nullptr;

private Q_SLOTS:
    void init()
    {
        m_parent = std::make_unique<QWidget>();
        m_store = std::make_unique<CatalogStore>(embeddedCatalog(), QString());
        m_controller = new ScenarioController(m_parent.get());
        m_controller->reset(articleLineupScenario());
        m_importer = new ModelImportController(m_store.get(), m_controller, m_parent.get());
    }

    void cleanup()
    {
        m_parent.reset();
        m_store.reset();
    }

    void importsAndSelects()
    {
        QSignalSpy imported(m_importer, &ModelImportController::imported);
        QSignalSpy problems(m_importer, &ModelImportController::problem);
        const QString before = m_controller->scenario().modelId;

        QVERIFY(m_importer->importPath(fixture(QStringLiteral("window-llama/config.json"))));
        QCOMPARE(problems.count(), 0);
        QCOMPARE(imported.count(), 1);
        const QString id = imported.first().first().toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(!embeddedCatalog().model(id));
        QCOMPARE(m_store->importedIds(), QStringList{id});
        const LanguageModel *model = m_store->catalog().model(id);
        QVERIFY(model);
        QVERIFY(qAbs(model->paramsB / FixtureParamsB - 1) < ParamsTolerance);
        QCOMPARE(model->layers, 16);
        QCOMPARE(model->kvHeads, 8);

        m_controller->flush();
        QCOMPARE(m_controller->scenario().modelId, id);
        QVERIFY(!m_controller->scenario().customModel);
        m_controller->undoStack()->undo();
        QCOMPARE(m_controller->scenario().modelId, before);
        QVERIFY(m_store->catalog().model(id)); // undo changes the selection, not the catalog
    }

    void ggufSelectsItsQuantization()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dropped-llama.Q4_K_M.gguf"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray bytes = smallLlamaGguf();
            QCOMPARE(file.write(bytes), bytes.size());
        }
        QSignalSpy imported(m_importer, &ModelImportController::imported);
        QSignalSpy problems(m_importer, &ModelImportController::problem);
        const bool ok = m_importer->importPath(path);
        QVERIFY2(ok, problems.isEmpty() ? "" : qPrintable(problems.first().at(1).toString()));
        const QString id = imported.first().first().toString();
        const ImportResult read = importModelFile(path);
        const ImportedModel &expected = std::get<ImportedModel>(read);
        QVERIFY(expected.quant && expected.fileSizeGB);

        m_controller->flush();
        QCOMPARE(m_controller->scenario().modelId, id);
        QCOMPARE(m_controller->scenario().quantName, expected.quant->name);
        const LanguageModel *model = m_store->catalog().model(id);
        QCOMPARE(model->publishedSizeGB(expected.quant->name), expected.fileSizeGB);
        QVERIFY(m_store->catalog().quantization(expected.quant->name));
    }

    void summaryShowsWhereNumbersCameFrom()
    {
        QVERIFY(m_importer->importPath(fixture(QStringLiteral("window-llama/config.json"))));
        ImportSummaryDialog *summary = m_importer->summaryDialog();
        QVERIFY(summary);
        QVERIFY(summary->isVisible());
        QVERIFY(!summary->isModal());
        QTableWidget *table = summary->table();
        QVERIFY(table->rowCount() > 0);
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        bool sawLayers = false;
        for (int row = 0; row < table->rowCount(); ++row) {
            QVERIFY(!table->item(row, ImportSummaryDialog::OriginColumn)->text().isEmpty());
            if (table->item(row, ImportSummaryDialog::FieldColumn)->text() == QStringLiteral("layers")) {
                sawLayers = true;
                QCOMPARE(table->item(row, ImportSummaryDialog::ValueColumn)->text(), QStringLiteral("16"));
                QVERIFY(table->item(row, ImportSummaryDialog::OriginColumn)->text().contains(QStringLiteral("num_hidden_layers")));
            }
        }
        QVERIFY(sawLayers);
        QVERIFY(summary->headline().contains(QStringLiteral("config.json")));
    }

    void pickersFollowTheCatalog()
    {
        PickerPanel pickers(m_controller, m_store->catalog());
        connect(m_store.get(), &CatalogStore::catalogChanged, &pickers, &PickerPanel::reloadCatalog);
        QAbstractItemModelTester tester(pickers.modelCombo()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int rowsBefore = pickers.modelCombo()->count();
        QSignalSpy imported(m_importer, &ModelImportController::imported);
        QVERIFY(m_importer->importPath(fixture(QStringLiteral("window-llama/config.json"))));
        m_controller->flush();
        QCOMPARE(pickers.modelCombo()->count(), rowsBefore + 1);
        QCOMPARE(pickers.modelCombo()->currentData(CatalogModel::IdRole).toString(), imported.first().first().toString());
    }

    void badFilesChangeNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("truncated config.json") << QStringLiteral("truncated-config.json");
        QTest::newRow("config.json without shape") << QStringLiteral("missing-fields-config.json");
        QTest::newRow("truncated gguf") << QStringLiteral("truncated.gguf");
        QTest::newRow("missing file") << QStringLiteral("no-such-file.gguf");
    }

    void badFilesChangeNothing()
    {
        QFETCH(QString, file);
        QSignalSpy problems(m_importer, &ModelImportController::problem);
        QSignalSpy changed(m_store.get(), &CatalogStore::catalogChanged);
        const Scenario before = m_controller->scenario();

        QVERIFY(!m_importer->importPath(fixture(file)));
        QCOMPARE(problems.count(), 1);
        const QString message = problems.first().at(1).toString();
        QVERIFY2(message.contains(file), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message)); // one line
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_store->catalog(), embeddedCatalog());
        m_controller->flush();
        QCOMPARE(m_controller->scenario(), before);
        QVERIFY(!m_importer->summaryDialog());
    }

    void removingTheShownModelKeepsItInline()
    {
        QSignalSpy imported(m_importer, &ModelImportController::imported);
        QVERIFY(m_importer->importPath(fixture(QStringLiteral("window-llama/config.json"))));
        const QString id = imported.first().first().toString();
        const LanguageModel model = *m_store->catalog().model(id);

        ImportedModelsDialog dialog(m_store.get(), m_importer);
        QCOMPARE(dialog.list()->count(), 1);
        QVERIFY(!dialog.removeButton()->isEnabled());
        dialog.list()->setCurrentRow(0);
        QVERIFY(dialog.removeButton()->isEnabled());
        QTest::mouseClick(dialog.removeButton(), Qt::LeftButton);

        QCOMPARE(dialog.list()->count(), 0);
        QVERIFY(!m_store->catalog().model(id));
        m_controller->flush();
        QVERIFY(m_controller->scenario().customModel);
        QCOMPARE(*m_controller->scenario().customModel, model);
        QVERIFY(!m_importer->removeModel(id)); // already gone
    }
};

QTEST_MAIN(TestModelImportController)
#include "tst_model_import_controller.moc"
