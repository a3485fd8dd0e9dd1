#pragma once
// Population test error of an autoencoder from its order parameters (theory.md §4).
#include "Activation.h"
#include "GaussianExpectations.h"

#include <Eigen/Core>

namespace aedyn {

// ε = ½ TrΩ/D − Σ_k R1_kk M_k + ½ Σ_kl T0_kl I2_kl, with M, I2 evaluated at (Q1, β).
// Returns NaN when the expectations are undefined.
double populationError(Activation g, double traceOmegaOverD, const Eigen::MatrixXd& Q1,
                       const Eigen::MatrixXd& R1, const Eigen::MatrixXd& T0, const Eigen::VectorXd& beta);

// Same, reusing expectations already computed at (Q1, β).
double populationError(double traceOmegaOverD, const Eigen::MatrixXd& R1, const Eigen::MatrixXd& T0,
                       const Expectations& e);

// Sanger's linear reconstruction x̂ = Σ y_k w_k: ε = ½TrΩ/D − Σ Q1_kk/√D + ½ Σ Q1_kl Q0_kl (§4).
double sangerError(double traceOmegaOverD, double D, const Eigen::MatrixXd& Q1, const Eigen::MatrixXd& Q0);

} // namespace aedyn
