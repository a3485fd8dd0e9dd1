#include "ImageDataModel.h"

#include <cmath>

namespace aedyn {

ImageDataModel::ImageDataModel(std::shared_ptr<const ImageDataset> images)
    : images_(std::move(images))
{
    modes_.D = images_->D();
    modes_.rho = images_->eigen.values / static_cast<double>(modes_.D);
}

void ImageDataModel::draw(GaussianSampler& rng, double* x) const
{
    const TrainingImages& t = images_->training();
    const long i = std::min(t.images.count - 1, static_cast<long>(rng.uniform() * static_cast<double>(t.images.count)));
    const std::uint8_t* img = t.images.image(i);
    const double a = t.preprocessing.scale, c = t.preprocessing.offset;
    for (int j = 0, D = t.images.pixelsPerImage(); j < D; ++j)
        x[j] = a * img[j] - c;
}

double ImageDataModel::testError(const TrainingRule& rule, const Weights& w) const
{
    // (1/2D)·mean‖x − x̂‖² over the test images, in blocks of images so that the work is three matrix products.
    const long N = images_->test.count;
    const int D = images_->D();
    const Eigen::MatrixXd W = w.W;
    const Eigen::MatrixXd V = (rule.tied || rule.rule == Rule::Sanger) ? W : Eigen::MatrixXd(w.V);
    const Eigen::RowVectorXd beta =
        w.beta.size() ? Eigen::RowVectorXd(w.beta.transpose()) : Eigen::RowVectorXd::Zero(w.K());
    const double invSqrtD = 1.0 / std::sqrt(static_cast<double>(D));
    constexpr long kBlock = 256;
    double total = 0.0;
    Eigen::MatrixXd fields, residual;
    ImageDataset::TestMatrix X;
    for (long b = 0; b < N; b += kBlock) {
        const long n = std::min(kBlock, N - b);
        images_->testInputs(b, n, X);
        fields.noalias() = X * W.transpose() * invSqrtD;
        fields.rowwise() += beta;
        fields = fields.unaryExpr([&](double l) { return activate(rule.activation, l); });
        residual = X;
        residual.noalias() -= fields * V;
        total += residual.squaredNorm();
    }
    return total / (2.0 * D * static_cast<double>(N));
}

} // namespace aedyn
