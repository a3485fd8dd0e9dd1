#include "Observables.h"

#include "TestError.h"

#include <algorithm>
#include <cmath>

namespace aedyn {

Eigen::MatrixXd Observables::encoderOverlap() const
{
    return (encoderNorm.cwiseMax(1e-300).cwiseInverse().asDiagonal() * encoderProjection).cwiseAbs();
}

Eigen::MatrixXd Observables::decoderOverlap() const
{
    return (decoderNorm.cwiseMax(1e-300).cwiseInverse().asDiagonal() * decoderProjection).cwiseAbs();
}

Eigen::MatrixXd Observables::encoderSubspaceOverlap() const
{
    const Eigen::VectorXd n = encoderProjection.rowwise().norm().cwiseMax(1e-300);
    return (n.cwiseInverse().asDiagonal() * encoderProjection).cwiseAbs();
}

bool Observables::allFinite() const
{
    return std::isfinite(eps) && op.Q1.allFinite() && op.R1.allFinite() && op.T0.allFinite() &&
           encoderProjection.allFinite() && decoderProjection.allFinite() && op.beta.allFinite();
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
    o.encoderNorm = WW.diagonal().cwiseSqrt();
    o.decoderNorm = op.T0.diagonal().cwiseSqrt();
    if (data.hasTestSet())
        o.testEps = data.testError(rule, w);
    const Eigen::Index shown = std::min<Eigen::Index>(Pw.cols(), kReportedModes);
    o.encoderProjection = Pw.leftCols(shown);
    o.decoderProjection = Pv.leftCols(shown) / sqrtD;
    return o;
}

} // namespace aedyn
