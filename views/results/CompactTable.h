#pragma once

class QTableView;

namespace headroom {

class StaticTextDelegate;

// The look of Headroom's result tables (the comparison under the charts, the advisor's shortlist):
// sortable, whole rows selected one at a time, alternating rows, one line per row with compact
// padding, no row numbers, text drawn from shaped-once glyphs; columns keep their width while
// values change (sized on a rebuild by the owner) and the last one takes what is left. Returns
// the view's delegate (owned by the view), whose textWidth() measures cells for sizing columns.
StaticTextDelegate *makeCompactResultsTable(QTableView *view);

} // namespace headroom
