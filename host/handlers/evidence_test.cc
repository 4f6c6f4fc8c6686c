// Evidence through the handlers: validation of `evidence` on submissions and events, snapshots kept
// by the SHA-256 the host computes, screenshots (evidence.attach), evidence.get and history.verify.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "base/digest.h"
#include "handlers/handlers.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

using nlohmann::json;
using testing::SubmissionJson;

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));

json Call(Context& ctx, const json& request) {
  auto frames = HandleFrame(ctx, request.dump());
  REQUIRE(!frames.empty());
  json first = json::parse(frames[0]);
  if (!first.contains("chunk")) return first;
  std::string data;
  for (const auto& f : frames) data += json::parse(f)["data"].get<std::string>();
  return {{"id", first["id"]}, {"ok", true}, {"result", json::parse(data)}};
}

const char kSnapshot[] = "<section><h2>Wir haben deinen Widerspruch erhalten</h2><p>Wir werden ihn pr\xC3\xBC"
                         "fen.</p></section>";

json EvidenceJson() {
  return {{"answer_text", "Wir haben deinen Widerspruch erhalten. Wir werden ihn prüfen."},
          {"found_in", "dialog"},
          {"send_pressed_at", "2026-11-25T16:54:05.120Z"},
          {"form_origin", "https://www.facebook.com"},
          {"form_path", "/help/contact/6359191084165019"},
          {"snapshot", kSnapshot}};
}

json EventJson(const std::string& id, const std::string& status, json evidence = nullptr) {
  json e = {{"client_event_id", id}, {"client_id", "3b241101-e2bb-4255-8caf-4136c566a962"},
            {"status", status},      {"occurred_at", "2026-11-25T16:54:09Z"},
            {"utc_offset_minutes", 60}};
  if (!evidence.is_null()) e["evidence"] = evidence;
  return e;
}

// A 1x1 PNG.
const std::string kPng = *Base64Decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

}  // namespace

TEST_CASE("evidence on a submission and its events is kept; the snapshot by the host's own SHA-256",
          "[evidence]") {
  testing::TempDir dir;
  Context ctx(dir.path(), kClock);
  json sub = SubmissionJson();
  json ev = EvidenceJson();
  ev.erase("snapshot");
  ev.erase("answer_text");
  sub["evidence"] = ev;  // the press and the form, before Meta answered
  REQUIRE(Call(ctx, {{"id", 1}, {"type", "submission.record"}, {"submission", sub}})["ok"] == true);
  // Meta's answer was not recognised: a `submitted` event (the current status) carries what it showed.
  json r = Call(ctx, {{"id", 2}, {"type", "submission.event"}, {"event", EventJson("e-answer", "submitted", EvidenceJson())}});
  REQUIRE(r["ok"] == true);
  json h = Call(ctx, {{"id", 3}, {"type", "history.list"}})["result"]["items"][0];
  REQUIRE(h["events"].size() == 2);
  CHECK(h["events"][0]["evidence"]["send_pressed_at"] == "2026-11-25T16:54:05.120Z");
  CHECK_FALSE(h["events"][0]["evidence"].contains("snapshot_sha256"));
  const json& answer = h["events"][1]["evidence"];
  CHECK(answer["answer_text"] == EvidenceJson()["answer_text"]);
  CHECK(answer["form_path"] == "/help/contact/6359191084165019");
  CHECK_FALSE(answer.contains("snapshot"));
  CHECK(answer["snapshot_sha256"] == Sha256Hex(kSnapshot));
  CHECK(h["current_status"] == "submitted");
  CHECK(h["events"][1]["prev_hash"] == h["events"][0]["content_hash"]);

  json got = Call(ctx, {{"id", 4}, {"type", "evidence.get"}, {"sha256", Sha256Hex(kSnapshot)}});
  REQUIRE(got["ok"] == true);
  CHECK(got["result"]["mime"] == "text/html");
  CHECK(got["result"]["encoding"] == "utf-8");
  CHECK(got["result"]["content"] == kSnapshot);
  CHECK(Call(ctx, {{"id", 5}, {"type", "evidence.get"}, {"sha256", std::string(64, 'a')}})["error"]["code"] ==
        "not_found");

  json v = Call(ctx, {{"id", 6}, {"type", "history.verify"}})["result"];
  CHECK(v["intact"] == true);
  CHECK(v["events"] == 2);
  CHECK(v["files"] == 1);
  CHECK(v["chain_head"] == h["events"][1]["content_hash"]);
}

TEST_CASE("evidence is validated like the rest: each member's rule, unknown members refused", "[evidence]") {
  testing::TempDir dir;
  Context ctx(dir.path(), kClock);
  REQUIRE(Call(ctx, {{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson()}})["ok"] == true);
  struct Row {
    const char* what;
    const char* member;
    json value;
    const char* code;
  };
  const Row rows[] = {
      {"unknown member", "snapshot_sha256", std::string(64, 'a'), "invalid_value"},
      {"answer too long", "answer_text", std::string(4001, 'a'), "too_long"},
      {"answer not a string", "answer_text", 5, "wrong_type"},
      {"found_in too long", "found_in", std::string(201, 'a'), "too_long"},
      {"press not UTC", "send_pressed_at", "2026-11-25 16:54", "invalid_value"},
      {"origin with a path", "form_origin", "https://www.facebook.com/help", "invalid_value"},
      {"origin not Meta", "form_origin", "https://evil.example", "invalid_value"},
      {"origin http", "form_origin", "http://www.facebook.com", "invalid_value"},
      {"origin with port", "form_origin", "https://www.facebook.com:443", "invalid_value"},
      {"path with query", "form_path", "/help/contact/1?email=a@b.de", "invalid_value"},
      {"path not a form", "form_path", "/settings", "invalid_value"},
      {"snapshot over 256 KiB", "snapshot", std::string(256 * 1024 + 1, 'x'), "too_long"},
      {"snapshot with NUL", "snapshot", std::string("a\0b", 3), "invalid_value"},
  };
  int n = 0;
  for (const auto& row : rows) {
    INFO(row.what);
    json ev = {{row.member, row.value}};
    json r = Call(ctx, {{"id", 10}, {"type", "submission.event"}, {"event", EventJson("bad-" + std::to_string(n++),
                                                                                  "confirmed", ev)}});
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == row.code);
    CHECK(r["error"]["message"].get<std::string>().find("event.evidence") != std::string::npos);
  }
  json sub = SubmissionJson("other");
  sub["evidence"] = "text";
  CHECK(Call(ctx, {{"id", 11}, {"type", "submission.record"}, {"submission", sub}})["error"]["code"] == "wrong_type");
  // Every member is optional, and the largest allowed are accepted.
  json big = EvidenceJson();
  big["snapshot"] = std::string(256 * 1024, 'x');
  big["answer_text"] = std::string(4000, 'a');
  big["form_origin"] = "https://help.instagram.com";
  big["form_path"] = "/contact/767264225370182";
  CHECK(Call(ctx, {{"id", 12}, {"type", "submission.event"}, {"event", EventJson("ok-1", "confirmed", big)}})["ok"] == true);
  CHECK(Call(ctx, {{"id", 13}, {"type", "submission.event"}, {"event", EventJson("ok-2", "confirmed", json::object())}})
            ["ok"] == true);
  CHECK(Call(ctx, {{"id", 14}, {"type", "history.verify"}})["result"]["intact"] == true);
}

TEST_CASE("evidence.attach keeps a screenshot by its SHA-256, chained; retries change nothing; bad files refused",
          "[evidence]") {
  testing::TempDir dir;
  Context ctx(dir.path(), kClock);
  REQUIRE(Call(ctx, {{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson()}})["ok"] == true);
  json req = {{"id", 2},
              {"type", "evidence.attach"},
              {"client_id", "3b241101-e2bb-4255-8caf-4136c566a962"},
              {"kind", "screenshot"},
              {"mime", "image/png"},
              {"data_base64", Base64Encode(kPng)}};
  json r = Call(ctx, req);
  REQUIRE(r["ok"] == true);
  CHECK(r["result"]["sha256"] == Sha256Hex(kPng));
  CHECK(r["result"]["duplicate"] == false);
  CHECK(Call(ctx, req)["result"]["duplicate"] == true);
  json h = Call(ctx, {{"id", 3}, {"type", "history.list"}})["result"]["items"][0];
  REQUIRE(h["attachments"].size() == 1);
  CHECK(h["attachments"][0]["sha256"] == Sha256Hex(kPng));
  CHECK(h["attachments"][0]["mime"] == "image/png");
  CHECK(h["attachments"][0]["prev_hash"] == h["events"][0]["content_hash"]);
  CHECK(h["events"].size() == 1);  // an attachment is not a status
  CHECK(h["current_status"] == "submitted");
  json got = Call(ctx, {{"id", 4}, {"type", "evidence.get"}, {"sha256", Sha256Hex(kPng)}})["result"];
  CHECK(got["encoding"] == "base64");
  CHECK(*Base64Decode(got["content"].get<std::string>()) == kPng);
  json v = Call(ctx, {{"id", 5}, {"type", "history.verify"}})["result"];
  CHECK(v["events"] == 2);
  CHECK(v["chain_head"] == h["attachments"][0]["content_hash"]);

  struct Row {
    const char* what;
    const char* field;
    json value;
    const char* code;
  };
  const Row rows[] = {
      {"jpeg claimed, png sent", "mime", "image/jpeg", "invalid_value"},
      {"svg", "mime", "image/svg+xml", "invalid_value"},
      {"other kind", "kind", "page", "invalid_value"},
      {"not base64", "data_base64", "iVBORw0KGgo*", "invalid_value"},
      {"not a png", "data_base64", Base64Encode("GIF89a....."), "invalid_value"},
      {"over 700 KiB", "data_base64", Base64Encode(kPng + std::string(700 * 1024, '\0')), "too_long"},
      {"unknown submission", "client_id", "no-such-submission", "not_found"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    json bad = req;
    bad[row.field] = row.value;
    json e = Call(ctx, bad);
    CHECK(e["ok"] == false);
    CHECK(e["error"]["code"] == row.code);
  }
}

TEST_CASE("history.verify names the first row whose content, chain link or snapshot was changed", "[evidence][verify]") {
  struct Row {
    const char* what;
    const char* sql;
    const char* expect;
  };
  const Row rows[] = {
      {"a reason changed", "UPDATE events SET reason = 'Formular geschlossen.' WHERE client_event_id = 'e-failed'",
       "its content does not match its content_hash"},
      {"a row removed", "DELETE FROM events WHERE client_event_id = 'e-answer'", "is not the previous row's content_hash"},
      {"a snapshot byte changed", "UPDATE blobs SET content = CAST(replace(CAST(content AS TEXT), 'erhalten', 'erhalteN') AS BLOB)",
       "was changed: its content now hashes to"},
      {"a submission's text changed", "UPDATE submissions SET justification_text = 'Ja.'",
       "its content does not match its content_hash"},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    testing::TempDir dir;
    Context ctx(dir.path(), kClock);
    REQUIRE(Call(ctx, {{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson()}})["ok"] == true);
    REQUIRE(Call(ctx, {{"id", 2}, {"type", "submission.event"}, {"event", EventJson("e-answer", "submitted", EvidenceJson())}})
                ["ok"] == true);
    json failed = EventJson("e-failed", "failed");
    failed["reason"] = "Formular geschlossen!";
    REQUIRE(Call(ctx, {{"id", 3}, {"type", "submission.event"}, {"event", failed}})["ok"] == true);
    REQUIRE(Call(ctx, {{"id", 4}, {"type", "history.verify"}})["result"]["intact"] == true);
    {
      SQLite::Database raw(dir.path() + "/objector.sqlite3", SQLite::OPEN_READWRITE);
      for (const char* t : {"events_append_only_update", "events_append_only_delete", "blobs_append_only_update",
                            "submissions_append_only_update"}) {
        raw.exec(std::string("DROP TRIGGER ") + t);
      }
      raw.exec(row.sql);
    }
    json v = Call(ctx, {{"id", 5}, {"type", "history.verify"}})["result"];
    INFO(v.dump());
    CHECK(v["intact"] == false);
    CHECK(v["chain_head"].is_null());
    CHECK(v["broken"]["what"].get<std::string>().find(row.expect) != std::string::npos);
    CHECK(v["broken"]["client_id"] == "3b241101-e2bb-4255-8caf-4136c566a962");
    std::string want_event = std::string(row.what) == "a reason changed" ? "e-failed"
                             : std::string(row.what) == "a row removed" ? "e-failed"
                             : std::string(row.what) == "a snapshot byte changed" ? "e-answer"
                                                                                   : "initial:3b241101-e2bb-4255-8caf-4136c566a962";
    CHECK(v["broken"]["client_event_id"] == want_event);
  }
}

}  // namespace objector
