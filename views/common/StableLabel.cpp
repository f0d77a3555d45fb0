#include "StableLabel.h"

#include <QLabel>

#include <algorithm>

namespace headroom {
namespace {

// Glyphs may reach a pixel past their advance (QLabel sizes by the bounding rectangle).
constexpr int BearingSlackPixels = 1;

} // namespace

void setStableLabelText(QLabel *label, const QString &text)
{
    if (label->text() == text)
        return;
    label->setText(text);
    if (label->minimumSize() != label->maximumSize()) {
        // Opaque: a new text repaints the label alone, not the group box or dock behind it.
        label->setAutoFillBackground(true);
        label->setFixedSize(label->sizeHint());
        return;
    }
    // Only the width can grow (one line of plain text): measured by the font alone, which is
    // cheaper than QLabel's own size hint.
    const QMargins margins = label->contentsMargins();
    const int width = label->fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
        + 2 * label->margin() + BearingSlackPixels;
    if (width > label->minimumWidth())
        label->setFixedWidth(width);
}

} // namespace headroom
