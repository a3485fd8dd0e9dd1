#pragma once
// One autoencoder trained by online SGD, one fresh input per step, exactly as theory.md §3 states
// (vanilla, truncated, truncated-reference, tied, Sanger; weight decay; trained biases).
#include "TrainingRule.h"
#include "Weights.h"

#include <vector>

namespace aedyn {

class OnlineSgd {
public:
    OnlineSgd(const TrainingRule& rule, Weights initial);

    // One SGD step on input x (length D). Allocates nothing.
    void step(const double* x);

    const Weights& weights() const { return w_; }
    const TrainingRule& rule() const { return rule_; }

private:
    TrainingRule rule_;
    Weights w_;
    // Scratch buffers sized once, so that step() never allocates.
    Eigen::VectorXd lambda_, g_, gp_, mu_, coef_;
    Eigen::VectorXd delta_, residual_;
};

} // namespace aedyn
