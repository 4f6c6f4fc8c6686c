// Small file helpers for the installer, reporting errors as values.
#ifndef OBJECTOR_INSTALL_FS_UTIL_H_
#define OBJECTOR_INSTALL_FS_UTIL_H_

#include <filesystem>
#include <string>
#include <vector>

namespace objector::install {

// Creates `dir` and missing parents; appends the folders it created (outermost
// first) to *created. Returns false and sets *err on failure.
bool MakeDirs(const std::filesystem::path& dir,
              std::vector<std::filesystem::path>* created, std::string* err);
// Writes `content` to `file` atomically (temporary sibling + rename) with
// permission `mode`.
bool WriteFileAtomic(const std::filesystem::path& file,
                     const std::string& content, std::filesystem::perms mode,
                     std::string* err);
// Reads a whole file; false and *err when it cannot be read.
bool ReadFile(const std::filesystem::path& file, std::string* content,
              std::string* err);
// Copies `from` to `to` atomically with permission `mode`.
bool CopyFileAtomic(const std::filesystem::path& from,
                    const std::filesystem::path& to,
                    std::filesystem::perms mode, std::string* err);
// True when the current user may create files in the folder `dir`.
bool IsWritableDir(const std::filesystem::path& dir);
// True when `path` is a regular file the current user may execute.
bool IsExecutable(const std::filesystem::path& path);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_FS_UTIL_H_
