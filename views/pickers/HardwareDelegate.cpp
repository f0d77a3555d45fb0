#include "HardwareDelegate.h"

#include "catalog/ClusterLinkLookup.h"
#include "itemmodels/HardwareListModel.h"
#include "views/charts/ChartPalette.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QSpinBox>

namespace headroom {

QWidget *HardwareDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                        const QModelIndex &index) const
{
    switch (index.column()) {
    case HardwareListModel::CountColumn: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(1, std::max(1, index.data(HardwareListModel::MaxCountRole).toInt()));
        spin->setSuffix(QStringLiteral(" ×"));
        return spin;
    }
    case HardwareListModel::MemoryColumn: {
        auto *combo = new QComboBox(parent);
        for (const QVariant &option : index.data(HardwareListModel::MemoryOptionsRole).toList())
            combo->addItem(tr("%1 GB").arg(option.toDouble()), option);
        return commitOnActivation(combo);
    }
    case HardwareListModel::NodesColumn: {
        auto *spin = new QSpinBox(parent);
        spin->setRange(1, kMaxClusterNodes);
        return spin;
    }
    case HardwareListModel::LinkColumn: {
        auto *combo = new QComboBox(parent);
        for (const QVariant &option : index.data(HardwareListModel::LinkOptionsRole).toList()) {
            const QVariantMap link = option.toMap();
            combo->addItem(link.value(QStringLiteral("label")).toString(), link.value(QStringLiteral("id")).toString());
        }
        // The cell is as wide as a short name; the list shows the links' full names.
        combo->view()->setMinimumWidth(combo->view()->sizeHintForColumn(0));
        return commitOnActivation(combo);
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

QComboBox *HardwareDelegate::commitOnActivation(QComboBox *combo) const
{
    // Commit as soon as an option is picked, not only when focus leaves.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        Q_EMIT const_cast<HardwareDelegate *>(this)->commitData(combo);
    });
    return combo;
}

void HardwareDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(index.data(Qt::EditRole).toInt());
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
    else
        QStyledItemDelegate::setEditorData(editor, index);
}

void HardwareDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        model->setData(index, spin->value());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData());
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

void HardwareDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != HardwareListModel::LinkColumn
        || index.data(HardwareListModel::LinkProblemRole).toString().isEmpty())
        return;
    const bool dark = option->palette.color(QPalette::Base).lightness() < 128;
    option->palette.setColor(QPalette::Text, ChartPalette::forTheme(dark ? Theme::Dark : Theme::Light).overCapacity);
}

QString HardwareDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    if (value.typeId() == QMetaType::Double)
        return locale.toString(value.toDouble(), 'g', 6);
    return QStyledItemDelegate::displayText(value, locale);
}

} // namespace headroom
