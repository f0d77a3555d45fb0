#pragma once

#include <QStyledItemDelegate>

class QComboBox;

namespace headroom {

// Editors for the hardware list: spin boxes for the card count (1..max per chassis) and the machine
// count, combo boxes of the device's memory options and of the links that may join its machines.
// A link the estimate cannot use is drawn in a warning colour. Other columns use the default editor.
class HardwareDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    QString displayText(const QVariant &value, const QLocale &locale) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    QComboBox *commitOnActivation(QComboBox *combo) const;
};

} // namespace headroom
