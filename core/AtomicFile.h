#pragma once
// Writing a cache entry so that no reader ever sees half of it: the bytes go to a fresh temporary file beside the
// target, which is then renamed over it.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace aedyn {

// Writes the parts, one after another, to `target` (creating its folder if needed). The temporary is made with
// O_EXCL (mkstemp), so a link planted in the folder is never written through, and the rename replaces a link at the
// target itself, never what it points to. Returns false, leaving no temporary behind, when anything fails.
bool writeFileAtomically(const std::string& target, const std::vector<std::pair<const void*, std::size_t>>& parts);

} // namespace aedyn
