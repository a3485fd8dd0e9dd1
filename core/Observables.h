#pragma once
// What AEDyn draws at one time t, computed either from a run's weights or from the ODE state (theory.md §3.10,
// §4, §6.2): the exact population test error, the order parameters, norms and projections on the tracked modes.
#include "DataModel.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <Eigen/Core>

#include <cmath>

#include <vector>

namespace aedyn {

struct OrderParameters {
    Eigen::MatrixXd Q1, R1, T1, T0, Q0;  // K×K, §4 (R1 decoder index first); K×1, the diagonals, in a history
    Eigen::VectorXd beta;

    // The (k, k) element of Q1, R1, … whether the matrix is whole or only its diagonal is kept.
    static double diagonal(const Eigen::MatrixXd& m, Eigen::Index k) { return m.cols() == 1 ? m(k, 0) : m(k, k); }
};

// Projections are reported on the leading modes only: charts and tables show no more, and with a full spectrum
// (D modes) every stored time point would otherwise hold megabytes.
constexpr int kReportedModes = 64;

struct Observables {
    double t = 0.0;
    double eps = 0.0;                   // population test error ε (for images: of Gaussian inputs with the same Ω)
    double testEps = std::nan("");      // measured on held-out images (real data only)
    OrderParameters op;
    Eigen::VectorXd encoderNorm;        // ‖w_k‖
    Eigen::VectorXd decoderNorm;        // ‖v_k‖/√D
    Eigen::MatrixXd encoderProjection;  // K×min(Mt, kReportedModes), u_k(τ) = w_k·e_τ
    Eigen::MatrixXd decoderProjection;  // K×min(Mt, kReportedModes), z_k(τ) = v_k·e_τ/√D

    // |cos(w_k, e_τ)| = |u_k(τ)|/‖w_k‖ (K×Mt).
    Eigen::MatrixXd encoderOverlap() const;
    double encoderOverlap(Eigen::Index k, Eigen::Index tau) const;  // one element of it, without forming the rest
    // |cos(v_k, e_τ)| = |z_k(τ)|/(‖v_k‖/√D).
    Eigen::MatrixXd decoderOverlap() const;
    // Overlap within the tracked subspace, |u_k(τ)| / ‖u_k(·)‖ (§3.10: not masked by the frozen bulk part).
    Eigen::MatrixXd encoderSubspaceOverlap() const;
    bool allFinite() const;
};

// What a history (RunResults, a queued hand-over to the GUI) keeps of one time: everything, but of the order
// parameters only their diagonals — all that charts and tables read. Whole K×K matrices at every time would make
// the history of K = 2000 units gigabytes.
Observables historyPoint(const Observables& o);

// The mean over runs of every field (eps, norms, order parameters, projections).
Observables meanOverRuns(const std::vector<Observables>& runs);

// Observables of given weights under Gaussian data (exact population error, no test sample).
Observables observablesFromWeights(const DataModel& data, const TrainingRule& rule, const Weights& w, double t);

} // namespace aedyn
