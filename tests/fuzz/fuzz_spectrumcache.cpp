// libFuzzer target: a spectrum cache entry, and the same bytes as an entry of known training files. The key and
// the dimension are taken from the input's own header (bytes 8–15 and 16–19), so that the fuzzer reaches the
// payload; a damaged or oversized entry must be refused (nothing returned) without allocating what its header
// claims.
#include "FuzzFile.h"
#include "SpectrumCache.h"

#include <cstdio>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::uint64_t key = 0;
    std::int32_t D = 1;
    if (size >= 16)
        std::memcpy(&key, data + 8, 8);
    if (size >= 20)
        std::memcpy(&D, data + 16, 4);
    char name[40];
    std::snprintf(name, sizeof name, "spectrum-%016llx.bin", static_cast<unsigned long long>(key));
    aedyn::fuzz::writeScratch(name, data, size);
    const aedyn::SpectrumCache cache(aedyn::fuzz::scratchFolder());
    if (const auto e = cache.load(key, D)) {
        if (e->values.size() != D || e->vectors.rows() != D || e->vectors.cols() != D || !e->values.allFinite())
            __builtin_trap();
    }
    std::remove((aedyn::fuzz::scratchFolder() + "/" + name).c_str());

    std::snprintf(name, sizeof name, "files-%016llx.key", static_cast<unsigned long long>(key));
    aedyn::fuzz::writeScratch(name, data, size);
    if (const auto known = cache.knownTrainingSet(key); known && known->count < 2)
        __builtin_trap();
    std::remove((aedyn::fuzz::scratchFolder() + "/" + name).c_str());
    return 0;
}
