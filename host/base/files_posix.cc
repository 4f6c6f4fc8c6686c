#include <sys/stat.h>
#include <unistd.h>

#include "base/files.h"

namespace objector {

bool PathExists(const std::string& path) {
  struct stat st {};
  return lstat(path.c_str(), &st) == 0;
}

long long FileSize(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

std::string FirstUnwritable(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    struct stat st {};
    if (stat(p.c_str(), &st) != 0) continue;
    int mode = S_ISDIR(st.st_mode) ? (W_OK | X_OK) : W_OK;
    if (access(p.c_str(), mode) != 0) return p;
  }
  return "";
}

}  // namespace objector
