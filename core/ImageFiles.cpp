#include "ImageFiles.h"

#include "HugePages.h"
#include "RegularFile.h"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <cstdio>
#include <memory>

namespace aedyn {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& problem)
{
    throw ImageFileError(path + ": " + problem);
}

// zlib reads gzip streams and passes plain files through unchanged, so one reader serves both. Only regular files
// are opened (RegularFile): a FIFO or a device is refused at once instead of blocking or being read without end.
class CompressedFile {
public:
    explicit CompressedFile(const std::string& path)
        : path_(path)
    {
        try {
            RegularFile file(path);
            size_ = file.size();
            unsigned char magic[2] = {0, 0};
            gzip_ = ::pread(file.fd(), magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
            errno = 0;
            const int fd = file.release();
            file_ = gzdopen(fd, "rb");
            if (!file_) {
                ::close(fd);
                fail(path, std::string("cannot open: ") + (errno ? std::strerror(errno) : "out of memory"));
            }
        } catch (const FileError& e) {
            throw ImageFileError(e.what());
        }
        // 1 MiB buffers for data sets, less for small files (a few bytes need no megabytes of buffer).
        gzbuffer(file_, static_cast<unsigned>(std::clamp<std::uint64_t>(size_, 1u << 14, 1u << 20)));
    }
    ~CompressedFile() { gzclose(file_); }
    CompressedFile(const CompressedFile&) = delete;
    CompressedFile& operator=(const CompressedFile&) = delete;

    // The size on disk, and whether the content is gzip-compressed (else it is read as it is).
    std::uint64_t size() const { return size_; }
    bool gzip() const { return gzip_; }
    // An upper bound of the uncompressed size: deflate cannot compress more than about 1032 to 1, and every gzip
    // member adds a header, so no valid file of this size holds more. Plain files hold exactly their size.
    std::uint64_t maxContent() const { return gzip_ ? size_ * 1040 + (1u << 16) : size_; }

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
    // Reads up to n bytes into the end of `into`, growing it by at most `chunk` bytes at a time, so that memory
    // follows what the file actually holds, never what a header claims.
    std::size_t readInto(std::vector<std::uint8_t>& into, std::size_t n, std::size_t chunk = std::size_t(1) << 26)
    {
        std::size_t done = 0;
        while (done < n) {
            const std::size_t want = std::min(n - done, chunk), at = into.size();
            if (into.capacity() < at + want) {
                into.reserve(at + want);
                adviseHugePages(into.data() + at, into.capacity() - at);
            }
            into.resize(at + want);
            const std::size_t got = read(into.data() + at, want);
            into.resize(at + got);
            done += got;
            if (got < want)
                break;
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
    std::uint64_t size_ = 0;
    bool gzip_ = false;
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
    const std::uint64_t px = std::uint64_t(rows) * cols;
    const long keep = maxCount > 0 ? std::min<long>(maxCount, n) : static_cast<long>(n);
    const std::uint64_t bytes = std::uint64_t(keep) * px, announced = 16 + std::uint64_t(n) * px;
    auto announces = [&] {
        return "the header announces " + std::to_string(n) + " images of " + std::to_string(rows) + "×" +
               std::to_string(cols) + " pixels (" + std::to_string(announced) + " bytes)";
    };
    // Sizes are checked against the file before anything is allocated: a header may claim terabytes.
    if (!file.gzip()) {
        const std::uint64_t present = file.size() > 16 ? (file.size() - 16) / px : 0;
        if (file.size() < 16 + bytes)
            fail(path, "truncated: " + announces() + ", but the file ends after " + std::to_string(present) +
                           " of them (" + std::to_string(file.size()) + " bytes)");
        if (keep == static_cast<long>(n) && file.size() > announced)
            fail(path, "inconsistent dimensions: the file (" + std::to_string(file.size()) +
                           " bytes) holds more data than " + announces());
    } else if (16 + bytes > file.maxContent()) {
        fail(path, "truncated or damaged: " + announces() + ", more than a gzip file of " +
                       std::to_string(file.size()) + " bytes can hold");
    }
    const std::size_t read = file.readInto(set.pixels, static_cast<std::size_t>(bytes));
    if (read < bytes)
        fail(path, "truncated: " + announces() + ", but the file ends after " + std::to_string(read / px) +
                       " of them");
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
        if (!file.gzip()) {
            if (file.size() == 0)
                fail(path, "empty file");
            if (file.size() % record != 0)
                fail(path, "truncated or not a CIFAR-10 binary batch: its size (" + std::to_string(file.size()) +
                               " bytes) is not a multiple of 3073 bytes (1 label byte + 32×32×3 colour bytes per image)");
        }
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
