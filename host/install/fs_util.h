// Small file helpers for the installer, reporting errors as values.
#ifndef OBJECTOR_INSTALL_FS_UTIL_H_
#define OBJECTOR_INSTALL_FS_UTIL_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"

namespace objector::install {

// Creates `dir` and missing parents; appends the folders it created (outermost
// first) to *created. Error (kInternal) names the folder.
Status MakeDirs(const std::filesystem::path& dir,
                std::vector<std::filesystem::path>* created);
// Writes `content` to `file` atomically (temporary sibling + rename) with
// permission `mode`. Error (kInternal) names the file.
Status WriteFileAtomic(const std::filesystem::path& file,
                       const std::string& content, std::filesystem::perms mode);
// Reads a whole file. Error (kInternal) when it cannot be read.
Result<std::string> ReadFile(const std::filesystem::path& file);
// Copies `from` to `to` atomically with permission `mode`.
Status CopyFileAtomic(const std::filesystem::path& from,
                      const std::filesystem::path& to,
                      std::filesystem::perms mode);
// True when the current user may create files in the folder `dir`.
bool IsWritableDir(const std::filesystem::path& dir);
// True when `path` is a regular file the current user may execute.
bool IsExecutable(const std::filesystem::path& path);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_FS_UTIL_H_
