#pragma once
// The local-error test of the mode ODE (theory.md §6.12), as a Boost.Odeint error checker.
//
// The U and Z blocks hold the coordinates of each weight vector in the eigenbasis: column k of U is w_k, column k of
// Z is v_k/√D. A coordinate that happens to be small in this basis (the projection of a unit on a mode it does not
// learn) need not be known to rtol of itself: its error is measured against the larger of its own size and the norm
// of its column (the tracked part of the weight vector). Odeint's default test, rtol·(|x| + h|dx/dt|) component by
// component, demands relative accuracy on those small coordinates, and with a full spectrum they set the step
// (theory.md §6.12). Gram sums and biases keep the component-wise test.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace aedyn {

class WeightNormError {
public:
    using value_type = double;

    // The state starts with 2K columns of Mt coordinates each (U, then Z, column-major); the rest is tested
    // component-wise.
    WeightNormError(double atol, double rtol, int Mt, int K)
        : atol_(atol)
        , rtol_(rtol)
        , Mt_(Mt)
        , K_(K)
    {
    }

    // The largest error relative to its allowance (≤ 1: the step is accepted), as odeint expects. The algebra runs
    // job(0) and job(1), possibly on two threads: the U columns are tested in one, the Z columns and the rest in the
    // other, each column exactly as on one thread.
    template <class Algebra, class State, class Deriv, class Err, class Time>
    double error(Algebra& algebra, const State& x, const Deriv& dxdt, const Err& err, Time dt) const
    {
        const double h = std::abs(static_cast<double>(dt));
        double worst[2] = {0.0, 0.0};
        algebra.halves([&](int half) {
            double w = 0.0;
            std::size_t i = std::size_t(half) * K_ * Mt_;
            for (int c = 0; c < K_; ++c) {
                double sq = 0.0;
                for (int r = 0; r < Mt_; ++r)
                    sq += x[i + r] * x[i + r];
                const double norm = std::sqrt(sq);
                for (int r = 0; r < Mt_; ++r, ++i)
                    w = std::max(w, std::abs(err[i]) / allowance(std::max(norm, scale(x[i], dxdt[i], h))));
            }
            if (half == 1)
                for (; i < x.size(); ++i)
                    w = std::max(w, std::abs(err[i]) / allowance(scale(x[i], dxdt[i], h)));
            worst[half] = w;
        });
        return std::max(worst[0], worst[1]);
    }

private:
    static double scale(double x, double dxdt, double h) { return std::abs(x) + h * std::abs(dxdt); }
    double allowance(double size) const { return atol_ + rtol_ * size; }

    double atol_, rtol_;
    int Mt_, K_;
};

} // namespace aedyn
