// An output folder whose result files are committed as one unit, locked against a second writer, and never
// written through symbolic links (README, "aedyn-cli output"). POSIX only, no Qt.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aedyn {

// Every failure names the path and the operating system's reason (strerror), e.g. "No space left on device".
class ResultFolderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ResultFolder {
public:
    // Inside the folder: the lock file (held while a ResultFolder is open, never removed) and the manifest, written
    // last by commit(): the folder holds a complete result exactly when the manifest exists and every file matches
    // the size and checksum it lists.
    static constexpr const char* lockName = ".aedyn.lock";
    static constexpr const char* manifestName = "manifest.txt";

    // Creates the folder (and missing parents) and takes an exclusive, non-blocking lock on it. Throws if the path
    // is a symbolic link or not a directory, if another process holds the lock ("… is in use by another aedyn-cli
    // run"), or if the folder cannot be created or opened.
    explicit ResultFolder(const std::string& path);
    ~ResultFolder();
    ResultFolder(const ResultFolder&) = delete;
    ResultFolder& operator=(const ResultFolder&) = delete;

    const std::string& path() const { return path_; }

    // Writes files (plain names → contents) as one unit: each into a fresh private sub-folder, fsync'ed; then the
    // old manifest is removed, each file renamed into place (a symbolic link planted under a file's name is replaced
    // itself, never written through) and the new manifest written last. On failure (thrown), the folder holds the
    // previous complete result, or files without a valid manifest: never a manifest over a mixed set.
    void commit(const std::vector<std::pair<std::string, std::string>>& files);

    // True when the folder at path holds a complete result: the manifest exists and every file it lists is a regular
    // file of the listed size and checksum. Otherwise false, with the reason in *why.
    static bool isComplete(const std::string& path, std::string* why = nullptr);

    // Writes all of data to fd (retrying short writes), then fsyncs it; throws naming `what` and strerror.
    static void writeAll(int fd, std::string_view data, const std::string& what);

    // Test hook: called at each step of commit() ("written:NAME", "synced", "unlinked-manifest", "renamed:NAME",
    // "manifest"); a hook that throws simulates a failure (or a kill) at that point.
    void setFaultHook(std::function<void(const std::string& step)> hook) { hook_ = std::move(hook); }

private:
    void step(const std::string& name) const;
    void removeStaleTemporaries();

    std::string path_;
    int dirFd_ = -1;
    int lockFd_ = -1;
    std::function<void(const std::string&)> hook_;
};

} // namespace aedyn
