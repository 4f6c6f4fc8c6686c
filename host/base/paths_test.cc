// The data folder is one rule (base/paths.cc) for the host, the CLI and the installer: the history,
// the install record and doctor's database check all live there. This table pins it per OS; the
// host's lookup form is the same rule for the platform it is built for.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "base/paths.h"

namespace objector {
namespace {

TEST_CASE("the data folder, per OS: one rule for the host, the CLI and the installer", "[paths]") {
  struct Row {
    Os os;
    std::map<std::string, std::string> vars;
    std::string expected;  // relative to HOME unless it starts with '/'
  };
  const std::string h = "/tmp/objector-data-folder-test";
  const Row rows[] = {
      {Os::kLinux, {}, ".local/share/objector"},
      {Os::kLinux, {{"XDG_DATA_HOME", h + "/xdg"}}, "/xdg/objector"},
      {Os::kLinux, {{"XDG_DATA_HOME", "relative"}}, ".local/share/objector"},
      {Os::kLinux, {{"OBJECTOR_DATA_DIR", h + "/mine"}}, "/mine"},
      {Os::kMacOS, {}, "Library/Application Support/Objector"},
      {Os::kWindows, {{"APPDATA", h + "/Roaming"}, {"LOCALAPPDATA", h + "/Local"}}, "/Roaming/Objector"},
  };
  for (const Row& row : rows) {
    Env env;
    env.os = row.os;
    env.home = h + "/home";
    env.vars = row.vars;
    const std::string want = row.expected[0] == '/' ? h + row.expected : (env.home / row.expected).string();
    INFO(OsName(row.os) << " " << want);
    Result<std::filesystem::path> dir = DataDir(env);
    REQUIRE(dir.ok());
    CHECK(*dir == std::filesystem::path(want));
#if defined(__linux__)
    if (row.os == Os::kLinux) {  // the host's form, for the platform it is built for, is the same rule
      EnvLookup lookup = [&](const char* name) {
        if (std::string(name) == "HOME") return env.home.string();
        auto it = row.vars.find(name);
        return it == row.vars.end() ? std::string() : it->second;
      };
      Result<std::string> host_dir = DataDir(lookup);
      REQUIRE(host_dir.ok());
      CHECK(std::filesystem::path(*host_dir) == *dir);
    }
#endif
  }
}

TEST_CASE("the data folder without a home directory is an error naming the way out", "[paths]") {
  Env env;
  env.os = Os::kMacOS;
  Result<std::filesystem::path> dir = DataDir(env);
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().message() == "no home directory; set OBJECTOR_DATA_DIR");
}

}  // namespace
}  // namespace objector
