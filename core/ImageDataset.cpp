#include "ImageDataset.h"
#include "HugePages.h"
#include "PixelCache.h"
#include "RegularFile.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <thread>

namespace aedyn {

namespace fs = std::filesystem;

namespace {

const char* const kCifarUrl = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";

// Which files to read for a source, after the names fashion-mnist and cifar10 have been looked up.
struct Location {
    std::string name;
    bool cifar = false;
    std::vector<std::string> trainFiles;
    std::string testFile;  // empty: hold out the end of the training file
};

bool isFile(const fs::path& p)
{
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

// name or name.gz in dir, or empty.
std::string existing(const fs::path& dir, const std::string& name)
{
    for (const std::string& candidate : {name, name + ".gz"})
        if (isFile(dir / candidate))
            return (dir / candidate).string();
    return {};
}

std::string environment(const char* name)
{
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

Location cifarIn(const fs::path& dir)
{
    Location l;
    l.name = "CIFAR-10 (grayscale)";
    l.cifar = true;
    for (int b = 1; b <= 5; ++b) {
        const std::string f = existing(dir, "data_batch_" + std::to_string(b) + ".bin");
        if (f.empty())
            break;
        l.trainFiles.push_back(f);
    }
    l.testFile = existing(dir, "test_batch.bin");
    return l;
}

Location idxFile(const fs::path& train, const std::string& name)
{
    Location l;
    l.name = name;
    l.trainFiles = {train.string()};
    // MNIST naming: train-images-idx3-ubyte[.gz] has its test set in t10k-images-idx3-ubyte[.gz].
    std::string sibling = train.filename().string();
    if (sibling.size() > 3 && sibling.compare(sibling.size() - 3, 3, ".gz") == 0)
        sibling.resize(sibling.size() - 3);
    if (const auto at = sibling.find("train"); at != std::string::npos) {
        sibling.replace(at, 5, "t10k");
        l.testFile = existing(train.parent_path(), sibling);
    }
    return l;
}

// The images of these files (CIFAR-10 batches or one IDX file), the first maxCount of them if maxCount > 0, from the
// pixel cache when it holds them as they are now; otherwise read from the files, and stored for the next start.
ImageSet readThroughCache(const std::vector<std::string>& files, bool cifar, long maxCount, bool* fromCache = nullptr)
{
    auto read = [&] { return cifar ? readCifarBatches(files, maxCount) : readIdxImages(files.front(), maxCount); };
    std::string what = std::string(cifar ? "cifar" : "idx") + '\n' + std::to_string(maxCount);
    try {
        for (const std::string& f : files)
            what += '\n' + f + '@' + regularFileIdentity(f).key();
    } catch (const FileError&) {
        return read();  // which names the file and its problem
    }
    const std::uint64_t key = contentHash(reinterpret_cast<const std::uint8_t*>(what.data()), what.size());
    const PixelCache cache;
    if (std::optional<ImageSet> cached = cache.load(key)) {
        if (fromCache)
            *fromCache = true;
        return std::move(*cached);
    }
    ImageSet images = read();
    cache.store(key, images);
    return images;
}

Location locate(const ImageSource& s)
{
    if (s.images == "fashion-mnist") {
        const std::string env = environment("AEDYN_FASHION_MNIST");
        const fs::path dir = env.empty() ? fs::path("/usr/share/datasets/fashion-mnist") : fs::path(env);
        const std::string train = existing(dir, "train-images-idx3-ubyte");
        if (train.empty())
            throw ImageFileError("FashionMNIST not found in " + dir.string() +
                                 ": install the Debian package dataset-fashion-mnist, or set images to an IDX "
                                 "training file or its folder (AEDYN_FASHION_MNIST names another folder)");
        return idxFile(train, "FashionMNIST");
    }
    if (s.images == "cifar10") {
        std::vector<fs::path> candidates;
        if (const std::string env = environment("AEDYN_CIFAR10"); !env.empty())
            candidates.emplace_back(env);
        if (const std::string home = environment("HOME"); !home.empty())
            for (const char* sub : {"/.local/share/aedyn/cifar-10-batches-bin", "/cifar-10-batches-bin",
                                    "/Downloads/cifar-10-batches-bin"})
                candidates.emplace_back(home + sub);
        candidates.emplace_back("/usr/share/datasets/cifar-10-batches-bin");
        for (const fs::path& dir : candidates)
            if (!existing(dir, "data_batch_1.bin").empty())
                return cifarIn(dir);
        throw ImageFileError(std::string("CIFAR-10 not found (looked in $AEDYN_CIFAR10, "
                                         "~/.local/share/aedyn/cifar-10-batches-bin, ~/cifar-10-batches-bin, "
                                         "~/Downloads/cifar-10-batches-bin): download the binary version from ") +
                             kCifarUrl + ", unpack it and set images to its folder cifar-10-batches-bin");
    }
    const fs::path p(s.images);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
        if (!existing(p, "data_batch_1.bin").empty())
            return cifarIn(p);
        if (const std::string train = existing(p, "train-images-idx3-ubyte"); !train.empty())
            return idxFile(train, p.filename().string());
        fs::directory_iterator probe(p, ec);
        if (ec)
            throw ImageFileError(s.images + ": cannot read the folder (" + ec.message() + ")");
        throw ImageFileError(s.images + ": no images found (a CIFAR-10 folder holds data_batch_1.bin, an "
                                        "MNIST-format folder train-images-idx3-ubyte)");
    }
    if (!fs::exists(p, ec))
        throw ImageFileError(s.images + ": no such file or folder");
    return idxFile(p, p.filename().string());
}

// The spectrum cache's key of a training set: its pixels and its image shape.
std::uint64_t pixelKeyOf(const ImageSet& images)
{
    return contentHash(images.pixels.data(), images.pixels.size()) ^
           (std::uint64_t(images.rows) << 32 | std::uint64_t(images.cols));
}

std::mutex& loadMutex()
{
    static std::mutex m;
    return m;
}

} // namespace

Preprocessing preprocessingOf(const ImageSet& images)
{
    // Integer sums are exact; std is over all pixels of the set (the population value, §2.5). Blocks of 65536 bytes
    // keep each square sum within 32 bits (65536 · 255² < 2³²), so the inner loop vectorises.
    std::uint64_t sum = 0, sumSquares = 0;
    const std::uint8_t* px = images.pixels.data();
    const std::size_t size = images.pixels.size();
    constexpr std::size_t kBlock = 65536;
    for (std::size_t b = 0; b < size; b += kBlock) {
        const std::size_t n = std::min(kBlock, size - b);
        std::uint32_t blockSum = 0, blockSquares = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t v = px[b + i];
            blockSum += v;
            blockSquares += v * v;
        }
        sum += blockSum;
        sumSquares += blockSquares;
    }
    const double n = static_cast<double>(images.pixels.size());
    const double mean = sum / n, variance = sumSquares / n - mean * mean;
    Preprocessing p;
    p.scale = variance > 0 ? 0.5 / std::sqrt(variance) : 1.0;
    p.offset = mean * p.scale;
    return p;
}

Eigen::MatrixXd secondMoment(const ImageSet& images, const Preprocessing& p, int threads)
{
    const int D = images.pixelsPerImage();
    const long N = images.count;
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    threads = static_cast<int>(std::clamp<long>(threads, 1, std::max(1L, N / 256)));

    // S = PᵀP on raw pixels: products of bytes summed in doubles stay exact integers (< 2⁵³), so the result does
    // not depend on the split over threads.
    std::vector<Eigen::MatrixXd> partial(threads, Eigen::MatrixXd::Zero(D, D));
    auto work = [&](int t) {
        const long first = N * t / threads, last = N * (t + 1) / threads;
        constexpr long kBlock = 512;
        Eigen::MatrixXd block(D, kBlock);
        for (long b = first; b < last; b += kBlock) {
            const long n = std::min(kBlock, last - b);
            for (long i = 0; i < n; ++i) {
                const std::uint8_t* img = images.image(b + i);
                for (int j = 0; j < D; ++j)
                    block(j, i) = img[j];
            }
            partial[t].selfadjointView<Eigen::Lower>().rankUpdate(block.leftCols(n));
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work, t);
    work(0);
    for (std::thread& t : pool)
        t.join();
    Eigen::MatrixXd S = partial[0];
    for (int t = 1; t < threads; ++t)
        S += partial[t];
    S = S.selfadjointView<Eigen::Lower>();

    Eigen::VectorXd columnSums = Eigen::VectorXd::Zero(D);
    for (long i = 0; i < N; ++i) {
        const std::uint8_t* img = images.image(i);
        for (int j = 0; j < D; ++j)
            columnSums(j) += img[j];
    }
    // X = aP − c·11ᵀ, so XᵀX = a²S − ac(s1ᵀ + 1sᵀ) + Nc²·11ᵀ.
    const double a = p.scale, c = p.offset;
    Eigen::MatrixXd omega = a * a * S;
    omega.colwise() -= a * c * columnSums;
    omega.rowwise() -= a * c * columnSums.transpose();
    omega.array() += N * c * c;
    return omega / static_cast<double>(N);
}

Eigensystem decompose(const Eigen::MatrixXd& omega)
{
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(omega);
    const long D = omega.rows();
    Eigensystem e;
    e.values = solver.eigenvalues().reverse().cwiseMax(0.0);  // round-off can leave tiny negatives (§2.5)
    e.vectors = solver.eigenvectors().rowwise().reverse();
    for (long tau = 0; tau < D; ++tau) {
        const double s = e.vectors.col(tau).sum();
        Eigen::Index largest = 0;
        e.vectors.col(tau).cwiseAbs().maxCoeff(&largest);
        if (s < 0 || (s == 0 && e.vectors(largest, tau) < 0))
            e.vectors.col(tau) *= -1.0;
    }
    return e;
}

std::shared_ptr<const ImageDataset> ImageDataset::load(const ImageSource& source)
{
    // Loaded once per source and process: the theory and the simulation workers share it, and a second request
    // while the first is loading waits for it instead of reading the files again.
    // The key holds each file's identity (device, inode, size, modification and change time), so a file rewritten
    // or replaced since is read again rather than served from memory.
    static std::map<std::string, std::shared_ptr<const ImageDataset>> loaded;
    const std::lock_guard lock(loadMutex());
    std::string key;
    auto d = read(source, &key, [&](const std::string& k) -> std::shared_ptr<const ImageDataset> {
        const auto it = loaded.find(k);
        return it == loaded.end() ? nullptr : it->second;
    });
    if (loaded.size() >= 2 && !loaded.count(key))  // up to a few hundred MB each: keep at most two in memory
        loaded.erase(loaded.begin());
    loaded[key] = d;
    return d;
}

std::shared_ptr<const ImageDataset> ImageDataset::read(const ImageSource& source)
{
    return read(source, nullptr, {});
}

std::shared_ptr<const ImageDataset> ImageDataset::read(
    const ImageSource& source, std::string* identityKey,
    const std::function<std::shared_ptr<const ImageDataset>(const std::string&)>& known)
{
    const auto start = std::chrono::steady_clock::now();
    Location where = locate(source);
    if (!source.testImages.empty())
        where.testFile = source.testImages;
    std::string key = source.images + '\n' + source.testImages + '\n' + std::to_string(source.datasize);
    try {
        for (const std::string& f : where.trainFiles)
            key += '\n' + f + '@' + regularFileIdentity(f).key();
        if (!where.testFile.empty())
            key += '\n' + where.testFile + '@' + regularFileIdentity(where.testFile).key();
    } catch (const FileError& e) {
        throw ImageFileError(e.what());
    }
    if (identityKey)
        *identityKey = key;
    if (known)
        if (auto d = known(key))
            return d;

    auto d = std::make_shared<ImageDataset>();
    d->name = where.name;
    d->trainPath = where.trainFiles.front();
    d->testPath = where.testFile;
    d->trainFiles_ = where.trainFiles;
    d->cifar_ = where.cifar;
    const bool holdOut = where.testFile.empty();
    d->trainCount_ = holdOut ? 0 : source.datasize;
    auto finish = [&] {
        d->testPreprocessing = preprocessingOf(d->test);
        d->loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return d;
    };

    // Files met before: the test images and the spectrum only (the training images were 40–70 ms of the theory's
    // first point in the GUI). A held-out test set is part of the training file, which is then read now.
    const SpectrumCache cache;
    const std::uint64_t filesKey = contentHash(reinterpret_cast<const std::uint8_t*>(key.data()), key.size());
    if (const auto known = holdOut ? std::nullopt : cache.knownTrainingSet(filesKey)) {
        d->test = readThroughCache({where.testFile}, where.cifar, 0);
        d->rows = d->test.rows;
        d->cols = d->test.cols;
        if (auto cached = cache.load(known->pixelKey, d->D())) {
            d->eigen = std::move(*cached);
            d->spectrumFromCache = true;
            d->pixelKey_ = known->pixelKey;
            d->trainCount = known->count;
            return finish();
        }
    }

    std::future<ImageSet> test;
    if (!holdOut)
        test = std::async(std::launch::async, [&] { return readThroughCache({where.testFile}, where.cifar, 0); });
    auto training = std::make_unique<TrainingImages>();
    ImageSet& train = training->images;
    train = readThroughCache(where.trainFiles, where.cifar, d->trainCount_, &training->fromCache);
    if (holdOut) {
        // No test file: the last sixth of the training file (at most 10,000 images) is held out for testing.
        const long n = std::min(10000L, train.count / 6);
        if (n < 1)
            throw ImageFileError(d->trainPath + ": too few images (" + std::to_string(train.count) +
                                 ") to hold out a test set; give test_images");
        const long keep = train.count - n;
        const std::size_t px = train.pixelsPerImage();
        d->test.rows = train.rows;
        d->test.cols = train.cols;
        d->test.count = n;
        d->test.pixels.reserve(std::size_t(n) * px);
        adviseHugePages(d->test.pixels.data(), d->test.pixels.capacity());
        d->test.pixels.assign(train.pixels.begin() + keep * px, train.pixels.end());
        train.count = source.datasize > 0 ? std::min(keep, source.datasize) : keep;
        train.pixels.resize(train.count * px);
        d->testNote = "test set: the last " + std::to_string(n) + " images of the training file (no test file found)";
    } else {
        d->test = test.get();
        if (d->test.rows != train.rows || d->test.cols != train.cols)
            throw ImageFileError(d->testPath + ": inconsistent dimensions: its images are " +
                                 std::to_string(d->test.rows) + "×" + std::to_string(d->test.cols) +
                                 " pixels, the training images " + std::to_string(train.rows) + "×" +
                                 std::to_string(train.cols));
    }
    d->rows = train.rows;
    d->cols = train.cols;
    if (train.count < 2)
        throw ImageFileError(d->trainPath + ": at least two training images are needed");

    training->preprocessing = preprocessingOf(train);
    d->pixelKey_ = pixelKeyOf(train);
    if (auto cached = cache.load(d->pixelKey_, d->D())) {
        d->eigen = std::move(*cached);
        d->spectrumFromCache = true;
    } else {
        d->eigen = decompose(secondMoment(train, training->preprocessing));
        cache.store(d->pixelKey_, d->eigen);
    }
    d->trainCount = train.count;
    if (!holdOut)
        cache.storeKnownTrainingSet(filesKey, {d->pixelKey_, train.count});
    d->setTraining(std::move(training));
    return finish();
}

const TrainingImages& ImageDataset::training() const
{
    if (const TrainingImages* t = trainingReady_.load(std::memory_order_acquire))
        return *t;
    const std::lock_guard lock(trainingMutex_);
    if (!training_) {
        auto t = std::make_unique<TrainingImages>();
        t->images = readThroughCache(trainFiles_, cifar_, trainCount_, &t->fromCache);
        // The spectrum drawn belongs to the pixels it was computed from: a file rewritten since cannot be trained on.
        if (pixelKeyOf(t->images) != pixelKey_)
            throw ImageFileError(trainPath + ": the file changed after its spectrum was read; choose the images again");
        t->preprocessing = preprocessingOf(t->images);
        setTraining(std::move(t));
    }
    return *training_;
}

void ImageDataset::setTraining(std::unique_ptr<const TrainingImages> t) const
{
    training_ = std::move(t);
    trainingReady_.store(training_.get(), std::memory_order_release);
}

void ImageDataset::testInputs(long first, long count, TestMatrix& out) const
{
    const int D = this->D();
    out.resize(count, D);
    for (long i = 0; i < count; ++i) {
        const std::uint8_t* img = test.image(first + i);
        double* x = out.data() + i * D;  // row-major: image i is one contiguous row
        for (int j = 0; j < D; ++j)
            x[j] = testPreprocessing.scale * img[j] - testPreprocessing.offset;
    }
}

Eigen::VectorXd ImageDataset::testInput(long i) const
{
    TestMatrix one;
    testInputs(i, 1, one);
    return one.row(0).transpose();
}

} // namespace aedyn
