#pragma once
// What every file in AEDyn's cache folder shares: a name made of its kind and its key, and a header of an 8-byte
// magic (the kind and its format version) followed by the 8-byte key, so that a renamed or foreign file is refused.
#include <cstdint>
#include <string>

namespace aedyn {

class RegularFile;

// folder/<prefix>-<key as 16 hex digits><extension>, e.g. spectrum-00ab…ff.bin.
std::string cacheEntryPath(const std::string& folder, const char* prefix, std::uint64_t key, const char* extension);
// Reads the header; true when it holds this magic and this key.
bool readCacheEntryHeader(RegularFile& in, const char (&magic)[8], std::uint64_t key);

} // namespace aedyn
