#include "cli/cli.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "base/build_info.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));

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

}  // namespace

TEST_CASE("cli: usage errors exit 2 with a message", "[cli]") {
  testing::TempDir dir;
  struct Row {
    std::vector<std::string> args;
    const char* message;
  };
  const Row rows[] = {
      {{}, "Usage: objector"},
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"export"}, "export needs --format"},
      {{"export", "--format"}, "--format needs a value"},
      {{"export", "--format", "pdf"}, "format: must be one of csv, json, html"},
      {{"history", "--bogus"}, "unknown option --bogus"},
      {{"history", "--limit", "x"}, "--limit needs a number"},
      {{"profile"}, "usage: objector profile"},
      {{"profile", "set", "--email", "a@example.de", "--language", "de", "--country", "XX"}, "not an ISO 3166-1"},
      {{"justification", "remove", "abc"}, "not a justification id"},
      {{"justification", "add", "--language", "de"}, "one of --text or --file"},
  };
  for (const auto& row : rows) {
    INFO(row.message);
    Run r = Cli(dir.path(), row.args);
    CHECK(r.code == 2);
    CHECK(r.err.find(row.message) != std::string::npos);
  }
}

TEST_CASE("cli: profile set merges with what is stored, show prints it", "[cli]") {
  testing::TempDir dir;
  REQUIRE(Cli(dir.path(), {"profile", "set", "--email", "anna@example.de", "--country", "DE", "--language", "de"}).code == 0);
  REQUIRE(Cli(dir.path(), {"profile", "set", "--name", "Anna Schmidt"}).code == 0);
  Run show = Cli(dir.path(), {"profile", "show"});
  CHECK(show.code == 0);
  CHECK(show.out.find("name:     Anna Schmidt") != std::string::npos);
  CHECK(show.out.find("anna@example.de") != std::string::npos);
  CHECK(show.out.find("country:  DE") != std::string::npos);
}

TEST_CASE("cli: justification add, list, default, remove", "[cli]") {
  testing::TempDir dir;
  CHECK(Cli(dir.path(), {"justification", "add", "--language", "de", "--title", "Kurz", "--text", "Ich widerspreche."}).out ==
        "Saved justification 1.\n");
  CHECK(Cli(dir.path(), {"justification", "add", "--language", "de", "--file", "-"}, "Aus Datei.\n").code == 0);
  CHECK(Cli(dir.path(), {"justification", "default", "2"}).code == 0);
  Run list = Cli(dir.path(), {"justification", "list"});
  CHECK(list.out.find("2  de  default") != std::string::npos);
  CHECK(Cli(dir.path(), {"justification", "remove", "1"}).code == 0);
  Run gone = Cli(dir.path(), {"justification", "remove", "1"});
  CHECK(gone.code == 1);
  CHECK(gone.err.find("no justification with id 1") != std::string::npos);
}

TEST_CASE("cli: record JSON lines, then history and export show them", "[cli]") {
  testing::TempDir dir;
  std::string lines = testing::SubmissionJson("r-1").dump() + "\n" + testing::SubmissionJson("r-2").dump() + "\n" +
                      testing::SubmissionJson("r-1").dump() + "\n";
  Run rec = Cli(dir.path(), {"record", "-"}, lines);
  CHECK(rec.code == 0);
  CHECK(rec.out == "Recorded 2 submissions (1 were already there).\n");
  Run bad = Cli(dir.path(), {"record", "-"}, "{not json}\n");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("line 1 is not a JSON object") != std::string::npos);
  Run hist = Cli(dir.path(), {"history"});
  CHECK(hist.out.find("2026-11-25 17:54 (UTC+01:00)  facebook  own  form 6359191084165019  submitted") !=
        std::string::npos);
  CHECK(hist.out.find("2 of 2 submissions") != std::string::npos);
  std::string file = dir.path() + "/out.html";
  Run exp = Cli(dir.path(), {"export", "--format", "html", "-o", file});
  CHECK(exp.code == 0);
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream f(file);
  std::stringstream html;
  html << f.rdbuf();
  CHECK(html.str().find("Record of objections") != std::string::npos);
  CHECK(Cli(dir.path(), {"export", "--format", "csv"}).out.find("r-2") != std::string::npos);
}

TEST_CASE("cli: --version and --help", "[cli]") {
  testing::TempDir dir;
  CHECK(Cli(dir.path(), {"--version"}).out == std::string("objector ") + build::kVersion + "\n");
  Run help = Cli(dir.path(), {"--help"});
  CHECK(help.code == 0);
  CHECK(help.out.find("export --format csv|json|html") != std::string::npos);
}

}  // namespace objector
