#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace headroom {

// What the customer report prints besides the comparison: a contact line at its foot and a logo at its
// top right. The caller reads and stores the values (Settings).
class ReportDetailsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ReportDetailsDialog(QWidget *parent = nullptr);

    void setContact(const QString &contact);
    QString contact() const;
    // A logo path that does not load as an image is shown as a problem and cannot be accepted.
    void setLogoPath(const QString &path);
    QString logoPath() const;

private:
    void chooseLogo();
    void checkLogo();

    QLineEdit *m_contact;
    QLineEdit *m_logo;
    QLabel *m_logoProblem;
    QWidget *m_ok = nullptr;
};

} // namespace headroom
