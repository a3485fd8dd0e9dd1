// What the dashboard hands to Qt Charts is bounded by what a person can read, not by K, runs or t_max: a large-K
// dashboard creates a bounded number of series, and a repaint hands over at most a few points per pixel.
#include "ChartSeries.h"
#include "MainWindow.h"
#include "ThrowAwaySettings.h"
#include "ParameterPanel.h"
#include "Slowdown.h"

#include <QChart>
#include <QChartView>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QXYSeries>

namespace {

struct Handed {
    qsizetype series = 0, points = 0;
    int widestPlot = 0;
};

Handed handedToCharts(const MainWindow& w)
{
    Handed h;
    for (const QChartView* view : w.findChildren<QChartView*>()) {
        h.series += view->chart()->series().size();
        h.widestPlot = std::max(h.widestPlot, static_cast<int>(view->chart()->plotArea().width()));
        for (const QAbstractSeries* s : view->chart()->series())
            if (const auto* xy = qobject_cast<const QXYSeries*>(s))
                h.points += xy->count();
    }
    return h;
}

} // namespace

class TestDashboardBounds : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useThrowAwaySettings(); }

    void largeKCreatesABoundedNumberOfSeries()
    {
        MainWindow w;
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Under sanitizers a K = 512 theory takes many minutes; 128 units are as far beyond the eight drawn.
        const int K = kSlowdown > 1 ? 128 : 512;
        w.panel()->setValue("K", QString::number(K));
        w.panel()->setValue("t_max", QStringLiteral("2"));
        QVERIFY2(w.panel()->config().has_value(), qPrintable(w.panel()->problem()));
        // The theory worker runs niced (BackgroundPriority): beside a build on both cores it took 86 s.
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 240000 * kSlowdown);
        QTest::qWait(80);
        const Handed h = handedToCharts(w);
        qInfo("K = %d: %lld series, %lld points", K, static_cast<long long>(h.series), static_cast<long long>(h.points));
        // Eight units one by one (five series each), the summary, the learning curve's own: never K of them.
        QVERIFY2(h.series < 120, qPrintable(QString::number(h.series)));
    }

    // A long grid (five decades) with many SGD runs: the points handed over stay a few per pixel of the
    // plot for every series, however long the grid and however many runs.
    void pointsPerRepaintAreBoundedByThePlotWidth()
    {
        MainWindow w;
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.panel()->setValue("D", QStringLiteral("100"));
        w.panel()->setValue("runs", QStringLiteral("24"));
        w.panel()->setValue("t_max", QStringLiteral("2000"));
        QTRY_VERIFY_WITH_TIMEOUT(w.theoryUpToDate(), 20000 * kSlowdown);
        w.runSimulation();
        QTRY_VERIFY_WITH_TIMEOUT(!w.simulationRunning(), 120000 * kSlowdown);
        QTest::qWait(80);
        const Handed h = handedToCharts(w);
        qInfo("%lld series, %lld points, widest plot %d px", static_cast<long long>(h.series),
              static_cast<long long>(h.points), h.widestPlot);
        QVERIFY(h.widestPlot > 0);
        QVERIFY2(h.points <= 3 * h.widestPlot * h.series, qPrintable(QString::number(h.points)));
        QVERIFY2(h.series < 120, qPrintable(QString::number(h.series)));
    }
};

QTEST_MAIN(TestDashboardBounds)
#include "tst_dashboardbounds.moc"
