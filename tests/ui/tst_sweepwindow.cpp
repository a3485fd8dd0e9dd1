// The sweep in the app: a two-parameter theory sweep gives the values of each point run alone; cancelling stops the
// workers at once and leaves no stale points; an edit restarts and the old generation's points never appear; bad
// values are refused with a message naming the key; the tidy CSV has one row per point (per point and time for a
// family); the family draws one curve per point. AEDYN_SCREENSHOTS=DIR keeps pictures of the window and the
// exported figures for a person to look at.
#include "Experiment.h"
#include "Presets.h"
#include "RunResults.h"
#include "SweepHeatmap.h"
#include "SweepWindow.h"
#include "ThrowAwaySettings.h"
#include "Slowdown.h"

#include <QChartView>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineSeries>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

// A small figure-2 experiment: about a millisecond of theory a point.
aedyn::ExperimentConfig smallBase(const std::string& tMax = "50")
{
    aedyn::ExperimentConfig c = aedyn::presetConfig("fig2-sequential");
    aedyn::applyParameters(c, {{"D", "200"}, {"t_max", tMax}});
    return c;
}

// ε(t) of a configuration's theory, integrated directly (no sweep, no CSV): the reference for every point.
std::vector<aedyn::Observables> theoryAlone(aedyn::ExperimentConfig c, const aedyn::Overrides& swept)
{
    aedyn::applyParameters(c, swept);
    const aedyn::Experiment e(c);
    std::vector<aedyn::Observables> out(e.times().size());
    const aedyn::RunOutcome r = e.runTheory([&](std::size_t i, const aedyn::Observables& o) { out[i] = o; });
    if (!r.ok)
        qFatal("the reference theory failed: %s", r.message.c_str());
    return out;
}

// The SGD mean ε(t) of a configuration's ensemble, run directly on two threads (the sweep runs each point on one):
// the reference for every simulated point.
std::vector<double> simulationAlone(aedyn::ExperimentConfig c, const aedyn::Overrides& swept)
{
    aedyn::applyParameters(c, swept);
    const aedyn::Experiment e(c);
    std::vector<double> out(e.times().size(), NAN);
    const aedyn::RunOutcome r = e.runSimulation(
        [&](std::size_t i, const std::vector<aedyn::Observables>& runs, const aedyn::Weights&) {
            out[i] = aedyn::simulationPointOf(i, runs).eps;
        },
        {}, nullptr, 2);
    if (!r.ok)
        qFatal("the reference simulation failed: %s", r.message.c_str());
    return out;
}

// ε at the grid time nearest T, the way the sweep's eps_at is defined (README), from the reference.
double epsNearest(const std::vector<aedyn::Observables>& curve, double T)
{
    const aedyn::Observables* best = &curve.front();
    for (const aedyn::Observables& o : curve)
        if (std::abs(o.t - T) < std::abs(best->t - T))
            best = &o;
    return best->eps;
}

QString keep(const QString& name)
{
    const QString dir = qEnvironmentVariable("AEDYN_SCREENSHOTS");
    return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + name;
}

} // namespace

class TestSweepWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { useThrowAwaySettings(); }

    void twoParameterSweepMatchesEachPointAlone()
    {
        SweepWindow w;
        w.setBase(smallBase(), QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("log 0.5 2 3"));
        w.setAxis(1, QStringLiteral("sigma"), QStringLiteral("0.5, 1"));
        w.setQuantity(QStringLiteral("eps_at:20"));
        QSignalSpy done(&w, &SweepWindow::sweepFinished);
        w.applyNow();
        QVERIFY(w.problem().isEmpty());
        QVERIFY(done.wait(60000));
        const aedyn::SweepResults& r = w.results();
        QCOMPARE(r.points().size(), std::size_t(6));
        QCOMPARE(r.arrived(), std::size_t(6));
        QCOMPARE(w.progressText().left(13), QStringLiteral("6 / 6 points "));
        // The first parameter varies slowest: (0.5, 0.5), (0.5, 1), (1, 0.5), …
        QCOMPARE(r.points()[1].swept[1].second, std::string("1"));
        QCOMPARE(r.points()[2].swept[0].second, std::string("1"));
        for (std::size_t i = 0; i < r.points().size(); ++i) {
            const double alone = epsNearest(theoryAlone(smallBase(), r.points()[i].swept), 20.0);
            const double swept = r.quantity(i, *w.view().quantity);
            // The sweep writes every number in the shortest form that reads back exactly: the same double.
            QVERIFY2(std::abs(swept - alone) <= 1e-12 * std::abs(alone),
                     qPrintable(QStringLiteral("point %1: %2 vs %3").arg(i).arg(swept, 0, 'g', 17).arg(alone, 0, 'g', 17)));
        }
        // The heatmap holds every value, coloured on a log scale spanning them.
        const auto& map = w.plot()->heatmap()->map();
        QCOMPARE(map.xLabels, (QStringList{QStringLiteral("0.5"), QStringLiteral("1"), QStringLiteral("2")}));
        QCOMPARE(map.yLabels, (QStringList{QStringLiteral("0.5"), QStringLiteral("1")}));
        for (std::size_t i = 0; i < 6; ++i) {
            QCOMPARE(map.cells[i], SweepHeatmap::Cell::Value);
            QCOMPARE(map.values[i], r.quantity(i, *w.view().quantity));
        }
        QVERIFY(map.scale.log);
        if (const QString path = keep(QStringLiteral("sweep-heatmap-window.png")); !path.isEmpty()) {
            for (QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
                w.resize(size);
                w.show();
                QTest::qWait(200);
                w.grab().save(keep(QStringLiteral("sweep-heatmap-%1.png").arg(size.width())));
            }
            QCOMPARE(w.exportFigure(keep(QStringLiteral("sweep-heatmap.png"))), QString());
            QCOMPARE(w.exportFigure(keep(QStringLiteral("sweep-heatmap.pdf"))), QString());
        }
    }

    void cancelStopsPromptlyAndLeavesNoStalePoints()
    {
        SweepWindow w;
        w.setBase(smallBase("300"), QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("log 0.2 2 64"));
        w.setQuantity(QStringLiteral("eps_final"));
        QSignalSpy arrived(&w, &SweepWindow::pointArrived);
        w.applyNow();
        QVERIFY(w.running());
        QVERIFY(arrived.wait(60000));
        QElapsedTimer clock;
        clock.start();
        w.cancel();
        QVERIFY(!w.running());
        QTRY_COMPARE_WITH_TIMEOUT(w.busyWorkers(), 0, 2000 * kSlowdown);
        const qint64 stopMs = clock.elapsed();
        const std::size_t kept = w.results().arrived();
        QVERIFY(kept < 64);
        // Whatever the workers had in flight is dropped: nothing more arrives.
        QTest::qWait(300);
        QCOMPARE(w.results().arrived(), kept);
        QCOMPARE(arrived.count(), static_cast<int>(kept));
        QVERIFY2(w.progressText().contains(QStringLiteral("cancelled")), qPrintable(w.progressText()));
        qInfo("cancel: every worker stopped %lld ms after the request", stopMs);
        QVERIFY(stopMs < 1000);
    }

    void anEditRestartsAndTheOldPointsNeverAppear()
    {
        SweepWindow w;
        const aedyn::ExperimentConfig base = smallBase("300");
        w.setBase(base, QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("lin 0.2 2 64"));
        w.setQuantity(QStringLiteral("eps_final"));
        QSignalSpy arrived(&w, &SweepWindow::pointArrived);
        QSignalSpy done(&w, &SweepWindow::sweepFinished);
        w.applyNow();
        QVERIFY(arrived.wait(60000));
        QVERIFY(w.running());  // the edit below lands in the middle of the first sweep
        const quint64 first = w.generation();
        // The person types other values while the first sweep runs.
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("0.3, 0.6"));
        arrived.clear();
        w.applyNow();
        QVERIFY(w.generation() > first);
        QVERIFY(done.wait(60000));
        QTest::qWait(200);  // anything the old workers still send arrives now, and must be dropped
        const aedyn::SweepResults& r = w.results();
        QCOMPARE(r.points().size(), std::size_t(2));
        QCOMPARE(r.arrived(), std::size_t(2));
        QCOMPARE(arrived.count(), 2);
        for (const QList<QVariant>& a : arrived)
            QVERIFY(a.at(0).toULongLong() < 2);
        for (std::size_t i = 0; i < 2; ++i) {
            const auto alone = theoryAlone(base, r.points()[i].swept);
            QCOMPARE(r.quantity(i, *w.view().quantity), alone.back().eps);
        }
        QCOMPARE(r.points()[0].swept[0].second, std::string("0.3"));
    }

    void badValuesAreRefusedNamingTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("values");
        QTest::addColumn<QString>("quantity");
        QTest::addColumn<QStringList>("named");
        QTest::newRow("not a number") << "lr" << "0.5, abc" << "eps_final" << QStringList{"lr", "abc"};
        QTest::newRow("out of range") << "lr" << "-1, 1" << "eps_final" << QStringList{"lr", "-1"};
        QTest::newRow("log bound <= 0") << "sigma" << "log 0 1 4" << "eps_final" << QStringList{"sigma", "log", "0"};
        QTest::newRow("K > D at a point") << "D" << "2, 200" << "eps_final" << QStringList{"D = 2", "K"};
        QTest::newRow("unit beyond K") << "lr" << "1, 2" << "cos_final:5:1" << QStringList{"cos_final:5:1", "K = 3"};
        QTest::newRow("bad slope window") << "lr" << "1, 2" << "slope:100:10" << QStringList{"slope:100:10", "T1 < T2"};
        QTest::newRow("family of two") << "lr" << "1, 2" << "curve" << QStringList{"one parameter"};
    }

    void badValuesAreRefusedNamingTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, values);
        QFETCH(QString, quantity);
        QFETCH(QStringList, named);
        SweepWindow w;
        w.setBase(smallBase(), QStringLiteral("fig2-sequential"));
        w.setAxis(0, key, values);
        if (quantity == QLatin1String("curve"))
            w.setAxis(1, QStringLiteral("sigma"), QStringLiteral("0.5, 1"));
        w.setQuantity(quantity);
        w.applyNow();
        for (const QString& n : named)
            QVERIFY2(w.problem().contains(n), qPrintable(w.problem()));
        QVERIFY(!w.running());
        QVERIFY(w.results().points().empty());
        // Fixing the value clears the message and sweeps.
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("1, 2"));
        w.setAxis(1, QString(), QString());
        w.setQuantity(QStringLiteral("eps_final"));
        w.applyNow();
        QVERIFY2(w.problem().isEmpty(), qPrintable(w.problem()));
        QCOMPARE(w.results().points().size(), std::size_t(2));
    }

    void familyDrawsOneCurvePerPointAndExportsTidyRows()
    {
        SweepWindow w;
        w.setBase(smallBase(), QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("log 0.25 4 5"));
        w.setQuantity(QStringLiteral("curve"));
        QSignalSpy done(&w, &SweepWindow::sweepFinished);
        w.applyNow();
        QVERIFY(done.wait(60000));
        const QList<QLineSeries*> family = w.plot()->familySeries();
        QCOMPARE(family.size(), 5);
        std::size_t rows = 0;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(family[i]->count() > 10);
            for (const QPointF& p : family[i]->points())
                QVERIFY(p.x() > 0 && p.y() > 0 && std::isfinite(p.y()));  // a log axis gets only these
            rows += w.results().curve(i).size();
        }
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("family.csv"));
        QCOMPARE(w.exportCsv(csvPath), QString());
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("point,lr,t,eps_ode"));
        QCOMPARE(static_cast<std::size_t>(lines.size() - 1), rows);
        // The figure: a file in each format.
        for (const QString& name : {QStringLiteral("sweep-family.png"), QStringLiteral("sweep-family.svg")}) {
            const QString path = keep(name).isEmpty() ? dir.filePath(name) : keep(name);
            QCOMPARE(w.exportFigure(path), QString());
            QVERIFY(QFileInfo(path).size() > 1000);
        }
        if (const QString path = keep(QStringLiteral("sweep-family-window.png")); !path.isEmpty()) {
            for (QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
                w.resize(size);
                w.show();
                QTest::qWait(200);
                w.grab().save(keep(QStringLiteral("sweep-family-%1.png").arg(size.width())));
            }
        }
        // Another quantity of the same points needs no new theory, and the CSV is then one row per point.
        const quint64 generation = w.generation();
        w.setQuantity(QStringLiteral("escape:0.5"));
        w.applyNow();
        QCOMPARE(w.generation(), generation);
        QCOMPARE(w.results().arrived(), std::size_t(5));
        QCOMPARE(w.exportCsv(csvPath), QString());
        f.close();
        QFile g(csvPath);
        QVERIFY(g.open(QIODevice::ReadOnly));
        const QList<QByteArray> perPoint = g.readAll().trimmed().split('\n');
        QCOMPARE(perPoint.first(), QByteArray("point,lr,escape_0.5_ode,status"));
        QCOMPARE(perPoint.size(), 1 + 5);
    }
    void simulatedSweepMatchesEachPointAlone_data()
    {
        // One run: the points side by side, one thread each; two runs on up to two threads: one point after
        // another on every thread. Either way the numbers are those of the ensemble run alone on two threads.
        QTest::addColumn<QString>("runs");
        QTest::newRow("1 run") << "1";
        QTest::newRow("2 runs") << "2";
    }

    void simulatedSweepMatchesEachPointAlone()
    {
        QFETCH(QString, runs);
        SweepWindow w;
        aedyn::ExperimentConfig base = smallBase("20");
        aedyn::applyParameters(base, {{"runs", runs.toStdString()}});
        w.setBase(base, QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("0.5, 1, 2"));
        w.setQuantity(QStringLiteral("curve"));
        w.setSimulate(true);
        QSignalSpy done(&w, &SweepWindow::sweepFinished);
        w.applyNow();
        QVERIFY2(w.problem().isEmpty(), qPrintable(w.problem()));
        // The cost is shown before anything is simulated.
        QVERIFY2(w.costText().contains(QStringLiteral("for 3 points")), qPrintable(w.costText()));
        QVERIFY(done.wait(60000));
        const aedyn::SweepResults& r = w.results();
        QCOMPARE(r.simulated(), std::size_t(3));
        QCOMPARE(r.simulationFailed(), std::size_t(0));
        QVERIFY2(w.progressText().contains(QStringLiteral("SGD 3 / 3")), qPrintable(w.progressText()));
        const aedyn::SweepQuantity gap = aedyn::parseSweepQuantity("gap");
        for (std::size_t i = 0; i < 3; ++i) {
            const std::vector<double> sgd = simulationAlone(base, r.points()[i].swept);
            const std::vector<aedyn::Observables> ode = theoryAlone(base, r.points()[i].swept);
            const auto swept = r.curve(i, "sgd");
            QCOMPARE(swept.size(), sgd.size());
            double sum = 0;
            int n = 0;
            for (std::size_t k = 0; k < sgd.size(); ++k) {
                // Written in the shortest form that reads back exactly: the same doubles as the run alone.
                QCOMPARE(swept[k].second, sgd[k]);
                if (ode[k].t > 0)
                    sum += std::abs(sgd[k] - ode[k].eps) / ode[k].eps, ++n;
            }
            const double g = r.quantity(i, gap);
            QVERIFY2(std::abs(g - sum / n) <= 1e-9 * g, qPrintable(QStringLiteral("point %1: gap %2 vs %3").arg(i).arg(g).arg(sum / n)));
            QVERIFY(g > 0);
        }
        // The family: each point's SGD mean as dots, in its curve's colour.
        const auto dots = w.plot()->simulationSeries();
        QCOMPARE(dots.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(dots[i]->count() > 5);
            QCOMPARE(dots[i]->color(), w.plot()->familySeries()[i]->pen().color());
        }
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("family.csv"));
        QCOMPARE(w.exportCsv(csvPath), QString());
        QFile f(csvPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("point,lr,t,eps_ode,eps_sgd"));
        QVERIFY(!lines.last().endsWith(','));  // the last time has both routes
        if (const QString path = keep(QStringLiteral("sweep-sgd-family.png")); !path.isEmpty() && runs == "2") {
            w.resize(1280, 720);
            w.show();
            QTest::qWait(300);
            w.grab().save(keep(QStringLiteral("sweep-sgd-family-window.png")));
            QCOMPARE(w.exportFigure(path), QString());
        }
        // A scalar quantity: the columns of `aedyn-cli sweep`'s summary, per route and the gap.
        const quint64 generation = w.generation();
        w.setQuantity(QStringLiteral("eps_final"));
        w.setRoute(QStringLiteral("sgd"));
        w.applyNow();
        QCOMPARE(w.generation(), generation);  // no new run
        QCOMPARE(w.exportCsv(csvPath), QString());
        f.close();
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> perPoint = f.readAll().trimmed().split('\n');
        QCOMPARE(perPoint.first(), QByteArray("point,lr,eps_final_ode,eps_final_sgd,gap_sgd_ode,status"));
        QCOMPARE(perPoint.size(), 4);
        QVERIFY(perPoint[1].endsWith(",ok"));
        // The line chart shows the chosen route.
        const QList<QPointF> line = w.plot()->quantitySeries()->points();
        QCOMPARE(line.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(line[i].y(), r.curve(i, "sgd").back().second);
    }

    void cancelDuringSimulationStopsAndDropsLatePoints()
    {
        SweepWindow w;
        aedyn::ExperimentConfig base = smallBase("20");
        aedyn::applyParameters(base, {{"runs", "2"}});
        w.setBase(base, QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("lr"), QStringLiteral("lin 0.5 1.5 64"));
        w.setQuantity(QStringLiteral("eps_final"));
        w.setSimulate(true);
        QSignalSpy arrived(&w, &SweepWindow::pointArrived);
        w.applyNow();
        QTRY_VERIFY_WITH_TIMEOUT(w.results().simulated() >= 1, 60000 * kSlowdown);
        QVERIFY(w.running());  // the cancel lands in the middle of the simulations
        QElapsedTimer clock;
        clock.start();
        w.cancel();
        QVERIFY(!w.running());
        QTRY_COMPARE_WITH_TIMEOUT(w.busyWorkers(), 0, 2000 * kSlowdown);
        const qint64 stopMs = clock.elapsed();
        const std::size_t simulated = w.results().simulated();
        const int signals_ = arrived.count();
        QVERIFY(simulated < 64);
        QTest::qWait(300);
        QCOMPARE(w.results().simulated(), simulated);
        QCOMPARE(arrived.count(), signals_);
        QVERIFY2(w.progressText().contains(QStringLiteral("cancelled")), qPrintable(w.progressText()));
        qInfo("cancel during SGD: every worker stopped %lld ms after the request (%zu of 64 simulated)", stopMs,
              simulated);
        QVERIFY(stopMs < 1000);
    }

    void gapNeedsSimulationAndIsDrawnLogLogAgainstD()
    {
        SweepWindow w;
        aedyn::ExperimentConfig base = smallBase("20");
        aedyn::applyParameters(base, {{"runs", "2"}});
        w.setBase(base, QStringLiteral("fig2-sequential"));
        w.setAxis(0, QStringLiteral("D"), QStringLiteral("log 50 200 3"));
        w.setQuantity(QStringLiteral("gap"));
        w.applyNow();
        QVERIFY2(w.problem().contains(QStringLiteral("also simulate")), qPrintable(w.problem()));
        QVERIFY(!w.running());
        QVERIFY(w.results().points().empty());
        // More points than the app simulates are refused, naming the limit.
        w.setSimulate(true);
        w.setAxis(0, QStringLiteral("D"), QStringLiteral("lin 50 200 65"));
        w.applyNow();
        QVERIFY2(w.problem().contains(QStringLiteral("at most 64")), qPrintable(w.problem()));
        w.setAxis(0, QStringLiteral("D"), QStringLiteral("log 50 200 3"));
        QSignalSpy done(&w, &SweepWindow::sweepFinished);
        w.applyNow();
        QVERIFY2(w.problem().isEmpty(), qPrintable(w.problem()));
        QVERIFY(done.wait(60000));
        QChart* chart = w.plot()->chartView()->chart();
        QVERIFY(qobject_cast<QLogValueAxis*>(chart->axes(Qt::Horizontal).first()));
        QVERIFY(qobject_cast<QLogValueAxis*>(chart->axes(Qt::Vertical).first()));
        const QList<QPointF> pts = w.plot()->quantitySeries()->points();
        QCOMPARE(pts.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::isfinite(pts[i].y()) && pts[i].y() > 0);
            QCOMPARE(pts[i].y(), w.results().quantity(i, *w.view().quantity));
        }
        if (const QString path = keep(QStringLiteral("sweep-gap.png")); !path.isEmpty()) {
            w.resize(1280, 720);
            w.show();
            QTest::qWait(300);
            w.grab().save(keep(QStringLiteral("sweep-gap-window.png")));
            QCOMPARE(w.exportFigure(path), QString());
        }
    }

    void finiteSizeTemplateFillsTheEditorFromItsFile()
    {
        SweepWindow w;
        w.setBase(smallBase(), QStringLiteral("fig2-sequential"));
        w.show();
        w.loadFiniteSizeStudy();
        w.applyNow();
        // What the template sets on top of the panel is said in the window.
        auto* sets = w.findChild<QLabel*>(QStringLiteral("sweepTemplateSets"));
        QVERIFY(sets && sets->isVisible());
        QVERIFY2(sets->text().contains(QStringLiteral("t_max = 100")) && sets->text().contains(QStringLiteral("runs = 8")),
                 qPrintable(sets->text()));
        QVERIFY2(w.problem().isEmpty(), qPrintable(w.problem()));
        const aedyn::SweepResults& r = w.results();
        QCOMPARE(r.points().size(), std::size_t(7));
        QCOMPARE(r.points().front().config.D, 100);
        QCOMPARE(r.points().back().config.D, 6400);
        QCOMPARE(r.points().front().config.runs, 8);  // the template's set lines, on top of the panel
        QCOMPARE(r.points().front().config.tMax, 100.0);
        QVERIFY(r.simulates());
        QCOMPARE(w.view().quantity->kind, aedyn::SweepQuantity::Kind::Gap);
        QVERIFY2(w.costText().contains(QStringLiteral("for 7 points")), qPrintable(w.costText()));
        qInfo("finite-size study: %s", qPrintable(w.costText()));
        if (const QString path = keep(QStringLiteral("sweep-finite-size-editor.png")); !path.isEmpty()) {
            w.resize(1280, 720);
            QTest::qWait(200);
            w.grab().save(path);
        }
        QTest::qWait(100);  // the layout settles
        QVERIFY(sets->height() >= sets->fontMetrics().height());  // not squeezed out of the editor
        w.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(w.busyWorkers(), 0, 2000 * kSlowdown);
    }
};

QTEST_MAIN(TestSweepWindow)
#include "tst_sweepwindow.moc"
