// Where Objector keeps its data, and creating it with private permissions. The data-folder rule
// (paths.cc) is the one the host, the CLI and the installer share; creating folders and files is
// per platform (paths_posix.cc, paths_win.cc).
#ifndef OBJECTOR_BASE_PATHS_H_
#define OBJECTOR_BASE_PATHS_H_

#include <filesystem>
#include <string>

#include "base/env.h"
#include "base/status.h"

namespace objector {

// The data directory for `env.os`: $OBJECTOR_DATA_DIR when set and non-empty; else on Linux
// $XDG_DATA_HOME/objector (when absolute) or ~/.local/share/objector; on macOS
// ~/Library/Application Support/Objector; on Windows %APPDATA%\Objector (%USERPROFILE%\AppData\Roaming
// when APPDATA is unset). Error (kInternal) when the rule needs a home directory and there is none.
Result<std::filesystem::path> DataDir(const Env& env);
// The same for this process's platform, with the variables read through `env`.
Result<std::string> DataDir(const EnvLookup& env);

// Creates `dir` (and parents) when missing, owner-only (0700 on POSIX). An existing directory keeps
// its permissions. Error names the directory.
Status EnsurePrivateDir(const std::string& dir);

// Creates `file` empty with owner-only permissions (0600) when it does not exist; leaves an existing
// file untouched. Error names the file.
Status EnsurePrivateFile(const std::string& file);

// The database file inside a data directory.
std::string DatabasePath(const std::string& data_dir);

}  // namespace objector

#endif  // OBJECTOR_BASE_PATHS_H_
