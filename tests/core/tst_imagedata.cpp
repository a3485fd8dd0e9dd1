// Real images (theory.md §2.5): the IDX and CIFAR-10 readers on files the test writes, every malformed-file message,
// the preprocessing and second-moment matrix against a direct computation, the eigen-decomposition and its disk
// cache, and the full-spectrum ODE against SGD on FashionMNIST images.
#include "Presets.h"
#include "Experiment.h"
#include "ImageDataModel.h"
#include "ImageDataset.h"
#include "PixelCache.h"
#include "ImageFiles.h"
#include "Reconstruction.h"
#include "Tolerance.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <random>

using namespace aedyn;

namespace {

ImageSet randomImages(long count, int rows, int cols, unsigned seed)
{
    std::mt19937 rng(seed);
    ImageSet s;
    s.rows = rows;
    s.cols = cols;
    s.count = count;
    s.pixels.resize(std::size_t(count) * rows * cols);
    // Bright blobs over a dark background, so that the spectrum has a few leading directions like real images.
    std::uniform_int_distribution<int> noise(0, 40), blob(0, 3);
    for (long i = 0; i < count; ++i) {
        const int b = blob(rng);
        for (int p = 0; p < rows * cols; ++p)
            s.pixels[i * rows * cols + p] = static_cast<std::uint8_t>(noise(rng) + ((p % 4 == b) ? 200 : 0));
    }
    return s;
}

void writeBytes(const std::string& path, const std::vector<unsigned char>& bytes)
{
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::vector<unsigned char> readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The error message of f(), or an empty string if it did not throw ImageFileError.
template <typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const ImageFileError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

std::vector<unsigned char> cifarRecord(unsigned char label, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<unsigned char> r(3073);
    r[0] = label;
    for (std::size_t i = 1; i < r.size(); ++i)
        r[i] = static_cast<unsigned char>(rng() & 0xFF);
    return r;
}

} // namespace

class TestImageData : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // Keep the user's cache out of the tests.
        qputenv("AEDYN_CACHE_DIR", (dir_.path() + "/cache").toUtf8());
    }

    void idxRoundTripPlainAndGzip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "a-idx3-ubyte";
        QTest::newRow("gzip") << "b-idx3-ubyte.gz";
    }

    void idxRoundTripPlainAndGzip()
    {
        QFETCH(QString, name);
        const ImageSet written = randomImages(37, 7, 5, 1);
        const std::string file = path(name.toUtf8().constData());
        writeIdxImages(file, written);
        const auto bytes = readBytes(file);
        QCOMPARE(bytes[0] == 0x1f && bytes[1] == 0x8b, name.endsWith(".gz"));  // the gzip magic, or the IDX one
        const ImageSet read = readIdxImages(file);
        QCOMPARE(read.count, 37L);
        QCOMPARE(read.rows, 7);
        QCOMPARE(read.cols, 5);
        QVERIFY(read.pixels == written.pixels);
        const ImageSet first = readIdxImages(file, 10);
        QCOMPARE(first.count, 10L);
        QVERIFY(std::equal(first.pixels.begin(), first.pixels.end(), written.pixels.begin()));
    }

    void idxMalformedFilesAreNamed()
    {
        const std::string good = path("good-idx3-ubyte");
        writeIdxImages(good, randomImages(10, 4, 4, 2));
        const auto bytes = readBytes(good);

        auto truncated = bytes;
        truncated.resize(16 + 4 * 16 + 3);
        writeBytes(path("truncated"), truncated);
        QString e = errorOf([&] { readIdxImages(path("truncated")); });
        QVERIFY2(e.contains(QString::fromStdString(path("truncated"))) && e.contains("truncated") &&
                     e.contains("after 4 of them"), qPrintable(e));

        auto magic = bytes;
        magic[3] = 0x01;  // 0x00000801: an IDX label file
        writeBytes(path("labels"), magic);
        e = errorOf([&] { readIdxImages(path("labels")); });
        QVERIFY2(e.contains("wrong magic number 0x00000801"), qPrintable(e));

        auto extra = bytes;
        extra[7] = 9;  // header says 9 images, the file holds 10
        writeBytes(path("extra"), extra);
        e = errorOf([&] { readIdxImages(path("extra")); });
        QVERIFY2(e.contains("inconsistent dimensions"), qPrintable(e));

        auto zeroRows = bytes;
        zeroRows[11] = 0;
        writeBytes(path("zero"), zeroRows);
        e = errorOf([&] { readIdxImages(path("zero")); });
        QVERIFY2(e.contains("inconsistent dimensions 10 × 0 × 4"), qPrintable(e));

        writeBytes(path("short"), {0, 0, 8});
        QVERIFY(errorOf([&] { readIdxImages(path("short")); }).contains("too short"));

        // A gzip header followed by garbage: a damaged stream, not silently short data.
        auto gz = readBytes([&] {
            writeIdxImages(path("z.gz"), randomImages(50, 8, 8, 3));
            return path("z.gz");
        }());
        for (std::size_t i = 20; i < gz.size(); ++i)
            gz[i] ^= 0x5A;
        writeBytes(path("damaged.gz"), gz);
        e = errorOf([&] { readIdxImages(path("damaged.gz")); });
        QVERIFY2(e.contains("damaged.gz") && !e.isEmpty(), qPrintable(e));

        QVERIFY(errorOf([&] { readIdxImages(path("missing")); }).contains("no such file"));
        QVERIFY(errorOf([&] { readIdxImages(dir_.path().toStdString()); }).contains("is a folder"));
    }

    void cifarGrayscaleIsPilConvertL()
    {
        // PIL's documented values for the primaries and the extremes.
        QCOMPARE(int(cifarGray(255, 0, 0)), 76);
        QCOMPARE(int(cifarGray(0, 255, 0)), 150);
        QCOMPARE(int(cifarGray(0, 0, 255)), 29);
        QCOMPARE(int(cifarGray(255, 255, 255)), 255);
        QCOMPARE(int(cifarGray(0, 0, 0)), 0);
        // Against the ITU-R 601 weights in floating point: at most one grey level apart.
        for (int v = 0; v < 4096; ++v) {
            const int r = (v * 37) & 255, g = (v * 91) & 255, b = (v * 53) & 255;
            const double exact = 0.299 * r + 0.587 * g + 0.114 * b;
            QVERIFY(std::abs(cifarGray(r, g, b) - exact) <= 1.0);
        }
    }

    void cifarBatchesReadInOrder()
    {
        std::vector<unsigned char> batch1, batch2;
        for (int i = 0; i < 3; ++i) {
            const auto r = cifarRecord(static_cast<unsigned char>(i), 10 + i);
            batch1.insert(batch1.end(), r.begin(), r.end());
        }
        const auto last = cifarRecord(9, 99);
        batch2 = last;
        writeBytes(path("data_batch_1.bin"), batch1);
        writeBytes(path("data_batch_2.bin"), batch2);
        const ImageSet s = readCifarBatches({path("data_batch_1.bin"), path("data_batch_2.bin")});
        QCOMPARE(s.count, 4L);
        QCOMPARE(s.rows, 32);
        QCOMPARE(s.cols, 32);
        // Pixel 5 of the fourth image (second file): red, green and blue planes 1024 bytes apart.
        QCOMPARE(int(s.image(3)[5]), int(cifarGray(last[1 + 5], last[1 + 1024 + 5], last[1 + 2048 + 5])));
        QCOMPARE(readCifarBatches({path("data_batch_1.bin"), path("data_batch_2.bin")}, 2).count, 2L);
    }

    void cifarMalformedFilesAreNamed()
    {
        auto r = cifarRecord(3, 1);
        r.pop_back();
        writeBytes(path("cut.bin"), r);
        QString e = errorOf([&] { readCifarBatches({path("cut.bin")}); });
        QVERIFY2(e.contains("cut.bin") && e.contains("3073"), qPrintable(e));
        writeBytes(path("label.bin"), cifarRecord(200, 1));
        e = errorOf([&] { readCifarBatches({path("label.bin")}); });
        QVERIFY2(e.contains("label 200"), qPrintable(e));
        writeBytes(path("empty.bin"), {});
        QVERIFY(errorOf([&] { readCifarBatches({path("empty.bin")}); }).contains("empty"));
    }

    void preprocessingIsExactOverManyBlocks()
    {
        // Saturated pixels over several of preprocessingOf's 64 KiB blocks and a partial last one: the worst case for
        // its 32-bit block sums. Expected mean and variance from a plain pass in long double.
        ImageSet s;
        s.rows = s.cols = 28;
        s.count = 400;  // 313,600 bytes
        s.pixels.assign(std::size_t(s.count) * 784, 255);
        for (std::size_t i = 0; i < s.pixels.size(); i += 7)
            s.pixels[i] = static_cast<std::uint8_t>(i % 251);
        long double sum = 0, squares = 0;
        for (std::uint8_t v : s.pixels) {
            sum += v;
            squares += static_cast<long double>(v) * v;
        }
        const long double n = s.pixels.size(), mean = sum / n, variance = squares / n - mean * mean;
        const Preprocessing p = preprocessingOf(s);
        AEDYN_COMPARE_REL(p.scale, double(0.5L / std::sqrt(variance)), 1e-12);
        AEDYN_COMPARE_REL(p.offset, double(mean * 0.5L / std::sqrt(variance)), 1e-12);
    }

    void secondMomentMatchesDirectComputation()
    {
        const ImageSet s = randomImages(700, 6, 5, 4);
        const Preprocessing p = preprocessingOf(s);
        Eigen::MatrixXd X(s.count, s.pixelsPerImage());
        for (long i = 0; i < s.count; ++i)
            for (int j = 0; j < s.pixelsPerImage(); ++j)
                X(i, j) = (s.image(i)[j] / 255.0);
        // §2.5 step by step: divide by twice the standard deviation, then remove the mean.
        const double mean1 = X.mean();
        const double std1 = std::sqrt((X.array() - mean1).square().mean());
        X /= 2 * std1;
        X.array() -= X.mean();
        AEDYN_COMPARE_ABS(X.mean(), 0.0, 1e-13);
        AEDYN_COMPARE_REL(std::sqrt(X.array().square().mean()), 0.5, 1e-13);
        for (long i = 0; i < s.count; i += 97)
            AEDYN_COMPARE_REL(p.scale * s.image(i)[3] - p.offset, X(i, 3), 1e-12);

        const Eigen::MatrixXd direct = X.transpose() * X / double(s.count);
        for (int threads : {1, 2, 3}) {
            const Eigen::MatrixXd omega = secondMoment(s, p, threads);
            QVERIFY((omega - direct).cwiseAbs().maxCoeff() <= 1e-13 * direct.cwiseAbs().maxCoeff());
        }
        AEDYN_COMPARE_REL(direct.trace() / s.pixelsPerImage(), 0.25, 1e-12);  // Tr Ω/D = 1/4 (§2.5)

        const Eigensystem e = decompose(direct);
        for (int tau = 0; tau < 30; ++tau) {
            if (tau > 0)
                QVERIFY(e.values(tau) <= e.values(tau - 1));
            const Eigen::VectorXd v = e.vectors.col(tau);
            QVERIFY((direct * v - e.values(tau) * v).norm() <= 1e-10);
            QVERIFY(v.sum() >= 0);
        }
    }

    void datasetFromFolderUsesCacheAndHoldsOut()
    {
        const QString folder = dir_.path() + "/set";
        QVERIFY(QDir().mkpath(folder));
        const ImageSet train = randomImages(900, 5, 6, 5), test = randomImages(200, 5, 6, 6);
        writeIdxImages((folder + "/train-images-idx3-ubyte.gz").toStdString(), train);
        writeIdxImages((folder + "/t10k-images-idx3-ubyte").toStdString(), test);

        const auto a = ImageDataset::load({folder.toStdString(), "", 0});
        QCOMPARE(a->trainCount, 900L);
        QCOMPARE(a->training().images.count, 900L);
        QCOMPARE(a->test.count, 200L);
        QVERIFY(!a->spectrumFromCache);
        QVERIFY(a->testNote.empty());
        ImageDataset::TestMatrix all, some;
        a->testInputs(0, a->test.count, all);
        AEDYN_COMPARE_ABS(all.mean(), 0.0, 1e-12);  // the test set is preprocessed on its own
        // A block of test images is those rows of the whole set, one image alone its row, and each is
        // x = scale·pixel − offset.
        a->testInputs(50, 20, some);
        QVERIFY(some == all.middleRows(50, 20));
        for (long i : {0L, 57L, 199L}) {
            QVERIFY(a->testInput(i) == all.row(i).transpose());
            AEDYN_COMPARE_ABS(a->testInput(i)(7), a->testPreprocessing.scale * test.image(i)[7] - a->testPreprocessing.offset,
                              1e-15);
        }
        // The same content under another name: computed once, now read from the disk cache, and identical.
        const auto b = ImageDataset::load({folder.toStdString() + "/train-images-idx3-ubyte.gz", "", 0});
        QVERIFY(b.get() != a.get());
        QVERIFY(b->spectrumFromCache);
        QVERIFY(b->eigen.values == a->eigen.values && b->eigen.vectors == a->eigen.vectors);
        // A damaged cache entry is recomputed, never trusted.
        const QDir cache(dir_.path() + "/cache");
        const QString entry = cache.entryList({"spectrum-*.bin"}).value(0);
        QVERIFY(!entry.isEmpty());
        {
            std::fstream f((cache.path() + "/" + entry).toStdString(), std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(0);
            f.write("XXXX", 4);
        }
        const auto c = ImageDataset::load({folder.toStdString() + "//train-images-idx3-ubyte.gz", "", 0});
        QVERIFY(!c->spectrumFromCache);
        QVERIFY(c->eigen.values.isApprox(a->eigen.values, 1e-12));

        // datasize keeps the first N training images.
        QCOMPARE(ImageDataset::load({folder.toStdString(), "", 300})->training().images.count, 300L);

        // A lone file: its last sixth becomes the test set.
        writeIdxImages(path("lone-idx3-ubyte"), train);
        const auto lone = ImageDataset::load({path("lone-idx3-ubyte"), "", 0});
        QCOMPARE(lone->test.count, 150L);
        QCOMPARE(lone->training().images.count, 750L);
        QCOMPARE(lone->trainCount, 750L);
        QVERIFY(lone->testNote.find("last 150") != std::string::npos);
    }

    // The pixel cache gives back exactly what was stored, and refuses an entry of another key or a damaged one.
    void pixelCacheRoundTrip()
    {
        const PixelCache cache((dir_.path() + "/pixels").toStdString());
        const ImageSet images = randomImages(37, 5, 6, 11);
        QVERIFY(cache.store(42, images));
        const std::optional<ImageSet> back = cache.load(42);
        QVERIFY(back);
        QCOMPARE(back->rows, 5);
        QCOMPARE(back->cols, 6);
        QCOMPARE(back->count, 37L);
        QVERIFY(back->pixels == images.pixels);
        QVERIFY(!cache.load(43));
        const QString entry = QDir(dir_.path() + "/pixels").entryList({"images-*.bin"}).value(0);
        QVERIFY(!entry.isEmpty());
        QFile file(dir_.path() + "/pixels/" + entry);
        QVERIFY(file.resize(file.size() - 1));  // one pixel short of what its header announces
        QVERIFY(!cache.load(42));
        QVERIFY(!PixelCache("").load(42));  // no folder: no cache
    }

    // Loading a data set keeps its images in the pixel cache; another spelling of the same files is served from it
    // with the same pixels, and a file rewritten since is read from the file again, never from the stale entry.
    void datasetImagesComeFromThePixelCache()
    {
        const QString folder = dir_.path() + "/pixelset";
        QVERIFY(QDir().mkpath(folder));
        const std::string train = (folder + "/train-images-idx3-ubyte.gz").toStdString();
        writeIdxImages(train, randomImages(120, 5, 6, 21));
        writeIdxImages((folder + "/t10k-images-idx3-ubyte.gz").toStdString(), randomImages(30, 5, 6, 22));
        const auto first = ImageDataset::load({folder.toStdString(), "", 0});
        QVERIFY(!first->training().fromCache);
        const auto again = ImageDataset::load({train, "", 0});
        QVERIFY(again.get() != first.get());
        QVERIFY(again->training().fromCache);
        QVERIFY(again->training().images.pixels == first->training().images.pixels &&
                again->test.pixels == first->test.pixels);

        const ImageSet changed = randomImages(120, 5, 6, 23);
        QTest::qWait(10);  // a modification time of its own, even on a coarse clock
        writeIdxImages(train, changed);
        const auto fresh = ImageDataset::load({train, "", 0});
        QVERIFY(!fresh->training().fromCache);
        QVERIFY(fresh->training().images.pixels == changed.pixels);
    }

    // Files read before: a second reading finds their spectrum by the files' identities and leaves the training
    // images unread until SGD needs them; they are then the same pixels. A training file rewritten in between is
    // refused by name rather than trained on under the old spectrum.
    void knownFilesReadTheirTrainingImagesOnlyForSgd()
    {
        const QString folder = dir_.path() + "/known";
        QVERIFY(QDir().mkpath(folder));
        const std::string train = (folder + "/train-images-idx3-ubyte").toStdString();
        writeIdxImages(train, randomImages(400, 5, 6, 31));
        writeIdxImages((folder + "/t10k-images-idx3-ubyte").toStdString(), randomImages(50, 5, 6, 32));
        const ImageSource source{folder.toStdString(), "", 0};
        const auto first = ImageDataset::read(source);
        QVERIFY(first->trainingLoaded());  // met for the first time: read whole, to decompose

        const auto second = ImageDataset::read(source);
        QVERIFY(!second->trainingLoaded());
        QVERIFY(second->spectrumFromCache);
        QVERIFY(second->eigen.values == first->eigen.values && second->eigen.vectors == first->eigen.vectors);
        QCOMPARE(second->trainCount, 400L);
        QCOMPARE(second->rows, 5);
        QCOMPARE(second->cols, 6);
        QVERIFY(second->test.pixels == first->test.pixels);
        QCOMPARE(second->testPreprocessing.scale, first->testPreprocessing.scale);
        // The theory's set-up needs no training image.
        const ImageDataModel model(second);
        QCOMPARE(model.modes().rho.size(), 30);
        QVERIFY(!second->trainingLoaded());
        model.prepareToDraw();
        QVERIFY(second->trainingLoaded());
        QVERIFY(second->training().images.pixels == first->training().images.pixels);
        QCOMPARE(second->training().preprocessing.scale, first->training().preprocessing.scale);
        QCOMPARE(second->training().preprocessing.offset, first->training().preprocessing.offset);

        const auto third = ImageDataset::read(source);
        QVERIFY(!third->trainingLoaded());
        QTest::qWait(10);  // a modification time of its own, even on a coarse clock
        writeIdxImages(train, randomImages(400, 5, 6, 33));
        const QString e = errorOf([&] { third->training(); });
        QVERIFY2(e.contains("train-images-idx3-ubyte: the file changed after its spectrum was read"), qPrintable(e));
        // Read again, the rewritten file is another data set, decomposed afresh.
        const auto fourth = ImageDataset::read(source);
        QVERIFY(fourth->trainingLoaded());
        QVERIFY(!fourth->spectrumFromCache);
    }

    void datasetProblemsAreNamed()
    {
        const QString folder = dir_.path() + "/mismatch";
        QVERIFY(QDir().mkpath(folder));
        writeIdxImages((folder + "/train-images-idx3-ubyte").toStdString(), randomImages(20, 5, 6, 7));
        writeIdxImages((folder + "/t10k-images-idx3-ubyte").toStdString(), randomImages(20, 6, 5, 8));
        QString e = errorOf([&] { ImageDataset::load({folder.toStdString(), "", 0}); });
        QVERIFY2(e.contains("t10k-images-idx3-ubyte") && e.contains("inconsistent dimensions"), qPrintable(e));

        const QString empty = dir_.path() + "/empty";
        QVERIFY(QDir().mkpath(empty));
        e = errorOf([&] { ImageDataset::load({empty.toStdString(), "", 0}); });
        QVERIFY2(e.contains(empty) && e.contains("no images found"), qPrintable(e));
        e = errorOf([&] { ImageDataset::load({"/nonexistent/folder", "", 0}); });
        QVERIFY2(e.contains("/nonexistent/folder: no such file or folder"), qPrintable(e));

        qputenv("AEDYN_CIFAR10", "/nonexistent");
        qputenv("HOME", dir_.path().toUtf8());
        e = errorOf([&] { ImageDataset::load({"cifar10", "", 0}); });
        QVERIFY2(e.contains("cifar-10-binary.tar.gz"), qPrintable(e));

        // Through the experiment: a configuration error naming the file, nothing else happens.
        ExperimentConfig c;
        applyParameters(c, {{"spectrum", "images"}, {"images", (folder + "/nope").toStdString()}});
        try {
            Experiment x(c);
            QFAIL("expected a ConfigError");
        } catch (const ConfigError& err) {
            QVERIFY(QString(err.what()).contains("nope: no such file or folder"));
        }
        applyParameters(c, {{"images", folder.toStdString() + "/train-images-idx3-ubyte"},
                            {"test_images", folder.toStdString() + "/train-images-idx3-ubyte"},
                            {"K", "31"}});
        try {
            Experiment x(c);
            QFAIL("expected a ConfigError");
        } catch (const ConfigError& err) {
            QVERIFY2(QString(err.what()).contains("K = 31 is larger than D = 30"), err.what());
        }
    }

    void testErrorIsTheMeanReconstructionError()
    {
        const QString folder = dir_.path() + "/small";
        QVERIFY(QDir().mkpath(folder));
        writeIdxImages((folder + "/train-images-idx3-ubyte").toStdString(), randomImages(300, 4, 4, 9));
        writeIdxImages((folder + "/t10k-images-idx3-ubyte").toStdString(), randomImages(333, 4, 4, 10));
        const ImageDataModel data(ImageDataset::load({folder.toStdString(), "", 0}));
        std::mt19937 rng(3);
        std::normal_distribution<double> n;
        for (bool bias : {false, true}) {
            TrainingRule rule;
            rule.trainBias = bias;
            Weights w;
            w.W = RowMatrix::NullaryExpr(3, 16, [&] { return n(rng); });
            w.V = RowMatrix::NullaryExpr(3, 16, [&] { return n(rng); });
            w.beta = bias ? Eigen::VectorXd::Constant(3, 0.3) : Eigen::VectorXd::Zero(3);
            double sum = 0;
            const long N = data.images().test.count;
            for (long i = 0; i < N; ++i) {
                const Eigen::VectorXd x = data.images().testInput(i);
                sum += (x - reconstruct(rule, w, x, 3)).squaredNorm() / (2 * 16.0);
            }
            AEDYN_COMPARE_REL(data.testError(rule, w), sum / N, 1e-12);
        }
        // The full-rank PCA reconstruction is the identity; rank 0 is nothing.
        const Eigen::VectorXd x = data.images().testInput(5);
        AEDYN_COMPARE_ABS((pcaReconstruct(data.images().eigen.vectors, x, 16) - x).norm(), 0.0, 1e-12);
        QCOMPARE(pcaReconstruct(data.images().eigen.vectors, x, 0).norm(), 0.0);
    }

    // theory.md §8, figure 5d: the full-spectrum ODE (784 modes, K = 64, lr 5) at t = 3000 gives ε ≈ 0.0122
    // (vanilla) and 0.0135 (truncated), quoted to three digits; both lie above ε_PCA(64) = 0.0104.
    void fig5dTheoryMatchesTheSpecification_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("tolerance");
        // Half a unit in the third digit for vanilla (seeds 1 and 2 give 0.012178 and 0.012214). The truncated
        // rule's slow final approach depends on the initial draw: seeds 1, 2, 3 give 0.013627, 0.013550, 0.013534.
        QTest::addColumn<QString>("tMax");
        // Under the sanitizers (ten times slower) the earlier checkpoint of theory.md §8, t ≈ 825: 0.0147 and
        // 0.0172, which the ODE meets to 0.8 % and 0.6 %.
        if (qEnvironmentVariableIsSet("AEDYN_SANITIZED")) {
            QTest::newRow("vanilla") << "vanilla" << 0.0147 << 0.015 << "825";
            QTest::newRow("truncated") << "truncated" << 0.0172 << 0.015 << "825";
            return;
        }
        QTest::newRow("vanilla") << "vanilla" << 0.0122 << 0.005 << "3000";
        QTest::newRow("truncated") << "truncated" << 0.0135 << 0.015 << "3000";
    }

    void fig5dTheoryMatchesTheSpecification()
    {
        if (!QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
            QSKIP("FashionMNIST is not installed (scripts/install-deps.sh installs dataset-fashion-mnist)");
        QFETCH(QString, rule);
        QFETCH(double, expected);
        QFETCH(double, tolerance);
        QFETCH(QString, tMax);
        ExperimentConfig c = presetConfig("fig5d-fashion-mnist");
        applyParameters(c, {{"rule", rule.toStdString()}, {"t_max", tMax.toStdString()}});
        const Experiment e(c);
        double eps = 0;
        QVERIFY(e.runTheory([&](std::size_t, const Observables& o) { eps = o.eps; }).ok);
        AEDYN_COMPARE_REL(eps, expected, tolerance);
        AEDYN_COMPARE_REL(e.pcaErrors()[64], 0.010433, 1e-4);
    }

    void fashionMnistOdeAgainstSgd()
    {
        // 10,000 FashionMNIST training images, K = 4: the full-spectrum ODE (784 modes) against the mean of 4 SGD
        // runs from the same weights. The Gaussian-equivalent error of the SGD weights tests the dynamics alone;
        // the error on the 10,000 test images adds the non-Gaussianity of images and the gap between the training
        // and the test distribution.
        if (!QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
            QSKIP("FashionMNIST is not installed (scripts/install-deps.sh installs dataset-fashion-mnist)");
        ExperimentConfig c = presetConfig("fig6-fashion-mnist");
        {
            // Under the sanitizers two networks instead of four (still asserting, with the same tolerances).
            const bool light = qEnvironmentVariableIsSet("AEDYN_SANITIZED");
            applyParameters(c, {{"datasize", "10000"}, {"K", "4"}, {"runs", light ? "2" : "4"}, {"t_max", "100"}});
            const Experiment e(c);
            QCOMPARE(e.config().D, 784);
            std::vector<double> ode(e.times().size()), gaussian(ode.size()), test(ode.size());
            QVERIFY(e.runTheory([&](std::size_t i, const Observables& o) { ode[i] = o.eps; }).ok);
            QVERIFY(e.runSimulation([&](std::size_t i, const std::vector<Observables>& runs, const Weights&) {
                         const Observables m = meanOverRuns(runs);
                         gaussian[i] = m.eps;
                         test[i] = m.testEps;
                     }).ok);
            double worstGaussian = 0, worstTest = 0;
            for (std::size_t i = 0; i < ode.size(); i += std::max<std::size_t>(1, ode.size() / 20)) {
                worstGaussian = std::max(worstGaussian, std::abs(gaussian[i] / ode[i] - 1));
                worstTest = std::max(worstTest, std::abs(test[i] / ode[i] - 1));
            }
            qInfo("max deviation from the ODE: Gaussian-equivalent %.2f %%, test images %.2f %%",
                  100 * worstGaussian, 100 * worstTest);
            QVERIFY2(worstGaussian < 0.01, qPrintable(QString::number(worstGaussian)));
            QVERIFY2(worstTest < 0.02, qPrintable(QString::number(worstTest)));
            QVERIFY(ode.back() < 0.75 * ode.front());  // it did learn
        }
    }
};

QTEST_GUILESS_MAIN(TestImageData)
#include "tst_imagedata.moc"
