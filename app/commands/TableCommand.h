#pragma once

#include "catalog/Catalog.h"
#include "CommandLine.h"
#include "core/Estimate.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTextStream>

#include <variant>

namespace headroom {

// One cell of the article's table, computed by the chosen method.
struct TableCell {
    Estimate estimate;
    bool singleCard = false; // ** several cards, but the model stays on one: the others add nothing
    bool footnote = false;   // *  fits, but tight (see tableCells() for how each method decides)
    bool operator==(const TableCell &) const = default;
};

struct TableColumn {
    QString title;     // "M4 Pro Mac mini"
    QString hardware;  // device id
    int count = 1;
    double memoryGB = 0;    // per device
    double bandwidthGBs = 0; // whole configuration: count x device bandwidth
    bool operator==(const TableColumn &) const = default;
};

struct TableRow {
    QString title;   // "Qwen3 30B-A3B (MoE)"
    QString modelId;
    double sizeGB = 0; // weight size at the article's quantization, from the catalog
    QList<TableCell> cells; // one per column
    bool operator==(const TableRow &) const = default;
};

struct ArticleTable {
    Method method = Method::Seed;
    QString quantName;
    QList<TableColumn> columns;
    QList<TableRow> rows;
    bool operator==(const ArticleTable &) const = default;
};

// The article's seven models on its seven configurations (model/scenario/ArticleLineup.h), estimated by `method`
// against `catalog`. A lineup id missing from the catalog gives a one-line error.
std::variant<ArticleTable, QString> computeArticleTable(Method method, const Catalog &catalog);

// "~36 t/s", "~238 t/s**", "~4 t/s*", "Does not fit": the article's cell text.
QString tableCellText(const TableCell &cell);

QString tableMarkdown(const ArticleTable &table); // the article's layout, line for line
QString tableCsv(const ArticleTable &table);      // same grid; cells are t/s numbers or "Does not fit"
QByteArray tableJson(const ArticleTable &table);  // every cell with fit, speeds and markers

// `headroom table`: prints options.format (markdown|csv|json) by options.method. Returns 0 or 2.
int runTable(const Options &options, QTextStream &out, QTextStream &err);

} // namespace headroom
