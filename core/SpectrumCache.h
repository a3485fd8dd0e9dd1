#pragma once
// The eigen-decomposition of an image set's second-moment matrix, kept on disk so that the second start is
// instant (a FashionMNIST decomposition takes about a second, reading it back a few milliseconds).
// Entries are keyed by a hash of the pixels themselves, so a changed file never meets a stale entry. A second, tiny
// entry maps the files' identities to that hash, so that a known data set's spectrum is found without its pixels.
#include <Eigen/Core>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace aedyn {

// A fast 64-bit hash of a byte string (not cryptographic: it only has to tell data sets apart).
std::uint64_t contentHash(const std::uint8_t* bytes, std::size_t n);

struct Eigensystem {
    Eigen::VectorXd values;   // decreasing, ≥ 0
    Eigen::MatrixXd vectors;  // column τ belongs to values(τ)
};

class SpectrumCache {
public:
    // The folder $AEDYN_CACHE_DIR, else $XDG_CACHE_HOME/aedyn, else ~/.cache/aedyn.
    SpectrumCache();
    explicit SpectrumCache(std::string folder);

    const std::string& folder() const { return folder_; }
    // The stored eigensystem of dimension D under `key`, or nothing if absent, unreadable or damaged.
    std::optional<Eigensystem> load(std::uint64_t key, int D) const;
    // Stores atomically (temporary file, then rename); returns false when the folder cannot be written, in which
    // case AEDyn simply recomputes next time.
    bool store(std::uint64_t key, const Eigensystem& e) const;

    // What was last stored of the training set read from the files whose identities hash to filesKey.
    struct KnownTrainingSet {
        std::uint64_t pixelKey = 0;  // this cache's key of its spectrum
        std::int64_t count = 0;      // images
    };
    std::optional<KnownTrainingSet> knownTrainingSet(std::uint64_t filesKey) const;
    bool storeKnownTrainingSet(std::uint64_t filesKey, const KnownTrainingSet& set) const;

private:
    std::string path(std::uint64_t key) const;
    std::string filesPath(std::uint64_t filesKey) const;
    std::string folder_;
};

} // namespace aedyn
