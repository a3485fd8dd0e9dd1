#include "SpectrumCache.h"
#include "AtomicFile.h"
#include "CacheEntry.h"
#include "RegularFile.h"

#include <cstdlib>
#include <cstring>

namespace aedyn {

namespace {

constexpr char kMagic[8] = {'A', 'E', 'D', 'Y', 'N', 'S', 'P', '1'};
constexpr char kFilesMagic[8] = {'A', 'E', 'D', 'Y', 'N', 'F', 'K', '1'};

std::uint64_t mix(std::uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 33);
}

std::string defaultFolder()
{
    if (const char* dir = std::getenv("AEDYN_CACHE_DIR"); dir && *dir)
        return dir;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/aedyn";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/aedyn";
    return {};
}

} // namespace

std::uint64_t contentHash(const std::uint8_t* bytes, std::size_t n)
{
    // Four independent lanes over 8-byte words keep the multiplier pipeline busy (several GB/s).
    std::uint64_t lane[4] = {0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL, 0xA4093822299F31D0ULL,
                             0x082EFA98EC4E6C89ULL};
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int l = 0; l < 4; ++l) {
            std::uint64_t w;
            std::memcpy(&w, bytes + i + 8 * l, 8);
            lane[l] = (lane[l] ^ w) * 0x9E3779B97F4A7C15ULL;
            lane[l] ^= lane[l] >> 29;
        }
    std::uint64_t h = mix(lane[0]) ^ mix(lane[1] + 1) ^ mix(lane[2] + 2) ^ mix(lane[3] + 3);
    for (; i < n; ++i)
        h = mix(h ^ bytes[i]);
    return mix(h ^ n);
}

SpectrumCache::SpectrumCache()
    : folder_(defaultFolder())
{
}

SpectrumCache::SpectrumCache(std::string folder)
    : folder_(std::move(folder))
{
}

std::string SpectrumCache::path(std::uint64_t key) const { return cacheEntryPath(folder_, "spectrum", key, ".bin"); }

std::string SpectrumCache::filesPath(std::uint64_t filesKey) const
{
    return cacheEntryPath(folder_, "files", filesKey, ".key");
}

std::optional<Eigensystem> SpectrumCache::load(std::uint64_t key, int D) const
{
    if (folder_.empty() || D <= 0)
        return std::nullopt;
    try {
        // Only a regular file of exactly the size the header implies is read, checked before allocating D² doubles.
        RegularFile in(path(key));
        const std::uint64_t expected = 20 + 8 * std::uint64_t(D) + 8 * std::uint64_t(D) * std::uint64_t(D);
        if (in.size() != expected)
            return std::nullopt;
        std::int32_t storedD = 0;
        if (!readCacheEntryHeader(in, kMagic, key) || in.read(&storedD, 4) != 4 || storedD != D)
            return std::nullopt;
        Eigensystem e;
        e.values.resize(D);
        e.vectors.resize(D, D);
        const std::size_t valueBytes = 8 * std::size_t(D), vectorBytes = valueBytes * std::size_t(D);
        char probe;
        if (in.read(e.values.data(), valueBytes) != valueBytes || in.read(e.vectors.data(), vectorBytes) != vectorBytes ||
            in.read(&probe, 1) != 0)
            return std::nullopt;
        if (!e.values.allFinite() || !e.vectors.allFinite())
            return std::nullopt;
        return e;
    } catch (const FileError&) {
        return std::nullopt;  // absent, not a regular file or unreadable: recomputed
    }
}

bool SpectrumCache::store(std::uint64_t key, const Eigensystem& e) const
{
    if (folder_.empty())
        return false;
    const std::int32_t D = static_cast<std::int32_t>(e.values.size());
    return writeFileAtomically(path(key), {{kMagic, 8},
                                           {&key, 8},
                                           {&D, 4},
                                           {e.values.data(), std::size_t(8) * D},
                                           {e.vectors.data(), std::size_t(8) * D * D}});
}

std::optional<SpectrumCache::KnownTrainingSet> SpectrumCache::knownTrainingSet(std::uint64_t filesKey) const
{
    if (folder_.empty())
        return std::nullopt;
    try {
        RegularFile in(filesPath(filesKey));
        KnownTrainingSet set;
        if (in.size() != 32 || !readCacheEntryHeader(in, kFilesMagic, filesKey) || in.read(&set.pixelKey, 8) != 8 ||
            in.read(&set.count, 8) != 8 || set.count < 2)
            return std::nullopt;
        return set;
    } catch (const FileError&) {
        return std::nullopt;
    }
}

bool SpectrumCache::storeKnownTrainingSet(std::uint64_t filesKey, const KnownTrainingSet& set) const
{
    if (folder_.empty())
        return false;
    return writeFileAtomically(filesPath(filesKey),
                               {{kFilesMagic, 8}, {&filesKey, 8}, {&set.pixelKey, 8}, {&set.count, 8}});
}

} // namespace aedyn
