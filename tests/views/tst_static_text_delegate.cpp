// StaticTextDelegate against QStyledItemDelegate: the same cells, rendered by both.
#include "views/results/StaticTextDelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTest>

using namespace headroom;

namespace {

constexpr QSize CellSize(160, 24);

struct Cell {
    QString text;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
    bool selected = false;
    bool decoration = false;
    int width = CellSize.width();
};

QImage render(const QAbstractItemDelegate &delegate, QTableView &view, const Cell &cell)
{
    QStandardItemModel model(1, 1);
    auto *item = new QStandardItem(cell.text);
    item->setTextAlignment(cell.alignment);
    if (cell.decoration) {
        QPixmap icon(12, 12);
        icon.fill(Qt::red);
        item->setIcon(QIcon(icon));
    }
    model.setItem(0, 0, item);
    QStyleOptionViewItem option;
    option.initFrom(&view);
    option.widget = &view;
    option.rect = QRect(QPoint(0, 0), QSize(cell.width, CellSize.height()));
    option.state = QStyle::State_Enabled | QStyle::State_Active;
    if (cell.selected)
        option.state |= QStyle::State_Selected;
    option.font = view.font();
    option.showDecorationSelected = view.style()->styleHint(QStyle::SH_ItemView_ShowDecorationSelected, nullptr, &view);
    QImage image(option.rect.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    delegate.paint(&painter, option, model.index(0, 0));
    painter.end();
    return image;
}

// Where the text is: the bounding box of the pixels that are not the cell's background colour.
QRect ink(const QImage &image)
{
    const QRgb background = image.pixel(0, 0);
    QRect box;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) != background)
                box |= QRect(x, y, 1, 1);
        }
    }
    return box;
}

} // namespace

class TestStaticTextDelegate final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textLandsWhereTheStylePutsIt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("alignment");
        QTest::addColumn<bool>("selected");
        QTest::newRow("left") << QStringLiteral("Single RTX 5090") << int(Qt::AlignLeft | Qt::AlignVCenter) << false;
        QTest::newRow("right") << QStringLiteral("1208") << int(Qt::AlignRight | Qt::AlignVCenter) << false;
        QTest::newRow("centre") << QStringLiteral("Tight") << int(Qt::AlignHCenter | Qt::AlignVCenter) << false;
        QTest::newRow("selected") << QStringLiteral("44.6 / 102.6") << int(Qt::AlignRight | Qt::AlignVCenter) << true;
        QTest::newRow("selected, left") << QStringLiteral("Bandwidth") << int(Qt::AlignLeft | Qt::AlignVCenter) << true;
    }

    void textLandsWhereTheStylePutsIt()
    {
        QFETCH(QString, text);
        QFETCH(int, alignment);
        QFETCH(bool, selected);
        QTableView view;
        const Cell cell{text, Qt::Alignment(alignment), selected};
        const QImage fast = render(StaticTextDelegate(), view, cell);
        const QImage styled = render(QStyledItemDelegate(), view, cell);
        QCOMPARE(fast.pixel(0, 0), styled.pixel(0, 0)); // the same panel (selection colour)
        const QRect fastInk = ink(fast);
        const QRect styledInk = ink(styled);
        QVERIFY(!fastInk.isEmpty());
        // Glyph positions may differ by a subpixel; the text may not move more than a pixel.
        QVERIFY2(std::abs(fastInk.left() - styledInk.left()) <= 1 && std::abs(fastInk.right() - styledInk.right()) <= 1
                     && std::abs(fastInk.top() - styledInk.top()) <= 1 && std::abs(fastInk.bottom() - styledInk.bottom()) <= 1,
                 qPrintable(QStringLiteral("static text at %1,%2 %3x%4, styled at %5,%6 %7x%8")
                                .arg(fastInk.x()).arg(fastInk.y()).arg(fastInk.width()).arg(fastInk.height())
                                .arg(styledInk.x()).arg(styledInk.y()).arg(styledInk.width()).arg(styledInk.height())));
    }

    void otherCellsArePaintedByTheStyle_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("decoration");
        QTest::addColumn<int>("width");
        QTest::newRow("wider than the cell: elided") << QStringLiteral("Mac Studio M3 Ultra (80-core GPU) 512 GB") << false << 120;
        QTest::newRow("icon") << QStringLiteral("Fits") << true << CellSize.width();
        QTest::newRow("two lines") << QStringLiteral("first\nsecond") << false << CellSize.width();
    }

    void otherCellsArePaintedByTheStyle()
    {
        QFETCH(QString, text);
        QFETCH(bool, decoration);
        QFETCH(int, width);
        QTableView view;
        Cell cell{text};
        cell.decoration = decoration;
        cell.width = width;
        QCOMPARE(render(StaticTextDelegate(), view, cell), render(QStyledItemDelegate(), view, cell));
    }

    void followsAFontChange()
    {
        QTableView view;
        const StaticTextDelegate delegate;
        const Cell cell{QStringLiteral("31 t/s")};
        const int normal = ink(render(delegate, view, cell)).width();
        QFont large = view.font();
        large.setPixelSize(large.pixelSize() > 0 ? large.pixelSize() * 2 : 26);
        view.setFont(large);
        const int enlarged = ink(render(delegate, view, cell)).width();
        QVERIFY2(enlarged > normal * 3 / 2, qPrintable(QStringLiteral("%1 then %2 px").arg(normal).arg(enlarged)));
    }
};

QTEST_MAIN(TestStaticTextDelegate)
#include "tst_static_text_delegate.moc"
