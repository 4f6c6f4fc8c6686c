#include "fs_util.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#if defined(_WIN32)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace objector::install {
namespace fs = std::filesystem;

bool MakeDirs(const fs::path& dir, std::vector<fs::path>* created,
              std::string* err) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = dir; !p.empty() && !fs::exists(p, ec);
       p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::create_directory(*it, ec) && ec) {
      *err = "cannot create folder " + it->string() + ": " + ec.message();
      return false;
    }
    if (created != nullptr) created->push_back(*it);
  }
  return true;
}

bool WriteFileAtomic(const fs::path& file, const std::string& content,
                     fs::perms mode, std::string* err) {
  fs::path tmp = file;
  tmp += ".objector-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      *err = "cannot write " + tmp.string() + ": " + std::strerror(errno);
      return false;
    }
    out << content;
    out.close();
    if (!out) {
      *err = "cannot write " + tmp.string();
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(tmp, mode, fs::perm_options::replace, ec);
  if (!ec) fs::rename(tmp, file, ec);
  if (ec) {
    *err = "cannot write " + file.string() + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

bool ReadFile(const fs::path& file, std::string* content, std::string* err) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    *err = "cannot read " + file.string() + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  *content = s.str();
  return true;
}

bool CopyFileAtomic(const fs::path& from, const fs::path& to, fs::perms mode,
                    std::string* err) {
  std::string bytes;
  if (!ReadFile(from, &bytes, err)) return false;
  return WriteFileAtomic(to, bytes, mode, err);
}

bool IsWritableDir(const fs::path& dir) {
#if defined(_WIN32)
  fs::path probe = dir / ".objector-write-probe";
  std::ofstream out(probe);
  bool ok = static_cast<bool>(out);
  out.close();
  std::error_code ec;
  fs::remove(probe, ec);
  return ok;
#else
  return ::access(dir.c_str(), W_OK) == 0;
#endif
}

bool IsExecutable(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
#if defined(_WIN32)
  return true;
#else
  return ::access(path.c_str(), X_OK) == 0;
#endif
}

}  // namespace objector::install
