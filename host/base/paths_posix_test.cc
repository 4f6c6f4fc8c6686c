#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <string>

#include "base/paths.h"

namespace objector {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars](const char* name) {
    auto it = vars.find(name);
    return it == vars.end() ? std::string() : it->second;
  };
}

std::string TempDir() {
  char tmpl[] = "/tmp/objector-paths-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  return tmpl;
}

}  // namespace

TEST_CASE("OBJECTOR_DATA_DIR wins over every other rule", "[paths]") {
  auto dir = DataDir(FakeEnv({{"OBJECTOR_DATA_DIR", "/x/y"}, {"HOME", "/home/a"}, {"XDG_DATA_HOME", "/d"}}));
  REQUIRE(dir.ok());
  CHECK(*dir == "/x/y");
}

#if !defined(__APPLE__)
TEST_CASE("Linux follows XDG_DATA_HOME, then ~/.local/share", "[paths]") {
  CHECK(*DataDir(FakeEnv({{"HOME", "/home/a"}, {"XDG_DATA_HOME", "/data"}})) == "/data/objector");
  CHECK(*DataDir(FakeEnv({{"HOME", "/home/a"}})) == "/home/a/.local/share/objector");
  // A relative XDG_DATA_HOME is invalid by the spec and ignored.
  CHECK(*DataDir(FakeEnv({{"HOME", "/home/a"}, {"XDG_DATA_HOME", "rel"}})) == "/home/a/.local/share/objector");
}
#endif

TEST_CASE("EnsurePrivateDir creates 0700 directories, EnsurePrivateFile a 0600 file", "[paths]") {
  std::string root = TempDir();
  std::string dir = root + "/a/b/objector";
  mode_t old = umask(0);  // even a permissive umask must not open it up
  REQUIRE(EnsurePrivateDir(dir).ok());
  std::string file = DatabasePath(dir);
  REQUIRE(EnsurePrivateFile(file).ok());
  umask(old);
  struct stat st {};
  REQUIRE(stat(dir.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(EnsurePrivateFile(file).ok());  // existing: untouched, still fine
  std::system(("rm -rf " + root).c_str());
}

TEST_CASE("EnsurePrivateDir refuses a path that is a file and names it", "[paths]") {
  std::string root = TempDir();
  std::string file = root + "/plain";
  REQUIRE(EnsurePrivateFile(file).ok());
  Status s = EnsurePrivateDir(file);
  CHECK_FALSE(s.ok());
  CHECK(s.message().find(file) != std::string::npos);
  std::system(("rm -rf " + root).c_str());
}

}  // namespace objector
