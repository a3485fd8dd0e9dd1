// The readers of outside files refuse what they cannot trust before spending memory or time on it (issue 14):
// a header claiming terabytes is refused from the file's size in milliseconds without allocating; a FIFO, a device
// or a folder where a file is expected is refused at once; a file rewritten under the same name is read again.
#include "ImageDataset.h"
#include "ImageFiles.h"
#include "RegularFile.h"
#include "SpectrumCache.h"

#include <QDir>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <new>
#include <random>
#include <thread>

// Every allocation of this process goes through here, so that a test can see the largest single request.
namespace {
std::atomic<std::size_t> largestAllocation{0};
}

void* operator new(std::size_t n)
{
    std::size_t seen = largestAllocation.load(std::memory_order_relaxed);
    while (n > seen && !largestAllocation.compare_exchange_weak(seen, n, std::memory_order_relaxed)) {
    }
    if (void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace aedyn;

namespace {

void writeBytes(const std::string& path, const std::vector<unsigned char>& bytes)
{
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

std::vector<unsigned char> idxHeader(std::uint32_t n, std::uint32_t rows, std::uint32_t cols)
{
    std::vector<unsigned char> h;
    for (std::uint32_t f : {0x00000803u, n, rows, cols})
        for (int b = 0; b < 4; ++b)
            h.push_back(static_cast<unsigned char>(f >> (24 - 8 * b)));
    return h;
}

ImageSet randomImages(long count, int rows, int cols, unsigned seed)
{
    std::mt19937 rng(seed);
    ImageSet s;
    s.rows = rows;
    s.cols = cols;
    s.count = count;
    s.pixels.resize(std::size_t(count) * rows * cols);
    for (auto& p : s.pixels)
        p = static_cast<std::uint8_t>(rng() & 0xFF);
    return s;
}

template <typename F>
QString errorOf(F&& f)
{
    try {
        f();
    } catch (const ImageFileError& e) {
        return QString::fromUtf8(e.what());
    } catch (const FileError& e) {
        return QString::fromUtf8(e.what());
    } catch (const std::bad_alloc&) {
        return "std::bad_alloc";
    }
    return {};
}

} // namespace

class TestImageFiles : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string path(const char* name) const { return (dir_.path() + "/" + name).toStdString(); }

    // Runs f on another thread; if it has not returned within two seconds it is blocked (in an open of a FIFO):
    // a writer is opened and closed to release it, and the test fails.
    template <typename F>
    QString errorWithinTwoSeconds(const std::string& fifo, F f)
    {
        auto result = std::async(std::launch::async, [f] { return errorOf(f); });
        if (result.wait_for(std::chrono::seconds(2)) == std::future_status::timeout) {
            while (result.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout) {
                const int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
                if (w >= 0)
                    ::close(w);
            }
            return "blocked on the FIFO";
        }
        return result.get();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        qputenv("AEDYN_CACHE_DIR", (dir_.path() + "/cache").toUtf8());
    }

    void hugeIdxHeaderIsRefusedFromTheFileSize_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "huge-idx3-ubyte";
        QTest::newRow("gzip") << "huge-idx3-ubyte.gz";
    }

    void hugeIdxHeaderIsRefusedFromTheFileSize()
    {
        // 4,294,967,295 images of 28×28 pixels: 3.4·10¹² bytes announced, a few bytes present.
        QFETCH(QString, name);
        const std::string file = path(name.toUtf8().constData());
        if (name.endsWith(".gz")) {
            ImageSet one = randomImages(1, 28, 28, 1);
            writeIdxImages(file, one);
            // Patch the count inside the compressed stream: write the header through zlib instead.
            ImageSet fake;
            fake.rows = fake.cols = 28;
            fake.count = 0xFFFFFFFFL;
            fake.pixels = one.pixels;
            writeIdxImages(file, fake);
        } else {
            auto bytes = idxHeader(0xFFFFFFFFu, 28, 28);
            bytes.resize(bytes.size() + 784 * 3, 7);
            writeBytes(file, bytes);
        }
        largestAllocation = 0;
        const auto start = std::chrono::steady_clock::now();
        const QString e = errorOf([&] { readIdxImages(file); });
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QVERIFY2(e.contains(QString::fromStdString(file)) && e.contains("4294967295 images"), qPrintable(e));
        QVERIFY2(seconds < 0.5, qPrintable(QString::number(seconds)));
        // Nothing near the claim was requested: at most the zlib buffers and the few images present.
        QVERIFY2(largestAllocation < (std::size_t(4) << 20), qPrintable(QString::number(largestAllocation)));
    }

    void largeButPresentDataIsStillRead()
    {
        // The bound on gzip content is not too tight: highly compressible data (all zeros) reads back.
        ImageSet zeros;
        zeros.rows = zeros.cols = 28;
        zeros.count = 20000;
        zeros.pixels.assign(std::size_t(20000) * 784, 0);
        writeIdxImages(path("zeros-idx3-ubyte.gz"), zeros);
        const ImageSet back = readIdxImages(path("zeros-idx3-ubyte.gz"));
        QCOMPARE(back.count, 20000L);
        QVERIFY(back.pixels == zeros.pixels);
    }

    void fifoIsRefusedWithoutBlocking()
    {
        const std::string fifo = path("fifo-idx3-ubyte");
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        QString e = errorWithinTwoSeconds(fifo, [fifo] { readIdxImages(fifo); });
        QVERIFY2(e == QString::fromStdString(fifo + ": is not a regular file (a FIFO)"), qPrintable(e));
        e = errorWithinTwoSeconds(fifo, [fifo] { readCifarBatches({fifo}); });
        QVERIFY2(e.contains("is not a regular file"), qPrintable(e));
        e = errorWithinTwoSeconds(fifo, [fifo] { ImageDataset::load({fifo, "", 0}); });
        QVERIFY2(e.contains("is not a regular file"), qPrintable(e));
        e = errorWithinTwoSeconds(fifo, [fifo] { readRegularFile(fifo, 1000); });
        QVERIFY2(e.contains("is not a regular file (a FIFO)"), qPrintable(e));

        // A FIFO planted as a spectrum cache entry is not opened for reading: the cache simply misses.
        const SpectrumCache cache(path("fifocache"));
        QVERIFY(QDir().mkpath(QString::fromStdString(cache.folder())));
        const std::string entry = cache.folder() + "/spectrum-0000000000000001.bin";
        QCOMPARE(::mkfifo(entry.c_str(), 0600), 0);
        auto loaded = std::async(std::launch::async, [&] { return cache.load(1, 4).has_value(); });
        if (loaded.wait_for(std::chrono::seconds(2)) == std::future_status::timeout) {
            const int w = ::open(entry.c_str(), O_WRONLY | O_NONBLOCK);
            if (w >= 0)
                ::close(w);
            loaded.wait();
            QFAIL("the spectrum cache blocked on a FIFO");
        }
        QVERIFY(!loaded.get());
    }

    void devicesAndFoldersAreRefused()
    {
        QString e = errorOf([] { readIdxImages("/dev/zero"); });
        QVERIFY2(e == "/dev/zero: is not a regular file (a character device)", qPrintable(e));
        e = errorOf([] { readRegularFile("/dev/zero", 1 << 20); });
        QVERIFY2(e == "/dev/zero: is not a regular file (a character device)", qPrintable(e));
        e = errorOf([] { ImageDataset::load({"/dev/zero", "", 0}); });
        QVERIFY2(e.contains("is not a regular file"), qPrintable(e));
        e = errorOf([&] { readIdxImages(dir_.path().toStdString()); });
        QVERIFY2(e.contains("is a folder"), qPrintable(e));
        e = errorOf([&] { readRegularFile(path("nothing-here"), 10); });
        QVERIFY2(e.contains("nothing-here: no such file"), qPrintable(e));
    }

    void readRegularFileHonoursItsCap()
    {
        writeBytes(path("ten"), std::vector<unsigned char>(10, 'x'));
        QCOMPARE(readRegularFile(path("ten"), 10), std::string(10, 'x'));
        const QString e = errorOf([&] { readRegularFile(path("ten"), 9); });
        QVERIFY2(e.contains("too large (10 bytes; at most 9"), qPrintable(e));
        const RegularFile f(path("ten"));
        QCOMPARE(f.size(), std::uint64_t(10));
        QVERIFY(f.identity() == regularFileIdentity(path("ten")));
    }

    void rewrittenFileIsReadAgain()
    {
        const QString folder = dir_.path() + "/rewritten";
        QVERIFY(QDir().mkpath(folder));
        const std::string train = (folder + "/train-images-idx3-ubyte").toStdString();
        const std::string test = (folder + "/t10k-images-idx3-ubyte").toStdString();
        writeIdxImages(train, randomImages(60, 4, 4, 10));
        writeIdxImages(test, randomImages(20, 4, 4, 11));
        const auto a = ImageDataset::load({folder.toStdString(), "", 0});
        QCOMPARE(ImageDataset::load({folder.toStdString(), "", 0}).get(), a.get());  // unchanged: shared
        // The same name and the same size, other pixels (after the file system's timestamp granularity).
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        const ImageSet other = randomImages(60, 4, 4, 12);
        writeIdxImages(train, other);
        const auto b = ImageDataset::load({folder.toStdString(), "", 0});
        QVERIFY(b.get() != a.get());
        QVERIFY(b->training().images.pixels == other.pixels);
        // The test file alone rewritten is noticed too.
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        const ImageSet otherTest = randomImages(20, 4, 4, 13);
        writeIdxImages(test, otherTest);
        const auto c = ImageDataset::load({folder.toStdString(), "", 0});
        QVERIFY(c->test.pixels == otherTest.pixels);
    }

    // Links planted in the cache folder (the entry, its old temporary name) are replaced, never written through.
    void spectrumCacheNeverWritesThroughLinks()
    {
        const SpectrumCache cache(path("linkcache"));
        QVERIFY(QDir().mkpath(QString::fromStdString(cache.folder())));
        const std::string entry = cache.folder() + "/spectrum-0000000000000002.bin";
        const std::string victim = path("victim"), victimPart = path("victim-part");
        for (const std::string& v : {victim, victimPart})
            std::ofstream(v) << "keep";
        QCOMPARE(::symlink(victim.c_str(), entry.c_str()), 0);
        QCOMPARE(::symlink(victimPart.c_str(), (entry + ".part").c_str()), 0);
        Eigensystem e;
        e.values = Eigen::Vector2d(2.0, 1.0);
        e.vectors = Eigen::Matrix2d::Identity();
        QVERIFY(cache.store(2, e));
        for (const std::string& v : {victim, victimPart}) {
            std::ifstream in(v);
            std::string text;
            in >> text;
            QCOMPARE(QString::fromStdString(text), QStringLiteral("keep"));
        }
        QVERIFY(QFileInfo(QString::fromStdString(entry)).isFile() && !QFileInfo(QString::fromStdString(entry)).isSymLink());
        const auto loaded = cache.load(2, 2);
        QVERIFY(loaded && loaded->values == e.values && loaded->vectors == e.vectors);
    }
};

QTEST_GUILESS_MAIN(TestImageFiles)
#include "tst_imagefiles.moc"
