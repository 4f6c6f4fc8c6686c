#include "base/env.h"

#include <cstdlib>

#if !defined(_WIN32)
#include <pwd.h>
#include <unistd.h>
#endif

namespace objector {
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

std::string Env::Var(const std::string& name) const {
  auto it = vars.find(name);
  return it == vars.end() ? std::string() : it->second;
}

fs::path Env::System(const fs::path& path) const {
  if (root.empty()) return path;
  return root / path.relative_path();
}

EnvLookup ProcessEnv() {
  return [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
}

Env EnvFrom(const EnvLookup& lookup) {
  Env env;
#if defined(_WIN32)
  env.os = Os::kWindows;
  env.home = lookup("USERPROFILE");
#else
  env.os = Os::kLinux;
#if defined(__APPLE__)
  env.os = Os::kMacOS;
#endif
  env.home = lookup("HOME");
  if (env.home.empty()) {
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) env.home = pw->pw_dir;
  }
#endif
  for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "OBJECTOR_DATA_DIR", "LOCALAPPDATA", "APPDATA",
                           "PROGRAMDATA", "PATH", "USER", "LOGNAME"}) {
    if (std::string v = lookup(name); !v.empty()) env.vars[name] = v;
  }
  return env;
}

Env CurrentEnv() { return EnvFrom(ProcessEnv()); }

}  // namespace objector
