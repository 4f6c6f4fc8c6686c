// Windows: creating the data directory and files (compiled only on Windows).
#include <cstdlib>
#include <cerrno>
#include <direct.h>
#include <fstream>

#include "base/paths.h"

namespace objector {

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
