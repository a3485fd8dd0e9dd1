#include "CacheEntry.h"
#include "RegularFile.h"

#include <cstdio>
#include <cstring>

namespace aedyn {

std::string cacheEntryPath(const std::string& folder, const char* prefix, std::uint64_t key, const char* extension)
{
    char name[17];
    std::snprintf(name, sizeof name, "%016llx", static_cast<unsigned long long>(key));
    return folder + "/" + prefix + "-" + name + extension;
}

bool readCacheEntryHeader(RegularFile& in, const char (&magic)[8], std::uint64_t key)
{
    char stored[8];
    std::uint64_t storedKey = 0;
    return in.read(stored, 8) == 8 && std::memcmp(stored, magic, 8) == 0 && in.read(&storedKey, 8) == 8 &&
           storedKey == key;
}

} // namespace aedyn
