#include "AtomicFile.h"

#include <cerrno>
#include <filesystem>
#include <unistd.h>

namespace aedyn {

bool writeFileAtomically(const std::string& target, const std::vector<std::pair<const void*, std::size_t>>& parts)
{
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(target).parent_path(), ec);
    std::string temporary = target + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        return false;
    bool written = true;
    for (const auto& [data, size] : parts) {
        const char* p = static_cast<const char*>(data);
        for (std::size_t done = 0; written && done < size;) {
            const ssize_t n = ::write(fd, p + done, size - done);
            if (n < 0 && errno == EINTR)
                continue;
            written = n > 0;
            done += written ? static_cast<std::size_t>(n) : 0;
        }
    }
    written = ::close(fd) == 0 && written;
    if (!written) {
        std::filesystem::remove(temporary, ec);
        return false;
    }
    std::filesystem::rename(temporary, target, ec);
    if (ec)
        std::filesystem::remove(temporary, ec);
    return !ec;
}

} // namespace aedyn
