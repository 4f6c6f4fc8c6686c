// Where Objector keeps its data, and creating it with private permissions.
// Platform rules live in paths_posix.cc (Linux XDG, macOS) and paths_win.cc (Windows).
#ifndef OBJECTOR_BASE_PATHS_H_
#define OBJECTOR_BASE_PATHS_H_

#include <functional>
#include <string>

#include "base/status.h"

namespace objector {

// Reads one environment variable; empty string when unset. Injected so tests control it.
using EnvLookup = std::function<std::string(const char* name)>;
EnvLookup ProcessEnv();

// The data directory: $OBJECTOR_DATA_DIR when set and non-empty; else on Linux
// $XDG_DATA_HOME/objector or ~/.local/share/objector; on macOS ~/Library/Application Support/Objector;
// on Windows %APPDATA%\Objector. Error (kInternal) when no home directory can be found.
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
