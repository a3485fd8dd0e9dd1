#include "Observables.h"

#include "TestError.h"

#include <algorithm>
#include <cmath>

namespace aedyn {

namespace {

// |P(k, τ)| / n_k against the true norm n_k: 0 where the norm is 0 (a zero vector has no direction), and never
// above 1 even when rounding puts a projection a few ulps past its vector's norm.
double cosine(double norm, double projection) { return norm > 0 ? std::min(1.0, std::abs(projection) / norm) : 0.0; }

Eigen::MatrixXd cosines(const Eigen::VectorXd& norm, const Eigen::MatrixXd& P)
{
    Eigen::MatrixXd c(P.rows(), P.cols());
    for (Eigen::Index k = 0; k < P.rows(); ++k)
        for (Eigen::Index tau = 0; tau < P.cols(); ++tau)
            c(k, tau) = cosine(norm(k), P(k, tau));
    return c;
}

} // namespace

Eigen::MatrixXd Observables::encoderOverlap() const { return cosines(encoderNorm, encoderProjection); }

double Observables::encoderOverlap(Eigen::Index k, Eigen::Index tau) const
{
    return cosine(encoderNorm(k), encoderProjection(k, tau));
}

Eigen::MatrixXd Observables::decoderOverlap() const { return cosines(decoderNorm, decoderProjection); }

Eigen::MatrixXd Observables::encoderSubspaceOverlap() const
{
    // stableNorm: weights of 1e-200 have squares that underflow, their norm does not.
    Eigen::VectorXd n(encoderProjection.rows());
    for (Eigen::Index k = 0; k < n.size(); ++k)
        n(k) = encoderProjection.row(k).stableNorm();
    return cosines(n, encoderProjection);
}

bool Observables::allFinite() const
{
    return std::isfinite(eps) && op.Q1.allFinite() && op.R1.allFinite() && op.T0.allFinite() &&
           encoderProjection.allFinite() && decoderProjection.allFinite() && op.beta.allFinite() &&
           op.T1.allFinite() && op.Q0.allFinite() && encoderNorm.allFinite() && decoderNorm.allFinite() &&
           (std::isnan(testEps) || std::isfinite(testEps));
}

Observables historyPoint(const Observables& o)
{
    Observables h;
    h.t = o.t;
    h.eps = o.eps;
    h.testEps = o.testEps;
    h.op.Q1 = o.op.Q1.diagonal();
    h.op.R1 = o.op.R1.diagonal();
    h.op.T1 = o.op.T1.diagonal();
    h.op.T0 = o.op.T0.diagonal();
    h.op.Q0 = o.op.Q0.diagonal();
    h.op.beta = o.op.beta;
    h.encoderNorm = o.encoderNorm;
    h.decoderNorm = o.decoderNorm;
    h.encoderProjection = o.encoderProjection;
    h.decoderProjection = o.decoderProjection;
    return h;
}

Observables meanOverRuns(const std::vector<Observables>& runs)
{
    Observables mean = runs.front();
    for (std::size_t r = 1; r < runs.size(); ++r) {
        const Observables& o = runs[r];
        mean.eps += o.eps;
        mean.testEps += o.testEps;
        mean.encoderNorm += o.encoderNorm;
        mean.decoderNorm += o.decoderNorm;
        mean.op.Q1 += o.op.Q1;
        mean.op.R1 += o.op.R1;
        mean.op.T1 += o.op.T1;
        mean.op.T0 += o.op.T0;
        mean.op.Q0 += o.op.Q0;
        mean.op.beta += o.op.beta;
        mean.encoderProjection += o.encoderProjection;
        mean.decoderProjection += o.decoderProjection;
    }
    const double n = static_cast<double>(runs.size());
    mean.eps /= n;
    mean.testEps /= n;
    mean.encoderNorm /= n;
    mean.decoderNorm /= n;
    mean.op.Q1 /= n;
    mean.op.R1 /= n;
    mean.op.T1 /= n;
    mean.op.T0 /= n;
    mean.op.Q0 /= n;
    mean.op.beta /= n;
    mean.encoderProjection /= n;
    mean.decoderProjection /= n;
    return mean;
}

Observables observablesFromWeights(const DataModel& data, const TrainingRule& rule, const Weights& w, double t)
{
    const ModeSpectrum& m = data.modes();
    const double D = w.D(), sqrtD = std::sqrt(D);
    const Eigen::MatrixXd W = w.W;
    const Eigen::MatrixXd V = (rule.tied || rule.rule == Rule::Sanger) ? W : Eigen::MatrixXd(w.V);
    // Projections on the tracked eigenvectors; the rest of each vector lies in the degenerate bulk (§3.10).
    const Eigen::MatrixXd Pw = data.projectOnModes(W), Pv = data.projectOnModes(V);
    const Eigen::MatrixXd WW = W * W.transpose(), VW = V * W.transpose(), VV = V * V.transpose();

    Observables o;
    o.t = t;
    OrderParameters& op = o.op;
    op.Q1 = Pw * m.rho.asDiagonal() * Pw.transpose();
    op.R1 = Pv * m.rho.asDiagonal() * Pw.transpose() / sqrtD;
    op.T1 = Pv * m.rho.asDiagonal() * Pv.transpose() / D;
    if (m.bulkCount > 0) {
        op.Q1 += m.bulkRho * (WW - Pw * Pw.transpose());
        op.R1 += m.bulkRho * (VW - Pv * Pw.transpose()) / sqrtD;
        op.T1 += m.bulkRho * (VV - Pv * Pv.transpose()) / D;
    }
    op.T0 = VV / D;
    op.Q0 = WW / D;
    op.beta = w.beta;

    const double tr = m.traceOverD();
    o.eps = rule.rule == Rule::Sanger ? sangerError(tr, D, op.Q1, op.Q0)
                                      : populationError(rule.activation, tr, op.Q1, op.R1, op.T0, op.beta);
    // Norms without squaring first: weights of 1e-200 have squares that underflow, their norm does not.
    o.encoderNorm.resize(W.rows());
    o.decoderNorm.resize(V.rows());
    for (Eigen::Index k = 0; k < W.rows(); ++k) {
        o.encoderNorm(k) = W.row(k).stableNorm();
        o.decoderNorm(k) = V.row(k).stableNorm() / sqrtD;
    }
    if (data.hasTestSet())
        o.testEps = data.testError(rule, w);
    const Eigen::Index shown = std::min<Eigen::Index>(Pw.cols(), kReportedModes);
    o.encoderProjection = Pw.leftCols(shown);
    o.decoderProjection = Pv.leftCols(shown) / sqrtD;
    return o;
}

} // namespace aedyn
