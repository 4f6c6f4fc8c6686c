// Helpers for the installer's tests: a temporary folder and small file
// utilities.
#ifndef OBJECTOR_INSTALL_TEST_UTIL_H_
#define OBJECTOR_INSTALL_TEST_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "scope.h"

namespace objector::install::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "objector-install-XXXXXX")
            .string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void Touch(const std::filesystem::path& file,
                  const std::string& content = "", bool executable = false) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << content;
  if (executable) {
    std::filesystem::permissions(file, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add);
  }
}

inline std::string Slurp(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every path under `dir`, relative.
inline std::set<std::string> Tree(const std::filesystem::path& dir) {
  std::set<std::string> paths;
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    paths.insert(std::filesystem::relative(e.path(), dir).string());
  }
  return paths;
}

// An Env on `os` with home = dir/home and root = dir/root (both created).
inline Env TestEnv(const std::filesystem::path& dir, Os os) {
  Env env;
  env.os = os;
  env.home = dir / "home";
  env.root = dir / "root";
  std::filesystem::create_directories(env.home);
  std::filesystem::create_directories(env.root);
  return env;
}

}  // namespace objector::install::testing

#endif  // OBJECTOR_INSTALL_TEST_UTIL_H_
