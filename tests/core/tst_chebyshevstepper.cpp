// The Runge–Kutta–Chebyshev stepper against exact solutions: its coefficients reach t + h, one step is second-order
// accurate and stable far along the negative real axis, and the adaptive steps follow a stiff forced problem at a
// fraction of the right-hand sides an explicit method held at its stability boundary would need.
#include "ChebyshevStepper.h"
#include "Tolerance.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace aedyn;

namespace {

using State = std::vector<double>;

// Element-wise operations on one thread, as Odeint's range algebra.
struct SerialAlgebra {
    template <class S1, class S2, class S3, class Op>
    void for_each3(S1& a, S2& b, S3& c, Op op) const
    {
        for (std::size_t i = 0; i < a.size(); ++i)
            op(a[i], b[i], c[i]);
    }
    template <class S1, class S2, class S3, class S4, class S5, class Op>
    void for_each5(S1& a, S2& b, S3& c, S4& d, S5& e, Op op) const
    {
        for (std::size_t i = 0; i < a.size(); ++i)
            op(a[i], b[i], c[i], d[i], e[i]);
    }
    template <class S1, class S2, class S3, class S4, class S5, class S6, class Op>
    void for_each6(S1& a, S2& b, S3& c, S4& d, S5& e, S6& f, Op op) const
    {
        for (std::size_t i = 0; i < a.size(); ++i)
            op(a[i], b[i], c[i], d[i], e[i], f[i]);
    }
};

// Odeint's default error test, component by component: |err| / (atol + rtol·(|x| + h|dx/dt|)), the largest.
struct ComponentError {
    double atol, rtol;
    template <class Algebra>
    double error(Algebra&, const State& x, const State& dxdt, const State& err, double h) const
    {
        double worst = 0;
        for (std::size_t i = 0; i < x.size(); ++i)
            worst = std::max(worst, std::abs(err[i]) / (atol + rtol * (std::abs(x[i]) + h * std::abs(dxdt[i]))));
        return worst;
    }
};

using Stepper = ChebyshevStepper<State, SerialAlgebra, ComponentError>;

// The factor by which one step of length h with s stages multiplies y' = λy: the method's stability polynomial
// P_s(hλ).
double amplification(int s, double h, double lambda)
{
    auto f = [lambda](const State& y, State& dy, double) { dy = {lambda * y[0]}; };
    Stepper stepper(SerialAlgebra{}, ComponentError{1e-12, 1e-12});
    stepper.initialize(f, {1.0}, 0.0, h);
    return stepper.attempt(f, h, s)[0];
}

} // namespace

class TestChebyshevStepper : public QObject {
    Q_OBJECT

private slots:
    // The stage times come from the recursion itself; the last stage must land on t + h.
    void lastStageReachesTheEndOfTheStep()
    {
        for (int s = 2; s <= 200; ++s)
            AEDYN_COMPARE_REL(ChebyshevCoefficients(s).c[s], 1.0, 1e-12);
    }

    // P_s(z) = 1 + z + z²/2 + O(z³): halving z divides the local error by 8 (order 2), for every number of stages.
    void oneStepIsSecondOrder()
    {
        for (int s : {2, 3, 5, 10, 40}) {
            const double e1 = std::abs(amplification(s, 0.02, -1.0) - std::exp(-0.02));
            const double e2 = std::abs(amplification(s, 0.01, -1.0) - std::exp(-0.01));
            QVERIFY2(e1 > 0 && e2 > 0, qPrintable(QString::number(s)));
            const double ratio = e1 / e2;
            QVERIFY2(ratio > 7.0 && ratio < 9.0, qPrintable(QStringLiteral("s = %1: ratio %2").arg(s).arg(ratio)));
        }
    }

    // Damped with ε = 2/13, the stability interval is about 0.653·(s² − 1): |P_s(z)| ≤ 1 on all of it, and
    // the damping keeps it below 1 − ε/… well inside; beyond 1.1 times that length it grows past 1.
    void stableAlongTheNegativeAxis()
    {
        for (int s : {2, 3, 5, 10, 25, 60}) {
            const double beta = 0.653 * (double(s) * s - 1);
            for (int i = 1; i <= 2000; ++i) {
                const double z = -beta * i / 2000.0;
                const double p = amplification(s, 1.0, z);
                QVERIFY2(std::abs(p) <= 1.0 + 1e-12, qPrintable(QStringLiteral("s = %1, z = %2: |P| = %3").arg(s).arg(z).arg(p)));
            }
            QVERIFY2(std::abs(amplification(s, 1.0, -1.25 * beta)) > 1.0, qPrintable(QString::number(s)));
        }
    }

    // The largest |λ| of linear systems, from differences of their right-hand sides: found to 2 % when it stands apart
    // (as the leading mode's does in figure 5d: 0.69 against 0.42), approached from below when it does not (the
    // stepper takes 1.2 times the estimate).
    void powerIterationFindsTheSpectralRadius()
    {
        auto radiusOf = [](const std::vector<double>& eigenvalues) {
            auto f = [&](const State& y, State& dy, double) {
                dy.resize(y.size());
                for (std::size_t i = 0; i < y.size(); ++i)
                    dy[i] = eigenvalues[i] * y[i];
            };
            State x(eigenvalues.size(), 1.0), fx, direction, probe, fProbe;
            f(x, fx, 0);
            SerialAlgebra algebra;
            int evaluations = 0;
            const double rho = Stepper::powerIteration(algebra, f, x, fx, 0.0, direction, probe, fProbe, &evaluations);
            return std::pair{rho, evaluations};
        };
        std::vector<double> apart, clustered;
        for (int i = 1; i <= 100; ++i) {
            apart.push_back(i < 100 ? -0.5 * i : -100.0);
            clustered.push_back(-double(i));
        }
        const auto [rho, evaluations] = radiusOf(apart);
        QVERIFY2(std::abs(rho / 100.0 - 1) < 0.02, qPrintable(QString::number(rho)));
        QVERIFY(evaluations <= 20);
        const double below = radiusOf(clustered).first;
        QVERIFY2(below > 100.0 / 1.2 && below <= 100.0 * (1 + 1e-6), qPrintable(QString::number(below)));
    }

    // y' = −λ(y − cos t), λ = 1000: the solution follows (λ² cos t + λ sin t)/(λ² + 1) after a transient of 1/λ.
    // An explicit method held at its stability boundary (Dormand–Prince: 3.3/λ) would need 6·λ·10/3.3 ≈ 18000
    // right-hand sides on [0, 10]; the Chebyshev steps stay stable at any length and are set by accuracy (at rtol
    // 10⁻⁴ here; its error estimate is pessimistic for stiff components, and the errors stay far below).
    void followsAStiffForcedProblem()
    {
        const double lambda = 1000;
        int evaluations = 0;
        auto f = [&](const State& y, State& dy, double t) {
            ++evaluations;
            dy = {-lambda * (y[0] - std::cos(t))};
        };
        auto exact = [&](double t) { return (lambda * lambda * std::cos(t) + lambda * std::sin(t)) / (lambda * lambda + 1); };
        Stepper stepper(SerialAlgebra{}, ComponentError{1e-6, 1e-4});
        stepper.initialize(f, {exact(0)}, 0.0, 1e-3);
        double worst = 0, worstMid = 0;
        State mid;
        while (stepper.current_time() < 10) {
            stepper.do_step(f);
            const double t = stepper.current_time();
            worst = std::max(worst, std::abs(stepper.current_state()[0] - exact(t)));
            const double tm = t - 0.5 * stepper.last_step();
            stepper.calc_state(tm, mid);
            worstMid = std::max(worstMid, std::abs(mid[0] - exact(tm)));
        }
        qInfo("%d right-hand sides, %ld attempts, last step %.3g with %d stages (hρ = %.0f); worst error %.2g at the "
              "steps, %.2g between them",
              evaluations, stepper.attempts(), stepper.last_step(), stepper.last_stages(),
              stepper.last_step() * lambda, worst, worstMid);
        QVERIFY(worst < 1e-4);
        QVERIFY(worstMid < 1e-4);
        QVERIFY2(evaluations < 18000 / 4, qPrintable(QString::number(evaluations)));
        QVERIFY(stepper.last_step() * lambda > 10);  // far beyond any explicit method's fixed stability interval
    }
};

QTEST_APPLESS_MAIN(TestChebyshevStepper)
#include "tst_chebyshevstepper.moc"
