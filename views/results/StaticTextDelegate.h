#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace headroom {

// Paints plain one-line cells with text whose glyphs are shaped once and then reused.
// QStyledItemDelegate lays a cell's text out several times on each paint (size, elision,
// layout, drawing); a results table repaints every cell on every slider move, and that was
// most of its cost. Cells that need more (an icon, a check box, text wider than the cell)
// are painted by QStyledItemDelegate as usual.
class StaticTextDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The width of `text` in `font` by the measure paint() uses (a column sized by it never makes
    // paint() elide), from the glyphs the paint that follows draws.
    int textWidth(const QString &text, const QFont &font) const;

private:
    const QStaticText &shaped(const QString &text, const QFont &font) const;

    mutable QHash<QString, QStaticText> m_shaped; // by text, in m_font
    mutable QFont m_font;
};

} // namespace headroom
