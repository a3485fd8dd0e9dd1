#include "ReducedOde.h"

#include "GaussianExpectations.h"

#include <Eigen/LU>

#include <algorithm>
#include <cmath>

namespace aedyn {

namespace {

double excessError(Activation g, double rho, double a, double c)
{
    const SingleExpectations e = singleExpectations(g, rho * a * a);
    return 0.5 * rho - rho * a * c * e.M + 0.5 * c * c * e.I2;
}

} // namespace

std::vector<ReducedPoint> integrateReducedOde(Activation g, double rho, double lr, double wd, double a0, double c0,
                                              const std::vector<double>& grid, double rtol, double atol,
                                              const RunControl* control)
{
    using Vec = Eigen::Vector2d;
    // §7.1: gradient flow on f(a, c) with the single-variable expectations at Q = ρ̃ a².
    auto f = [=](const Vec& y) {
        const double a = y(0), c = y(1), Q = rho * a * a;
        const SingleExpectations e = singleExpectations(g, Q);
        return Vec(lr * rho * c * (e.M + Q * e.N - a * c * (e.P + e.S)) - wd * a,
                   lr * (rho * a * e.M - c * e.I2) - wd * c);
    };
    auto jacobian = [&](const Vec& y) {
        Eigen::Matrix2d J;
        for (int j = 0; j < 2; ++j) {
            Vec h = Vec::Zero();
            h(j) = 1e-6 * std::max(std::abs(y(j)), 1e-3);
            J.col(j) = (f(y + h) - f(y - h)) / (2.0 * h(j));
        }
        return J;
    };
    // The encoder relaxes onto the valley at a rate ≈ ρ̃c²·2/π that grows with t while the valley itself drifts
    // as 1/t: the system is stiff, and an explicit method would need ~10⁸ steps to reach t = 10⁸. ROS2 (Verwer
    // et al.) is L-stable and of order 2 for any Jacobian; its embedded first-order solution controls the step.
    const double gamma = 1.0 + 1.0 / std::sqrt(2.0);
    std::vector<ReducedPoint> out;
    Vec y(a0, c0);
    double t = grid.empty() ? 0.0 : grid.front();
    double h = 1e-4;
    long long steps = 0;
    for (double target : grid) {
        while (t < target) {
            if (++steps % 256 == 0 && control && !control->proceed())
                return out;
            const double step = std::min(h, target - t);
            const Eigen::PartialPivLU<Eigen::Matrix2d> W(Eigen::Matrix2d::Identity() - gamma * step * jacobian(y));
            const Vec k1 = W.solve(f(y));
            const Vec k2 = W.solve(f(y + step * k1) - 2.0 * k1);
            const Vec next = y + step * (1.5 * k1 + 0.5 * k2);
            const Vec err = 0.5 * step * (k1 + k2);
            const double scale = std::max((err.array() / (atol + rtol * next.array().abs().max(y.array().abs())))
                                              .abs()
                                              .maxCoeff(),
                                          1e-10);
            if (scale <= 1.0 && next.allFinite()) {
                t += step;
                y = next;
            }
            h = step * std::clamp(0.9 / std::sqrt(scale), 0.2, 5.0);
        }
        const double a = y(0), c = y(1);
        out.push_back({t, a, c, excessError(g, rho, a, c)});
    }
    return out;
}

double optimalDecoderScale(Activation g, double rho, double a)
{
    const SingleExpectations e = singleExpectations(g, rho * a * a);
    return rho * a * e.M / e.I2;
}

PowerLawFit fitPowerLaw(const std::vector<double>& t, const std::vector<double>& y, double tMin, double tMax)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int n = 0;
    for (std::size_t i = 0; i < t.size() && i < y.size(); ++i) {
        if (!(t[i] >= tMin && t[i] <= tMax && t[i] > 0) || !std::isfinite(y[i]) || y[i] == 0.0)
            continue;
        const double lx = std::log(t[i]), ly = std::log(std::abs(y[i]));
        sx += lx;
        sy += ly;
        sxx += lx * lx;
        sxy += lx * ly;
        ++n;
    }
    PowerLawFit fit;
    fit.points = n;
    const double det = n * sxx - sx * sx;
    if (n < 2 || det <= 0)
        return fit;
    fit.exponent = (n * sxy - sx * sy) / det;
    fit.prefactor = std::exp((sy - fit.exponent * sx) / n);
    return fit;
}

} // namespace aedyn
