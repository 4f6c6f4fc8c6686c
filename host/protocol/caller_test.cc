#include "protocol/caller.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "base/build_info.h"

namespace objector {

TEST_CASE("IdentifyCaller reads both browsers' argument shapes", "[caller]") {
  struct Row {
    const char* what;
    std::vector<std::string> args;
    Caller::Kind kind;
    std::string id;
  };
  const Row rows[] = {
      {"chromium", {"chrome-extension://abc/"}, Caller::Kind::kChromium, "abc"},
      {"chromium on windows", {"chrome-extension://abc/", "--parent-window=6553"}, Caller::Kind::kChromium, "abc"},
      {"firefox", {"/home/u/.mozilla/native-messaging-hosts/org.objector.host.json", "objector@objector.org"},
       Caller::Kind::kFirefox, "objector@objector.org"},
      {"by hand", {}, Caller::Kind::kByHand, ""},
      {"unknown flags only", {"--verbose", "--foo=bar"}, Caller::Kind::kByHand, ""},
      {"unknown flag before chromium origin", {"--x", "chrome-extension://zz/"}, Caller::Kind::kChromium, "zz"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    Caller c = IdentifyCaller(row.args);
    CHECK(c.kind == row.kind);
    CHECK(c.id == row.id);
  }
}

TEST_CASE("CheckCaller allows the project's ids and by-hand starts, forbids others", "[caller]") {
  auto allowed = AllowedCallerIds("");
  CHECK(CheckCaller({Caller::Kind::kChromium, build::kChromiumId}, allowed).ok());
  CHECK(CheckCaller({Caller::Kind::kFirefox, build::kGeckoId}, allowed).ok());
  CHECK(CheckCaller({}, allowed).ok());
  Status s = CheckCaller({Caller::Kind::kChromium, "aaaabbbbccccddddeeeeffffgggghhhh"}, allowed);
  CHECK(s.code() == ErrorCode::kForbiddenCaller);
}

TEST_CASE("OBJECTOR_EXTRA_ALLOWED_IDS adds comma-separated development ids", "[caller]") {
  auto allowed = AllowedCallerIds(" dev1 ,dev2,,");
  CHECK(allowed.size() == 4);
  CHECK(CheckCaller({Caller::Kind::kChromium, "dev1"}, allowed).ok());
  CHECK(CheckCaller({Caller::Kind::kFirefox, "dev2"}, allowed).ok());
}

TEST_CASE("RecordedCallerIds reads the ids the installer recorded, and nothing from a bad record",
          "[caller]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("objector-caller-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "good.json") << R"({"version":1,"entries":[],"extension_ids":["jfcfjcdncaghfohijlbleajahgkcnleg"]})";
  std::ofstream(dir / "bad.json") << "{not json";
  std::ofstream(dir / "none.json") << R"({"version":1,"entries":[]})";
  auto ids = RecordedCallerIds({(dir / "missing.json").string(), (dir / "bad.json").string(),
                                (dir / "none.json").string(), (dir / "good.json").string()});
  CHECK(ids == std::vector<std::string>{"jfcfjcdncaghfohijlbleajahgkcnleg"});
  auto allowed = AllowedCallerIds("");
  allowed.insert(allowed.end(), ids.begin(), ids.end());
  CHECK(CheckCaller({Caller::Kind::kChromium, "jfcfjcdncaghfohijlbleajahgkcnleg"}, allowed).ok());
  CHECK_FALSE(CheckCaller({Caller::Kind::kChromium, "aaaabbbbccccddddeeeeffffgggghhhh"}, allowed).ok());
  fs::remove_all(dir);
}

}  // namespace objector
