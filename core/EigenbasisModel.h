#pragma once
// Gaussian inputs drawn directly in the eigenbasis of Ω, x_τ = √ρ_τ z_τ (theory.md §2.4, §2.6, §3.9): used for a
// user-given spectrum such as the power law; every eigenvalue is its own tracked mode.
#include "DataModel.h"

#include <vector>

namespace aedyn {

class EigenbasisModel final : public DataModel {
public:
    // rho: the D eigenvalues ρ_τ (not divided by D), any order; they are sorted decreasingly.
    // Throws std::invalid_argument for an empty list or a negative or non-finite eigenvalue.
    explicit EigenbasisModel(std::vector<double> rho);

    // ρ_i = D·A·i^{−α} + f (i = 1..D), optionally normalised to Tr Ω / D = 1 (theory.md §2.4).
    static std::vector<double> powerLawSpectrum(int D, double amplitude, double exponent, double floor,
                                                bool normalise);

    const ModeSpectrum& modes() const override { return modes_; }
    void draw(GaussianSampler& rng, double* x) const override;
    Eigen::MatrixXd projectOnModes(const Eigen::MatrixXd& W) const override { return W; }
    Eigen::VectorXd eigenvector(int tau) const override;
    bool inEigenbasis() const override { return true; }

private:
    Eigen::VectorXd sqrtRho_;
    ModeSpectrum modes_;
};

} // namespace aedyn
