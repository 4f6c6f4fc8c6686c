#include "env.h"

#include <cstdlib>

namespace objector::install {
namespace fs = std::filesystem;

const char* OsName(Os os) {
  switch (os) {
    case Os::kLinux:
      return "linux";
    case Os::kMacOS:
      return "macos";
    case Os::kWindows:
      return "windows";
  }
  return "?";
}

const char* ScopeName(Scope scope) {
  return scope == Scope::kUser ? "user" : "system";
}

std::string Env::Var(const std::string& name) const {
  auto it = vars.find(name);
  return it == vars.end() ? std::string() : it->second;
}

fs::path Env::System(const fs::path& path) const {
  if (root.empty()) return path;
  return root / path.relative_path();
}

Env CurrentEnv() {
  Env env;
#if defined(_WIN32)
  env.os = Os::kWindows;
  const char* home_var = "USERPROFILE";
#elif defined(__APPLE__)
  env.os = Os::kMacOS;
  const char* home_var = "HOME";
#else
  env.os = Os::kLinux;
  const char* home_var = "HOME";
#endif
  if (const char* h = std::getenv(home_var)) env.home = h;
  for (const char* name :
       {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "OBJECTOR_DATA_DIR", "LOCALAPPDATA",
        "APPDATA", "PROGRAMDATA", "PATH", "USER", "LOGNAME"}) {
    if (const char* v = std::getenv(name)) env.vars[name] = v;
  }
  return env;
}

fs::path UserDataDir(const Env& env) {
  if (std::string d = env.Var("OBJECTOR_DATA_DIR"); !d.empty()) return d;
  switch (env.os) {
    case Os::kMacOS:
      return env.home / "Library/Application Support/Objector";
    case Os::kWindows: {
      // The host keeps its history in %APPDATA%\Objector (host/base/paths_win.cc): the same here.
      std::string roaming = env.Var("APPDATA");
      return (roaming.empty() ? env.home / "AppData/Roaming" : fs::path(roaming)) /
             "Objector";
    }
    case Os::kLinux:
      break;
  }
  std::string xdg = env.Var("XDG_DATA_HOME");
  if (!xdg.empty() && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "objector";
  return env.home / ".local/share/objector";
}

fs::path SystemStateDir(const Env& env) {
  switch (env.os) {
    case Os::kMacOS:
      return env.System("/Library/Application Support/Objector");
    case Os::kWindows: {
      std::string pd = env.Var("PROGRAMDATA");
      return (pd.empty() ? env.System("/ProgramData") : fs::path(pd)) /
             "Objector";
    }
    case Os::kLinux:
      break;
  }
  return env.System("/var/lib/objector");
}

}  // namespace objector::install
