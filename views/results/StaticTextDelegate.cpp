#include "StaticTextDelegate.h"

#include "views/charts/axes/ShapedText.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

#include <cmath>

namespace headroom {
namespace {

// Shaped texts kept; a table shows a few hundred distinct values, a long session many more.
constexpr qsizetype MaxShapedTexts = 4096;

} // namespace

void StaticTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // displayText() has turned line breaks into line separators.
    const bool plain = !(opt.features & (QStyleOptionViewItem::HasDecoration | QStyleOptionViewItem::HasCheckIndicator))
        && !opt.text.contains(QChar::LineSeparator);
    if (!plain) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The text's room as QCommonStyle lays it out for a cell without icon or check box (its
    // SE_ItemViewItemText would shape the text once more to find it).
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect = opt.rect.adjusted(margin, 0, -margin, 0);
    const QStaticText &text = shaped(opt.text, opt.font);
    if (text.size().width() > textRect.width()) {
        QStyledItemDelegate::paint(painter, option, index); // elided by the style
        return;
    }
    // What QCommonStyle draws for CE_ItemViewItem, with the text from its shaped glyphs: the
    // panel (alternate row, selection), the text, the focus frame.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
        : (opt.state & QStyle::State_Active)                               ? QPalette::Normal
                                                                            : QPalette::Inactive;
    const QPalette::ColorRole role = (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    const QSize size = text.size().toSize();
    const QRect aligned = QStyle::alignedRect(opt.direction, opt.displayAlignment, size, textRect);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, role));
    painter->drawStaticText(aligned.topLeft(), text);
    painter->restore();
    if (opt.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(opt);
        focus.rect = style->subElementRect(QStyle::SE_ItemViewItemFocusRect, &opt, widget);
        focus.state |= QStyle::State_KeyboardFocusChange | QStyle::State_Item;
        focus.backgroundColor = opt.palette.color(group, (opt.state & QStyle::State_Selected) ? QPalette::Highlight : QPalette::Window);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

const QStaticText &StaticTextDelegate::shaped(const QString &text, const QFont &font) const
{
    if (font != m_font) {
        m_shaped.clear();
        m_font = font;
    }
    auto found = m_shaped.constFind(text);
    if (found != m_shaped.constEnd())
        return *found;
    if (m_shaped.size() >= MaxShapedTexts)
        m_shaped.clear();
    return *m_shaped.insert(text, shapedText(text, font));
}

int StaticTextDelegate::textWidth(const QString &text, const QFont &font) const
{
    return int(std::ceil(shaped(text, font).size().width()));
}

} // namespace headroom
