#pragma once
// Image sets as read, kept on disk beside the spectra (SpectrumCache's folder) without their gzip compression:
// FashionMNIST's training images take a third of a second to inflate and a few milliseconds to read back raw.
// An entry is keyed by what was read — the files' identities (device, inode, size, modification and change times)
// and how many images were kept — so a file rewritten or replaced since is read from its source again.
#include "ImageFiles.h"

#include <cstdint>
#include <optional>
#include <string>

namespace aedyn {

class PixelCache {
public:
    // SpectrumCache's folder: $AEDYN_CACHE_DIR, else $XDG_CACHE_HOME/aedyn, else ~/.cache/aedyn.
    PixelCache();
    explicit PixelCache(std::string folder);

    // The images stored under `key`, or nothing if absent, unreadable or damaged.
    std::optional<ImageSet> load(std::uint64_t key) const;
    // Stores atomically; false when the folder cannot be written (the source is then simply read each time).
    bool store(std::uint64_t key, const ImageSet& images) const;

private:
    std::string path(std::uint64_t key) const;
    std::string folder_;
};

} // namespace aedyn
