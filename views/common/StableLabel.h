#pragma once

#include <QString>

class QLabel;

namespace headroom {

// Shows `text` in a label that changes with every slider move, without laying out the windows
// around it again. Qt relayouts the parent of any label whose text changes unless the label's
// size is fixed, and that relayout (up through the docks, word-wrapped labels included) cost
// more than repainting the label. So the label's size is fixed at what its text needs; it grows
// when a longer text arrives and never shrinks, so numbers do not make their neighbours jump. It
// also paints its own background, so its repaint stops at its edges.
void setStableLabelText(QLabel *label, const QString &text);

} // namespace headroom
