#include "GaussianExpectations.h"

#include "BivariateNormal.h"

#include <algorithm>
#include <cmath>

namespace aedyn {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoOverPi = 2.0 / kPi;
constexpr double kSqrt2OverPi = 0.79788456080286535588;

void resize(Expectations& e, int K)
{
    if (e.M.size() == K && e.I2.rows() == K)
        return;
    e.M.resize(K);
    e.H.resize(K);
    e.N.resize(K);
    e.I2.resize(K, K);
    e.P.resize(K, K);
    e.S.resize(K, K);
    e.F.resize(K, K);
}

// The rows k0 <= k < k1 of the pair expectations. The two parts of pairExpectations have about equal work: for the
// symmetric loop over pairs (k, a >= k), rows below K(1 - 1/√2) hold half the pairs; otherwise half the rows.
int splitRow(int K, bool triangular)
{
    return triangular ? static_cast<int>(std::lround(K * (1.0 - std::sqrt(0.5)))) : K / 2;
}

// theory.md §5.2 without shifts. Q¹ is symmetric, and so are I², S and the √Δ in P: each pair (k, a ≥ k) is computed
// once, from Q¹_ka (the pair expectations were about a fifth of a full-spectrum right-hand side). Rows k0 <= k < k1
// write only entries (k, a) and (a, k) with a >= k: disjoint from those of other rows.
bool erfPairsWithoutBias(const Eigen::MatrixXd& Q, Expectations& e, int k0, int k1)
{
    const int K = static_cast<int>(Q.rows());
    for (int k = k0; k < k1; ++k) {
        const double A1 = 1.0 + Q(k, k);
        for (int a = k; a < K; ++a) {
            const double B1 = 1.0 + Q(a, a), C = Q(k, a);
            const double delta = A1 * B1 - C * C;
            if (!(delta > 0.0) || !(B1 - C * C / A1 > 0.0) || !(A1 - C * C / B1 > 0.0))
                return false;
            const double rootDelta = std::sqrt(delta);
            e.S(k, a) = e.S(a, k) = kTwoOverPi / rootDelta;
            e.P(k, a) = -kTwoOverPi * C / (A1 * rootDelta);
            e.P(a, k) = -kTwoOverPi * C / (B1 * rootDelta);
            e.I2(k, a) = e.I2(a, k) = kTwoOverPi * std::asin(std::clamp(C / std::sqrt(A1 * B1), -1.0, 1.0));
        }
    }
    return true;
}

// theory.md §5.2, the one-unit expectations.
bool erfSingles(const Eigen::MatrixXd& Q, const Eigen::VectorXd& b, bool anyBias, Expectations& e)
{
    const int K = static_cast<int>(Q.rows());
    for (int k = 0; k < K; ++k) {
        const double A1 = 1.0 + Q(k, k);
        if (!(A1 > 0.0))
            return false;
        e.M(k) = kSqrt2OverPi / std::sqrt(A1) * (anyBias ? std::exp(-b(k) * b(k) / (2.0 * A1)) : 1.0);
        e.H(k) = -b(k) * e.M(k) / A1;
        e.N(k) = e.M(k) * (b(k) * b(k) / (A1 * A1) - 1.0 / A1);
    }
    if (!anyBias)
        e.F.setZero();
    return true;
}

// theory.md §5.2 with shifts, rows k0 <= k < k1 (and the I² entries (a, k), a >= k, of those rows). The off-diagonal
// formulas with C = A = B and equal shifts give the same-variable values.
bool erfPairs(const Eigen::MatrixXd& Q, const Eigen::VectorXd& b, Expectations& e, int k0, int k1)
{
    const int K = static_cast<int>(Q.rows());
    for (int k = k0; k < k1; ++k) {
        const double A1 = 1.0 + Q(k, k), b1 = b(k);
        for (int a = 0; a < K; ++a) {
            const double B1 = 1.0 + Q(a, a), C = Q(k, a), b2 = b(a);
            const double delta = A1 * B1 - C * C;
            const double v2 = B1 - C * C / A1;
            if (!(delta > 0.0) || !(v2 > 0.0))
                return false;
            const double root2v2 = std::sqrt(2.0 * v2);
            e.S(k, a) = kTwoOverPi / std::sqrt(delta) *
                        std::exp(-(B1 * b1 * b1 - 2.0 * C * b1 * b2 + A1 * b2 * b2) / (2.0 * delta));
            const double chi = (b2 - b1 * C / A1) / root2v2;
            const double erfChi = std::erf(chi);
            e.F(k, a) = e.M(k) * erfChi;
            e.P(k, a) = e.M(k) * (-(b1 / A1) * erfChi -
                                  (2.0 / std::sqrt(kPi)) * std::exp(-chi * chi) * C / (A1 * root2v2));
            if (a >= k) {
                const double h1 = b1 / std::sqrt(A1), h2 = b2 / std::sqrt(B1);
                const double r = C / std::sqrt(A1 * B1);
                e.I2(k, a) = 4.0 * bivariateNormalCdf(h1, h2, r) - 2.0 * normalCdf(h1) - 2.0 * normalCdf(h2) + 1.0;
                e.I2(a, k) = e.I2(k, a);
            }
        }
    }
    return true;
}

// theory.md §5.3; same-variable entries are special-cased here, never the a ≠ k formulas at r = 1.
bool reluSingles(const Eigen::MatrixXd& Q, const Eigen::VectorXd& b, Expectations& e)
{
    const int K = static_cast<int>(Q.rows());
    for (int k = 0; k < K; ++k) {
        const double A = Q(k, k);
        if (!(A > 0.0))
            return false;
        const double s = std::sqrt(A), h = b(k) / s, ph = normalPdf(h), Ph = normalCdf(h);
        e.M(k) = Ph;
        e.H(k) = ph / s;
        e.N(k) = -h * ph / A;
        e.S(k, k) = Ph;
        e.P(k, k) = 0.0;
        e.F(k, k) = s * ph + b(k) * Ph;
        e.I2(k, k) = (A + b(k) * b(k)) * Ph + b(k) * s * ph;
    }
    return true;
}

// theory.md §5.3, pairs a ≠ k of rows k0 <= k < k1.
bool reluPairs(const Eigen::MatrixXd& Q, const Eigen::VectorXd& b, bool anyBias, Expectations& e, int k0, int k1)
{
    const int K = static_cast<int>(Q.rows());
    constexpr double phi0 = 0.39894228040143267794;
    for (int k = k0; k < k1; ++k) {
        const double A = Q(k, k), sk = std::sqrt(A), hk = b(k) / sk;
        for (int a = 0; a < K; ++a) {
            if (a == k)
                continue;
            const double B = Q(a, a), C = Q(k, a), sa = std::sqrt(B), ha = b(a) / sa;
            const double r = std::clamp(C / (sk * sa), -1.0 + 1e-12, 1.0 - 1e-12);
            const double omega = std::sqrt(1.0 - r * r);
            if (!anyBias) {
                e.S(k, a) = 0.25 + std::asin(r) / (2.0 * kPi);
                e.P(k, a) = sa * omega / (2.0 * kPi * sk);
                e.F(k, a) = sa * phi0 * 0.5 * (1.0 + r);
                const double g = std::sqrt(std::max(A * B - C * C, 0.0));
                e.I2(k, a) = (g + C * (0.5 * kPi + std::atan2(C, g))) / (2.0 * kPi);
                continue;
            }
            const double chiAk = (ha - r * hk) / omega, chiKa = (hk - r * ha) / omega;
            const double S = bivariateNormalCdf(hk, ha, r);
            const double phk = normalPdf(hk);
            e.S(k, a) = S;
            e.P(k, a) = phk / sk * sa * ((ha - r * hk) * normalCdf(chiAk) + omega * normalPdf(chiAk));
            e.F(k, a) = sa * (r * phk * normalCdf(chiAk) + normalPdf(ha) * normalCdf(chiKa)) + b(a) * S;
            e.I2(k, a) = A * e.P(k, a) + C * S + b(k) * e.F(k, a);
        }
    }
    return true;
}

void linearExpectations(const Eigen::MatrixXd& Q, const Eigen::VectorXd& b, Expectations& e)
{
    e.M.setOnes();
    e.H.setZero();
    e.N.setZero();
    e.I2 = Q + b * b.transpose();
    e.P.setZero();
    e.S.setOnes();
    e.F = Eigen::VectorXd::Ones(b.size()) * b.transpose();
}

} // namespace

bool prepareExpectations(Activation g, const Eigen::MatrixXd& Q1, const Eigen::VectorXd& beta, Expectations& out)
{
    const int K = static_cast<int>(Q1.rows());
    resize(out, K);
    if (!Q1.allFinite() || !beta.allFinite())
        return false;
    switch (g) {
    case Activation::Erf: return erfSingles(Q1, beta, (beta.array() != 0.0).any(), out);
    case Activation::Relu: return reluSingles(Q1, beta, out);
    case Activation::Linear: linearExpectations(Q1, beta, out); return true;
    }
    return false;
}

bool pairExpectations(Activation g, const Eigen::MatrixXd& Q1, const Eigen::VectorXd& beta, Expectations& out,
                      int part)
{
    const int K = static_cast<int>(Q1.rows());
    const bool anyBias = (beta.array() != 0.0).any();
    const int split = splitRow(K, g == Activation::Erf && !anyBias);
    const int k0 = part == 0 ? 0 : split, k1 = part == 0 ? split : K;
    switch (g) {
    case Activation::Erf: return anyBias ? erfPairs(Q1, beta, out, k0, k1) : erfPairsWithoutBias(Q1, out, k0, k1);
    case Activation::Relu: return reluPairs(Q1, beta, anyBias, out, k0, k1);
    case Activation::Linear: return true;
    }
    return false;
}

bool computeExpectations(Activation g, const Eigen::MatrixXd& Q1, const Eigen::VectorXd& beta, Expectations& out)
{
    return prepareExpectations(g, Q1, beta, out) && pairExpectations(g, Q1, beta, out, 0) &&
           pairExpectations(g, Q1, beta, out, 1);
}

SingleExpectations singleExpectations(Activation g, double q, double b)
{
    Expectations e;
    const bool ok = computeExpectations(g, Eigen::MatrixXd::Constant(1, 1, q), Eigen::VectorXd::Constant(1, b), e);
    if (!ok) {
        const double nan = std::nan("");
        return {nan, nan, nan, nan, nan};
    }
    return {e.M(0), e.N(0), e.I2(0, 0), e.P(0, 0), e.S(0, 0)};
}

} // namespace aedyn
