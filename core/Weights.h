#pragma once
// The weights of one autoencoder: encoder W and decoder V (K×D, one unit per row) and effective biases β.
#include <Eigen/Core>

namespace aedyn {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Weights {
    RowMatrix W;           // encoder, row k = w_k
    RowMatrix V;           // decoder, row k = v_k (equal to W for tied weights and for Sanger's rule)
    Eigen::VectorXd beta;  // β_k (zeros when biases are not used)

    int K() const { return static_cast<int>(W.rows()); }
    int D() const { return static_cast<int>(W.cols()); }
    bool allFinite() const { return W.allFinite() && V.allFinite() && beta.allFinite(); }
};

} // namespace aedyn
