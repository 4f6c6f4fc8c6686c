// Windows data directory rules (compiled only on Windows).
#include <cstdlib>
#include <cerrno>
#include <direct.h>
#include <fstream>

#include "base/paths.h"

namespace objector {

EnvLookup ProcessEnv() {
  return [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
}

Result<std::string> DataDir(const EnvLookup& env) {
  if (std::string dir = env("OBJECTOR_DATA_DIR"); !dir.empty()) return dir;
  std::string appdata = env("APPDATA");
  if (appdata.empty()) return Status(ErrorCode::kInternal, "APPDATA is not set; set OBJECTOR_DATA_DIR");
  return appdata + "\\Objector";
}

// %APPDATA% is already private to the user; the ACLs it inherits are owner-only.
Status EnsurePrivateDir(const std::string& dir) {
  if (_mkdir(dir.c_str()) != 0 && errno != EEXIST) {
    return Status(ErrorCode::kDbError, "cannot create directory " + dir);
  }
  return Status::Ok();
}

Status EnsurePrivateFile(const std::string& file) {
  std::ifstream probe(file);
  if (probe.good()) return Status::Ok();
  std::ofstream create(file, std::ios::binary);
  if (!create) return Status(ErrorCode::kDbError, "cannot create " + file);
  return Status::Ok();
}

std::string DatabasePath(const std::string& data_dir) { return data_dir + "\\objector.sqlite3"; }

}  // namespace objector
