// objector-host as the browser starts it: greeting, argument shapes and the caller check, exit on
// EOF and on signals, and a submission recorded through the host appearing in the CLI's exports.
#include <catch2/catch.hpp>

#include "host_process.h"

namespace objector::itest {
namespace {

const char kChromiumOrigin[] = "chrome-extension://pmknlfpplnidacmofbjlkkmafpmjjihh/";

}  // namespace

TEST_CASE("hello round trip with Chromium's arguments, and exit 0 within a second of EOF", "[roundtrip]") {
  TempDir tmp;
  Child host(OBJECTOR_HOST_BIN, {kChromiumOrigin, "--parent-window=0"}, {{"OBJECTOR_DATA_DIR", tmp.path()}},
             tmp.path() + "/err.txt");
  auto reply = host.Call({{"id", 1}, {"type", "hello"}, {"client", {{"browser", "chromium 156"}}}});
  REQUIRE(reply);
  CHECK((*reply)["id"] == 1);
  CHECK((*reply)["ok"] == true);
  CHECK((*reply)["result"]["protocol"] == 1);
  CHECK((*reply)["result"]["data_dir"] == tmp.path());
  auto start = std::chrono::steady_clock::now();
  host.CloseStdin();
  CHECK(host.Wait(1000) == 0);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  CHECK(host.ReadRest(100).empty());  // nothing but frames on stdout
}

TEST_CASE("Firefox's arguments (manifest path, add-on id) are accepted", "[roundtrip]") {
  TempDir tmp;
  Child host(OBJECTOR_HOST_BIN, {"/home/u/.mozilla/native-messaging-hosts/org.objector.host.json",
                                 "objector@objector.org"},
             {{"OBJECTOR_DATA_DIR", tmp.path()}}, tmp.path() + "/err.txt");
  auto reply = host.Call({{"id", "ff"}, {"type", "hello"}});
  REQUIRE(reply);
  CHECK((*reply)["ok"] == true);
}

TEST_CASE("an unknown extension gets forbidden_caller but a dev id in OBJECTOR_EXTRA_ALLOWED_IDS is let in", "[roundtrip]") {
  TempDir tmp;
  {
    Child host(OBJECTOR_HOST_BIN, {"chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/"},
               {{"OBJECTOR_DATA_DIR", tmp.path()}}, tmp.path() + "/err.txt");
    auto reply = host.Call({{"id", 1}, {"type", "profile.get"}});
    REQUIRE(reply);
    CHECK((*reply)["ok"] == false);
    CHECK((*reply)["error"]["code"] == "forbidden_caller");
    host.CloseStdin();
    CHECK(host.Wait() == 0);
    CHECK(host.Stderr().find("every request will be refused") != std::string::npos);
  }
  Child dev(OBJECTOR_HOST_BIN, {"chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/"},
            {{"OBJECTOR_DATA_DIR", tmp.path()}, {"OBJECTOR_EXTRA_ALLOWED_IDS", "aaaabbbbccccddddeeeeffffgggghhhh"}},
            tmp.path() + "/err2.txt");
  auto reply = dev.Call({{"id", 1}, {"type", "hello"}});
  REQUIRE(reply);
  CHECK((*reply)["ok"] == true);
}

TEST_CASE("SIGTERM and SIGINT stop the host with exit 0 within a second", "[roundtrip]") {
  for (int sig : {SIGTERM, SIGINT}) {
    INFO("signal " << sig);
    TempDir tmp;
    Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", tmp.path()}}, tmp.path() + "/err.txt");
    REQUIRE(host.Call({{"id", 1}, {"type", "hello"}}));
    host.Signal(sig);
    CHECK(host.Wait(1000) == 0);
  }
}

TEST_CASE("a submission recorded through the host shows with its date in CSV, JSON and HTML exports",
          "[roundtrip]") {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  {
    Child host(OBJECTOR_HOST_BIN, {kChromiumOrigin}, {{"OBJECTOR_DATA_DIR", data}}, tmp.path() + "/err.txt");
    auto rec = host.Call({{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson("export-1")}});
    REQUIRE(rec);
    REQUIRE((*rec)["ok"] == true);
    auto ev = host.Call({{"id", 2},
                         {"type", "submission.event"},
                         {"event", {{"client_event_id", "export-1-confirmed"}, {"client_id", "export-1"},
                                    {"status", "confirmed"}, {"occurred_at", "2026-11-25T17:02:00Z"},
                                    {"utc_offset_minutes", 60}}}});
    REQUIRE(ev);
    REQUIRE((*ev)["ok"] == true);
  }
  auto [csv_code, csv] = RunCli(OBJECTOR_CLI_BIN, {"export", "--format", "csv"}, data);
  CHECK(csv_code == 0);
  CHECK(csv.find("\"2026-11-25T16:54:06Z\",\"2026-11-25 17:54 (UTC+01:00)\",\"60\",") != std::string::npos);
  CHECK(csv.find("export-1") != std::string::npos);

  auto [json_code, json_text] = RunCli(OBJECTOR_CLI_BIN, {"export", "--format", "json"}, data);
  CHECK(json_code == 0);
  json doc = json::parse(json_text);
  CHECK(doc["schema_version"] == 1);
  REQUIRE(doc["submissions"].size() == 1);
  CHECK(doc["submissions"][0]["occurred_at"] == "2026-11-25T16:54:06Z");
  CHECK(doc["submissions"][0]["current_status"] == "confirmed");

  const std::string html_file = tmp.path() + "/report.html";
  auto [html_code, html_out] = RunCli(OBJECTOR_CLI_BIN, {"export", "--format", "html", "-o", html_file}, data);
  CHECK(html_code == 0);
  std::string html = Slurp(html_file);
  CHECK(html.find("2026-11-25 17:54 (UTC+01:00)") != std::string::npos);
  CHECK(html.find("Je m&#39;oppose à l&#39;utilisation") != std::string::npos);
  CHECK(html.find("confirmed") != std::string::npos);
}

TEST_CASE("an export larger than 1 MiB arrives in chunks that reassemble", "[roundtrip]") {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    json s = SubmissionJson("chunk-" + std::to_string(i));
    s["justification_text"] = std::string(4500, 'j');
    lines += s.dump() + "\n";
  }
  REQUIRE(RunCli(OBJECTOR_CLI_BIN, {"record", "-"}, data, lines).first == 0);
  Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", data}}, tmp.path() + "/err.txt");
  REQUIRE(host.Send({{"id", 7}, {"type", "history.export"}, {"format", "json"}}));
  auto first = host.Receive();
  REQUIRE(first);
  REQUIRE(first->contains("chunk"));
  int count = (*first)["chunk"]["count"];
  CHECK(count >= 2);
  std::string joined = (*first)["data"];
  for (int i = 1; i < count; ++i) {
    auto next = host.Receive();
    REQUIRE(next);
    CHECK((*next)["chunk"]["index"] == i);
    joined += (*next)["data"].get<std::string>();
  }
  json result = json::parse(joined);
  CHECK(json::parse(result["content"].get<std::string>())["submissions"].size() == 300);
}

}  // namespace objector::itest

namespace objector::itest {

TEST_CASE("a corrupt database gets db_corrupt naming the file, the host keeps serving, the file is untouched",
          "[roundtrip]") {
  TempDir tmp;
  const std::string db = tmp.path() + "/objector.sqlite3";
  const std::string garbage = "SQLite format 3?" + std::string(4080, '\x7f');  // a damaged header
  {
    std::ofstream f(db, std::ios::binary);
    f << garbage;
  }
  Child host(OBJECTOR_HOST_BIN, {}, {{"OBJECTOR_DATA_DIR", tmp.path()}}, tmp.path() + "/err.txt");
  for (int attempt = 0; attempt < 2; ++attempt) {  // the second request retries the open, same answer
    auto reply = host.Call({{"id", attempt}, {"type", "submission.record"}, {"submission", SubmissionJson("c")}});
    REQUIRE(reply);
    CHECK((*reply)["ok"] == false);
    CHECK((*reply)["error"]["code"] == "db_corrupt");
    CHECK((*reply)["error"]["message"].get<std::string>().find(db) != std::string::npos);
  }
  auto hello = host.Call({{"id", "h"}, {"type", "hello"}});
  REQUIRE(hello);
  CHECK((*hello)["ok"] == true);
  host.CloseStdin();
  CHECK(host.Wait() == 0);
  CHECK(Slurp(db) == garbage);
}

}  // namespace objector::itest
