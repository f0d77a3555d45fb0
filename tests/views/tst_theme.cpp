// The themes keep every control visible: an unticked check box still shows its box on a dark window.
#include "views/common/AppTheme.h"

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>

using namespace headroom;

namespace {

int luminance(QRgb pixel)
{
    return (qRed(pixel) * 299 + qGreen(pixel) * 587 + qBlue(pixel) * 114) / 1000;
}

} // namespace

class TestTheme final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkBoxVisible_data()
    {
        QTest::addColumn<int>("theme");
        QTest::addColumn<bool>("checked");
        QTest::newRow("light, unticked") << int(Theme::Light) << false;
        QTest::newRow("dark, unticked") << int(Theme::Dark) << false;
        QTest::newRow("dark, ticked") << int(Theme::Dark) << true;
    }
    void checkBoxVisible()
    {
        QFETCH(int, theme);
        QFETCH(bool, checked);
        applyApplicationTheme(Theme(theme));
        QCheckBox box(QStringLiteral("Best quantization that qualifies"));
        box.setChecked(checked);
        box.resize(box.sizeHint());
        const QImage image = box.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator = box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        QVERIFY(!indicator.isEmpty());
        const int window = luminance(QApplication::palette().color(QPalette::Window).rgb());
        int strongest = 0;
        for (int y = indicator.top(); y <= indicator.bottom(); ++y) {
            for (int x = indicator.left(); x <= indicator.right(); ++x) {
                if (image.valid(x, y))
                    strongest = std::max(strongest, std::abs(luminance(image.pixel(x, y)) - window));
            }
        }
        QVERIFY2(strongest >= 30, qPrintable(QString::number(strongest)));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
