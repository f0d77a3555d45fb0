// `headroom table`: the seed article's table (seven models x seven configurations) recomputed by either
// method from the catalog. Only the layout (titles, order) comes from model/scenario/ArticleLineup.h.
#include "TableCommand.h"

#include "scenario/ArticleLineup.h"
#include "CommandIo.h"
#include "core/CsvField.h"
#include "engine/Estimator.h"

#include <nlohmann/json.hpp>

#include <QLocale>
#include <QStringList>

#include <cmath>

namespace headroom {
namespace {

// Below this a whole number would print "~0 t/s": show one decimal instead.
constexpr double smallestWholeTokensPerSecond = 1.0;

QString sizeText(double sizeGB)
{
    return QStringLiteral("~") % QString::number(sizeGB, 'g', 4) % QStringLiteral(" GB");
}

QString bandwidthText(double bandwidthGBs)
{
    return QLocale(QLocale::English).toString(bandwidthGBs, 'f', 0) % QStringLiteral(" GB/s");
}

// The article rounds half up to whole tokens per second.
double displayedTokensPerSecond(double tokensPerSecond)
{
    if (tokensPerSecond < smallestWholeTokensPerSecond - 0.05)
        return std::floor(tokensPerSecond * 10 + 0.5) / 10;
    return std::floor(tokensPerSecond + 0.5);
}

QString tokensText(double tokensPerSecond)
{
    return QString::number(displayedTokensPerSecond(tokensPerSecond), 'g', 10);
}

QString columnHeading(const TableColumn &column)
{
    return column.title % QStringLiteral(" (") % bandwidthText(column.bandwidthGBs) % QLatin1Char(')');
}

QString modelHeading(const ArticleTable &table)
{
    return QStringLiteral("Model (") % table.quantName % QLatin1Char(')');
}

} // namespace

std::variant<ArticleTable, QString> computeArticleTable(Method method, const Catalog &catalog)
{
    ArticleTable table;
    table.method = method;
    table.quantName = articleQuantName();
    const Quantization *quant = catalog.quantization(table.quantName);
    if (!quant)
        return QStringLiteral("the catalog has no quantization '") % table.quantName % QLatin1Char('\'');

    const QList<ArticleColumn> columns = articleColumns();
    QList<const Device *> devices;
    for (const ArticleColumn &column : columns) {
        const Device *device = catalog.device(column.configuration.deviceId);
        if (!device)
            return QStringLiteral("the catalog has no device '") % column.configuration.deviceId % QLatin1Char('\'');
        devices << device;
        const double memoryGB = column.configuration.memoryGB > 0 ? column.configuration.memoryGB
                                                                   : device->largestMemoryGB();
        table.columns << TableColumn{column.title, device->id, column.configuration.count, memoryGB,
                                     column.configuration.count * device->bandwidthGBs};
    }

    const Calibration &calibration = Calibration::builtIn();
    const QList<ArticleRow> rows = articleRows();
    for (int r = 0; r < rows.size(); ++r) {
        const LanguageModel *model = catalog.model(rows.at(r).modelId);
        if (!model)
            return QStringLiteral("the catalog has no model '") % rows.at(r).modelId % QLatin1Char('\'');
        TableRow row{rows.at(r).title, model->id, weightSizeGB(*model, *quant), {}};
        for (int c = 0; c < columns.size(); ++c) {
            EstimateInput input;
            input.device = *devices.at(c);
            input.configuration = columns.at(c).configuration;
            input.configuration.memoryGB = table.columns.at(c).memoryGB;
            input.model = *model;
            input.quant = *quant;
            input.method = method;
            TableCell cell;
            cell.estimate = estimate(input, calibration);
            const bool runs = cell.estimate.runs();
            cell.singleCard = runs && input.configuration.count > 1 && cell.estimate.terms.devicesSharingBytes == 1;
            // The seed rule's own "tight" verdict covers every model above a share of memory; the article
            // footnotes only the cell it discusses (70B on the 64 GB Mac mini), so the seed table carries the
            // article's footnote where the article puts it. Roofline marks what its memory model finds tight.
            cell.footnote = runs
                && (method == Method::Seed ? articleCell(r, c).tight : cell.estimate.fit == Fit::Tight);
            row.cells << cell;
        }
        table.rows << row;
    }
    return table;
}

QString tableCellText(const TableCell &cell)
{
    if (!cell.estimate.runs())
        return QStringLiteral("Does not fit");
    QString text = QStringLiteral("~") % tokensText(cell.estimate.decodeTpsPerUser) % QStringLiteral(" t/s");
    if (cell.singleCard)
        text += QStringLiteral("**");
    if (cell.footnote)
        text += QStringLiteral("*");
    if (cell.estimate.fit == Fit::Offload)
        text += QStringLiteral(" (offload)");
    return text;
}

QString tableMarkdown(const ArticleTable &table)
{
    QStringList heading{modelHeading(table), QStringLiteral("Size")};
    for (const TableColumn &column : table.columns)
        heading << columnHeading(column);
    QString text = QStringLiteral("| ") % heading.join(QStringLiteral(" | ")) % QStringLiteral(" |\n|");
    for (qsizetype i = 0; i < heading.size(); ++i)
        text += QStringLiteral("---|");
    text += QLatin1Char('\n');
    for (const TableRow &row : table.rows) {
        QStringList cells{row.title, sizeText(row.sizeGB)};
        for (const TableCell &cell : row.cells)
            cells << tableCellText(cell);
        text += QStringLiteral("| ") % cells.join(QStringLiteral(" | ")) % QStringLiteral(" |\n");
    }
    return text;
}

QString tableCsv(const ArticleTable &table)
{
    QStringList heading{modelHeading(table), QStringLiteral("Size GB")};
    for (const TableColumn &column : table.columns)
        heading << columnHeading(column);
    QStringList lines;
    QStringList fields;
    for (const QString &title : std::as_const(heading))
        fields << csvField(title);
    lines << fields.join(QLatin1Char(','));
    for (const TableRow &row : table.rows) {
        fields = QStringList{csvField(row.title), QString::number(row.sizeGB, 'g', 10)};
        for (const TableCell &cell : row.cells)
            fields << (cell.estimate.runs() ? tokensText(cell.estimate.decodeTpsPerUser) : QStringLiteral("Does not fit"));
        lines << fields.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) % QLatin1Char('\n');
}

QByteArray tableJson(const ArticleTable &table)
{
    using Json = nlohmann::json;
    Json columns = Json::array();
    for (const TableColumn &column : table.columns) {
        columns.push_back({{"title", column.title.toStdString()},
                           {"hardware", column.hardware.toStdString()},
                           {"count", column.count},
                           {"memory_gb", column.memoryGB},
                           {"bandwidth_gbs", column.bandwidthGBs}});
    }
    Json rows = Json::array();
    for (const TableRow &row : table.rows) {
        Json cells = Json::array();
        for (const TableCell &cell : row.cells) {
            const bool runs = cell.estimate.runs();
            Json speed = nullptr;
            if (runs && std::isfinite(cell.estimate.decodeTpsPerUser))
                speed = displayedTokensPerSecond(cell.estimate.decodeTpsPerUser);
            cells.push_back({{"fit", toString(cell.estimate.fit).toStdString()},
                             {"decode_tps_per_user", speed},
                             {"single_card", cell.singleCard},
                             {"footnote", cell.footnote},
                             {"text", tableCellText(cell).toStdString()}});
        }
        rows.push_back({{"title", row.title.toStdString()},
                        {"model", row.modelId.toStdString()},
                        {"size_gb", row.sizeGB},
                        {"cells", std::move(cells)}});
    }
    const Json document = {{"method", toString(table.method).toStdString()},
                           {"quant", table.quantName.toStdString()},
                           {"columns", std::move(columns)},
                           {"rows", std::move(rows)}};
    return QByteArray::fromStdString(document.dump(2, ' ', false, Json::error_handler_t::replace)) + '\n';
}

int runTable(const Options &options, QTextStream &out, QTextStream &err)
{
    const std::optional<Method> method = methodFromString(options.method);
    if (!method) {
        err << "headroom table: --method: unknown value '" << options.method << "' (expected seed, roofline)" << Qt::endl;
        return 2;
    }
    const auto computed = computeArticleTable(*method, embeddedCatalog());
    if (const auto *problem = std::get_if<QString>(&computed)) {
        err << "headroom table: " << *problem << Qt::endl;
        return 2;
    }
    const ArticleTable &table = std::get<ArticleTable>(computed);
    if (options.format == QLatin1String("csv"))
        out << tableCsv(table);
    else if (options.format == QLatin1String("json"))
        out << QString::fromUtf8(tableJson(table));
    else
        out << tableMarkdown(table);
    out.flush();
    return 0;
}

} // namespace headroom
