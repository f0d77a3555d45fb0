// Contact line and logo of the customer report.
#include "ReportDetailsDialog.h"

#include "StartFolder.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace headroom {
namespace {

constexpr int ContactMaxLength = 200;

} // namespace

ReportDetailsDialog::ReportDetailsDialog(QWidget *parent)
    : QDialog(parent)
    , m_contact(new QLineEdit(this))
    , m_logo(new QLineEdit(this))
    , m_logoProblem(new QLabel(this))
{
    setWindowTitle(tr("Report details"));
    setObjectName(QStringLiteral("reportDetailsDialog"));
    m_contact->setObjectName(QStringLiteral("reportContact"));
    m_contact->setMaxLength(ContactMaxLength);
    m_contact->setPlaceholderText(tr("Your name · company · email or phone"));
    m_logo->setObjectName(QStringLiteral("reportLogo"));
    m_logo->setPlaceholderText(tr("No logo"));
    m_logoProblem->setObjectName(QStringLiteral("reportLogoProblem"));
    m_logoProblem->setWordWrap(true);
    m_logoProblem->hide();
    auto *browse = new QPushButton(tr("Choose…"), this);
    auto *clear = new QPushButton(tr("Clear"), this);
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo, 1);
    logoRow->addWidget(browse);
    logoRow->addWidget(clear);

    auto *form = new QFormLayout;
    form->addRow(tr("&Contact line:"), m_contact);
    form->addRow(tr("&Logo:"), logoRow);
    form->addRow(QString(), m_logoProblem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("File ▸ Export Report prints the contact line at the foot of the page and the "
                                "logo at its top right."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ReportDetailsDialog::chooseLogo);
    connect(clear, &QPushButton::clicked, m_logo, &QLineEdit::clear);
    connect(m_logo, &QLineEdit::textChanged, this, &ReportDetailsDialog::checkLogo);
}

void ReportDetailsDialog::setContact(const QString &contact)
{
    m_contact->setText(contact);
}

QString ReportDetailsDialog::contact() const
{
    return m_contact->text().simplified();
}

void ReportDetailsDialog::setLogoPath(const QString &path)
{
    m_logo->setText(path);
    checkLogo();
}

QString ReportDetailsDialog::logoPath() const
{
    return m_logo->text().trimmed();
}

void ReportDetailsDialog::chooseLogo()
{
    const QString folder = logoPath().isEmpty() ? startFolder(QStandardPaths::PicturesLocation) : logoPath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a logo"), folder,
                                                      tr("Images (*.png *.jpg *.jpeg *.svg)"));
    if (!path.isEmpty())
        m_logo->setText(path);
}

void ReportDetailsDialog::checkLogo()
{
    QString problem;
    if (!logoPath().isEmpty()) {
        QImageReader reader(logoPath());
        if (!reader.canRead())
            problem = tr("%1 is not an image this report can print (%2)").arg(logoPath(), reader.errorString());
    }
    m_logoProblem->setText(problem);
    m_logoProblem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

} // namespace headroom
