// `objector export --format bundle`: one .zip that `unzip` opens, whose SHA256SUMS `sha256sum -c`
// accepts, with a report that quotes Meta's words, embeds the screenshot, names the chain head, and
// has no script and no external URL.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <regex>

#include "host_process.h"

namespace objector::itest {

TEST_CASE("the bundle export unpacks, its SHA256SUMS match, the report is offline and inert", "[bundle]") {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  std::string chain_head;
  {
    Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", data}}, tmp.path() + "/host.err");
    REQUIRE((*host.Call({{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson("b-1")}}))["ok"] == true);
    json answer = {{"client_event_id", "b-1-confirmed"}, {"client_id", "b-1"}, {"status", "confirmed"},
                   {"occurred_at", "2026-11-25T16:54:09Z"}, {"utc_offset_minutes", 60},
                   {"evidence", {{"answer_text", "Nous avons bien reçu votre opposition."},
                                 {"snapshot", "<div><h2>Nous avons bien reçu votre opposition</h2><img></div>"}}}};
    REQUIRE((*host.Call({{"id", 2}, {"type", "submission.event"}, {"event", answer}}))["ok"] == true);
    json shot = {{"id", 3}, {"type", "evidence.attach"}, {"client_id", "b-1"}, {"kind", "screenshot"},
                 {"mime", "image/png"},
                 {"data_base64", "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}};
    REQUIRE((*host.Call(shot))["ok"] == true);
    auto v = host.Call({{"id", 4}, {"type", "history.verify"}});
    chain_head = (*v)["result"]["chain_head"];
  }
  const std::string zip = tmp.path() + "/evidence.zip";
  auto [code, out] = RunCli(OBJECTOR_CLI_BIN, {"export", "--format", "bundle", "-o", zip}, data);
  REQUIRE(code == 0);
  const std::string dir = tmp.path() + "/unpacked";
  REQUIRE(std::system(("unzip -q '" + zip + "' -d '" + dir + "'").c_str()) == 0);
  REQUIRE(std::system(("cd '" + dir + "' && sha256sum --quiet -c SHA256SUMS").c_str()) == 0);
  std::string sums = Slurp(dir + "/SHA256SUMS");
  for (const char* name : {"  report.html\n", "  history.json\n", "  history.csv\n", ".html.txt\n", ".png\n"}) {
    INFO(name);
    CHECK(sums.find(name) != std::string::npos);
  }
  CHECK(std::count(sums.begin(), sums.end(), '\n') == 5);  // report, json, csv, snapshot, screenshot

  std::string report = Slurp(dir + "/report.html");
  CHECK(report.find("<blockquote class=\"meta\">Nous avons bien reçu votre opposition.</blockquote>") != std::string::npos);
  CHECK(report.find(chain_head) != std::string::npos);
  CHECK(report.find("srcdoc=\"") != std::string::npos);
  CHECK(report.find("src=\"data:image/png;base64,") != std::string::npos);
  CHECK(report.find("<script") == std::string::npos);
  CHECK(report.find("<link") == std::string::npos);
  CHECK(report.find("url(") == std::string::npos);
  CHECK(report.find("@import") == std::string::npos);
  // No attribute loads or links to anything but inline data.
  CHECK_FALSE(std::regex_search(report, std::regex("(src|href|action|data)\\s*=\\s*\"(?!data:)[a-z]+:", std::regex::icase)));
  // An independent implementation of PROTOCOL.md's canonical form re-checks the chain from the
  // bundle's files alone and arrives at the same head.
  Child node(OBJECTOR_NODE_BIN, {OBJECTOR_REVERIFY_MJS, dir}, {}, tmp.path() + "/node.err");
  node.CloseStdin();
  std::string reverified = node.ReadRest(30000);
  INFO(Slurp(tmp.path() + "/node.err"));
  CHECK(node.Wait(30000) == 0);
  CHECK(reverified == "re-verified 3 rows from the export, chain head " + chain_head + "\n");
  json doc = json::parse(Slurp(dir + "/history.json"));
  CHECK(doc["submissions"][0]["attachments"].size() == 1);
  CHECK(doc["submissions"][0]["events"][1]["evidence"]["answer_text"] == "Nous avons bien reçu votre opposition.");
}

}  // namespace objector::itest
