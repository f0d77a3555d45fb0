#pragma once

#include "core/Hardware.h"

#include <QList>
#include <QString>

namespace headroom {

// The seed article's table: seven configurations (columns) x seven models (rows), Q4_K_M,
// with the cells it prints. Used by `headroom table`, the window's "article lineup" preset and tests.

struct ArticleColumn {
    QString title;          // "M4 Pro Mac mini"
    QString bandwidthTitle; // "273 GB/s", as the article's header gives it
    Configuration configuration;
    bool operator==(const ArticleColumn &) const = default;
};

struct ArticleRow {
    QString title;     // "Qwen3 30B-A3B (MoE)"
    QString modelId;   // catalog id
    QString sizeTitle; // "~18.6 GB"
    double sizeGB = 0; // the article's Q4_K_M size
    bool operator==(const ArticleRow &) const = default;
};

// One printed cell: "~238 t/s**" = {true, 238, true, false}; "Does not fit" = {false, 0, ...}.
struct ArticleCell {
    bool fits = false;
    int tokensPerSecond = 0;
    bool singleCard = false; // ** the small model stays on one card, the second adds nothing
    bool tight = false;      // *  fits, but leaves little headroom
    bool operator==(const ArticleCell &) const = default;
};

QString articleQuantName(); // "Q4_K_M"
QList<ArticleColumn> articleColumns();
QList<ArticleRow> articleRows();
// The article's cell for row `row` (articleRows order) and column `column` (articleColumns order).
ArticleCell articleCell(int row, int column);

} // namespace headroom
