// setStableLabelText: a label whose text changes keeps a fixed size, so its parents are not laid
// out again; it grows for a longer text and never shrinks.
#include "views/common/StableLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QTest>
#include <QWidget>

using namespace headroom;

namespace {

struct LayoutRequestCounter final : QObject {
    int requests = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++requests;
        return false;
    }
};

} // namespace

class TestStableLabel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sizes_data()
    {
        QTest::addColumn<QStringList>("texts");
        QTest::addColumn<bool>("grows"); // whether the last text made the label wider than the first
        QTest::newRow("same width") << QStringList{QStringLiteral("12.3 t/s"), QStringLiteral("45.6 t/s")} << false;
        QTest::newRow("longer") << QStringList{QStringLiteral("9 t/s"), QStringLiteral("1208.5 t/s")} << true;
        QTest::newRow("shorter keeps the width") << QStringList{QStringLiteral("1208.5 t/s"), QStringLiteral("9 t/s")} << false;
        QTest::newRow("empty") << QStringList{QStringLiteral("none"), QString()} << false;
    }

    void sizes()
    {
        QFETCH(QStringList, texts);
        QFETCH(bool, grows);
        QWidget parent;
        auto *layout = new QHBoxLayout(&parent);
        auto *label = new QLabel(&parent);
        layout->addWidget(label);
        parent.show();
        setStableLabelText(label, texts.first());
        QCOMPARE(label->text(), texts.first());
        QCOMPARE(label->minimumSize(), label->maximumSize()); // fixed
        const QSize first = label->minimumSize();
        QVERIFY(first.width() >= label->fontMetrics().horizontalAdvance(texts.first()));
        for (const QString &text : texts.mid(1))
            setStableLabelText(label, text);
        QCOMPARE(label->text(), texts.last());
        QCOMPARE(label->minimumSize(), label->maximumSize());
        QVERIFY(label->minimumWidth() >= label->fontMetrics().horizontalAdvance(texts.last()));
        QCOMPARE(label->minimumWidth() > first.width(), grows);
        QCOMPARE(label->minimumHeight(), first.height());
    }

    void layoutRequests_data()
    {
        QTest::addColumn<bool>("stable");
        QTest::addColumn<bool>("relayout");
        QTest::newRow("stable label") << true << false;
        QTest::newRow("plain QLabel::setText") << false << true; // what the helper avoids
    }

    // A label of fixed size does not make Qt lay its parent out again when its text changes.
    void layoutRequests()
    {
        QFETCH(bool, stable);
        QFETCH(bool, relayout);
        QWidget parent;
        auto *layout = new QHBoxLayout(&parent);
        auto *label = new QLabel(&parent);
        layout->addWidget(label);
        if (stable)
            setStableLabelText(label, QStringLiteral("88.8 t/s"));
        else
            label->setText(QStringLiteral("88.8 t/s"));
        parent.show();
        QCoreApplication::sendPostedEvents();
        LayoutRequestCounter counter;
        parent.installEventFilter(&counter);
        if (stable)
            setStableLabelText(label, QStringLiteral("11.1 t/s"));
        else
            label->setText(QStringLiteral("11.1 t/s"));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(label->text(), QStringLiteral("11.1 t/s"));
        QCOMPARE(counter.requests > 0, relayout);
    }
};

QTEST_MAIN(TestStableLabel)
#include "tst_stable_label.moc"
