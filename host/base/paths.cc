#include "base/paths.h"

namespace objector {
namespace fs = std::filesystem;

Result<fs::path> DataDir(const Env& env) {
  if (std::string dir = env.Var("OBJECTOR_DATA_DIR"); !dir.empty()) return fs::path(dir);
  if (env.os == Os::kWindows) {
    if (std::string roaming = env.Var("APPDATA"); !roaming.empty()) return fs::path(roaming) / "Objector";
  } else if (env.os == Os::kLinux) {
    if (std::string xdg = env.Var("XDG_DATA_HOME"); !xdg.empty() && xdg[0] == '/') return fs::path(xdg) / "objector";
  }
  if (env.home.empty()) return Status(ErrorCode::kInternal, "no home directory; set OBJECTOR_DATA_DIR");
  switch (env.os) {
    case Os::kMacOS:
      return env.home / "Library/Application Support/Objector";
    case Os::kWindows:
      return env.home / "AppData/Roaming/Objector";
    case Os::kLinux:
      break;
  }
  return env.home / ".local/share/objector";
}

Result<std::string> DataDir(const EnvLookup& env) {
  Result<fs::path> dir = DataDir(EnvFrom(env));
  if (!dir.ok()) return dir.status();
  return dir->string();
}

}  // namespace objector
