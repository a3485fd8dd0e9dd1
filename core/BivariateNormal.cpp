#include "BivariateNormal.h"

#include <array>
#include <cmath>

namespace aedyn {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Nodes and weights of the 48-point Gauss–Legendre rule on [−1, 1], by Newton iteration on P_48.
struct GaussLegendre48 {
    static constexpr int n = 48;
    std::array<double, n> x{}, w{};
    GaussLegendre48()
    {
        for (int i = 0; i < n; ++i) {
            double z = std::cos(kPi * (i + 0.75) / (n + 0.5));
            double dp = 1.0;
            for (int it = 0; it < 100; ++it) {
                double p0 = 1.0, p1 = z;
                for (int k = 2; k <= n; ++k) {
                    const double p2 = ((2.0 * k - 1.0) * z * p1 - (k - 1.0) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (z * p1 - p0) / (z * z - 1.0);
                const double dz = p1 / dp;
                z -= dz;
                if (std::abs(dz) < 1e-16)
                    break;
            }
            x[i] = z;
            w[i] = 2.0 / ((1.0 - z * z) * dp * dp);
        }
    }
};

const GaussLegendre48& rule()
{
    static const GaussLegendre48 r;
    return r;
}

} // namespace

double normalPdf(double x) { return 0.39894228040143267794 * std::exp(-0.5 * x * x); }

double normalCdf(double x) { return 0.5 * std::erfc(-x * 0.70710678118654752440); }

double bivariateNormalCdf(double h, double k, double r)
{
    if (r >= 1.0)
        return normalCdf(std::min(h, k));
    if (r <= -1.0)
        return std::max(0.0, normalCdf(h) - normalCdf(-k));
    // Φ₂ = Φ(h)Φ(k) + (1/2π) ∫₀^{arcsin r} exp(−(h² + k² − 2hk sin θ) / (2cos²θ)) dθ (theory.md §5.5).
    const double top = std::asin(r);
    const double half = 0.5 * top;
    const GaussLegendre48& gl = rule();
    double sum = 0.0;
    for (int i = 0; i < GaussLegendre48::n; ++i) {
        const double theta = half * (gl.x[i] + 1.0);
        const double s = std::sin(theta);
        const double c2 = std::max(1.0 - s * s, 1e-300);
        sum += gl.w[i] * std::exp(-(h * h + k * k - 2.0 * h * k * s) / (2.0 * c2));
    }
    return normalCdf(h) * normalCdf(k) + half * sum / (2.0 * kPi);
}

} // namespace aedyn
