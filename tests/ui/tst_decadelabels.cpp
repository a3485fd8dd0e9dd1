// Decade labels of a log axis: every decade labelled where there is room, and on a short axis with many decades
// (figure 3's weight chart runs to t = 10⁸) every step-th one, so that no two labels touch.
#include "ChartStyle.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QTest>

class TestDecadeLabels : public QObject {
    Q_OBJECT
private slots:
    void labelsNeverTouch_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<bool>("everyDecade");
        QTest::newRow("wide") << 1600 << 900 << true;
        QTest::newRow("lecture side view") << 330 << 260 << false;
    }

    void labelsNeverTouch()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(bool, everyDecade);
        QChartView view;
        QChart* chart = view.chart();
        QLogValueAxis* x = makeLogAxis(chart, QStringLiteral("time t"));
        QLogValueAxis* y = makeLogAxis(chart, QStringLiteral("a, c"));
        QFont font = x->labelsFont();
        font.setPointSizeF(13);  // lecture type at 720 lines
        x->setLabelsFont(font);
        y->setLabelsFont(font);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        auto* s = new QLineSeries;
        s->append(1e-2, 1e-7);
        s->append(1e8, 30);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        x->setRange(1e-2, 1e8);
        y->setRange(1e-7, 30);
        view.resize(width, height);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();

        for (const bool vertical : {false, true}) {
            QList<QRectF> boxes;
            int total = 0;
            for (QGraphicsItem* item : chart->childItems()) {
                auto* label = dynamic_cast<QGraphicsSimpleTextItem*>(item);
                if (!label || !label->text().startsWith(QStringLiteral("10")))
                    continue;
                const QRectF box = label->sceneBoundingRect();
                const bool onYAxis = box.right() <= chart->plotArea().left() + 1;
                if (onYAxis != vertical)
                    continue;
                ++total;
                if (label->isVisible())
                    boxes.append(box);
            }
            QCOMPARE(total, vertical ? 9 : 11);  // 10⁻⁷ … 10¹ and 10⁻² … 10⁸
            QVERIFY2(boxes.size() >= 3, qPrintable(QStringLiteral("%1 labels shown").arg(boxes.size())));
            if (everyDecade)
                QCOMPARE(boxes.size(), total);
            for (int i = 0; i < boxes.size(); ++i)
                for (int j = i + 1; j < boxes.size(); ++j)
                    QVERIFY2(!boxes[i].intersects(boxes[j]),
                             qPrintable(QStringLiteral("labels %1 and %2 touch at %3×%4").arg(i).arg(j).arg(width).arg(height)));
        }
    }
};

QTEST_MAIN(TestDecadeLabels)
#include "tst_decadelabels.moc"
