#pragma once
// Gaussian expectations of the activation (theory.md §5) for local fields with covariance Q1 and shifts β.
// Diagonal entries are expectations over the *same* variable (§5.1 "diagonal convention").
#include "Activation.h"

#include <Eigen/Core>

namespace aedyn {

struct Expectations {
    Eigen::VectorXd M;   // E[g′(y_k)]
    Eigen::VectorXd H;   // E[g″(y_k)]
    Eigen::VectorXd N;   // E[g‴(y_k)]
    Eigen::MatrixXd I2;  // E[g(y_k) g(y_a)]
    Eigen::MatrixXd P;   // E[g″(y_k) g(y_a)]   (not symmetric)
    Eigen::MatrixXd S;   // E[g′(y_k) g′(y_a)]
    Eigen::MatrixXd F;   // E[g′(y_k) g(y_a)]   (not symmetric)
};

// Fills every field of `out` (resizing it only when K changes, so a caller that reuses `out` does not allocate).
// Returns false when an expectation is undefined (Q1_kk ≤ 0 for ReLU, Δ ≤ 0 for erf, non-finite input);
// `out` is then unspecified.
bool computeExpectations(Activation g, const Eigen::MatrixXd& Q1, const Eigen::VectorXd& beta,
                         Expectations& out);

// The same in two parts, so that the pair expectations can be shared by two threads (ModeOde): prepareExpectations
// checks the input and fills the one-unit expectations (and any entry that needs no pair formula); then
// pairExpectations for part 0 and part 1, in either order or at the same time, fill disjoint entries with about equal
// work. Every entry is computed exactly as by computeExpectations. Each returns false when an expectation is undefined.
bool prepareExpectations(Activation g, const Eigen::MatrixXd& Q1, const Eigen::VectorXd& beta, Expectations& out);
bool pairExpectations(Activation g, const Eigen::MatrixXd& Q1, const Eigen::VectorXd& beta, Expectations& out,
                      int part);

// Single-variable expectations at variance q and shift b, used by the reduced ODE (§7).
struct SingleExpectations {
    double M, N, I2, P, S;  // E[g′], E[g‴], E[g²], E[g″g], E[g′²]
};
SingleExpectations singleExpectations(Activation g, double q, double b = 0.0);

} // namespace aedyn
