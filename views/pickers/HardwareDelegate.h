#pragma once

#include <QStyledItemDelegate>

namespace headroom {

// Editors for the hardware list: a spin box for the card count (1..max per chassis) and a
// combo box of the device's memory options. Other columns use the default editor.
class HardwareDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    QString displayText(const QVariant &value, const QLocale &locale) const override;
};

} // namespace headroom
