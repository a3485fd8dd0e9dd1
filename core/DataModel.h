#pragma once
// Where SGD inputs come from, and what the theory needs to know about them: the tracked spectrum and the
// eigenvectors in the basis the inputs are drawn in (theory.md §2, §3.9).
#include "GaussianSampler.h"
#include "ModeSpectrum.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <Eigen/Core>

namespace aedyn {

class DataModel {
public:
    virtual ~DataModel() = default;

    int dimension() const { return modes().D; }
    virtual const ModeSpectrum& modes() const = 0;

    // Reads what drawing needs and is not read yet (real images' training set), here rather than in the first
    // draw(), which may run on a worker thread; throws what reading throws.
    virtual void prepareToDraw() const {}
    // Draws one input x ∈ R^D into x (no allocation).
    virtual void draw(GaussianSampler& rng, double* x) const = 0;

    // P = W E: projections of the rows of W (K×D) on the tracked eigenvectors (K × modes().rho.size()).
    virtual Eigen::MatrixXd projectOnModes(const Eigen::MatrixXd& W) const = 0;
    // The τ-th tracked eigenvector (unit norm, length D) in the input basis.
    virtual Eigen::VectorXd eigenvector(int tau) const = 0;
    // True when inputs are drawn in the eigenbasis (generic spectra): then e_τ is the τ-th unit vector.
    virtual bool inEigenbasis() const = 0;

    // Real images keep test images apart; for Gaussian data the exact population error needs no test set.
    virtual bool hasTestSet() const { return false; }
    // The test error (1/2D)·mean‖x − x̂‖² over the held-out inputs; only when hasTestSet().
    virtual double testError(const TrainingRule&, const Weights&) const { return 0.0; }
};

} // namespace aedyn
