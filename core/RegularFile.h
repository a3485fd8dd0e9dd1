#pragma once
// Opening files that come from outside (images, spectrum cache entries, project files, presets): only regular
// files are read, so a FIFO never blocks and a device such as /dev/zero is never read without bound, and the size
// is known before anything is allocated. Every problem is a FileError whose message names the path.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace aedyn {

class FileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What identifies a file's content cheaply: a rewritten or replaced file differs in at least one field.
struct FileIdentity {
    std::uint64_t device = 0, inode = 0, size = 0;
    std::int64_t mtimeNs = 0, ctimeNs = 0;
    bool operator==(const FileIdentity&) const = default;
    std::string key() const;  // all fields as text, for use in map keys
};

// A read-only file descriptor on a regular file. The path is opened without blocking (O_NONBLOCK, so a FIFO
// cannot hang the open) and checked with fstat on the open descriptor, so nothing can swap the file in between.
class RegularFile {
public:
    // Throws FileError: "<path>: no such file", "<path>: is a folder, not a file",
    // "<path>: is not a regular file (a FIFO)", "<path>: cannot open (<reason>)".
    explicit RegularFile(const std::string& path);
    ~RegularFile();
    RegularFile(RegularFile&& other) noexcept;
    RegularFile& operator=(RegularFile&&) = delete;
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    int fd() const { return fd_; }
    const std::string& path() const { return path_; }
    std::uint64_t size() const { return identity_.size; }
    const FileIdentity& identity() const { return identity_; }
    // Gives up ownership of the descriptor (e.g. to gzdopen, which closes it).
    int release();

    // Reads up to n bytes at the current position; fewer only at the end of the file. Throws FileError on a read error.
    std::size_t read(void* out, std::size_t n);

private:
    std::string path_;
    int fd_ = -1;
    FileIdentity identity_;
};

// The whole content of a regular file of at most maxBytes bytes; a larger file is refused before it is read
// ("<path>: too large (N bytes; at most M are read)"). Never holds more than maxBytes + 4 KiB even if it grows.
std::string readRegularFile(const std::string& path, std::size_t maxBytes);

// The identity of the regular file at path (following symbolic links), or FileError as RegularFile would throw.
FileIdentity regularFileIdentity(const std::string& path);

} // namespace aedyn
