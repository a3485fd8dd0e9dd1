#pragma once
// A second-order Runge–Kutta–Chebyshev method (theory.md §6.12): an explicit method whose s stages stretch its
// stability interval along the negative real axis to about 0.65·s², for the late phase of the mode ODE, where the
// Jacobian's eigenvalues are real and negative (the leading mode's −0.7 for figure 5d) and Dormand–Prince's steps are
// held at its stability boundary (3.3/0.7 ≈ 5) long after the solution would allow much longer ones. A step of
// length h costs s ≈ √(1.54·h·ρ) right-hand sides instead of Dormand–Prince's 6·h·ρ/3.3.
//
// The stages follow the damped Chebyshev recursion of the RKC method (damping ε = 2/13), with its local error
// estimate 0.8·(yₙ − yₙ₊₁) + 0.4·h·(fₙ + fₙ₊₁) and a cubic Hermite interpolant between steps. The spectral radius ρ
// of the Jacobian comes from a nonlinear power iteration on differences of the right-hand side, renewed every
// kRadiusAge steps and after a rejected step.
//
// State is a contiguous vector of doubles; Algebra provides for_each3 … for_each6 (applied element-wise, as Odeint's
// algebras do); Error is an error checker with Odeint's `error(algebra, x, dxdt, err, dt)` (≤ 1: accept).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <vector>

namespace aedyn {

// A step rejected until its length fell below 10⁻¹⁴·max(1, |t|).
struct ChebyshevStepUnderflow : std::runtime_error {
    ChebyshevStepUnderflow()
        : std::runtime_error("step size underflow")
    {
    }
};

// The coefficients of one s-stage step: Yⱼ = (1 − μⱼ − νⱼ)Y₀ + μⱼYⱼ₋₁ + νⱼYⱼ₋₂ + μ̃ⱼ·h·f(Yⱼ₋₁) + γ̃ⱼ·h·f(Y₀),
// with Y₁ = Y₀ + μ̃₁·h·f(Y₀); stage j sits at time tₙ + cⱼ·h (c_s = 1).
struct ChebyshevCoefficients {
    std::vector<double> mu, nu, muTilde, gammaTilde, c;  // index j = 1 … s (entry 0 unused)

    explicit ChebyshevCoefficients(int s)
        : mu(s + 1), nu(s + 1), muTilde(s + 1), gammaTilde(s + 1), c(s + 1)
    {
        if (s < 2)
            throw std::invalid_argument("a Runge–Kutta–Chebyshev step needs at least 2 stages");
        const double eps = 2.0 / 13.0, w0 = 1.0 + eps / (double(s) * s);
        // Chebyshev polynomials Tⱼ and their first two derivatives at w0.
        std::vector<double> T(s + 1), dT(s + 1), ddT(s + 1);
        T[0] = 1, T[1] = w0, dT[0] = 0, dT[1] = 1, ddT[0] = 0, ddT[1] = 0;
        for (int j = 2; j <= s; ++j) {
            T[j] = 2 * w0 * T[j - 1] - T[j - 2];
            dT[j] = 2 * T[j - 1] + 2 * w0 * dT[j - 1] - dT[j - 2];
            ddT[j] = 4 * dT[j - 1] + 2 * w0 * ddT[j - 1] - ddT[j - 2];
        }
        const double w1 = dT[s] / ddT[s];
        std::vector<double> b(s + 1), a(s + 1);
        for (int j = 2; j <= s; ++j)
            b[j] = ddT[j] / (dT[j] * dT[j]);
        b[0] = b[1] = b[2];
        for (int j = 0; j <= s; ++j)
            a[j] = 1 - b[j] * T[j];
        muTilde[1] = b[1] * w1;
        c[0] = 0;
        c[1] = muTilde[1];
        for (int j = 2; j <= s; ++j) {
            mu[j] = 2 * w0 * b[j] / b[j - 1];
            nu[j] = -b[j] / b[j - 2];
            muTilde[j] = 2 * w1 * b[j] / b[j - 1];
            gammaTilde[j] = -a[j - 1] * muTilde[j];
            c[j] = mu[j] * c[j - 1] + nu[j] * c[j - 2] + muTilde[j] + gammaTilde[j];
        }
    }
};

template <class State, class Algebra, class Error>
class ChebyshevStepper {
public:
    static constexpr int kRadiusAge = 25;   // steps between two estimates of the spectral radius
    static constexpr int kMaxStages = 200;  // the stability interval then reaches about 26000/ρ

    ChebyshevStepper(Algebra algebra, Error error)
        : algebra_(algebra)
        , error_(error)
    {
    }

    // Starts from x at t with a first step dt; f(x) is evaluated here (and then carried from step to step).
    template <class System>
    void initialize(System& system, const State& x, double t, double dt)
    {
        x_ = x;
        t_ = tOld_ = t;
        dt_ = dt;
        fx_.resize(x.size());
        system(x_, fx_, t_);
        radiusAge_ = kRadiusAge;  // estimate before the first step
    }

    // One accepted step (rejected attempts are repeated with a shorter one).
    template <class System>
    void do_step(System& system)
    {
        for (;;) {
            if (radiusAge_ >= kRadiusAge)
                estimateRadius(system);
            const double h = std::min(dt_, maxStep());
            const int s = stagesFor(h);
            attempt(system, h, s);
            system(xNew_, fNew_, t_ + h);
            algebra_.for_each5(err_, x_, xNew_, fx_, fNew_, [h](double& e, double x0, double x1, double f0, double f1) {
                e = 0.8 * (x0 - x1) + 0.4 * h * (f0 + f1);
            });
            const double err = error_.error(algebra_, x_, fx_, err_, h);
            ++attempts_;
            if (!std::isfinite(err) || err > 1.0) {
                // Shorter, with a fresh radius: a wrong ρ shows as a rejected step.
                dt_ = h * (std::isfinite(err) ? std::max(0.1, 0.8 * std::pow(err, -1.0 / 3.0)) : 0.1);
                radiusAge_ = kRadiusAge;
                if (dt_ < 1e-14 * std::max(1.0, std::abs(t_)))
                    throw ChebyshevStepUnderflow();
                continue;
            }
            tOld_ = t_;
            xOld_.swap(x_);
            fOld_.swap(fx_);
            x_.swap(xNew_);
            fx_.swap(fNew_);
            t_ += h;
            lastStep_ = h;
            dt_ = h * std::min(10.0, std::max(0.2, 0.8 * std::pow(std::max(err, 1e-10), -1.0 / 3.0)));
            ++radiusAge_;
            lastStages_ = s;
            return;
        }
    }

    // The s stages of a step of length h from the current state, without error control or taking the step: the
    // result (returned) is what do_step would accept. Public for the tests of its order and stability.
    template <class System>
    const State& attempt(System& system, double h, int s)
    {
        const std::size_t n = x_.size();
        for (State* v : {&y0_, &y1_, &y2_, &f1_, &xNew_, &fNew_, &err_})
            v->resize(n);
        const ChebyshevCoefficients k(s);
        // Y₀ is x_ itself; y0_, y1_ and y2_ take the later stages in turn, of which only the last two are kept.
        State* prev2 = &x_;   // Yⱼ₋₂
        State* prev1 = &y1_;  // Yⱼ₋₁
        State* next = &y2_;
        const double m1 = k.muTilde[1] * h;
        algebra_.for_each3(y1_, x_, fx_, [m1](double& y, double x, double f) { y = x + m1 * f; });
        for (int j = 2; j <= s; ++j) {
            system(*prev1, f1_, t_ + k.c[j - 1] * h);
            const double mu = k.mu[j], nu = k.nu[j], mt = k.muTilde[j] * h, gt = k.gammaTilde[j] * h;
            const double one = 1 - mu - nu;
            algebra_.for_each6(*next, x_, *prev1, *prev2, f1_, fx_,
                               [=](double& y, double x, double p1, double p2, double f1, double f0) {
                                   y = one * x + mu * p1 + nu * p2 + mt * f1 + gt * f0;
                               });
            // The buffer of Yⱼ₋₂ takes the next stage, unless it is x_, which must keep Y₀.
            State* freed = prev2 == &x_ ? &y0_ : prev2;
            prev2 = prev1;
            prev1 = next;
            next = freed;
        }
        xNew_.swap(*prev1);
        return xNew_;
    }

    // The state at t in the last step [tOld, t], by cubic Hermite interpolation of its ends and their slopes.
    void calc_state(double t, State& out) const
    {
        out.resize(x_.size());
        const double h = t_ - tOld_;
        if (h <= 0) {
            out = x_;
            return;
        }
        const double th = (t - tOld_) / h, th2 = th * th, th3 = th2 * th;
        const double h00 = 2 * th3 - 3 * th2 + 1, h10 = (th3 - 2 * th2 + th) * h, h01 = -2 * th3 + 3 * th2,
                     h11 = (th3 - th2) * h;
        algebra_.for_each5(out, xOld_, fOld_, x_, fx_, [=](double& y, double x0, double f0, double x1, double f1) {
            y = h00 * x0 + h10 * f0 + h01 * x1 + h11 * f1;
        });
    }

    const State& current_state() const { return x_; }
    double current_time() const { return t_; }
    double current_time_step() const { return dt_; }
    double last_step() const { return lastStep_; }
    int last_stages() const { return lastStages_; }
    double spectral_radius() const { return radius_; }
    long attempts() const { return attempts_; }

    // The estimate of the Jacobian's spectral radius at x (with f(x) = fx), by a nonlinear power iteration on
    // differences of the right-hand side; `direction` is where it begins (f(x) when empty) and is left on the
    // dominant direction, to start the next estimate from; probe and fProbe are scratch.
    template <class System>
    static double powerIteration(Algebra& algebra, System& system, const State& x, const State& fx, double t,
                                 State& direction, State& probe, State& fProbe, int* evaluations = nullptr)
    {
        const std::size_t n = x.size();
        double xNorm = 0;
        for (double v : x)
            xNorm += v * v;
        xNorm = std::sqrt(xNorm);
        const double delta = std::sqrt(1e-16) * std::max(1.0, xNorm);  // the length of the difference taken
        probe.resize(n);
        fProbe.resize(n);
        if (direction.size() != n) {
            direction = fx;  // f points away from the slow manifold, along the stiff directions
            if (norm(direction) == 0)
                direction.assign(n, 1.0);
        }
        scaleTo(direction, delta);
        double radius = 0;
        for (int iteration = 0; iteration < 50; ++iteration) {
            algebra.for_each3(probe, x, direction, [](double& p, double a, double d) { p = a + d; });
            system(probe, fProbe, t);
            if (evaluations)
                ++*evaluations;
            algebra.for_each3(direction, fProbe, fx, [](double& d, double a, double b) { d = a - b; });
            const double length = norm(direction);
            const double previous = radius;
            radius = length / delta;
            if (length == 0) {
                direction.assign(n, 1.0);
                scaleTo(direction, delta);
                continue;
            }
            scaleTo(direction, delta);
            if (iteration >= 2 && std::abs(radius - previous) <= 0.01 * radius)
                break;
        }
        return radius;
    }

private:
    static double norm(const State& v)
    {
        double s = 0;
        for (double x : v)
            s += x * x;
        return std::sqrt(s);
    }
    static void scaleTo(State& v, double length)
    {
        const double current = norm(v);
        if (current > 0)
            for (double& x : v)
                x *= length / current;
    }

    template <class System>
    void estimateRadius(System& system)
    {
        // A margin: the iteration approaches the largest eigenvalue from below.
        radius_ = 1.2 * powerIteration(algebra_, system, x_, fx_, t_, direction_, probe_, fProbe_);
        radiusAge_ = 0;
    }
    int stagesFor(double h) const
    {
        return std::clamp(1 + static_cast<int>(std::ceil(std::sqrt(1.0 + 1.54 * h * radius_))), 2, kMaxStages);
    }
    double maxStep() const
    {
        // The longest step kMaxStages can keep stable: β(s) ≈ 0.653·s².
        return radius_ > 0 ? 0.653 * kMaxStages * kMaxStages / radius_ : 1e300;
    }

    Algebra algebra_;
    Error error_;
    State x_, fx_, xOld_, fOld_, xNew_, fNew_, y0_, y1_, y2_, f1_, err_, direction_, probe_, fProbe_;
    double t_ = 0, tOld_ = 0, dt_ = 0, lastStep_ = 0, radius_ = 0;
    int radiusAge_ = 0, lastStages_ = 0;
    long attempts_ = 0;
};

} // namespace aedyn
