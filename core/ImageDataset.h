#pragma once
// A real-image data set as the theory uses it (theory.md §2.5): training and test images, their preprocessing,
// and the eigen-decomposition of the training set's second-moment matrix Ω = XᵀX/N. Loading is done once per
// process for a given source, and the eigen-decomposition is cached on disk (SpectrumCache).
#include "ImageFiles.h"
#include "SpectrumCache.h"

#include <Eigen/Core>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace aedyn {

// Where the images come from (the parameters images, test_images and datasize).
struct ImageSource {
    std::string images = "fashion-mnist";  // fashion-mnist, cifar10, an IDX training file or a data folder
    std::string testImages;                // an IDX test file; empty: found beside the training file
    long datasize = 0;                     // use the first N training images; 0: all
};

// x = scale·pixel − offset: pixels/255, divided by twice their standard deviation, minus the mean (§2.5 steps 1–3),
// with one scale and one offset for the whole set.
struct Preprocessing {
    double scale = 1.0, offset = 0.0;
};
Preprocessing preprocessingOf(const ImageSet& images);

// Ω = XᵀX/N of the preprocessed images, exact: the pixel products are summed in integers, split over threads.
Eigen::MatrixXd secondMoment(const ImageSet& images, const Preprocessing& p, int threads = 0);

// The symmetric eigen-decomposition, eigenvalues decreasing and clipped at 0, each eigenvector's sign chosen so
// that its components sum to a positive number (the leading one then looks like the mean image).
Eigensystem decompose(const Eigen::MatrixXd& omega);

// The training images and their preprocessing: what SGD draws from and Ω is computed from.
struct TrainingImages {
    ImageSet images;
    Preprocessing preprocessing;
    bool fromCache = false;  // from the PixelCache rather than their files
};

class ImageDataset {
public:
    // Finds, reads, preprocesses and decomposes (or takes the decomposition from the cache). Throws ImageFileError
    // naming the file or folder and the problem. The result is shared by every caller with the same source.
    // Files met before (same identities) are not read whole: their spectrum is found by the identities, and the
    // training images wait for training() — the theory never needs them.
    static std::shared_ptr<const ImageDataset> load(const ImageSource& source);
    // The same, read afresh and not shared (what load() does the first time).
    static std::shared_ptr<const ImageDataset> read(const ImageSource& source);

    std::string name;             // "FashionMNIST", "CIFAR-10 (grayscale)", or the file name
    std::string trainPath, testPath;
    std::string testNote;         // how the test set was chosen, when not from its own file
    int rows = 0, cols = 0;       // of every image
    long trainCount = 0;          // training images (known before they are read)
    ImageSet test;
    Preprocessing testPreprocessing;
    Eigensystem eigen;            // of Ω; eigenvalues ρ_τ (not divided by D)
    bool spectrumFromCache = false;
    double loadSeconds = 0.0;

    int D() const { return rows * cols; }

    // The training images, read on the first call (thread-safe; later calls cost one atomic load). Throws
    // ImageFileError when they cannot be read, or differ from those the spectrum was computed from.
    const TrainingImages& training() const;
    bool trainingLoaded() const { return trainingReady_.load(std::memory_order_acquire) != nullptr; }

    using TestMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    // Test images first … first + count − 1 preprocessed, one per row of `out` (resized). The test error makes them a
    // block at a time: the whole set as doubles was 63 MB for FashionMNIST and a quarter of a second to fill.
    void testInputs(long first, long count, TestMatrix& out) const;
    // Test image i preprocessed.
    Eigen::VectorXd testInput(long i) const;

private:
    // identityKey: the files' identities as read; known: a data set already read under that key, or null.
    static std::shared_ptr<const ImageDataset> read(
        const ImageSource& source, std::string* identityKey,
        const std::function<std::shared_ptr<const ImageDataset>(const std::string&)>& known);
    void setTraining(std::unique_ptr<const TrainingImages> t) const;

    // What training() reads: these files, the first trainCount_ images (0: all), whose pixels hash to pixelKey_.
    std::vector<std::string> trainFiles_;
    bool cifar_ = false;
    long trainCount_ = 0;
    std::uint64_t pixelKey_ = 0;
    mutable std::mutex trainingMutex_;
    mutable std::unique_ptr<const TrainingImages> training_;
    mutable std::atomic<const TrainingImages*> trainingReady_{nullptr};
};

} // namespace aedyn
