#pragma once
// The spiked model (theory.md §2.1–2.2): x = (Σ_m c_m a_m + σ ξ)/s with M fixed rows of norm √D.
// Its exact spectrum comes from an M×M problem; no D×D matrix is ever formed.
#include "DataModel.h"

#include <cstdint>
#include <vector>

namespace aedyn {

enum class RowKind { Random, Sinusoidal };

class SpikedModel final : public DataModel {
public:
    // spikeStd: Λ_m (m = 1..M, Λ_1 belongs to the first row). Random rows are drawn from `rowSeed`.
    // Throws std::invalid_argument naming the problem (M > D, non-positive Λ, σ < 0, dependent rows).
    SpikedModel(int D, std::vector<double> spikeStd, double sigma, RowKind rows, bool normalise,
                std::uint64_t rowSeed);

    const ModeSpectrum& modes() const override { return modes_; }
    void draw(GaussianSampler& rng, double* x) const override;
    Eigen::MatrixXd projectOnModes(const Eigen::MatrixXd& W) const override;  // W E_s
    Eigen::VectorXd eigenvector(int tau) const override { return eigenvectors_.col(tau); }
    bool inEigenbasis() const override { return false; }

    const Eigen::MatrixXd& rows() const { return rows_; }                 // M×D, each of norm √D
    const Eigen::MatrixXd& spikeEigenvectors() const { return eigenvectors_; }  // D×M, E_s
    double normalisation() const { return s_; }                           // s

private:
    int D_;
    std::vector<double> lambda_;
    double sigma_;
    double s_ = 1.0;
    Eigen::MatrixXd rows_;          // M×D
    Eigen::MatrixXd scaledRowsT_;   // D×M, columns Λ_m a_m / s (drawing cost O(M·D))
    Eigen::MatrixXd eigenvectors_;  // D×M
    ModeSpectrum modes_;
};

} // namespace aedyn
