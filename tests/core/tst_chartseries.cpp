// The overlap map's series: both routes at one time while a simulation of the theory's parameters is shown, each at
// its own latest time otherwise; one unit shown by its plain cosines and the rest of w (theory.md §3.10). The
// eigenbasis view's series (the overlap route's plain cosines at the same times), the biases' series, and the
// first run's weights kept over time in bounded memory.
#include "ChartSeries.h"
#include "CurveTable.h"
#include "Experiment.h"
#include "Presets.h"
#include "Tolerance.h"

#include <QTest>

#include <sstream>

using namespace aedyn;

namespace {

// The theory of a configuration at every grid time, and the same observables as a one-run "simulation" up to `upTo`.
RunResults resultsOf(ExperimentConfig config, std::size_t upTo)
{
    const Experiment e(config);
    RunResults r;
    r.resetTheory(setupOf(e));
    r.resetSimulation(setupOf(e));
    std::vector<Observables> points;
    e.runTheory([&](std::size_t i, const Observables& o) {
        r.setTheory(i, o);
        points.push_back(o);
    });
    for (std::size_t i = 0; i <= upTo && i < points.size(); ++i)
        r.setSimulation(simulationPointOf(i, {points[i]}));
    return r;
}

double timeOf(const std::vector<Series>& series, const std::string& route)
{
    for (const Series& s : series)
        if (s.route == route)
            return s.t.front();
    return -1;
}

} // namespace

class TestChartSeries : public QObject {
    Q_OBJECT
private slots:
    void overlapsOfBothRoutesAtOneTime()
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        c.D = 200;
        c.tMax = 50;
        RunResults r = resultsOf(c, 20);
        const double tSim = r.latestSimulation()->mean.t;
        QVERIFY(tSim < r.latestTheory()->t);
        std::vector<Series> s = overlapSeries(r, 8, 8);
        QCOMPARE(timeOf(s, "sgd"), tSim);
        QCOMPARE(timeOf(s, "ode"), tSim);
        // The same observables on both routes: the same numbers.
        for (const Series& a : s)
            for (const Series& b : s)
                if (a.route == "ode" && b.route == "sgd" && a.column == b.column)
                    AEDYN_COMPARE_REL(a.y.front(), b.y.front(), 1e-12);
        // A simulation of other parameters (stale): the theory at its own end.
        r.simulationStale = true;
        s = overlapSeries(r, 8, 8);
        QCOMPARE(timeOf(s, "ode"), r.latestTheory()->t);
        QCOMPARE(timeOf(s, "sgd"), tSim);
    }

    // A history keeps of the order parameters only their diagonals (memory bounded by K, not K², per time), and
    // curves.csv's Q1/R1/T0 columns still give the whole matrices' diagonals, for the theory and the simulation.
    void historyKeepsOnlyDiagonals()
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        c.D = 200;
        c.K = 6;
        c.tMax = 5;
        const Experiment e(c);
        RunResults r;
        r.resetTheory(setupOf(e));
        r.resetSimulation(setupOf(e));
        std::vector<Observables> full;
        e.runTheory([&](std::size_t i, const Observables& o) {
            r.setTheory(i, o);
            r.setSimulation(simulationPointOf(i, {o, o}));
            full.push_back(o);
        });
        QVERIFY(full.size() > 10);
        QCOMPARE(full.back().op.Q1.rows(), 6);
        QCOMPARE(full.back().op.Q1.cols(), 6);
        for (const auto& o : r.theory()) {
            QVERIFY(o);
            for (const Eigen::MatrixXd* m : {&o->op.Q1, &o->op.R1, &o->op.T1, &o->op.T0, &o->op.Q0})
                QCOMPARE(m->size(), 6);
        }
        QCOMPARE(r.latestSimulation()->mean.op.Q1.size(), 6);
        std::ostringstream csv;
        CurveTable(r).writeCsv(csv);
        std::istringstream lines(csv.str());
        std::string line;
        std::getline(lines, line);
        const QStringList header = QString::fromStdString(line).split(QLatin1Char(','));
        const qsizetype q1 = header.indexOf(QStringLiteral("Q1_ode_3_3")), r1 = header.indexOf(QStringLiteral("R1_sgd_2_2"));
        const qsizetype t0 = header.indexOf(QStringLiteral("T0_ode_6_6"));
        QVERIFY(q1 > 0 && r1 > 0 && t0 > 0);
        std::size_t row = 0;
        while (std::getline(lines, line) && row < full.size()) {
            const QStringList cells = QString::fromStdString(line).split(QLatin1Char(','));
            QCOMPARE(cells[q1].toDouble(), full[row].op.Q1(2, 2));
            QCOMPARE(cells[r1].toDouble(), full[row].op.R1(1, 1));
            QCOMPARE(cells[t0].toDouble(), full[row].op.T0(5, 5));
            ++row;
        }
        QCOMPARE(row, full.size());
    }

    // The time cursor: each route's last point at or before it; before a route's first point, nothing of it.
    void cursorPicksEachRoutesPointAtOrBeforeIt()
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        c.D = 200;
        c.tMax = 50;
        RunResults r = resultsOf(c, 30);
        const std::vector<double>& grid = r.setup().times;
        r.cursor = 0.5 * (grid[12] + grid[13]);
        std::vector<Series> s = overlapSeries(r, 8, 8);
        QCOMPARE(timeOf(s, "ode"), grid[12]);
        QCOMPARE(timeOf(s, "sgd"), grid[12]);
        r.cursor = grid[40];  // beyond the simulation's last point (index 30): its latest
        s = overlapSeries(r, 8, 8);
        QCOMPARE(timeOf(s, "ode"), grid[40]);
        QCOMPARE(timeOf(s, "sgd"), grid[30]);
        r.cursor = -1.0;
        QVERIFY(overlapSeries(r, 8, 8).empty());
    }

    void oneUnitShowsItsAlignment()
    {
        ExperimentConfig c = presetConfig("fig3-rescaling");
        c.tMax = 1000;
        const RunResults r = resultsOf(c, 0);
        // Along figure 3's run the plain cosine first grows (alignment), then falls (the encoder shrinks beside
        // its frozen bulk part): the map at three times.
        std::vector<double> cosAt;
        for (const auto& o : r.theory()) {
            if (!o)
                continue;
            RunResults one;
            one.resetTheory(r.setup());
            one.setTheory(0, *o);
            const std::vector<Series> s = overlapSeries(one, 8, 8);
            QCOMPARE(s.size(), std::size_t(2));
            QCOMPARE(s[0].column, std::string("cos_1_1"));
            QCOMPARE(s[1].column, std::string("bulk_cos_1"));
            AEDYN_COMPARE_REL(s[0].y.front() * s[0].y.front() + s[1].y.front() * s[1].y.front(), 1.0, 1e-12);
            cosAt.push_back(s[0].y.front());
        }
        const double peak = *std::max_element(cosAt.begin(), cosAt.end());
        QVERIFY2(cosAt.front() < 0.05 && peak > 0.25 && cosAt.back() < 0.7 * peak,
                 qPrintable(QStringLiteral("%1 → %2 → %3").arg(cosAt.front()).arg(peak).arg(cosAt.back())));
    }

    // The eigenbasis view: |cos(w_k, e_m)| of the overlap route at the overlap map's time (here the cursor's), and
    // the rest of w_k outside the modes shown; for one unit exactly the overlap map's numbers.
    void eigenbasisViewHasTheOverlapRoutesCosines()
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        c.D = 200;
        c.tMax = 50;
        RunResults r = resultsOf(c, 30);
        r.cursor = r.setup().times[20];
        const std::vector<Series> e = eigenbasisSeries(r, 8, 8);
        const std::vector<Series> o = overlapSeries(r, 8, 8);
        QCOMPARE(timeOf(e, "ode"), timeOf(o, "ode"));
        QCOMPARE(timeOf(e, "sgd"), timeOf(o, "sgd"));
        QCOMPARE(timeOf(e, "ode"), r.setup().times[20]);
        const Eigen::MatrixXd cos = r.theory()[20]->encoderOverlap();
        QCOMPARE(cos.cols(), Eigen::Index(3));
        for (Eigen::Index k = 0; k < cos.rows(); ++k)  // one element alone (the CSV's cos columns) is the same
            for (Eigen::Index m = 0; m < cos.cols(); ++m)
                QCOMPARE(r.theory()[20]->encoderOverlap(k, m), cos(k, m));
        int cosines = 0, rests = 0;
        for (const Series& s : e) {
            if (s.route != "ode")
                continue;
            if (s.column.rfind("rest_", 0) == 0) {
                QCOMPARE(s.mode, 3);
                AEDYN_COMPARE_REL(s.y.front(), std::sqrt(1 - cos.row(s.unit).squaredNorm()), 1e-12);
                ++rests;
            } else {
                QCOMPARE(s.column, "cos_" + std::to_string(s.unit + 1) + "_" + std::to_string(s.mode + 1));
                AEDYN_COMPARE_REL(s.y.front(), cos(s.unit, s.mode), 1e-12);
                ++cosines;
            }
        }
        QCOMPARE(cosines, 9);
        QCOMPARE(rests, 3);

        ExperimentConfig one = presetConfig("fig3-rescaling");
        one.tMax = 100;
        const RunResults r1 = resultsOf(one, 40);
        const std::vector<Series> e1 = eigenbasisSeries(r1, 8, 8), o1 = overlapSeries(r1, 8, 8);
        QCOMPARE(e1.size(), o1.size());
        for (std::size_t i = 0; i < e1.size(); ++i) {
            QCOMPARE(e1[i].route, o1[i].route);
            QCOMPARE(e1[i].t, o1[i].t);
            AEDYN_COMPARE_REL(e1[i].y.front(), o1[i].y.front(), 1e-12);
        }
    }

    // Figure 4c: the biases have series of their own — every point from the first time on, the last the theory's β
    // — and the norm chart's series hold none; without trained biases there are none.
    void biasesHaveSeriesOfTheirOwn()
    {
        ExperimentConfig c = presetConfig("fig4b-relu-bias");
        c.D = 200;
        c.tMax = 20;
        RunResults r = resultsOf(c, 10);
        for (const Series& s : normSeries(r))
            QVERIFY2(s.column.rfind("beta_", 0) != 0, s.column.c_str());
        const std::vector<Series> b = biasSeries(r);
        QCOMPARE(b.size(), std::size_t(2 * c.K));
        for (const Series& s : b) {
            QCOMPARE(s.column, "beta_" + std::to_string(s.unit + 1));
            QCOMPARE(s.t.front(), r.setup().times[1]);  // from the first time t > 0 on: not cut below 0.01
            if (s.route == "ode") {
                QCOMPARE(s.t.size(), r.theory().size() - 1);
                QCOMPARE(s.y.back(), r.latestTheory()->op.beta(s.unit));
            } else {
                QCOMPARE(s.y.back(), r.latestSimulation()->mean.op.beta(s.unit));
            }
        }
        c.bias = false;
        QVERIFY(biasSeries(resultsOf(c, 10)).empty());
    }

    // The first run's weights over time: every grid time while they fit in kKeptWeightsBytes, then spread evenly over
    // the grid (the first and the latest always there), never more than the budget; the weight views take the kept
    // time nearest the cursor's.
    void keptWeightsAreBoundedAndFollowTheCursor()
    {
        RunSetup s;
        for (int i = 0; i < 200; ++i)
            s.times.push_back(i == 0 ? 0.0 : std::pow(10.0, (i - 100) / 24.0));
        Weights small;
        small.W = RowMatrix::Zero(3, 100);
        small.V = small.W;
        RunResults r;
        r.resetSimulation(s);
        for (std::size_t i = 0; i < s.times.size(); ++i)
            r.setFirstRunWeights(i, small);
        QCOMPARE(r.keptWeights().size(), s.times.size());
        QCOMPARE(r.shownWeights()->index, std::size_t(199));
        // Weights handed over shared are kept as they are, not copied (the GUI thread gets one per point).
        const auto handed = std::make_shared<const Weights>(small);
        r.setFirstRunWeights(s.times.size() - 1, handed);
        QCOMPARE(r.keptWeights().back().w.get(), handed.get());

        Weights big;
        big.W = RowMatrix::Zero(4, 1 << 17);  // 4 MB, with V 8 MB a time: eight fit in 64 MB
        big.V = big.W;
        const std::size_t bytes = sizeof(double) * std::size_t(big.W.size() + big.V.size());
        r.resetSimulation(s);
        for (std::size_t i = 0; i < s.times.size(); ++i) {
            big.W(0, 0) = double(i);
            r.setFirstRunWeights(i, big);
            QVERIFY(r.keptWeights().size() * bytes <= kKeptWeightsBytes);
            QCOMPARE(r.keptWeights().back().index, i);
            QCOMPARE(r.keptWeights().front().index, std::size_t(0));
        }
        QVERIFY(r.keptWeights().size() >= 4);
        r.cursor = s.times[100];
        const KeptWeights* shown = r.shownWeights();
        QVERIFY(shown);
        QCOMPARE(shown->w->W(0, 0), double(shown->index));
        QCOMPARE(shown->t, s.times[shown->index]);
        for (const KeptWeights& k : r.keptWeights())
            QVERIFY(std::abs(double(k.index) - 100) >= std::abs(double(shown->index) - 100));
        QVERIFY(shown->index != 199);
    }
};

QTEST_APPLESS_MAIN(TestChartSeries)
#include "tst_chartseries.moc"
