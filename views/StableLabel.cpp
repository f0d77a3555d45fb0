#include "StableLabel.h"

#include <QLabel>

#include <algorithm>

namespace headroom {

void setStableLabelText(QLabel *label, const QString &text)
{
    if (label->text() == text)
        return;
    label->setText(text);
    const QSize needed = label->sizeHint();
    const bool fixed = label->minimumSize() == label->maximumSize();
    const QSize current = fixed ? label->minimumSize() : QSize(0, 0);
    const QSize wanted(std::max(needed.width(), current.width()), needed.height());
    if (!fixed || wanted != current)
        label->setFixedSize(wanted);
}

} // namespace headroom
