// FormulaView: plain text wrapped at the view's width, paragraphs stacked without overlap,
// scrolled when taller than the view, copied whole; an unchanged text repaints nothing.
#include "views/results/FormulaView.h"

#include <QAction>
#include <QClipboard>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QScrollBar>
#include <QTest>

using namespace headroom;

namespace {

struct PaintCounter final : QObject {
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

QString longLine(int words)
{
    QStringList parts;
    for (int i = 0; i < words; ++i)
        parts.append(QStringLiteral("term%1").arg(i));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestFormulaView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layout_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("paragraphs");
        QTest::addColumn<bool>("wraps"); // some paragraph needs more than one line
        QTest::newRow("one short line") << QStringLiteral("decode: 3.7 t/s") << 400 << 1 << false;
        QTest::newRow("three lines") << QStringLiteral("a = 1\nb = 2\nc = a + b") << 400 << 3 << false;
        QTest::newRow("empty paragraph kept") << QStringLiteral("a\n\nb") << 400 << 3 << false;
        QTest::newRow("wrapped") << longLine(40) << 200 << 1 << true;
        QTest::newRow("wrapped among short") << (QStringLiteral("first\n") + longLine(40) + QStringLiteral("\nlast")) << 200 << 3 << true;
        QTest::newRow("empty") << QString() << 400 << 0 << false;
    }

    void layout()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QFETCH(int, paragraphs);
        QFETCH(bool, wraps);
        FormulaView view;
        view.resize(width, 300);
        view.show();
        view.setText(text);
        QCOMPARE(view.text(), text);
        const QList<QRectF> boxes = view.paragraphBoxes();
        QCOMPARE(boxes.size(), paragraphs);
        const qreal line = QFontMetricsF(view.font()).lineSpacing();
        bool wrapped = false;
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            QVERIFY2(boxes.at(i).right() <= view.viewport()->width(), "wrapped within the view");
            if (i > 0)
                QVERIFY(boxes.at(i).top() >= boxes.at(i - 1).bottom() - 0.5); // stacked, no overlap
            wrapped = wrapped || boxes.at(i).height() > 1.5 * line;
        }
        QCOMPARE(wrapped, wraps);
        QVERIFY(view.contentHeight() >= (boxes.isEmpty() ? 0 : qRound(boxes.last().bottom())));
    }

    // Narrower means more lines; the scroll bar covers exactly what does not fit.
    void rewrapsAndScrolls()
    {
        FormulaView view;
        view.resize(600, 80);
        view.show();
        view.setText(longLine(60) + QStringLiteral("\n") + longLine(60));
        const int wide = view.contentHeight();
        view.resize(200, 80);
        const int narrow = view.contentHeight();
        QVERIFY2(narrow > wide, qPrintable(QStringLiteral("%1 vs %2").arg(narrow).arg(wide)));
        QScrollBar *bar = view.verticalScrollBar();
        QCOMPARE(bar->maximum(), narrow - view.viewport()->height());
        QCOMPARE(bar->pageStep(), view.viewport()->height());
        view.resize(2000, 2000);
        QCOMPARE(view.verticalScrollBar()->maximum(), 0);
    }

    void fontChangeReshapes()
    {
        FormulaView view;
        view.resize(300, 200);
        view.show();
        view.setText(longLine(30));
        const int before = view.contentHeight();
        QFont larger = view.font();
        larger.setPixelSize(QFontInfo(view.font()).pixelSize() * 2);
        view.setFont(larger);
        QVERIFY(view.contentHeight() > before);
    }

    void unchangedTextPaintsNothing()
    {
        FormulaView view;
        view.resize(300, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setText(QStringLiteral("a = 1\nb = 2"));
        QCoreApplication::sendPostedEvents();
        PaintCounter counter;
        view.viewport()->installEventFilter(&counter);
        view.setText(QStringLiteral("a = 1\nb = 2"));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(counter.paints, 0);
        view.setText(QStringLiteral("a = 1\nb = 3"));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(counter.paints, 1);
    }

    void drawsTheText()
    {
        FormulaView view;
        view.resize(300, 120);
        view.show();
        const QImage blank = view.grab().toImage();
        view.setText(QStringLiteral("memory time = 43.842 GB / 273 GB/s"));
        const QImage drawn = view.grab().toImage();
        QVERIFY(blank != drawn);
    }

    void copiesTheWholeText()
    {
        FormulaView view;
        const QString text = QStringLiteral("first line\nsecond line");
        view.setText(text);
        QGuiApplication::clipboard()->clear();
        const QList<QAction *> actions = view.actions();
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first()->shortcut(), QKeySequence(QKeySequence::Copy));
        actions.first()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), text);
    }
};

QTEST_MAIN(TestFormulaView)
#include "tst_formula_view.moc"
