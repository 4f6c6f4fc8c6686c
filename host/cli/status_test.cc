// `objector status` and `objector export --format ics`: the coverage and follow-ups from the
// command line, over a real database in a temp folder.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));  // 2026-11-25T16:55:00Z

struct Run {
  int code;
  std::string out, err;
};

Run Cli(const std::string& data_dir, std::vector<std::string> args, const std::string& input = "") {
  EnvLookup env = [data_dir](const char* name) { return std::string(name) == "OBJECTOR_DATA_DIR" ? data_dir : ""; };
  std::istringstream in(input);
  std::ostringstream out, err;
  int code = RunCli(args, env, kClock, in, out, err);
  return {code, out.str(), err.str()};
}

// Anna (profile) objected on Facebook (confirmed) and is at Instagram's code step since 16:30.
void Seed(const std::string& dir) {
  REQUIRE(Cli(dir, {"profile", "set", "--email", "Anna.Schmidt@example.de", "--country", "DE", "--language", "de"})
              .code == 0);
  nlohmann::json fb = testing::SubmissionJson("fb-1");
  fb["status"] = "confirmed";
  fb["occurred_at"] = "2025-05-12T09:00:00Z";
  nlohmann::json ig = testing::SubmissionJson("ig-1");
  ig["platform"] = "instagram";
  ig["form_url"] = "https://help.instagram.com/contact/767264225370182";
  ig["status"] = "awaiting-code";
  ig["occurred_at"] = "2026-11-25T16:30:00Z";
  REQUIRE(Cli(dir, {"record", "-"}, fb.dump() + "\n" + ig.dump() + "\n").code == 0);
}

}  // namespace

TEST_CASE("cli: status prints one aligned line per account, platform and form, then the follow-ups", "[cli][status]") {
  testing::TempDir dir;
  Seed(dir.path());
  Run r = Cli(dir.path(), {"status"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "anna.schmidt@example.de  facebook   own          confirmed      2025-05-12  none\n"
        "anna.schmidt@example.de  instagram  own          awaiting-code  2026-11-25  enter-code\n"
        "anna.schmidt@example.de  facebook   third_party  none           -           optional\n"
        "upcoming 2026-11-25T17:30:00.000Z  code-expired  anna.schmidt@example.de  instagram  own\n");
  // --now moves the clock: an hour later the code has expired and the follow-up is due.
  Run later = Cli(dir.path(), {"status", "--now", "2026-11-25T17:30:00Z"});
  CHECK(later.out.find("instagram  own          code-expired  2026-11-25  object-again\n") != std::string::npos);
  CHECK(later.out.find("due      2026-11-25T17:30:00.000Z  code-expired") != std::string::npos);
}

TEST_CASE("cli: status --json is coverage.get's result", "[cli][status]") {
  testing::TempDir dir;
  Seed(dir.path());
  Run r = Cli(dir.path(), {"status", "--json", "--now", "2026-11-26T00:00:00Z"});
  CHECK(r.code == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["generated_at"] == "2026-11-26T00:00:00.000Z");
  REQUIRE(j["rows"].size() == 3);
  CHECK(j["rows"][1]["state"] == "code-expired");
  CHECK(j["follow_ups"][0]["due"] == true);
  CHECK(j["links"].empty());
}

TEST_CASE("cli: status with no account says what to do, bad --now exits 2", "[cli][status]") {
  testing::TempDir dir;
  Run empty = Cli(dir.path(), {"status"});
  CHECK(empty.code == 0);
  CHECK(empty.out == "No accounts yet: add your email with objector profile set --email ADDR.\n");
  Run bad = Cli(dir.path(), {"status", "--now", "yesterday"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("now: must be a UTC time") != std::string::npos);
  CHECK(Cli(dir.path(), {"status", "extra"}).code == 2);
  CHECK(Cli(dir.path(), {"status", "--bogus"}).code == 2);
}

TEST_CASE("cli: export --format ics writes the follow-ups as a calendar file, owner-only", "[cli][status]") {
  testing::TempDir dir;
  Seed(dir.path());
  std::string file = dir.path() + "/follow-ups.ics";
  Run r = Cli(dir.path(), {"export", "--format", "ics", "-o", file});
  CHECK(r.code == 0);
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream f(file, std::ios::binary);
  std::stringstream ics;
  ics << f.rdbuf();
  std::string text = ics.str();
  CHECK(text.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(text.find("UID:code-expired-ig-1@objector\r\n") != std::string::npos);
  CHECK(text.find("DTSTART:20261125T173000Z\r\n") != std::string::npos);
  size_t events = 0;
  for (size_t at = text.find("BEGIN:VEVENT"); at != std::string::npos; at = text.find("BEGIN:VEVENT", at + 1)) ++events;
  CHECK(events == 1);
  CHECK(Cli(dir.path(), {"--help"}).out.find("export --format csv|json|html|bundle|ics") != std::string::npos);
}

}  // namespace objector
