#pragma once
// The readers under fuzzing read files, as they do in the application: each input is written to one scratch file
// (in /dev/shm when there is one, so that no disk is worn), which the reader then opens by path.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace aedyn::fuzz {

// A folder of this process, removed with what it holds when the process exits normally.
class ScratchFolder {
public:
    ScratchFolder()
    {
        const char* tmp = std::getenv("TMPDIR");
        const std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (tmp && *tmp ? tmp : "/tmp");
        path_ = base + "/aedyn-fuzz-" + std::to_string(getpid());
        mkdir(path_.c_str(), 0700);
    }
    ~ScratchFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

inline std::string scratchFolder()
{
    static const ScratchFolder folder;
    return folder.path();
}

// Writes the input to scratchFolder()/name, replacing what was there, and returns the path.
inline std::string writeScratch(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const std::string path = scratchFolder() + "/" + name;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        std::abort();
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n <= 0)
            std::abort();
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return path;
}

} // namespace aedyn::fuzz
