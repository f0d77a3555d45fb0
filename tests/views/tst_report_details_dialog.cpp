// Report Details: a contact line kept on one line, and a logo that must be an image before OK is allowed.
#include "views/common/ReportDetailsDialog.h"

#include <QBuffer>
#include <QDialogButtonBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace headroom;

class TestReportDetailsDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void logoMustBeAnImage_data()
    {
        QTest::addColumn<QByteArray>("bytes"); // written as logo.png; empty: no file
        QTest::addColumn<bool>("accepted");
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
        }
        QTest::newRow("an image") << png << true;
        QTest::newRow("text named .png") << QByteArray("not an image") << false;
        QTest::newRow("missing file") << QByteArray() << false;
    }
    void logoMustBeAnImage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logo.png"));
        if (!bytes.isEmpty()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        ReportDetailsDialog dialog;
        dialog.setLogoPath(path);
        const auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QCOMPARE(buttons->button(QDialogButtonBox::Ok)->isEnabled(), accepted);
        const auto *problem = dialog.findChild<QLabel *>(QStringLiteral("reportLogoProblem"));
        QCOMPARE(problem->isHidden(), accepted);
        if (!accepted)
            QVERIFY(problem->text().contains(path));
        dialog.setLogoPath(QString()); // no logo is always fine
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void contactIsOneLine()
    {
        ReportDetailsDialog dialog;
        dialog.findChild<QLineEdit *>(QStringLiteral("reportContact"))->setText(QStringLiteral("  Jane   Doe · Acme  "));
        QCOMPARE(dialog.contact(), QStringLiteral("Jane Doe · Acme"));
    }
};

QTEST_MAIN(TestReportDetailsDialog)
#include "tst_report_details_dialog.moc"
