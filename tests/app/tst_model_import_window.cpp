// The assembled window, offscreen: a model file dropped on it lands in the pickers, is selected and
// drives the estimates; it is saved for the next start; bad files and a broken models.json are
// reported and lose nothing; a dropped scenario opens.
#include "itemmodels/CatalogModel.h"
#include "catalog/CatalogStore.h"
#include "session/EstimateService.h"
#include "views/import/ImportSummaryDialog.h"
#include "MainWindow.h"
#include "views/import/ModelImportController.h"
#include "views/pickers/PickerPanel.h"
#include "ScenarioDocument.h"
#include "session/ScenarioController.h"
#include "Settings.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace headroom;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(HEADROOM_TEST_DATA "/") + name;
}

const QString DroppedConfig = QStringLiteral("import-window/window-llama/config.json");

// The fixture's weights at the scenario's Q4_K_M (1.24 B x 4.85 bits / 8 = 0.75 GB), with room for
// how the estimator counts embeddings; the article's 70 B model needs about 40 GB.
constexpr double MinWeightsGB = 0.5;
constexpr double MaxWeightsGB = 1.5;

// Set to a folder, the test saves the window and the import summary there as PNG files.
constexpr const char *ScreenshotDirEnv = "HEADROOM_SCREENSHOT_DIR";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestModelImportWindow final : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<CatalogStore> m_store;
    std::unique_ptr<MainWindow> m_window;

    MainWindow &window() { return *m_window; }
    QString modelsPath() const { return m_dir.filePath(QStringLiteral("data/models.json")); }

    void openWindow()
    {
        static int counter = 0;
        m_settings = std::make_unique<Settings>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++counter)));
        m_store = std::make_unique<CatalogStore>(embeddedCatalog(), modelsPath());
        m_window = std::make_unique<MainWindow>(*m_store, *m_settings);
        window().modelImporter()->setSummaryShown(qEnvironmentVariableIsSet(ScreenshotDirEnv));
        window().controller()->reset(articleLineupScenario());
        window().resize(1600, 1000);
        window().show();
        window().controller()->flush();
    }

    void closeWindow()
    {
        m_window.reset();
        m_store.reset();
        m_settings.reset();
    }

    // Drags `paths` over the window and drops them; returns whether the window took the drop.
    bool drop(const QStringList &paths)
    {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        mime.setUrls(urls);
        const QPoint centre = window().rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window(), &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window(), &dropEvent);
        return dropEvent.isAccepted();
    }

    QMessageBox *openProblem() const
    {
        for (QMessageBox *box : m_window->findChildren<QMessageBox *>()) {
            if (box->isVisible())
                return box;
        }
        return nullptr;
    }

    void saveScreenshots()
    {
        const QString dir = qEnvironmentVariable(ScreenshotDirEnv);
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        QVERIFY(window().grab().save(dir + QStringLiteral("/window-after-import.png")));
        ImportSummaryDialog *summary = window().modelImporter()->summaryDialog();
        QVERIFY(summary);
        QVERIFY(summary->grab().save(dir + QStringLiteral("/import-summary.png")));
    }

private Q_SLOTS:
    void cleanup()
    {
        closeWindow();
        QDir(m_dir.filePath(QStringLiteral("data"))).removeRecursively();
    }

    void menuHasImportActions()
    {
        openWindow();
        QVERIFY(window().findChild<QAction *>(QStringLiteral("importModelAction")));
        QVERIFY(window().findChild<QAction *>(QStringLiteral("manageImportedModelsAction")));
        QVERIFY(window().acceptDrops());
    }

    void droppedConfigLandsInThePickers()
    {
        openWindow();
        QComboBox *models = window().pickerPanel()->modelCombo();
        const int rowsBefore = models->count();
        const QString modelBefore = window().estimateService()->estimates().modelName;

        QVERIFY(drop({fixture(DroppedConfig)}));
        QTRY_COMPARE(m_store->importedIds().size(), 1);
        const QString id = m_store->importedIds().first();
        const LanguageModel *model = m_store->catalog().model(id);
        QVERIFY(model);
        window().controller()->flush();

        // In the model list, selected, and what the estimates are computed for.
        QCOMPARE(models->count(), rowsBefore + 1);
        QCOMPARE(models->currentData(CatalogModel::IdRole).toString(), id);
        QCOMPARE(models->currentText(), model->name);
        QCOMPARE(window().controller()->scenario().modelId, id);
        const EstimateSet &estimates = window().estimateService()->estimates();
        QCOMPARE(estimates.modelName, model->name);
        QVERIFY(estimates.modelName != modelBefore);
        QVERIFY(estimates.problem.isEmpty());
        QCOMPARE(estimates.rows.size(), 7);
        // The weights are the 1.24 B model's at Q4_K_M (about 0.75 GB), not the 70 B model's before.
        const double weightsGB = estimates.rows.first().estimate.memory.weightsGB;
        QVERIFY2(weightsGB > MinWeightsGB && weightsGB < MaxWeightsGB, qPrintable(QString::number(weightsGB)));
        QVERIFY(estimates.rows.first().estimate.decodeTpsPerUser > 0);
        QVERIFY(!openProblem());
        saveScreenshots();

        // Saved for the next start.
        QVERIFY(readAll(modelsPath()).contains(id.toUtf8()));
        closeWindow();
        openWindow();
        QCOMPARE(m_store->importedIds(), QStringList{id});
        QVERIFY(window().pickerPanel()->modelCombo()->findData(id, CatalogModel::IdRole) >= 0);
    }

    // A scenario saved while an imported model is shown carries that model inline: it opens with the
    // same numbers on a machine without the import, and names the catalog entry where it exists.
    void savedScenarioCarriesTheImportedModel()
    {
        openWindow();
        QVERIFY(drop({fixture(DroppedConfig)}));
        QTRY_COMPARE(m_store->importedIds().size(), 1);
        const QString id = m_store->importedIds().first();
        window().controller()->flush();
        const double decode = window().estimateService()->estimates().rows.first().estimate.decodeTpsPerUser;
        const QString path = m_dir.filePath(QStringLiteral("imported.headroom.json"));
        QVERIFY(window().document()->saveTo(path));
        QVERIFY(!readAll(path).contains((QStringLiteral("\"model\": \"") + id + QLatin1Char('"')).toUtf8())); // inline, not by id

        // Another machine: no imported models at all.
        closeWindow();
        QFile::remove(modelsPath());
        openWindow();
        QVERIFY(m_store->importedIds().isEmpty());
        QVERIFY(window().document()->openPath(path));
        window().controller()->flush();
        const EstimateSet &elsewhere = window().estimateService()->estimates();
        QVERIFY2(elsewhere.problem.isEmpty(), qPrintable(elsewhere.problem));
        QCOMPARE(elsewhere.rows.first().estimate.decodeTpsPerUser, decode);

        // Back where the import exists: the scenario names it again.
        closeWindow();
        openWindow();
        QVERIFY(drop({fixture(DroppedConfig)}));
        QTRY_COMPARE(m_store->importedIds(), QStringList{id});
        QVERIFY(window().document()->openPath(path));
        QCOMPARE(window().controller()->scenario().modelId, id);
        QVERIFY(!window().controller()->scenario().customModel);
    }

    void badDropsAreReportedAndLoseNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("truncated config.json") << QStringLiteral("import-window/truncated-config.json");
        QTest::newRow("truncated gguf") << QStringLiteral("import-window/truncated.gguf");
    }

    void badDropsAreReportedAndLoseNothing()
    {
        QFETCH(QString, file);
        openWindow();
        QVERIFY(drop({fixture(DroppedConfig)}));
        QTRY_COMPARE(m_store->importedIds().size(), 1);
        const QByteArray saved = readAll(modelsPath());
        window().controller()->flush();
        const Scenario before = window().controller()->scenario();

        QVERIFY(drop({fixture(file)}));
        QTRY_VERIFY(openProblem());
        QVERIFY(openProblem()->text().contains(QFileInfo(file).fileName()));
        QCOMPARE(m_store->importedIds().size(), 1);
        QCOMPARE(readAll(modelsPath()), saved);
        window().controller()->flush();
        QCOMPARE(window().controller()->scenario(), before);
    }

    void refusesOtherFiles()
    {
        openWindow();
        QVERIFY(!drop({fixture(QStringLiteral("import-window/README.md"))}));
        QVERIFY(m_store->importedIds().isEmpty());
    }

    void droppedScenarioOpens()
    {
        openWindow();
        const QString scenario = fixture(QStringLiteral("scenarios/valid.headroom.json"));
        QVERIFY(drop({scenario}));
        QTRY_COMPARE(window().controller()->filePath(), scenario);
        QVERIFY(m_store->importedIds().isEmpty());
    }

    void brokenModelsFileIsKept()
    {
        QDir().mkpath(QFileInfo(modelsPath()).absolutePath());
        const QByteArray broken = R"({"format":"headroom-catalog","version":1,"models":[{"id":"x"})";
        {
            QFile file(modelsPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(broken);
        }
        openWindow();
        QVERIFY(!m_store->loadProblems().isEmpty());
        QCOMPARE(m_store->loadProblems().first().file, modelsPath());
        QCOMPARE(window().pickerPanel()->modelCombo()->count(), int(embeddedCatalog().models().size()));
        closeWindow();
        QCOMPARE(readAll(modelsPath()), broken); // running and closing the app leaves it alone

        openWindow();
        QVERIFY(drop({fixture(DroppedConfig)}));
        QTRY_COMPARE(m_store->importedIds().size(), 1);
        QCOMPARE(readAll(modelsPath() + QStringLiteral(".broken")), broken); // moved aside, not lost
    }
};

QTEST_MAIN(TestModelImportWindow)
#include "tst_model_import_window.moc"
