// Pairing without HTTP: codes, their lifetime and tries, tokens kept hashed in a 0600 file.
#include "agent/pairing.h"

#include <sys/stat.h>

#include "agent/agent_files.h"
#include "agent/agent_test_util.h"

namespace objector {
namespace {

std::string Digits(const Pairing::Code& c) { return c.code.substr(c.code.find('-') + 1); }

}  // namespace

TEST_CASE("pairing: a code is <port>-<6 digits>, valid 10 minutes, one use", "[agent][pairing]") {
  testing::TempDir dir;
  agent_test::StepClock clock;
  Pairing p(dir.path() + "/agent-clients.json", 43117, clock);
  REQUIRE(p.Load().ok());
  auto code = p.NewCode();
  CHECK(code.code.size() == 12);
  CHECK(code.code.rfind("43117-", 0) == 0);
  CHECK(Digits(code).find_first_not_of("0123456789") == std::string::npos);
  CHECK(code.expires_at == "2026-11-25T17:05:00.000Z");
  auto token = p.Redeem(Digits(code), agent_test::kChromeOrigin);
  REQUIRE(token.ok());
  CHECK(p.OriginOf(*token) == agent_test::kChromeOrigin);
  CHECK_FALSE(p.OriginOf(std::string(64, 'a')).has_value());
  CHECK(p.Redeem(Digits(code), agent_test::kChromeOrigin).status().code() == ErrorCode::kNotFound);

  auto older = p.NewCode();
  auto newer = p.NewCode();  // replaces the older one
  if (Digits(older) != Digits(newer)) {
    CHECK(p.Redeem(Digits(older), agent_test::kChromeOrigin).status().code() == ErrorCode::kInvalidValue);
  }
  clock.Advance(std::chrono::seconds(599));
  CHECK(p.Redeem(Digits(newer), agent_test::kChromeOrigin).ok());  // still valid at 9:59
  auto late = p.NewCode();
  clock.Advance(std::chrono::seconds(600));
  CHECK(p.Redeem(Digits(late), agent_test::kChromeOrigin).status().code() == ErrorCode::kNotFound);  // 10:00
}

TEST_CASE("pairing: tokens survive a reload, hashed, and a malformed file is an error and stays as it was",
          "[agent][pairing]") {
  testing::TempDir dir;
  agent_test::StepClock clock;
  const std::string file = dir.path() + "/agent-clients.json";
  std::string token;
  {
    Pairing p(file, 1, clock);
    REQUIRE(p.Load().ok());
    token = *p.Redeem(Digits(p.NewCode()), agent_test::kMozOrigin);
  }
  Pairing again(file, 1, clock);
  REQUIRE(again.Load().ok());
  CHECK(again.OriginOf(token) == agent_test::kMozOrigin);
  CHECK(ReadSmallFile(file)->find(token) == std::string::npos);
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(*again.RevokeAll() == 1);
  CHECK_FALSE(again.OriginOf(token).has_value());

  REQUIRE(WritePrivateFileAtomic(file, "{\"clients\": [{\"origin\": 5}]}").ok());
  Pairing broken(file, 1, clock);
  Status s = broken.Load();
  CHECK(s.code() == ErrorCode::kDbCorrupt);
  CHECK(s.message().find(file) != std::string::npos);
  CHECK(*ReadSmallFile(file) == "{\"clients\": [{\"origin\": 5}]}");
}

}  // namespace objector
