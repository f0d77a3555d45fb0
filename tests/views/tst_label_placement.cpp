// A label's spot beside its marker (views/charts/axes/LabelPlacement.cpp): the first free one in a fixed order.
#include "views/charts/axes/LabelPlacement.h"

#include <QTest>

using namespace headroom;

Q_DECLARE_METATYPE(std::optional<QPointF>)

class TestLabelPlacement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freeSpot_data()
    {
        QTest::addColumn<QPointF>("at");
        QTest::addColumn<QList<QRectF>>("taken");
        QTest::addColumn<std::optional<QPointF>>("spot");
        QTest::addColumn<int>("first"); // LabelSide

        // A 40 x 10 label, 5 pixels from the centre of a marker, on a 200 x 100 plot.
        QTest::newRow("right when free") << QPointF(100, 50) << QList<QRectF>{} << std::optional<QPointF>(QPointF(105, 45)) << int(LabelSide::Right);
        QTest::newRow("left when the right is taken")
            << QPointF(100, 50) << QList<QRectF>{{110, 40, 20, 20}} << std::optional<QPointF>(QPointF(55, 45)) << int(LabelSide::Right);
        QTest::newRow("above when both sides are taken")
            << QPointF(100, 50) << QList<QRectF>{{130, 48, 10, 4}, {60, 48, 10, 4}} << std::optional<QPointF>(QPointF(80, 35)) << int(LabelSide::Right);
        QTest::newRow("left at the plot's right edge") << QPointF(190, 50) << QList<QRectF>{} << std::optional<QPointF>(QPointF(145, 45)) << int(LabelSide::Right);
        QTest::newRow("below first when asked")
            << QPointF(100, 50) << QList<QRectF>{} << std::optional<QPointF>(QPointF(80, 55)) << int(LabelSide::Below);
        QTest::newRow("then right, when below is taken")
            << QPointF(100, 50) << QList<QRectF>{{90, 56, 20, 4}} << std::optional<QPointF>(QPointF(105, 45)) << int(LabelSide::Below);
        QTest::newRow("nowhere") << QPointF(100, 50) << QList<QRectF>{{0, 0, 200, 100}} << std::optional<QPointF>() << int(LabelSide::Right);
    }

    void freeSpot()
    {
        QFETCH(QPointF, at);
        QFETCH(QList<QRectF>, taken);
        QFETCH(std::optional<QPointF>, spot);
        QFETCH(int, first);
        QCOMPARE(freeSpotBeside(at, QSizeF(40, 10), 5, QRectF(0, 0, 200, 100), taken, LabelSide(first)), spot);
    }
};

QTEST_MAIN(TestLabelPlacement)
#include "tst_label_placement.moc"
