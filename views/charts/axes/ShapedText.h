#pragma once

#include <QFont>
#include <QStaticText>
#include <QString>

namespace headroom {

// `text` as plain text, shaped now with `font` for an unscaled painter and kept with its glyphs:
// QPainter::drawStaticText then only draws it, under any translation, and shapes it again only
// for a scaled painter (a 2x export). Lines wrap at `textWidth` when it is positive.
// Charts, the results table and the details formula redraw the same texts on every slider move;
// QPainter::drawText shapes its text at each call.
QStaticText shapedText(const QString &text, const QFont &font, qreal textWidth = -1);

} // namespace headroom
