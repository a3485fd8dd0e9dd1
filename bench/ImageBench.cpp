// Real images: FashionMNIST read + preprocessing + second-moment matrix + eigen-decomposition, cold and from the
// disk cache; the K = 64 full-spectrum ODE on its spectrum; SGD steps and test-error evaluations on the images.
#include "Presets.h"
#include "Benchmarks.h"

#include "Experiment.h"
#include "ImageDataModel.h"
#include "ImageDataset.h"
#include "SgdEnsemble.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace aedyn::bench {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

} // namespace

void imageBenchmarks()
{
    std::printf("\n== Real images (FashionMNIST, %u cores) ==\n", std::thread::hardware_concurrency());
    const std::string folder = "/usr/share/datasets/fashion-mnist";
    const std::string train = folder + "/train-images-idx3-ubyte.gz";
    if (!std::filesystem::exists(train)) {
        std::printf("skipped: %s not found (install dataset-fashion-mnist)\n", train.c_str());
        return;
    }
    // A fresh cache folder makes the first load cold; the second spelling of the same files misses the in-process
    // memo but finds the disk cache.
    char tmpl[] = "/tmp/aedyn-bench-XXXXXX";
    const char* cacheDir = mkdtemp(tmpl);
    setenv("AEDYN_CACHE_DIR", cacheDir, 1);

    auto t0 = Clock::now();
    const ImageSet images = readIdxImages(train);
    const double read = seconds(t0);
    t0 = Clock::now();
    const Preprocessing p = preprocessingOf(images);
    const Eigen::MatrixXd omega = secondMoment(images, p);
    const double moment = seconds(t0);
    t0 = Clock::now();
    const Eigensystem e = decompose(omega);
    const double eig = seconds(t0);
    std::printf("parts: read 60,000 images %.2f s, preprocess + second moment %.2f s, eigen-decomposition %.2f s\n",
                read, moment, eig);

    t0 = Clock::now();
    const auto cold = ImageDataset::load({folder, "", 0});
    std::printf("load, cold (train + test, preprocess, Ω, eigen; target < 5 s): %.2f s  rho_1/D = %.5f\n",
                seconds(t0), cold->eigen.values(0) / cold->D());
    t0 = Clock::now();
    const auto cached = ImageDataset::load({train, "", 0});
    std::printf("load, from the disk cache (target < 0.5 s): %.2f s (%s)\n", seconds(t0),
                cached->spectrumFromCache ? "cache hit" : "cache MISS");
    t0 = Clock::now();
    const auto known = ImageDataset::read({folder, "", 0});
    std::printf("read again, files met before (test images and spectrum; the training images wait for SGD): %.3f s "
                "(%s)\n",
                seconds(t0), known->trainingLoaded() ? "training images read" : "training images not read");
    std::filesystem::remove_all(cacheDir);

    ExperimentConfig c = presetConfig("fig5d-fashion-mnist");
    c.rule = Rule::Vanilla;
    c.tMax = 100;
    const Experiment x(c);
    t0 = Clock::now();
    double eps = 0;
    const RunOutcome r = x.runTheory([&](std::size_t, const Observables& o) { eps = o.eps; });
    std::printf("full-spectrum ODE, 784 modes, K = 64, lr 5, to t = 100 (target < 10 s): %.2f s (%s, eps = %.5f)\n",
                seconds(t0), r.ok ? "ok" : r.message.c_str(), eps);

    const auto& data = static_cast<const ImageDataModel&>(x.data());
    SgdEnsemble sgd(data, x.rule(), x.initialWeights(), 1, 7, 1);
    t0 = Clock::now();
    sgd.advanceTo(50000);
    std::printf("SGD on the images, K = 64, one run: %.0f steps/s\n", 50000 / seconds(t0));
    t0 = Clock::now();
    double testEps = data.testError(x.rule(), sgd.weights(0));
    std::printf("test error on 10,000 images, K = 64: %.1f ms (eps = %.5f)\n", 1e3 * seconds(t0), testEps);
}

} // namespace aedyn::bench
