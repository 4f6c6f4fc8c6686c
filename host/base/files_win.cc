// Windows (compiled only on Windows).
#include <io.h>
#include <sys/stat.h>

#include "base/files.h"

namespace objector {

bool PathExists(const std::string& path) { return _access(path.c_str(), 0) == 0; }

long long FileSize(const std::string& path) {
  struct _stat64 st {};
  return _stat64(path.c_str(), &st) == 0 ? static_cast<long long>(st.st_size) : -1;
}

std::string FirstUnwritable(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    if (_access(p.c_str(), 0) == 0 && _access(p.c_str(), 2) != 0) return p;
  }
  return "";
}

}  // namespace objector
