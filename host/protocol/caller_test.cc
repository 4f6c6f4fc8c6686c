#include "protocol/caller.h"

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

}  // namespace objector
