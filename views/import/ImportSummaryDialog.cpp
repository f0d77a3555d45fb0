#include "ImportSummaryDialog.h"

#include "catalog/ModelFieldValues.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace headroom {
namespace {

// Significant digits shown for fractional values (parameters in billions, bits per weight, GB).
constexpr int ValueDigits = 6;
// Significant digits of the parameter counts in the headline ("1.236 B").
constexpr int ParamsDigits = 4;
// Initial size: wide enough for a GGUF metadata key in the origin column.
constexpr QSize InitialSize{720, 520};

// Every value the provenance may name: the catalog model fields and the GGUF quantization's.
QVariantMap importedValues(const ImportedModel &imported)
{
    QVariantMap values = modelFieldValues(imported.model);
    values.insert(QStringLiteral("architecture"), imported.architecture);
    if (imported.quant) {
        values.insert(QStringLiteral("quant"), imported.quant->name);
        values.insert(QStringLiteral("quantization"), imported.quant->name);
        values.insert(QStringLiteral("bits_per_weight"), imported.quant->bitsPerWeight);
    }
    if (imported.fileSizeGB) {
        values.insert(QStringLiteral("file_size_gb"), *imported.fileSizeGB);
        values.insert(QStringLiteral("size_gb"), *imported.fileSizeGB);
    }
    return values;
}

QString formatValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString: return value.toString();
    case QMetaType::Double:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return QString::number(value.toDouble(), 'g', ValueDigits);
    case QMetaType::Bool: return value.toBool() ? ImportSummaryDialog::tr("yes") : ImportSummaryDialog::tr("no");
    default: break;
    }
    return QStringLiteral("—");
}

} // namespace

ImportSummaryDialog::ImportSummaryDialog(const ImportedModel &imported, const QString &filePath, QWidget *parent)
    : QDialog(parent)
    , m_headline(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("importSummaryDialog"));
    setWindowTitle(tr("Imported %1").arg(imported.model.name));
    const LanguageModel &model = imported.model;
    QString text = tr("<b>%1</b> (%2): %3 B parameters").arg(model.name.toHtmlEscaped(), model.id).arg(model.paramsB, 0, 'g', ParamsDigits);
    if (model.isMoe())
        text += tr(", %1 B active").arg(model.activeParamsB, 0, 'g', ParamsDigits);
    if (imported.quant)
        text += tr(", %1 at %2 bits per weight").arg(imported.quant->name).arg(imported.quant->bitsPerWeight, 0, 'g', 3);
    if (imported.fileSizeGB)
        text += tr(", %1 GB of weights").arg(*imported.fileSizeGB, 0, 'g', 4);
    text += tr("<br>Read from %1").arg(filePath.toHtmlEscaped());
    if (!imported.architecture.isEmpty())
        text += tr(" (architecture %1)").arg(imported.architecture.toHtmlEscaped());
    if (!model.source.isEmpty() && model.source != filePath)
        text += tr("<br>Source: %1").arg(model.source.toHtmlEscaped());
    m_headline->setText(text);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);

    const QVariantMap values = importedValues(imported);
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Value"), tr("Where it came from")});
    m_table->setRowCount(int(imported.provenance.size()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const ImportProvenance &item = imported.provenance.at(row);
        m_table->setItem(row, FieldColumn, new QTableWidgetItem(item.field));
        m_table->setItem(row, ValueColumn, new QTableWidgetItem(formatValue(values.value(item.field))));
        m_table->setItem(row, OriginColumn, new QTableWidgetItem(item.origin));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(OriginColumn, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(InitialSize);
}

QString ImportSummaryDialog::headline() const
{
    return m_headline->text();
}

} // namespace headroom
