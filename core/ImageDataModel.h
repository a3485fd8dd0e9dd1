#pragma once
// SGD on real images (theory.md §2.5, §2.6, §3.10): each step takes a uniformly random training image (with
// replacement), preprocessed; the theory sees the full spectrum of the training set's Ω, every eigenvalue its own
// mode, with the eigenvectors in the pixel basis. The test error of a network is measured on the held-out images.
#include "DataModel.h"
#include "ImageDataset.h"
#include "TrainingRule.h"
#include "Weights.h"

#include <memory>

namespace aedyn {

class ImageDataModel final : public DataModel {
public:
    explicit ImageDataModel(std::shared_ptr<const ImageDataset> images);

    const ImageDataset& images() const { return *images_; }
    const ModeSpectrum& modes() const override { return modes_; }
    void prepareToDraw() const override { images_->training(); }
    void draw(GaussianSampler& rng, double* x) const override;
    Eigen::MatrixXd projectOnModes(const Eigen::MatrixXd& W) const override { return W * images_->eigen.vectors; }
    Eigen::VectorXd eigenvector(int tau) const override { return images_->eigen.vectors.col(tau); }
    bool inEigenbasis() const override { return false; }
    bool hasTestSet() const override { return true; }
    double testError(const TrainingRule& rule, const Weights& w) const override;

private:
    std::shared_ptr<const ImageDataset> images_;
    ModeSpectrum modes_;
};

} // namespace aedyn
