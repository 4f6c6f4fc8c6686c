// The slice of the operating system that installing depends on: which OS, the
// user's home, a prefix for system-wide paths and a few environment variables.
// Injected so that tests can run every OS's table against a temporary folder;
// CurrentEnv() reads the real process.
#ifndef OBJECTOR_INSTALL_ENV_H_
#define OBJECTOR_INSTALL_ENV_H_

#include <filesystem>
#include <map>
#include <string>

namespace objector::install {

enum class Os { kLinux, kMacOS, kWindows };
enum class Scope { kUser, kSystem };

// Stable lower-case names: "linux", "macos", "windows"; "user", "system".
const char* OsName(Os os);
const char* ScopeName(Scope scope);

struct Env {
  Os os = Os::kLinux;
  std::filesystem::path home;  // the user's home folder (absolute)
  // Prepended to every system-wide path ("/etc/...", "/usr/bin/..."). Empty in
  // real use; a temporary folder in tests so that system installs and binary
  // detection are testable.
  std::filesystem::path root;
  std::map<std::string, std::string>
      vars;  // XDG_CONFIG_HOME, OBJECTOR_DATA_DIR, LOCALAPPDATA...

  // The variable's value, or "" when unset.
  std::string Var(const std::string& name) const;
  // `path` (absolute, system-wide) under root.
  std::filesystem::path System(const std::filesystem::path& path) const;
};

// The real process: compile-time OS, $HOME (or %USERPROFILE%), empty root, and
// the variables the table and the data directory rules read.
Env CurrentEnv();

// Folder where Objector keeps its data (history database, install record) for
// this user: $OBJECTOR_DATA_DIR, else $XDG_DATA_HOME/objector, else
// ~/.local/share/objector (Linux);
// ~/Library/Application Support/Objector (macOS); %APPDATA%\Objector
// (Windows). Must agree with the host's own rule (host/base).
std::filesystem::path UserDataDir(const Env& env);
// Where a system-wide install keeps its record: /var/lib/objector,
// /Library/Application Support/Objector, %PROGRAMDATA%\Objector (all under
// env.root).
std::filesystem::path SystemStateDir(const Env& env);

}  // namespace objector::install

#endif  // OBJECTOR_INSTALL_ENV_H_
