#include "ResultFolder.h"

#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <random>
#include <sstream>

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace aedyn {

namespace {

constexpr const char* tempPrefix = ".aedyn-tmp-";

std::string reason(int err) { return std::strerror(err); }

[[noreturn]] void fail(const std::string& what, int err)
{
    throw ResultFolderError(what + ": " + reason(err));
}

// A file descriptor closed on scope exit.
class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }
    void reset(int fd = -1)
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = fd;
    }
    // Closes and reports the error (NFS and some file systems report write errors only on close).
    void close(const std::string& what)
    {
        const int fd = release();
        if (fd >= 0 && ::close(fd) != 0)
            fail("cannot write " + what, errno);
    }

private:
    int fd_;
};

bool plainName(const std::string& name)
{
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\n') == std::string::npos && name.find(' ') == std::string::npos;
}

std::uint64_t fnv1a64(std::string_view data)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex64(std::uint64_t v)
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, v);
    return buf;
}

// mkdir -p for the parents of the result folder (symbolic links among the parents are allowed, as everywhere).
void makePath(const std::string& path)
{
    for (std::size_t pos = 1; pos <= path.size(); ++pos) {
        if (pos != path.size() && path[pos] != '/')
            continue;
        const std::string prefix = path.substr(0, pos);
        if (::mkdir(prefix.c_str(), 0777) != 0 && errno != EEXIST)
            fail("cannot create the output directory '" + prefix + "'", errno);
    }
}

// Reads a whole file below dirFd without following a symbolic link; false if it is not a regular file.
bool readRegular(int dirFd, const std::string& name, std::string& out, std::string* why)
{
    Fd fd(::openat(dirFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (fd.get() < 0) {
        if (why)
            *why = name + ": " + reason(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        if (why)
            *why = name + ": not a regular file";
        return false;
    }
    out.clear();
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            if (why)
                *why = name + ": " + reason(errno);
            return false;
        }
        if (n == 0)
            return true;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

void syncDir(int dirFd, const std::string& what)
{
    if (::fsync(dirFd) != 0 && errno != EINVAL && errno != EROFS)
        fail("cannot sync " + what, errno);
}

// Removes a private temporary sub-folder and the regular files in it, never following links.
void removeTemporary(int dirFd, const std::string& name)
{
    const int fd = ::openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    if (DIR* d = ::fdopendir(fd)) {
        while (const dirent* e = ::readdir(d)) {
            const std::string entry = e->d_name;
            if (entry != "." && entry != "..")
                ::unlinkat(fd, entry.c_str(), 0);
        }
        ::closedir(d);
    } else {
        ::close(fd);
    }
    ::unlinkat(dirFd, name.c_str(), AT_REMOVEDIR);
}

} // namespace

ResultFolder::ResultFolder(const std::string& path) : path_(path)
{
    if (path_.empty())
        throw ResultFolderError("the output directory is empty");
    // "DIR/" would make open() follow a link named DIR.
    std::string p = path_;
    while (p.size() > 1 && p.back() == '/')
        p.pop_back();
    makePath(p);
    Fd dir(::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir.get() < 0) {
        const int err = errno;
        struct stat st {};
        if (::lstat(p.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            throw ResultFolderError("the output directory '" + path_ +
                                    "' is a symbolic link; give the directory it points to");
        if (err == ENOTDIR)
            throw ResultFolderError("the output directory '" + path_ + "' is not a directory");
        fail("cannot open the output directory '" + path_ + "'", err);
    }
    Fd lock(::openat(dir.get(), lockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0666));
    if (lock.get() < 0)
        fail("cannot create the lock file '" + path_ + "/" + lockName + "'", errno);
    struct stat st {};
    if (::fstat(lock.get(), &st) != 0 || !S_ISREG(st.st_mode))
        throw ResultFolderError("'" + path_ + "/" + lockName + "' is not a regular file");
    if (::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            throw ResultFolderError("the output directory '" + path_ + "' is in use by another aedyn-cli run");
        fail("cannot lock the output directory '" + path_ + "'", errno);
    }
    // Nothing below the folder may be written by others' runs from now on; the check uses the directory itself.
    if (::faccessat(dir.get(), ".", W_OK, AT_EACCESS) != 0)
        fail("cannot write the output directory '" + path_ + "'", errno);
    dirFd_ = dir.release();
    lockFd_ = lock.release();
    removeStaleTemporaries();
}

ResultFolder::~ResultFolder()
{
    if (lockFd_ >= 0)
        ::close(lockFd_); // releases the lock
    if (dirFd_ >= 0)
        ::close(dirFd_);
}

void ResultFolder::step(const std::string& name) const
{
    if (hook_)
        hook_(name);
}

// Sub-folders left by a run that was killed while committing (we hold the lock, so no one else is writing them).
void ResultFolder::removeStaleTemporaries()
{
    const int fd = ::openat(dirFd_, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    DIR* d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return;
    }
    std::vector<std::string> stale;
    while (const dirent* e = ::readdir(d))
        if (std::strncmp(e->d_name, tempPrefix, std::strlen(tempPrefix)) == 0)
            stale.emplace_back(e->d_name);
    ::closedir(d);
    for (const std::string& name : stale)
        removeTemporary(dirFd_, name);
}

void ResultFolder::writeAll(int fd, std::string_view data, const std::string& what)
{
    while (!data.empty()) {
        const ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail("cannot write " + what, errno);
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
        fail("cannot write " + what, errno);
}

void ResultFolder::commit(const std::vector<std::pair<std::string, std::string>>& files)
{
    for (const auto& [name, contents] : files)
        if (!plainName(name) || name == manifestName || name == lockName || name.rfind(tempPrefix, 0) == 0)
            throw ResultFolderError("'" + name + "' is not a valid result file name");
    const std::string where = "'" + path_ + "'";

    // A directory standing where a file goes would stop the renames half-way: refuse before touching anything.
    for (const auto& [name, contents] : files) {
        struct stat st {};
        if (::fstatat(dirFd_, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
            throw ResultFolderError("cannot write " + path_ + "/" + name + ": " + reason(EISDIR));
    }

    // A fresh private sub-folder (mkdtemp's job, relative to the folder we hold open).
    std::random_device rd;
    std::mt19937_64 rng((static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^
                        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::string tempName;
    for (int attempt = 0;; ++attempt) {
        tempName = tempPrefix + hex64(rng()).substr(0, 12);
        if (::mkdirat(dirFd_, tempName.c_str(), 0700) == 0)
            break;
        if (errno != EEXIST || attempt > 100)
            fail("cannot write into " + where, errno);
    }
    struct Cleanup {
        int dirFd;
        std::string name;
        ~Cleanup() { removeTemporary(dirFd, name); }
    } cleanup{dirFd_, tempName};
    Fd temp(::openat(dirFd_, tempName.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (temp.get() < 0)
        fail("cannot write into " + where, errno);

    const auto writeTemp = [&](const std::string& name, std::string_view contents) {
        const std::string what = path_ + "/" + name;
        Fd f(::openat(temp.get(), name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
        if (f.get() < 0)
            fail("cannot write " + what, errno);
        writeAll(f.get(), contents, what);
        f.close(what);
    };

    std::ostringstream manifest;
    manifest << "# aedyn result: the files below are complete and belong together (README, \"aedyn-cli output\")\n";
    for (const auto& [name, contents] : files) {
        writeTemp(name, contents);
        manifest << name << ' ' << contents.size() << " fnv1a64:" << hex64(fnv1a64(contents)) << '\n';
        step("written:" + name);
    }
    writeTemp(manifestName, manifest.str());
    syncDir(temp.get(), where);
    step("synced");

    // From here until the new manifest is in place the folder is visibly incomplete.
    if (::unlinkat(dirFd_, manifestName, 0) != 0 && errno != ENOENT)
        fail("cannot replace " + path_ + "/" + manifestName, errno);
    syncDir(dirFd_, where);
    step("unlinked-manifest");
    for (const auto& [name, contents] : files) {
        // rename() replaces a symbolic link itself, never its target.
        if (::renameat(temp.get(), name.c_str(), dirFd_, name.c_str()) != 0)
            fail("cannot write " + path_ + "/" + name, errno);
        step("renamed:" + name);
    }
    syncDir(dirFd_, where);
    if (::renameat(temp.get(), manifestName, dirFd_, manifestName) != 0)
        fail("cannot write " + path_ + "/" + manifestName, errno);
    syncDir(dirFd_, where);
    step("manifest");
}

bool ResultFolder::isComplete(const std::string& path, std::string* why)
{
    Fd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir.get() < 0) {
        if (why)
            *why = path + ": " + reason(errno);
        return false;
    }
    std::string manifest;
    if (!readRegular(dir.get(), manifestName, manifest, why))
        return false;
    std::istringstream lines(manifest);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        std::string name, hash;
        std::size_t size = 0;
        if (!(fields >> name >> size >> hash) || !plainName(name)) {
            if (why)
                *why = std::string(manifestName) + ": malformed line '" + line + "'";
            return false;
        }
        std::string contents;
        if (!readRegular(dir.get(), name, contents, why))
            return false;
        if (contents.size() != size || hash != "fnv1a64:" + hex64(fnv1a64(contents))) {
            if (why)
                *why = name + ": does not match " + manifestName + " (written by another run?)";
            return false;
        }
        ++count;
    }
    if (count == 0 && why)
        *why = std::string(manifestName) + ": lists no files";
    return count > 0;
}

} // namespace aedyn
