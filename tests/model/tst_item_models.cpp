// The item models, each watched by QAbstractItemModelTester through resets and edits.
#include "scenario/ArticleLineup.h"
#include "itemmodels/CatalogModel.h"
#include "itemmodels/EstimateTableModel.h"
#include "itemmodels/HardwareListModel.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace headroom;

namespace {

ScenarioConfiguration entry(const QString &deviceId, int count = 1, double memoryGB = 0)
{
    ScenarioConfiguration result;
    result.configuration = Configuration{deviceId, count, memoryGB};
    return result;
}

QModelIndex groupIndex(const HardwareListModel &model, HardwareListModel::Group group)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(HardwareListModel::GroupRole).toInt() == group)
            return index;
    }
    return {};
}

} // namespace

class TestItemModels final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hardwareGroups_data()
    {
        QTest::addColumn<QList<ScenarioConfiguration>>("configurations");
        QTest::addColumn<QList<int>>("groupSizes"); // Apple, NVIDIA, Other; 0 = group hidden
        QTest::newRow("empty") << QList<ScenarioConfiguration>{} << QList<int>{0, 0, 0};
        QTest::newRow("article lineup") << articleLineupConfigurations() << QList<int>{3, 4, 0};
        QTest::newRow("mixed") << QList<ScenarioConfiguration>{entry(QStringLiteral("ryzen-ai-max-395")), entry(QStringLiteral("h100-sxm"), 8),
                                                               entry(QStringLiteral("unknown-device"))}
                               << QList<int>{0, 1, 2};
    }
    void hardwareGroups()
    {
        QFETCH(QList<ScenarioConfiguration>, configurations);
        QFETCH(QList<int>, groupSizes);
        HardwareListModel model(embeddedCatalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigurations(configurations);
        int visible = 0;
        for (int group = 0; group < HardwareListModel::GroupCount; ++group) {
            const QModelIndex index = groupIndex(model, HardwareListModel::Group(group));
            QCOMPARE(index.isValid(), groupSizes.at(group) > 0);
            if (index.isValid()) {
                ++visible;
                QCOMPARE(model.rowCount(index), groupSizes.at(group));
            }
        }
        QCOMPARE(model.rowCount(), visible);
        for (int i = 0; i < configurations.size(); ++i) {
            const QModelIndex index = model.indexForScenarioIndex(i);
            QVERIFY(index.isValid());
            QCOMPARE(index.data(HardwareListModel::ScenarioIndexRole).toInt(), i);
            QCOMPARE(index.data(HardwareListModel::DeviceIdRole).toString(), configurations.at(i).configuration.deviceId);
        }
        model.setConfigurations({}); // reset to nothing under the tester
        QCOMPARE(model.rowCount(), 0);
    }

    void hardwareEdits_data()
    {
        QTest::addColumn<int>("scenarioIndex");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        // article lineup: 0 M4 Pro, 1 M4 Max, 2 M3 Ultra, 3 1x 5090, 4 2x 5090, 5 1x PRO 6000, 6 2x PRO 6000
        QTest::newRow("uncheck") << 3 << int(HardwareListModel::NameColumn) << int(Qt::CheckStateRole)
                                 << QVariant(Qt::Unchecked) << true;
        QTest::newRow("count 2") << 3 << int(HardwareListModel::CountColumn) << int(Qt::EditRole) << QVariant(2) << true;
        QTest::newRow("count 0") << 3 << int(HardwareListModel::CountColumn) << int(Qt::EditRole) << QVariant(0) << false;
        QTest::newRow("count too many") << 3 << int(HardwareListModel::CountColumn) << int(Qt::EditRole) << QVariant(999) << false;
        QTest::newRow("count text") << 3 << int(HardwareListModel::CountColumn) << int(Qt::EditRole) << QVariant(QStringLiteral("x")) << false;
        QTest::newRow("mac memory") << 2 << int(HardwareListModel::MemoryColumn) << int(Qt::EditRole) << QVariant(96.0) << true;
        QTest::newRow("mac memory not an option") << 2 << int(HardwareListModel::MemoryColumn) << int(Qt::EditRole)
                                                  << QVariant(100.0) << false;
        QTest::newRow("name not editable") << 2 << int(HardwareListModel::NameColumn) << int(Qt::EditRole)
                                           << QVariant(QStringLiteral("x")) << false;
    }
    void hardwareEdits()
    {
        QFETCH(int, scenarioIndex);
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        HardwareListModel model(embeddedCatalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigurations(articleLineupConfigurations());
        QSignalSpy edited(&model, &HardwareListModel::configurationsEdited);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QModelIndex index = model.indexForScenarioIndex(scenarioIndex, column);
        QCOMPARE(model.setData(index, value, role), accepted);
        QCOMPARE(edited.size(), accepted ? 1 : 0);
        if (!accepted)
            return;
        const auto configurations = edited.first().first().value<QList<ScenarioConfiguration>>();
        QCOMPARE(configurations, model.configurations());
        const ScenarioConfiguration &changed = configurations.at(scenarioIndex);
        if (role == Qt::CheckStateRole)
            QCOMPARE(changed.checked, value.value<Qt::CheckState>() == Qt::Checked);
        else if (column == HardwareListModel::CountColumn)
            QCOMPARE(changed.configuration.count, value.toInt());
        else
            QCOMPARE(changed.configuration.memoryGB, value.toDouble());
        QCOMPARE(index.data(role == Qt::CheckStateRole ? role : int(Qt::DisplayRole)), value);
        // The edit coming back from the controller does not reset the view.
        model.setConfigurations(configurations);
        QCOMPARE(reset.size(), 0);
    }

    void hardwareGroupCheck()
    {
        HardwareListModel model(embeddedCatalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigurations(articleLineupConfigurations());
        const QModelIndex apple = groupIndex(model, HardwareListModel::AppleGroup);
        QCOMPARE(apple.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QVERIFY(model.setData(model.indexForScenarioIndex(0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(apple.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::PartiallyChecked);
        QVERIFY(model.setData(apple, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(apple.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!model.configurations().at(i).checked);
        for (int i = 3; i < 7; ++i)
            QVERIFY(model.configurations().at(i).checked);
        QVERIFY(model.flags(apple) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.indexForScenarioIndex(0, HardwareListModel::MemoryColumn)) & Qt::ItemIsEditable) ==
                (embeddedCatalog().device(QStringLiteral("m4-pro"))->memoryOptionsGB.size() <= 1));
    }

    void hardwareCluster_data()
    {
        QTest::addColumn<int>("scenarioIndex");
        QTest::addColumn<int>("nodes");     // before the edit
        QTest::addColumn<QString>("linkId"); // before the edit
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<int>("expectedNodes");
        QTest::addColumn<QString>("expectedLinkId");
        QTest::addColumn<QString>("linkText");
        QTest::addColumn<bool>("linkProblem");
        // article lineup: 2 M3 Ultra (default link tb5-rdma, at most 5 machines), 3 1x RTX 5090 (no default link)
        const int nodes = HardwareListModel::NodesColumn;
        const int link = HardwareListModel::LinkColumn;
        const QString none;
        const QString tb5 = QStringLiteral("TB5 RDMA (default)");
        QTest::newRow("m3 ultra 2 machines") << 2 << 1 << none << nodes << QVariant(2) << true << 2 << none << tb5 << false;
        QTest::newRow("machines 0") << 2 << 1 << none << nodes << QVariant(0) << false << 1 << none << QString() << false;
        QTest::newRow("machines 65") << 2 << 1 << none << nodes << QVariant(65) << false << 1 << none << QString() << false;
        QTest::newRow("machines text") << 2 << 1 << none << nodes << QVariant(QStringLiteral("x")) << false << 1 << none
                                       << QString() << false;
        QTest::newRow("machines 64, more than the link joins")
            << 2 << 1 << none << nodes << QVariant(64) << true << 64 << none << tb5 << true;
        QTest::newRow("back to one machine") << 2 << 2 << QStringLiteral("10gbe") << nodes << QVariant(1) << true << 1
                                             << QStringLiteral("10gbe") << QString() << false;
        QTest::newRow("link 10gbe") << 2 << 2 << none << link << QVariant(QStringLiteral("10gbe")) << true << 2
                                    << QStringLiteral("10gbe") << QStringLiteral("10 GbE") << false;
        QTest::newRow("link device default") << 2 << 2 << QStringLiteral("10gbe") << link << QVariant(QString()) << true
                                             << 2 << none << tb5 << false;
        QTest::newRow("link unknown") << 2 << 2 << none << link << QVariant(QStringLiteral("carrier-pigeon")) << false
                                      << 2 << none << tb5 << false;
        QTest::newRow("link not a string") << 2 << 2 << none << link << QVariant(3) << false << 2 << none << tb5 << false;
        QTest::newRow("link while one machine") << 2 << 1 << none << link << QVariant(QStringLiteral("10gbe")) << false
                                                << 1 << none << QString() << false;
        QTest::newRow("5090 2 machines") << 3 << 1 << none << nodes << QVariant(2) << true << 2 << none
                                         << QStringLiteral("choose a link") << true;
        QTest::newRow("5090 has no default") << 3 << 2 << none << link << QVariant(QString()) << false << 2 << none
                                             << QStringLiteral("choose a link") << true;
        QTest::newRow("5090 link roce") << 3 << 2 << none << link << QVariant(QStringLiteral("100gbe-roce")) << true << 2
                                        << QStringLiteral("100gbe-roce") << QStringLiteral("100 GbE RoCE") << false;
    }
    void hardwareCluster()
    {
        QFETCH(int, scenarioIndex);
        QFETCH(int, nodes);
        QFETCH(QString, linkId);
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        QFETCH(int, expectedNodes);
        QFETCH(QString, expectedLinkId);
        QFETCH(QString, linkText);
        QFETCH(bool, linkProblem);
        QList<ScenarioConfiguration> configurations = articleLineupConfigurations();
        configurations[scenarioIndex].configuration.nodes = nodes;
        configurations[scenarioIndex].configuration.linkId = linkId;
        HardwareListModel model(embeddedCatalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigurations(configurations);
        QSignalSpy edited(&model, &HardwareListModel::configurationsEdited);
        const QModelIndex index = model.indexForScenarioIndex(scenarioIndex, column);
        QCOMPARE(model.setData(index, value), accepted);
        QCOMPARE(edited.size(), accepted ? 1 : 0);
        if (accepted)
            QCOMPARE(edited.first().first().value<QList<ScenarioConfiguration>>(), model.configurations());
        else
            QCOMPARE(model.configurations(), configurations);
        const Configuration &configuration = model.configurations().at(scenarioIndex).configuration;
        QCOMPARE(configuration.nodes, expectedNodes);
        QCOMPARE(configuration.linkId, expectedLinkId);
        const QModelIndex link = index.siblingAtColumn(HardwareListModel::LinkColumn);
        QCOMPARE(index.siblingAtColumn(HardwareListModel::NodesColumn).data().toInt(), expectedNodes);
        QCOMPARE(link.data().toString(), linkText);
        QCOMPARE(link.data(Qt::EditRole).toString(), expectedLinkId);
        QCOMPARE(!link.data(HardwareListModel::LinkProblemRole).toString().isEmpty(), linkProblem);
        QCOMPARE(bool(model.flags(link) & Qt::ItemIsEditable), expectedNodes > 1);
        QVERIFY(model.flags(index.siblingAtColumn(HardwareListModel::NodesColumn)) & Qt::ItemIsEditable);
    }

    void hardwareLinkOptions_data()
    {
        QTest::addColumn<QString>("deviceId");
        QTest::addColumn<QString>("defaultShortName"); // empty: no "device default" option
        QTest::newRow("m3 ultra") << QStringLiteral("m3-ultra") << QStringLiteral("TB5 RDMA");
        QTest::newRow("rtx 5090") << QStringLiteral("rtx-5090") << QString();
        QTest::newRow("unknown device") << QStringLiteral("unknown-device") << QString();
    }
    void hardwareLinkOptions()
    {
        QFETCH(QString, deviceId);
        QFETCH(QString, defaultShortName);
        HardwareListModel model(embeddedCatalog());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigurations({entry(deviceId)});
        const QVariantList options =
            model.indexForScenarioIndex(0, HardwareListModel::LinkColumn).data(HardwareListModel::LinkOptionsRole).toList();
        const QList<ClusterLink> &links = embeddedCatalog().links();
        const int defaults = defaultShortName.isEmpty() ? 0 : 1;
        QCOMPARE(options.size(), links.size() + defaults);
        if (defaults)
            QCOMPARE(options.first().toMap().value(QStringLiteral("shortName")).toString(), defaultShortName);
        for (int i = 0; i < links.size(); ++i) {
            const QVariantMap option = options.at(i + defaults).toMap();
            QCOMPARE(option.value(QStringLiteral("id")).toString(), links.at(i).id);
            QCOMPARE(option.value(QStringLiteral("label")).toString(), links.at(i).name);
        }
        QCOMPARE(model.columnCount(), int(HardwareListModel::ColumnCount));
        QCOMPARE(model.headerData(HardwareListModel::NodesColumn, Qt::Horizontal).toString(), QStringLiteral("Machines"));
        QVERIFY(model.headerData(HardwareListModel::NodesColumn, Qt::Horizontal, Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("more than one is a cluster")));
        QCOMPARE(model.headerData(HardwareListModel::LinkColumn, Qt::Horizontal).toString(), QStringLiteral("Link"));
    }

    void estimateTable()
    {
        EstimateTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Scenario scenario = articleLineupScenario();
        scenario.configurations[4].label = QStringLiteral("Two cards, \"fast\"");
        scenario.method = Method::Seed; // the article's verdicts: one 5090 cannot hold the model
        model.setEstimates(computeEstimates(scenario, embeddedCatalog()));
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.columnCount(), int(EstimateTableModel::ColumnCount));
        int doesNotFit = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const EstimateRow &estimate = model.estimates().rows.at(row);
            const QModelIndex speed = model.index(row, EstimateTableModel::DecodePerUserColumn);
            QCOMPARE(speed.data(EstimateTableModel::SortRole).toDouble(),
                     estimate.estimate.runs() ? estimate.estimate.decodeTpsPerUser : 0.0);
            QVERIFY(!speed.data(Qt::ToolTipRole).toString().isEmpty());
            QCOMPARE(model.index(row, EstimateTableModel::ConfigurationColumn).data().toString(), estimate.label);
            QCOMPARE(model.index(row, EstimateTableModel::MemoryColumn).data(EstimateTableModel::SortRole).toDouble(),
                     estimate.estimate.memory.totalGB);
            if (!estimate.estimate.runs()) {
                ++doesNotFit;
                QCOMPARE(speed.data().toString(), QStringLiteral("—"));
                QCOMPARE(model.index(row, EstimateTableModel::FitColumn).data().toString(), QStringLiteral("Does not fit"));
            } else {
                QVERIFY(std::abs(speed.data().toString().toDouble() - estimate.estimate.decodeTpsPerUser) <= 0.5);
            }
        }
        QCOMPARE(doesNotFit, 1); // a single RTX 5090 cannot hold Llama 3.3 70B Q4_K_M

        const QStringList lines = model.toCsv().trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 8);
        QVERIFY(lines.first().startsWith(QStringLiteral("configuration,fit,decode_tps_per_user")));
        QVERIFY(lines.at(5).startsWith(QStringLiteral("\"Two cards, \"\"fast\"\"\",")));
        QCOMPARE(lines.at(5).count(QLatin1Char(',')), 12); // 11 separators + 1 inside the quoted label
        QVERIFY(lines.first().endsWith(QStringLiteral(",bottleneck,users_at_min_tps,price_usd,price_covers")));
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, EstimateTableModel::UsersAtMinTpsColumn).data().toInt(),
                     model.estimates().rows.at(row).usersAtMinTps);
            const ConfigurationPrice &price = model.estimates().rows.at(row).price;
            QCOMPARE(model.index(row, EstimateTableModel::PriceColumn).data().toString(), EstimateTableModel::priceText(price));
            QVERIFY(!model.index(row, EstimateTableModel::PriceColumn).data(Qt::ToolTipRole).toString().isEmpty());
        }

        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(EstimateTableModel::SortRole);
        sorted.sort(EstimateTableModel::DecodePerUserColumn, Qt::DescendingOrder);
        for (int row = 1; row < sorted.rowCount(); ++row) {
            QVERIFY(sorted.index(row - 1, EstimateTableModel::DecodePerUserColumn).data(EstimateTableModel::SortRole).toDouble()
                    >= sorted.index(row, EstimateTableModel::DecodePerUserColumn).data(EstimateTableModel::SortRole).toDouble());
        }

        model.setEstimates(EstimateSet{});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.toCsv().count(QLatin1Char('\n')), 1);
    }

    // A slider move announces the cells it changed, not the whole table: efficiency changes the
    // speeds but no memory figure; an identical set announces nothing.
    void estimateTableAnnouncesChangedCells_data()
    {
        QTest::addColumn<double>("efficiency");
        QTest::addColumn<bool>("speedsChange");
        QTest::newRow("same set") << 0.65 << false;
        QTest::newRow("lower efficiency") << 0.40 << true;
    }

    void estimateTableAnnouncesChangedCells()
    {
        QFETCH(double, efficiency);
        QFETCH(bool, speedsChange);
        EstimateTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Scenario scenario = articleLineupScenario();
        scenario.method = Method::Seed;
        scenario.seedEfficiency = 0.65;
        model.setEstimates(computeEstimates(scenario, embeddedCatalog()));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        scenario.seedEfficiency = efficiency;
        model.setEstimates(computeEstimates(scenario, embeddedCatalog()));
        QCOMPARE(reset.count(), 0);
        QSet<int> changedColumns;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex topLeft = signal.at(0).toModelIndex();
            const QModelIndex bottomRight = signal.at(1).toModelIndex();
            QCOMPARE(topLeft.row(), bottomRight.row()); // one row per signal
            if (signal.at(2).value<QList<int>>() == QList<int>{Qt::ToolTipRole})
                continue; // a row whose shown figures are the same: only its formula changed
            for (int column = topLeft.column(); column <= bottomRight.column(); ++column)
                changedColumns.insert(column);
        }
        QCOMPARE(changedColumns.contains(EstimateTableModel::DecodePerUserColumn), speedsChange);
        QVERIFY(!changedColumns.contains(EstimateTableModel::MemoryColumn));
        QVERIFY(!changedColumns.contains(EstimateTableModel::ConfigurationColumn));
        if (!speedsChange)
            QCOMPARE(changed.count(), 0);
    }

    void catalogModel_data()
    {
        QTest::addColumn<CatalogModel::Section>("section");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("id");
        const Catalog &catalog = embeddedCatalog();
        QTest::newRow("models") << CatalogModel::Section::Models << int(catalog.models().size()) << QStringLiteral("llama-3.3-70b");
        QTest::newRow("devices") << CatalogModel::Section::Devices << int(catalog.devices().size()) << QStringLiteral("rtx-5090");
        QTest::newRow("quantizations") << CatalogModel::Section::Quantizations << int(catalog.quantizations().size())
                                       << QStringLiteral("Q4_K_M");
        QTest::newRow("systems") << CatalogModel::Section::Systems << int(catalog.systems().size())
                                 << catalog.systems().first().id;
    }
    void catalogModel()
    {
        QFETCH(CatalogModel::Section, section);
        QFETCH(int, rows);
        QFETCH(QString, id);
        CatalogModel model(section);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setCatalog(embeddedCatalog());
        QCOMPARE(model.rowCount(), rows);
        const int row = model.rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row).data(CatalogModel::IdRole).toString(), id);
        QVERIFY(model.index(row).data(CatalogModel::SearchRole).toString().contains(id));
        QVERIFY(!model.index(row).data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(model.rowOf(QStringLiteral("no-such-id")), -1);

        QSortFilterProxyModel filter;
        filter.setSourceModel(&model);
        filter.setFilterRole(CatalogModel::SearchRole);
        filter.setFilterCaseSensitivity(Qt::CaseInsensitive);
        filter.setFilterFixedString(id.toUpper());
        QVERIFY(filter.rowCount() >= 1);
        QVERIFY(filter.rowCount() < rows || rows == 1);

        model.setCatalog(Catalog{});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_item_models.moc"
