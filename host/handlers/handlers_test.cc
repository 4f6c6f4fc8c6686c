#include "handlers/handlers.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "protocol/frame.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

using nlohmann::json;
using testing::SubmissionJson;

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));

// Sends one request; returns the reassembled reply {id, ok, result|error}.
json Call(Context& ctx, const json& request) {
  auto frames = HandleFrame(ctx, request.dump());
  REQUIRE(!frames.empty());
  json first = json::parse(frames[0]);
  if (!first.contains("chunk")) return first;
  std::string data;
  for (const auto& f : frames) data += json::parse(f)["data"].get<std::string>();
  return {{"id", first["id"]}, {"ok", true}, {"result", json::parse(data)}};
}

json With(json base, const std::string& key, json value) {
  if (value.is_null()) {
    base.erase(key);
  } else {
    base[key] = value;
  }
  return base;
}

}  // namespace

TEST_CASE("hello reports protocol, version, data dir and the dispatch table", "[handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  json r = Call(ctx, {{"id", "h"}, {"type", "hello"}, {"client", {{"browser", "firefox 153"}}}});
  REQUIRE(r["ok"] == true);
  CHECK(r["id"] == "h");
  CHECK(r["result"]["protocol"] == 1);
  CHECK(r["result"]["data_dir"] == dir.path() + "/data");
  CHECK(r["result"]["capabilities"].size() == MessageTypes().size());
  CHECK(r["result"]["max_request_bytes"] == kMaxRequestBytes);
  struct stat st {};
  CHECK(stat((dir.path() + "/data").c_str(), &st) != 0);  // hello does not touch the disk
}

TEST_CASE("each message type answers its documented example", "[handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  json profile = {{"emails", {"anna@example.de"}}, {"country", "DE"}, {"language", "de"}, {"name", "Anna"}};
  CHECK(Call(ctx, {{"id", 1}, {"type", "profile.get"}})["result"]["profile"]["country"].is_null());
  CHECK(Call(ctx, {{"id", 2}, {"type", "profile.set"}, {"profile", profile}})["result"]["profile"] == profile);
  json j = Call(ctx, {{"id", 3}, {"type", "justification.save"},
                      {"justification", {{"language", "de"}, {"title", "Kurz"}, {"text", "Ich widerspreche."}}}});
  REQUIRE(j["ok"] == true);
  int64_t jid = j["result"]["justification"]["id"];
  CHECK(Call(ctx, {{"id", 4}, {"type", "justification.set_default"}, {"justification_id", jid}})["result"]
            ["justification"]["is_default"] == true);
  CHECK(Call(ctx, {{"id", 5}, {"type", "justification.list"}, {"language", "de"}})["result"]["justifications"].size() == 1);
  CHECK(Call(ctx, {{"id", 6}, {"type", "justification.delete"}, {"justification_id", jid}})["result"]["deleted"] == true);
  json rec = Call(ctx, {{"id", 7}, {"type", "submission.record"}, {"submission", SubmissionJson("s-1")}});
  CHECK(rec["result"]["duplicate"] == false);
  CHECK(Call(ctx, {{"id", 8}, {"type", "submission.record"}, {"submission", SubmissionJson("s-1")}})["result"]
            ["duplicate"] == true);
  json ev = {{"client_event_id", "ev-1"}, {"client_id", "s-1"}, {"status", "failed"}, {"reason", "no code email"},
             {"occurred_at", "2026-11-25T18:00:00Z"}, {"utc_offset_minutes", 60}};
  CHECK(Call(ctx, {{"id", 9}, {"type", "submission.event"}, {"event", ev}})["result"]["duplicate"] == false);
  json list = Call(ctx, {{"id", 10}, {"type", "history.list"}, {"limit", 10}});
  CHECK(list["result"]["total"] == 1);
  CHECK(list["result"]["items"][0]["current_status"] == "failed");
  CHECK(list["result"]["items"][0]["events"][1]["reason"] == "no code email");
  json exp = Call(ctx, {{"id", 11}, {"type", "history.export"}, {"format", "csv"}});
  CHECK(exp["result"]["filename"] == "objector-history-2026-11-25.csv");
  CHECK(exp["result"]["content"].get<std::string>().find("2026-11-25T16:54:06Z") != std::string::npos);
  CHECK(Call(ctx, {{"id", 12}, {"type", "stats"}})["result"]["by_status"]["failed"] == 1);
  struct stat st {};
  REQUIRE(stat((dir.path() + "/data").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("invalid fields get the documented error codes", "[handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path(), kClock);
  const json sub = SubmissionJson("v-1");
  auto record = [](json s) { return json{{"id", 1}, {"type", "submission.record"}, {"submission", s}}; };
  struct Row {
    const char* what;
    json request;
    const char* code;
  };
  const Row rows[] = {
      {"unknown type", {{"id", 1}, {"type", "submission.delete"}}, "unknown_type"},
      {"submission missing", {{"id", 1}, {"type", "submission.record"}}, "missing_field"},
      {"submission not an object", {{"id", 1}, {"type", "submission.record"}, {"submission", "x"}}, "wrong_type"},
      {"platform unknown", record(With(sub, "platform", "tiktok")), "invalid_value"},
      {"platform wrong type", record(With(sub, "platform", 3)), "wrong_type"},
      {"email not an email", record(With(sub, "account_email", "anna(at)example.de")), "invalid_value"},
      {"unknown country", record(With(sub, "country", "XX")), "invalid_value"},
      {"lower-case country", record(With(sub, "country", "de")), "invalid_value"},
      {"unknown language", record(With(sub, "page_language", "qq")), "invalid_value"},
      {"non-Meta form url", record(With(sub, "form_url", "https://example.com/help/contact/1")), "invalid_value"},
      {"form id not digits", record(With(sub, "form_id", "12a")), "invalid_value"},
      {"local time instead of UTC", record(With(sub, "occurred_at", "2026-11-25T17:54:06+01:00")), "invalid_value"},
      {"offset out of range", record(With(sub, "utc_offset_minutes", 900)), "invalid_value"},
      {"offset as string", record(With(sub, "utc_offset_minutes", "60")), "wrong_type"},
      {"failed without reason", record(With(sub, "status", "failed")), "missing_field"},
      {"oversized justification", record(With(sub, "justification_text", std::string(5001, 'a'))), "too_long"},
      {"NUL in text", record(With(sub, "justification_text", std::string("a\0b", 3))), "invalid_value"},
      {"client id missing", record(With(sub, "client_id", nullptr)), "missing_field"},
      {"client id with spaces", record(With(sub, "client_id", "a b")), "invalid_value"},
      {"history limit too big", {{"id", 1}, {"type", "history.list"}, {"limit", 501}}, "invalid_value"},
      {"history from not a time", {{"id", 1}, {"type", "history.list"}, {"from", "yesterday"}}, "invalid_value"},
      {"export format unknown", {{"id", 1}, {"type", "history.export"}, {"format", "pdf"}}, "invalid_value"},
      {"profile with no email", {{"id", 1}, {"type", "profile.set"},
                                 {"profile", {{"emails", json::array()}, {"country", "DE"}, {"language", "de"}}}},
       "invalid_value"},
      {"profile with 6 emails", {{"id", 1}, {"type", "profile.set"},
                                 {"profile", {{"emails", {"a@b.de", "c@d.de", "e@f.de", "g@h.de", "i@j.de", "k@l.de"}},
                                              {"country", "DE"}, {"language", "de"}}}},
       "too_long"},
      {"justification delete by unknown id", {{"id", 1}, {"type", "justification.delete"}, {"justification_id", 42}},
       "not_found"},
      {"event for unknown submission", {{"id", 1}, {"type", "submission.event"},
                                        {"event", {{"client_event_id", "e"}, {"client_id", "nope"},
                                                   {"status", "confirmed"}, {"occurred_at", "2026-11-25T18:00:00Z"},
                                                   {"utc_offset_minutes", 0}}}},
       "not_found"},
      {"reserved event id prefix", {{"id", 1}, {"type", "submission.event"},
                                    {"event", {{"client_event_id", "initial:v-1"}, {"client_id", "v-1"},
                                               {"status", "confirmed"}, {"occurred_at", "2026-11-25T18:00:00Z"},
                                               {"utc_offset_minutes", 0}}}},
       "invalid_value"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    json r = Call(ctx, row.request);
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == row.code);
    CHECK(r["id"] == 1);
  }
  // None of these wrote anything.
  CHECK(Call(ctx, {{"id", 2}, {"type", "stats"}})["result"]["total"] == 0);
}

TEST_CASE("a forbidden caller gets forbidden_caller for every request", "[handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path(), kClock);
  auto frames = HandleFrame(ctx, R"({"id":5,"type":"hello"})", Status(ErrorCode::kForbiddenCaller, "no"));
  json r = json::parse(frames.at(0));
  CHECK(r["error"]["code"] == "forbidden_caller");
  CHECK(r["id"] == 5);
}

TEST_CASE("a large export is chunked under 1 MiB per frame and reassembles", "[handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path(), kClock);
  for (int i = 0; i < 400; ++i) {
    json s = With(SubmissionJson("big-" + std::to_string(i)), "justification_text", std::string(4000, 'w'));
    REQUIRE(Call(ctx, {{"id", i}, {"type", "submission.record"}, {"submission", s}})["ok"] == true);
  }
  auto frames = HandleFrame(ctx, R"({"id":"x","type":"history.export","format":"json"})");
  REQUIRE(frames.size() > 1);
  for (const auto& f : frames) CHECK(f.size() <= kMaxReplyBytes);
  json r = Call(ctx, {{"id", "x"}, {"type", "history.export"}, {"format", "json"}});
  json doc = json::parse(r["result"]["content"].get<std::string>());
  CHECK(doc["submissions"].size() == 400);
}

}  // namespace objector
