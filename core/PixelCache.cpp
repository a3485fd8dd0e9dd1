#include "PixelCache.h"

#include "AtomicFile.h"
#include "CacheEntry.h"
#include "HugePages.h"
#include "RegularFile.h"
#include "SpectrumCache.h"

namespace aedyn {

namespace {

constexpr char kMagic[8] = {'A', 'E', 'D', 'Y', 'N', 'I', 'M', '1'};
constexpr std::uint64_t kHeaderBytes = 8 + 8 + 4 + 4 + 8;  // magic, key, rows, cols, count

} // namespace

PixelCache::PixelCache()
    : folder_(SpectrumCache().folder())
{
}

PixelCache::PixelCache(std::string folder)
    : folder_(std::move(folder))
{
}

std::string PixelCache::path(std::uint64_t key) const { return cacheEntryPath(folder_, "images", key, ".bin"); }

std::optional<ImageSet> PixelCache::load(std::uint64_t key) const
{
    if (folder_.empty())
        return std::nullopt;
    try {
        RegularFile in(path(key));
        std::int32_t rows = 0, cols = 0;
        std::int64_t count = 0;
        if (!readCacheEntryHeader(in, kMagic, key) || in.read(&rows, 4) != 4 || in.read(&cols, 4) != 4 ||
            in.read(&count, 8) != 8)
            return std::nullopt;
        // The limits of an IDX file, and exactly the size the header implies, checked before allocating.
        if (rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096 || std::int64_t(rows) * cols > 100000 || count <= 0 ||
            in.size() != kHeaderBytes + std::uint64_t(count) * std::uint64_t(rows) * std::uint64_t(cols))
            return std::nullopt;
        ImageSet images;
        images.rows = rows;
        images.cols = cols;
        images.count = count;
        const std::size_t bytes = in.size() - kHeaderBytes;
        images.pixels.reserve(bytes);
        adviseHugePages(images.pixels.data(), bytes);
        images.pixels.resize(bytes);
        char probe;
        if (in.read(images.pixels.data(), bytes) != bytes || in.read(&probe, 1) != 0)
            return std::nullopt;
        return images;
    } catch (const FileError&) {
        return std::nullopt;  // absent, not a regular file or unreadable: read from the source
    }
}

bool PixelCache::store(std::uint64_t key, const ImageSet& images) const
{
    if (folder_.empty() || images.count <= 0)
        return false;
    const std::int32_t rows = images.rows, cols = images.cols;
    const std::int64_t count = images.count;
    return writeFileAtomically(path(key), {{kMagic, 8},
                                           {&key, 8},
                                           {&rows, 4},
                                           {&cols, 4},
                                           {&count, 8},
                                           {images.pixels.data(), images.pixels.size()}});
}

} // namespace aedyn
