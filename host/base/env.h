// The slice of the operating system that Objector's paths depend on: which OS, the user's home, a
// prefix for system-wide paths and the environment variables the rules read. Injected, so that
// tests run every OS's rules against a temporary folder; CurrentEnv() reads the real process.
// The host, the CLI and the installer all take their environment from here.
#ifndef OBJECTOR_BASE_ENV_H_
#define OBJECTOR_BASE_ENV_H_

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace objector {

enum class Os { kLinux, kMacOS, kWindows };

// Stable lower-case names: "linux", "macos", "windows".
const char* OsName(Os os);

struct Env {
  Os os = Os::kLinux;
  std::filesystem::path home;  // the user's home folder (absolute; empty when unknown)
  // Prepended to every system-wide path ("/etc/...", "/usr/bin/..."). Empty in real use; a
  // temporary folder in tests so that system installs and binary detection are testable.
  std::filesystem::path root;
  std::map<std::string, std::string> vars;  // XDG_DATA_HOME, OBJECTOR_DATA_DIR, APPDATA...

  // The variable's value, or "" when unset.
  std::string Var(const std::string& name) const;
  // `path` (absolute, system-wide) under root.
  std::filesystem::path System(const std::filesystem::path& path) const;
};

// Reads one environment variable; empty string when unset. Injected so tests control it.
using EnvLookup = std::function<std::string(const char* name)>;
EnvLookup ProcessEnv();

// This platform's OS; home from $HOME (%USERPROFILE% on Windows), else the password database;
// empty root; the variables that Objector's rules read, each through `lookup`.
Env EnvFrom(const EnvLookup& lookup);
// EnvFrom(ProcessEnv()): the real process.
Env CurrentEnv();

}  // namespace objector

#endif  // OBJECTOR_BASE_ENV_H_
