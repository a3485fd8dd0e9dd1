#include "SpikedModel.h"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace aedyn {

SpikedModel::SpikedModel(int D, std::vector<double> spikeStd, double sigma, RowKind rows, bool normalise,
                         std::uint64_t rowSeed)
    : D_(D)
    , lambda_(std::move(spikeStd))
    , sigma_(sigma)
{
    const int M = static_cast<int>(lambda_.size());
    if (D < 1)
        throw std::invalid_argument("D = " + std::to_string(D) + ": must be at least 1");
    if (M < 1 || M > D || M > 64)
        throw std::invalid_argument("M = " + std::to_string(M) + " spikes: must be from 1 to min(D, 64) (D = " +
                                    std::to_string(D) + ")");
    for (double l : lambda_)
        if (!(l > 0) || !std::isfinite(l))
            throw std::invalid_argument("spikes: every spike standard deviation must be greater than 0");
    if (!(sigma >= 0) || !std::isfinite(sigma))
        throw std::invalid_argument("sigma: must be 0 or greater");

    // Rows of norm exactly √D (§2.1).
    rows_.resize(M, D);
    if (rows == RowKind::Random) {
        GaussianSampler rng(rowSeed, 0);
        for (int m = 0; m < M; ++m)
            for (int i = 0; i < D; ++i)
                rows_(m, i) = rng.normal();
    } else {
        for (int m = 0; m < M; ++m)
            for (int i = 0; i < D; ++i)
                rows_(m, i) = std::sin((m + 2.0) * i / 100.0);  // frequencies 2/100, 3/100, … (m is 0-based here)
    }
    for (int m = 0; m < M; ++m) {
        const double n = rows_.row(m).norm();
        if (!(n > 0))
            throw std::invalid_argument("spike row " + std::to_string(m + 1) + " is zero at D = " + std::to_string(D));
        rows_.row(m) *= std::sqrt(static_cast<double>(D)) / n;
    }

    // Tr Ω_raw / D = Σ Λ² + σ² exactly, because every row has norm √D.
    const double trace = std::accumulate(lambda_.begin(), lambda_.end(), sigma * sigma,
                                         [](double acc, double l) { return acc + l * l; });
    s_ = normalise ? std::sqrt(trace) : 1.0;

    // Spectrum from the M×M problem G = B Bᵀ, B = diag(Λ) A (§2.2).
    const Eigen::Map<const Eigen::VectorXd> lam(lambda_.data(), M);
    const Eigen::MatrixXd B = lam.asDiagonal() * rows_;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(B * B.transpose());
    const Eigen::VectorXd gamma = eig.eigenvalues().reverse();
    const Eigen::MatrixXd U = eig.eigenvectors().rowwise().reverse();
    if (!(gamma(M - 1) > 1e-10 * gamma(0)))
        throw std::invalid_argument("the " + std::to_string(M) + " spike rows are linearly dependent at D = " +
                                    std::to_string(D) + " (use fewer spikes or a larger D)");
    eigenvectors_ = B.transpose() * U;
    for (int m = 0; m < M; ++m)
        eigenvectors_.col(m) /= std::sqrt(gamma(m));

    const double s2 = s_ * s_;
    modes_.D = D;
    modes_.rho = ((gamma.array() + sigma * sigma) / (s2 * D)).matrix();
    modes_.bulkRho = sigma * sigma / (s2 * D);
    modes_.bulkCount = D - M;

    scaledRowsT_ = rows_.transpose() * (lam / s_).asDiagonal();
}

void SpikedModel::draw(GaussianSampler& rng, double* x) const
{
    Eigen::Map<Eigen::VectorXd> out(x, D_);
    // At most 64 spikes: the coefficients live on the stack, and x is formed in one pass over D.
    Eigen::Matrix<double, Eigen::Dynamic, 1, 0, 64, 1> c(scaledRowsT_.cols());
    rng.fillNormal(c.data(), c.size());
    rng.fillNormal(x, D_);
    out = (sigma_ / s_) * out + scaledRowsT_ * c;
}

Eigen::MatrixXd SpikedModel::projectOnModes(const Eigen::MatrixXd& W) const { return W * eigenvectors_; }

} // namespace aedyn
