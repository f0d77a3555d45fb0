#include "itemmodels/CatalogModel.h"

namespace headroom {
namespace {

QString modelToolTip(const LanguageModel &model)
{
    QString text = QObject::tr("%1: %2 B parameters").arg(model.name).arg(model.paramsB);
    if (model.expertCountsGiven())
        text += QObject::tr(", %1 B active (%2 of %3 experts)")
                    .arg(model.activeParamsB).arg(model.expertsPerToken).arg(model.experts);
    else if (model.isMoe())
        text += QObject::tr(", %1 B active (mixture of experts)").arg(model.activeParamsB);
    if (model.maxContext > 0)
        text += QObject::tr(", up to %1 tokens of context").arg(model.maxContext);
    return text;
}

QString deviceToolTip(const Device &device)
{
    QStringList memory;
    for (double option : device.memoryOptionsGB)
        memory << QString::number(option);
    return QObject::tr("%1: %2 GB/s, %3 FP16 TFLOPS, %4 GB")
        .arg(device.name)
        .arg(device.bandwidthGBs)
        .arg(device.fp16Tflops)
        .arg(memory.join(QStringLiteral(" / ")));
}

} // namespace

CatalogModel::CatalogModel(Section section, QObject *parent)
    : QAbstractListModel(parent)
    , m_section(section)
{
}

QList<CatalogModel::Entry> CatalogModel::entriesOf(const Catalog &catalog, Section section)
{
    QList<Entry> entries;
    switch (section) {
    case Section::Models:
        for (const LanguageModel &model : catalog.models())
            entries.append({model.id, model.name, modelToolTip(model), model.paramsB});
        break;
    case Section::Devices:
        for (const Device &device : catalog.devices())
            entries.append({device.id, device.name, deviceToolTip(device), device.largestMemoryGB()});
        break;
    case Section::Quantizations:
        for (const Quantization &quant : catalog.quantizations()) {
            entries.append({quant.name, quant.name,
                            QObject::tr("%1: %2 bits per weight on average").arg(quant.name).arg(quant.bitsPerWeight),
                            quant.bitsPerWeight});
        }
        break;
    case Section::Systems:
        for (const NamedSystem &system : catalog.systems())
            entries.append({system.id, system.name, system.name, system.configuration.memoryGB});
        break;
    }
    return entries;
}

void CatalogModel::setCatalog(const Catalog &catalog)
{
    beginResetModel();
    m_entries = entriesOf(catalog, m_section);
    endResetModel();
}

int CatalogModel::rowOf(const QString &id) const
{
    const Qt::CaseSensitivity sensitivity =
        m_section == Section::Quantizations ? Qt::CaseInsensitive : Qt::CaseSensitive;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id.compare(id, sensitivity) == 0)
            return row;
    }
    return -1;
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return entry.name;
    case Qt::ToolTipRole: return entry.toolTip;
    case IdRole: return entry.id;
    case SearchRole: return QString(entry.name % QLatin1Char(' ') % entry.id);
    case SizeRole: return entry.size;
    default: return {};
    }
}

} // namespace headroom
