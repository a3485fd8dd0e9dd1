#include "OnlineSgd.h"

#include <cmath>

namespace aedyn {

OnlineSgd::OnlineSgd(const TrainingRule& rule, Weights initial)
    : rule_(rule)
    , w_(std::move(initial))
{
    const int K = w_.K(), D = w_.D();
    lambda_.resize(K);
    g_.resize(K);
    gp_.resize(K);
    mu_.resize(K);
    coef_.resize(K);
    delta_.resize(D);
    residual_.resize(D);
}

void OnlineSgd::step(const double* xPtr)
{
    const int K = w_.K();
    const double D = w_.D(), sqrtD = std::sqrt(D);
    const Eigen::Map<const Eigen::VectorXd> x(xPtr, w_.D());
    const double eta = rule_.lr;

    lambda_.noalias() = w_.W * x;
    lambda_ /= sqrtD;

    if (rule_.rule == Rule::Sanger) {
        // §3.5: w_k += (η/D²) y_k (x − Σ_{a≤k} y_a w_a), with the weights before the step.
        residual_ = x;
        for (int k = 0; k < K; ++k) {
            const double y = lambda_(k);
            residual_.noalias() -= y * w_.W.row(k).transpose();
            w_.W.row(k).noalias() += (eta / (D * D) * y) * residual_.transpose();
        }
        w_.V = w_.W;
        return;
    }

    lambda_ += w_.beta;
    for (int k = 0; k < K; ++k) {
        g_(k) = activate(rule_.activation, lambda_(k));
        gp_(k) = activateDerivative(rule_.activation, lambda_(k));
    }

    if (rule_.tied) {
        // §3.4: only the encoder path is differentiated; the scalar w_k·(x − x̂) carries no 1/D.
        delta_.noalias() = x - w_.W.transpose() * g_;
        mu_.noalias() = w_.W * delta_;
        coef_ = (eta / (D * sqrtD)) * mu_.cwiseProduct(gp_);
        w_.W.noalias() += coef_ * x.transpose();
        w_.V = w_.W;
    } else if (rule_.rule == Rule::Vanilla) {
        // §3.2
        delta_.noalias() = x - w_.V.transpose() * g_;
        mu_.noalias() = w_.V * delta_;
        mu_ /= D;
        coef_ = mu_.cwiseProduct(gp_);
        w_.W.noalias() += (eta / (D * sqrtD)) * coef_ * x.transpose();
        w_.V.noalias() += (eta / D) * g_ * delta_.transpose();
        if (rule_.trainBias)
            w_.beta += (eta / D) * coef_;
    } else {
        // §3.3: unit k sees the residual of units 1..k. The running residual holds the weights before the step,
        // because unit k's decoder row is updated only after it has entered the residual.
        residual_ = x;
        const bool reference = rule_.rule == Rule::TruncatedReference;
        if (reference)
            delta_.setZero();  // Σ_{a≤k} v_a g′_a g_a, the reference code's encoder sum
        for (int k = 0; k < K; ++k) {
            residual_.noalias() -= g_(k) * w_.V.row(k).transpose();
            mu_(k) = w_.V.row(k).dot(residual_) / D;
            double encoderScalar = mu_(k) * gp_(k);
            if (reference) {
                delta_.noalias() += (gp_(k) * g_(k)) * w_.V.row(k).transpose();
                encoderScalar = (gp_(k) * w_.V.row(k).dot(x) - w_.V.row(k).dot(delta_)) / D;
            }
            coef_(k) = encoderScalar;
            w_.V.row(k).noalias() += (eta / D * g_(k)) * residual_.transpose();
            // A trained bias is an encoder weight on a constant input: it takes the encoder's scalar, the
            // variant's for truncated-reference (§3.3; its ODE is §6.5 with F_aa).
            if (rule_.trainBias)
                w_.beta(k) += (eta / D) * encoderScalar;
        }
        w_.W.noalias() += (eta / (D * sqrtD)) * coef_ * x.transpose();
    }

    if (rule_.wd > 0.0) {
        const double keep = 1.0 - rule_.wd / D;
        w_.W *= keep;
        if (!rule_.tied)
            w_.V *= keep;
        else
            w_.V = w_.W;
    }
}

} // namespace aedyn
