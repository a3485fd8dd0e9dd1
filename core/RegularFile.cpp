#include "RegularFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace aedyn {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& problem)
{
    throw FileError(path + ": " + problem);
}

const char* kindOf(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a FIFO";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a file";
}

void checkRegular(const std::string& path, const struct stat& st)
{
    if (S_ISDIR(st.st_mode))
        fail(path, "is a folder, not a file");
    if (!S_ISREG(st.st_mode))
        fail(path, std::string("is not a regular file (") + kindOf(st.st_mode) + ")");
}

FileIdentity identityOf(const struct stat& st)
{
    FileIdentity id;
    id.device = static_cast<std::uint64_t>(st.st_dev);
    id.inode = static_cast<std::uint64_t>(st.st_ino);
    id.size = static_cast<std::uint64_t>(st.st_size);
    id.mtimeNs = std::int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    id.ctimeNs = std::int64_t(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
    return id;
}

} // namespace

std::string FileIdentity::key() const
{
    return std::to_string(device) + ':' + std::to_string(inode) + ':' + std::to_string(size) + ':' +
           std::to_string(mtimeNs) + ':' + std::to_string(ctimeNs);
}

RegularFile::RegularFile(const std::string& path)
    : path_(path)
{
    // A stat first gives the clearer message for folders and missing files without opening anything.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            fail(path, "no such file");
        fail(path, std::string("cannot open (") + std::strerror(errno) + ")");
    }
    checkRegular(path, st);
    // O_NONBLOCK: should the path have become a FIFO since the stat, the open still returns at once.
    fd_ = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0)
        fail(path, std::string("cannot open (") + std::strerror(errno) + ")");
    if (::fstat(fd_, &st) != 0) {
        const int e = errno;
        ::close(fd_);
        fd_ = -1;
        fail(path, std::string("cannot open (") + std::strerror(e) + ")");
    }
    try {
        checkRegular(path, st);
    } catch (...) {
        ::close(fd_);
        fd_ = -1;
        throw;
    }
    // Regular files never block; clear the flag so that reads behave as usual.
    const int flags = ::fcntl(fd_, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK);
    identity_ = identityOf(st);
}

RegularFile::~RegularFile()
{
    if (fd_ >= 0)
        ::close(fd_);
}

RegularFile::RegularFile(RegularFile&& other) noexcept
    : path_(std::move(other.path_))
    , fd_(other.fd_)
    , identity_(other.identity_)
{
    other.fd_ = -1;
}

int RegularFile::release()
{
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

std::size_t RegularFile::read(void* out, std::size_t n)
{
    auto* bytes = static_cast<unsigned char*>(out);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t got = ::read(fd_, bytes + done, std::min<std::size_t>(n - done, std::size_t(1) << 30));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            fail(path_, std::string("cannot read (") + std::strerror(errno) + ")");
        }
        if (got == 0)
            break;
        done += static_cast<std::size_t>(got);
    }
    return done;
}

std::string readRegularFile(const std::string& path, std::size_t maxBytes)
{
    RegularFile file(path);
    if (file.size() > maxBytes)
        fail(path, "too large (" + std::to_string(file.size()) + " bytes; at most " + std::to_string(maxBytes) +
                       " are read)");
    std::string content(static_cast<std::size_t>(file.size()), '\0');
    const std::size_t got = file.read(content.data(), content.size());
    content.resize(got);
    // The file may have grown since the fstat: read on in bounded chunks, and refuse once past maxBytes.
    if (got == file.size()) {
        char chunk[4096];
        while (const std::size_t more = file.read(chunk, sizeof chunk)) {
            if (content.size() + more > maxBytes)
                fail(path, "too large (it grew past " + std::to_string(maxBytes) + " bytes while it was read)");
            content.append(chunk, more);
        }
    }
    return content;
}

FileIdentity regularFileIdentity(const std::string& path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            fail(path, "no such file");
        fail(path, std::string("cannot read (") + std::strerror(errno) + ")");
    }
    checkRegular(path, st);
    return identityOf(st);
}

} // namespace aedyn
