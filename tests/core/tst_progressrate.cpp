// The ETA's pace: measured over the last seconds, so a slow start (loading, the theory sharing the cores) does not
// stretch the estimate of a run that has since reached its steady pace.
#include "ProgressRate.h"
#include "Tolerance.h"

#include <QTest>

using aedyn::ProgressRate;

class TestProgressRate : public QObject {
    Q_OBJECT
private slots:
    void nothingBeforeASecondOfProgress()
    {
        ProgressRate rate;
        QVERIFY(!rate.secondsLeft(100));
        rate.add(0.0, 0.0);
        rate.add(0.5, 1.0);
        QVERIFY(!rate.secondsLeft(100));  // half a second is not yet a pace
        rate.add(1.0, 2.0);
        QVERIFY(rate.secondsLeft(100).has_value());
    }

    // 8 s of start-up reaching t = 1.5, then 20 units of t per second: the estimate follows the steady pace, where
    // one from the whole elapsed time would be several times too long.
    void aSlowStartIsForgotten()
    {
        ProgressRate rate(5.0);
        const double tMax = 1000;
        double s = 0, t = 0;
        for (; s < 8.0; s += 0.25, t += 1.5 / 32)
            rate.add(s, t);
        for (int i = 0; i < 40; ++i, s += 0.25, t += 5.0)  // 10 s at 20 per second
            rate.add(s, t);
        const auto left = rate.secondsLeft(tMax);
        QVERIFY(left);
        AEDYN_COMPARE_REL(*left, (tMax - t + 5.0) / 20.0, 1e-12);
        const double sinceStart = s * (tMax - t) / t;
        QVERIFY2(sinceStart > 1.3 * *left, qPrintable(QString::number(sinceStart)));  // the old estimate's error
    }

    void stallsAndTheEndGiveNoNonsense()
    {
        ProgressRate rate;
        rate.add(0.0, 5.0);
        rate.add(3.0, 5.0);
        QVERIFY(!rate.secondsLeft(10));  // no progress: no pace
        rate.add(4.0, 10.0);
        QCOMPARE(*rate.secondsLeft(10), 0.0);
        rate.clear();
        QVERIFY(!rate.secondsLeft(10));
    }
};

QTEST_APPLESS_MAIN(TestProgressRate)
#include "tst_progressrate.moc"
