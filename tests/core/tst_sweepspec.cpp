// Sweep specs: the grammar of README's "Sweeps" section, expansion into points (the first sweep line slowest),
// ranges, and one refusal per problem naming the line, the key and the problem.
#include "ParameterSchema.h"
#include "Experiment.h"
#include "Presets.h"
#include "SweepPointCurves.h"
#include "SweepSpec.h"

#include <Eigen/QR>

#include <QTest>

#include <cmath>

using namespace aedyn;

class TestSweepSpec : public QObject {
    Q_OBJECT
private slots:
    void parsesEveryKindOfLine()
    {
        const SweepSpec s = parseSweepSpec("# a comment\n"
                                           "base = fig2-sequential\n"
                                           "set D = 200   # trailing comment\n"
                                           "set t_max = 20\n"
                                           "sweep lr = 0.5, 1, 2\n"
                                           "sweep K = lin 1 3 3\n"
                                           "routes = both\n"
                                           "quantities = eps_final, eps_at:10, escape:0.5, cos_final:1:2\n");
        QCOMPARE(s.base, std::string("fig2-sequential"));
        QVERIFY(!s.baseIsProject);
        QCOMPARE(s.fixed.size(), std::size_t(2));
        QCOMPARE(s.axes.size(), std::size_t(2));
        QCOMPARE(s.axes[0].values, (std::vector<std::string>{"0.5", "1", "2"}));
        QCOMPARE(s.axes[1].values, (std::vector<std::string>{"1", "2", "3"}));
        QVERIFY(s.runOde && s.runSgd);
        QCOMPARE(s.quantities.size(), std::size_t(4));
        QCOMPARE(s.quantities[1].column("ode"), std::string("eps_at_10_ode"));
        QCOMPARE(s.quantities[2].column("sgd"), std::string("escape_0.5_sgd"));
        QCOMPARE(s.quantities[3].column("ode"), std::string("cos_final_1_2_ode"));
        QCOMPARE(s.pointCount(), std::size_t(9));
    }

    void defaultsAreTheoryAndFinalError()
    {
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nsweep lr = 1, 2\n");
        QVERIFY(s.runOde && !s.runSgd);
        QCOMPARE(s.quantities.size(), std::size_t(1));
        QCOMPARE(s.quantities[0].column("ode"), std::string("eps_final_ode"));
    }

    void projectBaseIsRelativeToTheSpec()
    {
        const SweepSpec s = parseSweepSpec("base = runs/my.aedyn\nsweep lr = 1, 2\n", "/data/sweeps");
        QVERIFY(s.baseIsProject);
        QCOMPARE(s.base, std::string("/data/sweeps/runs/my.aedyn"));
    }

    void rangesAreLinearOrLogarithmic()
    {
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nsweep lr = log 0.01 1 3\nsweep sigma = lin 0 1 5\n"
                                           "sweep D = log 100 1000 2\n");
        QCOMPARE(s.axes[0].values, (std::vector<std::string>{"0.01", "0.1", "1"}));
        QCOMPARE(s.axes[1].values, (std::vector<std::string>{"0", "0.25", "0.5", "0.75", "1"}));
        QCOMPARE(s.axes[2].values, (std::vector<std::string>{"100", "1000"}));
    }

    void integerRangesAreRounded()
    {
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nsweep D = log 100 1000 4\n");
        QCOMPARE(s.axes[0].values, (std::vector<std::string>{"100", "215", "464", "1000"}));
    }

    void expansionIsCartesianFirstLineSlowest()
    {
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nset D = 200\nsweep lr = 1, 2\nsweep K = 1, 2, 3\n");
        const auto points = expandSweep(s, presetBaseConfig(s));
        QCOMPARE(points.size(), std::size_t(6));
        QCOMPARE(points[4].index, std::size_t(4));
        QCOMPARE(points[4].swept, (Overrides{{"lr", "2"}, {"K", "2"}}));
        QCOMPARE(points[4].overrides, (Overrides{{"D", "200"}, {"lr", "2"}, {"K", "2"}}));
        QCOMPARE(points[4].config.D, 200);
        QCOMPARE(points[4].config.K, 2);
        QCOMPARE(points[4].config.lr, 2.0);
        QCOMPARE(points[0].swept, (Overrides{{"lr", "1"}, {"K", "1"}}));
    }

    void aBadPointNamesItsIndexAndValues()
    {
        // K > D only at the last point.
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nsweep D = 3, 4\nsweep K = 3, 4, 5\n");
        try {
            expandSweep(s, presetBaseConfig(s));
            QFAIL("expected a refusal");
        } catch (const ConfigError& e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.startsWith(QStringLiteral("point 1 (D = 3, K = 4): ")), e.what());
        }
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");  // every fragment, separated by '|', must be in the message
        const QString b = QStringLiteral("base = fig2-sequential\n");
        QTest::newRow("unknown key") << b + "sweep lrr = 1, 2\n" << "line 2|unknown parameter 'lrr'";
        QTest::newRow("bad value") << b + "sweep lr = 1, abc\n" << "line 2|lr|abc|must be a finite number";
        QTest::newRow("out of range") << b + "set K = 0\nsweep lr = 1, 2\n" << "line 2|K|0";
        QTest::newRow("empty list") << b + "sweep lr =\n" << "line 2|lr|list of values is empty";
        QTest::newRow("empty item") << b + "sweep lr = 1,,2\n" << "line 2|lr|empty value";
        QTest::newRow("duplicate value") << b + "sweep lr = 1, 1.0\n" << "line 2|lr|listed twice";
        QTest::newRow("N < 2") << b + "sweep lr = lin 0.1 1 1\n" << "line 2|lr|N >= 2";
        QTest::newRow("N not whole") << b + "sweep lr = lin 0.1 1 x\n" << "line 2|lr|not a whole number";
        QTest::newRow("bound not a number") << b + "sweep lr = lin a 1 3\n" << "line 2|lr|'a'|not a number";
        QTest::newRow("range form") << b + "sweep lr = lin 1 2\n" << "line 2|lr|lin FROM TO N";
        QTest::newRow("log bound <= 0") << b + "sweep lr = log 0 1 3\n" << "line 2|lr|log range|greater than 0";
        QTest::newRow("negative log bound") << b + "sweep lr = log 1 -1 3\n" << "line 2|lr|log range";
        QTest::newRow("integer duplicates") << b + "sweep K = lin 1 2 4\n" << "line 2|K|repeats";
        // Found by fuzz_sweepspec: a whole-number range past long long was cast (undefined behaviour).
        QTest::newRow("too many points") << b + "sweep lr = lin 0.5 1.5 1000\nsweep sigma = lin 0.1 1 101\n"
                                         << "line 3|sigma|more than 100000 points";
        QTest::newRow("huge whole-number range") << b + "sweep D = log 5 1e32 3\n" << "line 2|D|out of range";
        QTest::newRow("range of a choice") << b + "sweep activation = lin 1 2 3\n" << "line 2|activation|numeric key";
        QTest::newRow("swept twice") << b + "sweep lr = 1, 2\nsweep lr = 3, 4\n" << "line 3|lr|already";
        QTest::newRow("set and swept") << b + "set lr = 1\nsweep lr = 3, 4\n" << "line 3|lr|already";
        QTest::newRow("unknown quantity") << b + "sweep lr = 1, 2\nquantities = eps_max\n"
                                          << "line 3|quantities|eps_max|not a quantity";
        QTest::newRow("bad escape level") << b + "sweep lr = 1, 2\nquantities = escape:-1\n"
                                          << "line 3|quantities|escape:-1|level";
        QTest::newRow("bad cos") << b + "sweep lr = 1, 2\nquantities = cos_final:1\n" << "line 3|cos_final:1";
        QTest::newRow("slope without T2") << b + "sweep lr = 1, 2\nquantities = slope:10\n"
                                          << "line 3|quantities|slope:10|not a quantity";
        QTest::newRow("slope T1 = 0") << b + "sweep lr = 1, 2\nquantities = slope:0:10\n"
                                      << "line 3|quantities|slope:0:10|0 < T1 < T2";
        QTest::newRow("slope T2 < T1") << b + "sweep lr = 1, 2\nquantities = slope:100:10\n"
                                       << "line 3|slope:100:10|0 < T1 < T2";
        QTest::newRow("slope not numbers") << b + "sweep lr = 1, 2\nquantities = slope:a:b\n" << "line 3|slope:a:b";
        QTest::newRow("bad routes") << b + "sweep lr = 1, 2\nroutes = all\n" << "line 3|routes|all";
        QTest::newRow("unknown preset") << "base = fig9\nsweep lr = 1, 2\n" << "line 1|base|unknown preset 'fig9'";
        QTest::newRow("base twice") << b + b + "sweep lr = 1, 2\n" << "line 2|base|twice";
        QTest::newRow("not a line") << b + "sweep lr 1 2\n" << "line 2|expected";
        QTest::newRow("unknown word") << b + "vary lr = 1, 2\n" << "line 2|'vary lr'";
        QTest::newRow("no base") << QStringLiteral("sweep lr = 1, 2\n") << "no 'base";
        QTest::newRow("no sweep") << b + "set lr = 1\n" << "no 'sweep";
    }

    void refusesBadFiles()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        try {
            parseSweepSpec(spec.toStdString());
            QFAIL(qPrintable(QStringLiteral("accepted: ") + spec));
        } catch (const ConfigError& e) {
            const QString m = QString::fromUtf8(e.what());
            for (const QString& fragment : expected.split(QLatin1Char('|')))
                QVERIFY2(m.contains(fragment), qPrintable(m + QStringLiteral("  (missing '") + fragment + "')"));
            QVERIFY2(!m.contains(QLatin1Char('\n')), qPrintable(m));
        }
    }

    void quantitiesFromCurves()
    {
        const CurveColumns c = parseCurveCsv("t,eps_ode,eps_sgd,cos_ode_1_2\n"
                                             "0,1,,0.1\n"
                                             "1,0.8,0.9,-0.5\n"
                                             "10,0.4,0.5,-0.9\n"
                                             "100,0.1,,-0.95\n");
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nsweep lr = 1, 2\n"
                                           "quantities = eps_final, eps_at:8, escape:0.5, cos_final:1:2\n");
        QCOMPARE(sweepQuantity(s.quantities[0], "ode", c), 0.1);
        QCOMPARE(sweepQuantity(s.quantities[0], "sgd", c), 0.5);  // its last value
        QCOMPARE(sweepQuantity(s.quantities[1], "ode", c), 0.4);  // t = 10 is nearest to 8
        QCOMPARE(sweepQuantity(s.quantities[2], "ode", c), 10.0);
        QCOMPARE(sweepQuantity(s.quantities[3], "ode", c), 0.95);
        QVERIFY(std::isnan(sweepQuantity(s.quantities[3], "sgd", c)));  // no such column
        const CurveColumns never = parseCurveCsv("t,eps_ode\n0,1\n1,0.9\n");
        QVERIFY(std::isnan(sweepQuantity(s.quantities[2], "ode", never)));
    }

    void slopeIsTheExponentOfAPowerLaw()
    {
        const SweepQuantity q = parseSweepQuantity("slope:10:100");
        QCOMPARE(q.column("ode"), std::string("slope_10_100_ode"));
        QCOMPARE(q.value, 10.0);
        QCOMPARE(q.value2, 100.0);
        // ε = 3 t^−0.7 inside the window; other values outside it must not count.
        std::string csv = "t,eps_ode\n0,1\n";
        for (double t = 1; t <= 1000; t *= 1.3)
            csv += shortestNumber(t) + "," + shortestNumber(t >= 10 && t <= 100 ? 3 * std::pow(t, -0.7) : 0.5) + "\n";
        const double slope = sweepQuantity(q, "ode", parseCurveCsv(csv));
        QVERIFY2(std::abs(slope + 0.7) < 1e-12, qPrintable(QString::number(slope, 'g', 17)));
        // Fewer than two positive errors in the window: no slope.
        QVERIFY(std::isnan(sweepQuantity(parseSweepQuantity("slope:2000:3000"), "ode", parseCurveCsv(csv))));
        QVERIFY(std::isnan(sweepQuantity(q, "ode", parseCurveCsv("t,eps_ode\n10,0\n20,0\n50,0.1\n"))));
    }

    // On figure 2's theory the slope agrees with a least-squares fit done here by Eigen's QR, from the ODE's own
    // observables (not through curves.csv).
    void slopeOfFigure2MatchesAnIndependentFit()
    {
        ExperimentConfig c = presetConfig("fig2-sequential");
        applyParameters(c, {{"D", "200"}, {"t_max", "60"}});
        const SweepPointCurves point = runSweepPoint(c);
        QVERIFY(point.failure.empty());
        const double slope = sweepQuantity(parseSweepQuantity("slope:2:40"), "ode", point.curves);
        const Experiment e(c);
        std::vector<double> x, y;
        e.runTheory([&](std::size_t, const Observables& o) {
            if (o.t >= 2 && o.t <= 40) {
                x.push_back(std::log(o.t));
                y.push_back(std::log(o.eps));
            }
        });
        QVERIFY(x.size() > 10);
        Eigen::MatrixXd A(x.size(), 2);
        Eigen::VectorXd b(x.size());
        for (std::size_t i = 0; i < x.size(); ++i)
            A(i, 0) = 1, A(i, 1) = x[i], b(i) = y[i];
        const double fitted = A.colPivHouseholderQr().solve(b)(1);
        QVERIFY2(std::abs(slope - fitted) < 1e-9 * std::max(1.0, std::abs(fitted)),
                 qPrintable(QStringLiteral("%1 vs %2").arg(slope, 0, 'g', 17).arg(fitted, 0, 'g', 17)));
        QVERIFY(slope < 0);  // the error falls
    }

    // gap: the mean of |eps_sgd - eps_ode| / eps_ode over t > 0 where both have a value; one summary column.
    void gapComparesTheRoutes()
    {
        const CurveColumns c = parseCurveCsv("t,eps_ode,eps_sgd\n"
                                             "0,1,3\n"          // t = 0 is the shared start: left out
                                             "1,0.8,0.88\n"     // 0.1
                                             "10,0.4,0.3\n"     // 0.25
                                             "100,0.1,\n");     // no SGD value: left out
        const SweepSpec s = parseSweepSpec("base = fig2-sequential\nsweep D = 100, 400\nroutes = both\n"
                                           "quantities = eps_final, gap\n");
        QVERIFY(!s.quantities[1].perRoute());
        QCOMPARE(summaryColumns(s),
                 (std::vector<std::string>{"eps_final_ode", "eps_final_sgd", "gap_sgd_ode"}));
        const std::vector<double> v = summaryValues(s, c);
        QCOMPARE(v.size(), std::size_t(3));
        QCOMPARE(v[0], 0.1);
        QCOMPARE(v[1], 0.3);
        QVERIFY(std::abs(v[2] - 0.175) < 1e-15);
        QVERIFY(std::isnan(sweepQuantity(s.quantities[1], {}, parseCurveCsv("t,eps_ode\n0,1\n1,0.5\n"))));
        try {
            parseSweepSpec("base = fig2-sequential\nsweep D = 100, 400\nquantities = gap\n");
            QFAIL("gap without both routes was accepted");
        } catch (const ConfigError& e) {
            QVERIFY2(QString(e.what()).contains("routes = both"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestSweepSpec)
#include "tst_sweepspec.moc"
