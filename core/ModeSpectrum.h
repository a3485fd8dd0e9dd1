#pragma once
// The spectrum of the input covariance Ω as the theory tracks it (theory.md §2.2, §6.1): individually tracked
// eigen-modes plus at most one exactly degenerate group (the bulk of the spiked model).
#include <Eigen/Core>

#include <vector>

namespace aedyn {

struct ModeSpectrum {
    int D = 0;
    Eigen::VectorXd rho;  // ρ̃_τ = ρ_τ / D of the individually tracked modes, decreasing
    double bulkRho = 0.0; // ρ̃ of every member of the degenerate group
    long bulkCount = 0;   // n_g, members of the group; 0 when there is none

    double traceOverD() const { return rho.sum() + static_cast<double>(bulkCount) * bulkRho; }
    // ρ_i / D of the i-th largest eigenvalue over all D modes (i = 0..D−1).
    double sortedEigenvalue(long i) const;
    // ε_PCA(m) for m = 0..maxRank (theory.md §2.3).
    std::vector<double> pcaErrors(int maxRank) const;
};

} // namespace aedyn
