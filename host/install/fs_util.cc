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

Status MakeDirs(const fs::path& dir, std::vector<fs::path>* created) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path p = dir; !p.empty() && !fs::exists(p, ec);
       p = p.parent_path()) {
    missing.push_back(p);
    if (p == p.parent_path()) break;
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (!fs::create_directory(*it, ec) && ec) {
      return Status(
          ErrorCode::kInternal,
          "cannot create folder " + it->string() + ": " + ec.message());
    }
    if (created != nullptr) created->push_back(*it);
  }
  return Status::Ok();
}

Status WriteFileAtomic(const fs::path& file, const std::string& content,
                       fs::perms mode) {
  fs::path tmp = file;
  tmp += ".objector-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status(ErrorCode::kInternal, "cannot write " + tmp.string() +
                                              ": " + std::strerror(errno));
    }
    out << content;
    out.close();
    if (!out) {
      return Status(ErrorCode::kInternal, "cannot write " + tmp.string());
    }
  }
  std::error_code ec;
  fs::permissions(tmp, mode, fs::perm_options::replace, ec);
  if (!ec) fs::rename(tmp, file, ec);
  if (ec) {
    Status failed(ErrorCode::kInternal,
                  "cannot write " + file.string() + ": " + ec.message());
    fs::remove(tmp, ec);
    return failed;
  }
  return Status::Ok();
}

Result<std::string> ReadFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Status(ErrorCode::kInternal,
                  "cannot read " + file.string() + ": " + std::strerror(errno));
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Status CopyFileAtomic(const fs::path& from, const fs::path& to,
                      fs::perms mode) {
  Result<std::string> bytes = ReadFile(from);
  if (!bytes.ok()) return bytes.status();
  return WriteFileAtomic(to, *bytes, mode);
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
