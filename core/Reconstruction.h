#pragma once
// What an autoencoder and PCA make of one input (theory.md §1.1, §8 figure 5d).
#include "TrainingRule.h"
#include "Weights.h"

#include <Eigen/Core>

namespace aedyn {

// x̂ = Σ_{k < units} v_k g(w_k·x/√D + β_k), with v ≡ w for tied weights and Sanger's rule; units = K gives the
// whole network, fewer the partial reconstruction of figure 5d.
Eigen::VectorXd reconstruct(const TrainingRule& rule, const Weights& w, const Eigen::VectorXd& x, int units);

// The projection of x on the first `rank` columns of E (orthonormal eigenvectors): the rank-m PCA reconstruction.
Eigen::VectorXd pcaReconstruct(const Eigen::MatrixXd& E, const Eigen::VectorXd& x, int rank);

} // namespace aedyn
