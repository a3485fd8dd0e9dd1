#include "ImageFiles.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace aedyn {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& problem)
{
    throw ImageFileError(path + ": " + problem);
}

// zlib reads gzip streams and passes plain files through unchanged, so one reader serves both.
class CompressedFile {
public:
    explicit CompressedFile(const std::string& path)
        : path_(path)
    {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            fail(path, "is a folder, not a file");
        if (!std::filesystem::exists(path, ec))
            fail(path, "no such file");
        errno = 0;
        file_ = gzopen(path.c_str(), "rb");
        if (!file_)
            fail(path, std::string("cannot open: ") + (errno ? std::strerror(errno) : "out of memory"));
        gzbuffer(file_, 1 << 20);
    }
    ~CompressedFile() { gzclose(file_); }
    CompressedFile(const CompressedFile&) = delete;
    CompressedFile& operator=(const CompressedFile&) = delete;

    // Reads up to n bytes; returns how many were read. A damaged gzip stream is an error, not an early end.
    std::size_t read(void* out, std::size_t n)
    {
        std::size_t done = 0;
        auto* bytes = static_cast<unsigned char*>(out);
        while (done < n) {
            const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n - done, 1u << 30));
            const int got = gzread(file_, bytes + done, chunk);
            if (got < 0) {
                int code = 0;
                const char* message = gzerror(file_, &code);
                fail(path_, std::string("cannot read (") + (code == Z_ERRNO ? std::strerror(errno) : message) + ")");
            }
            if (got == 0)
                break;
            done += static_cast<std::size_t>(got);
        }
        return done;
    }
    bool atEnd()
    {
        unsigned char probe;
        return read(&probe, 1) == 0;
    }

private:
    std::string path_;
    gzFile file_ = nullptr;
};

std::uint32_t bigEndian(const unsigned char* b)
{
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) | b[3];
}

} // namespace

ImageSet readIdxImages(const std::string& path, long maxCount)
{
    CompressedFile file(path);
    unsigned char header[16];
    const std::size_t got = file.read(header, sizeof header);
    if (got < 4)
        fail(path, "too short for an IDX file (" + std::to_string(got) + " bytes)");
    const std::uint32_t magic = bigEndian(header);
    if (magic != 0x00000803u) {
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%08X", magic);
        fail(path, std::string("wrong magic number ") + hex +
                       " (an IDX image file starts with 0x00000803: unsigned bytes, 3 dimensions)");
    }
    if (got < sizeof header)
        fail(path, "truncated header (" + std::to_string(got) + " of 16 bytes)");
    const std::uint32_t n = bigEndian(header + 4), rows = bigEndian(header + 8), cols = bigEndian(header + 12);
    if (n == 0 || rows == 0 || cols == 0 || rows > 4096 || cols > 4096 || std::uint64_t(rows) * cols > 100000)
        fail(path, "inconsistent dimensions " + std::to_string(n) + " × " + std::to_string(rows) + " × " +
                       std::to_string(cols) + " (expected images of at most 100,000 pixels)");
    ImageSet set;
    set.rows = static_cast<int>(rows);
    set.cols = static_cast<int>(cols);
    const long keep = maxCount > 0 ? std::min<long>(maxCount, n) : static_cast<long>(n);
    const std::size_t bytes = std::size_t(keep) * rows * cols;
    set.pixels.resize(bytes);
    const std::size_t read = file.read(set.pixels.data(), bytes);
    if (read < bytes)
        fail(path, "truncated: the header announces " + std::to_string(n) + " images of " + std::to_string(rows) +
                       "×" + std::to_string(cols) + " pixels, but the file ends after " +
                       std::to_string(read / (std::size_t(rows) * cols)) + " of them");
    if (keep == static_cast<long>(n) && !file.atEnd())
        fail(path, "inconsistent dimensions: the file holds more data than the " + std::to_string(n) + " images of " +
                       std::to_string(rows) + "×" + std::to_string(cols) + " pixels its header announces");
    set.count = keep;
    return set;
}

ImageSet readCifarBatches(const std::vector<std::string>& paths, long maxCount)
{
    constexpr std::size_t plane = 1024, record = 1 + 3 * plane;
    ImageSet set;
    set.rows = set.cols = 32;
    std::vector<unsigned char> buffer(record * 1000);
    for (const std::string& path : paths) {
        if (maxCount > 0 && set.count >= maxCount)
            break;
        CompressedFile file(path);
        long inFile = 0;
        for (;;) {
            const std::size_t got = file.read(buffer.data(), buffer.size());
            if (got % record != 0)
                fail(path, "truncated or not a CIFAR-10 binary batch: its size is not a multiple of 3073 bytes "
                           "(1 label byte + 32×32×3 colour bytes per image)");
            for (std::size_t r = 0; r < got / record; ++r) {
                const unsigned char* rec = buffer.data() + r * record;
                if (rec[0] > 9)
                    fail(path, "not a CIFAR-10 binary batch: image " + std::to_string(inFile + 1) + " has label " +
                                   std::to_string(rec[0]) + " (labels are 0 to 9)");
                ++inFile;
                if (maxCount > 0 && set.count >= maxCount)
                    continue;
                const std::size_t at = set.pixels.size();
                set.pixels.resize(at + plane);
                for (std::size_t i = 0; i < plane; ++i)
                    set.pixels[at + i] = cifarGray(rec[1 + i], rec[1 + plane + i], rec[1 + 2 * plane + i]);
                ++set.count;
            }
            if (got < buffer.size())
                break;
        }
        if (inFile == 0)
            fail(path, "empty file");
    }
    return set;
}

void writeIdxImages(const std::string& path, const ImageSet& images)
{
    const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    gzFile file = gzopen(path.c_str(), gz ? "wb6" : "wbT");  // T: transparent, i.e. plain
    if (!file)
        fail(path, std::string("cannot write: ") + std::strerror(errno));
    unsigned char header[16];
    const std::uint32_t fields[4] = {0x00000803u, static_cast<std::uint32_t>(images.count),
                                     static_cast<std::uint32_t>(images.rows), static_cast<std::uint32_t>(images.cols)};
    for (int f = 0; f < 4; ++f)
        for (int b = 0; b < 4; ++b)
            header[4 * f + b] = static_cast<unsigned char>(fields[f] >> (24 - 8 * b));
    const bool ok = gzwrite(file, header, sizeof header) == int(sizeof header) &&
                    (images.pixels.empty() ||
                     gzwrite(file, images.pixels.data(), static_cast<unsigned>(images.pixels.size())) ==
                         int(images.pixels.size()));
    if (gzclose(file) != Z_OK || !ok)
        fail(path, "cannot write (disk full?)");
}

} // namespace aedyn
