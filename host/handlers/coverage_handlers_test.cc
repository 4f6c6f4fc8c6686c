#include "handlers/coverage_handlers.h"

#include <catch2/catch.hpp>

#include "handlers/handlers.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

using nlohmann::json;
using testing::SubmissionJson;

FixedClock kClock(std::chrono::system_clock::time_point(std::chrono::seconds(1795625700)));  // 2026-11-25T16:55:00Z

json Call(Context& ctx, json request) {
  if (!request.contains("id")) request["id"] = 1;
  auto frames = HandleFrame(ctx, request.dump());
  REQUIRE(frames.size() == 1);
  return json::parse(frames[0]);
}

json Ok(Context& ctx, json request) {
  json r = Call(ctx, std::move(request));
  INFO(r.dump());
  REQUIRE(r["ok"] == true);
  return r["result"];
}

json Sub(const std::string& client_id, const std::string& platform, const std::string& email,
         const std::string& status, const std::string& at) {
  json s = SubmissionJson(client_id);
  s["platform"] = platform;
  if (platform == "instagram") s["form_url"] = "https://help.instagram.com/contact/767264225370182";
  s["account_email"] = email;
  s["status"] = status;
  s["occurred_at"] = at;
  return s;
}

const std::string kFingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

}  // namespace

TEST_CASE("coverage messages: accounts, a link, coverage with now, and the follow-ups", "[coverage_handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  Ok(ctx, {{"type", "profile.set"},
           {"profile", {{"emails", {"Anna@Example.de", "bob@example.org"}}, {"country", "DE"}, {"language", "de"}}}});
  Ok(ctx, {{"type", "submission.record"},
           {"submission", Sub("s-1", "facebook", "anna@example.de", "awaiting-code", "2026-11-25T16:20:00Z")}});
  Ok(ctx, {{"type", "submission.record"},
           {"submission", Sub("s-2", "instagram", "carol@example.net", "confirmed", "2026-05-12T09:00:00Z")}});

  json accounts = Ok(ctx, {{"type", "account.list"}})["accounts"];
  REQUIRE(accounts.size() == 3);
  CHECK(accounts[0] == json{{"email", "anna@example.de"}, {"platforms_seen", {"facebook"}}, {"from_profile", true},
                            {"from_forms", true}});
  CHECK(accounts[1]["from_forms"] == false);
  CHECK(accounts[2] == json{{"email", "carol@example.net"}, {"platforms_seen", {"instagram"}},
                            {"from_profile", false}, {"from_forms", true}});

  json links = Ok(ctx, {{"type", "account.link"},
                        {"account", {{"platform", "instagram"}, {"email", "Bob@Example.org"}}},
                        {"covered_by", {{"platform", "instagram"}, {"email", "carol@example.net"}}}})["links"];
  REQUIRE(links.size() == 1);
  CHECK(links[0] == json{{"account", {{"platform", "instagram"}, {"email", "bob@example.org"}}},
                         {"covered_by", {{"platform", "instagram"}, {"email", "carol@example.net"}}},
                         {"created_at", "2026-11-25T16:55:00.000Z"}});

  // The host clock: the code step is 35 minutes old.
  json now = Ok(ctx, {{"type", "coverage.get"}});
  CHECK(now["generated_at"] == "2026-11-25T16:55:00.000Z");
  REQUIRE(now["rows"].size() == 9);
  CHECK(now["rows"][0] == json{{"account_email", "anna@example.de"}, {"platform", "facebook"}, {"form_kind", "own"},
                               {"state", "awaiting-code"}, {"last_status", "awaiting-code"},
                               {"last_at", "2026-11-25T16:20:00Z"}, {"client_id", "s-1"}, {"covered_through", nullptr},
                               {"todo", "enter-code"}});
  CHECK(now["rows"][4] == json{{"account_email", "bob@example.org"}, {"platform", "instagram"}, {"form_kind", "own"},
                               {"state", "covered"}, {"last_status", nullptr}, {"last_at", nullptr},
                               {"client_id", nullptr},
                               {"covered_through", {{"platform", "instagram"}, {"email", "carol@example.net"}}},
                               {"todo", "none"}});
  REQUIRE(now["follow_ups"].size() == 1);
  CHECK(now["follow_ups"][0] == json{{"kind", "code-expired"}, {"client_id", "s-1"},
                                     {"account_email", "anna@example.de"}, {"platform", "facebook"},
                                     {"form_kind", "own"}, {"since", "2026-11-25T16:20:00Z"},
                                     {"due_at", "2026-11-25T17:20:00.000Z"}, {"due", false}});
  CHECK(now["links"] == links);
  // The caller's clock: an hour later the code has expired.
  json later = Ok(ctx, {{"type", "coverage.get"}, {"now", "2026-11-25T17:55:00Z"}});
  CHECK(later["rows"][0]["state"] == "code-expired");
  CHECK(later["rows"][0]["todo"] == "object-again");
  CHECK(later["follow_ups"][0]["due"] == true);

  // null removes the link.
  CHECK(Ok(ctx, {{"type", "account.link"},
                 {"account", {{"platform", "instagram"}, {"email", "bob@example.org"}}},
                 {"covered_by", nullptr}})["links"]
            .empty());
  CHECK(Ok(ctx, {{"type", "coverage.get"}})["rows"][4]["state"] == "none");
}

TEST_CASE("notice messages: counts, new rounds, already objected (also through a link), the list", "[coverage_handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  json notice = {{"platform", "instagram"}, {"language", "de"}, {"kind", "objection"}, {"fingerprint", kFingerprint}};
  json first = Ok(ctx, {{"type", "notice.seen"}, {"notice", notice}});
  CHECK(first == json{{"notice_id", 1}, {"first_seen_at", "2026-11-25T16:55:00.000Z"},
                      {"last_seen_at", "2026-11-25T16:55:00.000Z"}, {"count", 1}, {"new_round", false},
                      {"already_objected", nullptr}});
  // Confirmed on Facebook: not yet an objection on Instagram...
  Ok(ctx, {{"type", "submission.record"},
           {"submission", Sub("s-1", "facebook", "anna@example.de", "confirmed", "2025-05-12T09:00:00Z")}});
  CHECK(Ok(ctx, {{"type", "notice.seen"}, {"notice", notice}})["already_objected"].is_null());
  // ...until the person says the two share an Accounts Centre.
  Ok(ctx, {{"type", "account.link"},
           {"account", {{"platform", "instagram"}, {"email", "anna@example.de"}}},
           {"covered_by", {{"platform", "facebook"}, {"email", "anna@example.de"}}}});
  json third = Ok(ctx, {{"type", "notice.seen"}, {"notice", notice}});
  CHECK(third["count"] == 3);
  CHECK(third["already_objected"] == json{{"confirmed_at", "2025-05-12T09:00:00Z"}, {"platform", "facebook"}});
  // A different text on the same platform and kind: a new round.
  json round = notice;
  round["fingerprint"] = std::string(64, 'b');
  json second_round = Ok(ctx, {{"type", "notice.seen"}, {"notice", round}});
  CHECK(second_round["new_round"] == true);
  CHECK(second_round["notice_id"] == 2);
  // On Facebook itself the confirmed objection counts without a link.
  json fb = notice;
  fb["platform"] = "facebook";
  CHECK(Ok(ctx, {{"type", "notice.seen"}, {"notice", fb}})["already_objected"]["platform"] == "facebook");
  json list = Ok(ctx, {{"type", "notice.list"}})["notices"];
  REQUIRE(list.size() == 3);
  CHECK(list[0] == json{{"notice_id", 1}, {"platform", "instagram"}, {"language", "de"}, {"kind", "objection"},
                        {"fingerprint", kFingerprint}, {"first_seen_at", "2026-11-25T16:55:00.000Z"},
                        {"last_seen_at", "2026-11-25T16:55:00.000Z"}, {"count", 3}});
}

TEST_CASE("coverage messages refuse bad input with the usual codes and change nothing", "[coverage_handlers]") {
  testing::TempDir dir;
  Context ctx(dir.path() + "/data", kClock);
  json account = {{"platform", "facebook"}, {"email", "anna@example.de"}};
  json other = {{"platform", "instagram"}, {"email", "anna@example.de"}};
  json notice = {{"platform", "facebook"}, {"language", "de"}, {"kind", "objection"}, {"fingerprint", kFingerprint}};
  auto with = [](json base, const std::string& key, json value) {
    base[key] = std::move(value);
    return base;
  };
  auto without = [](json base, const std::string& key) {
    base.erase(key);
    return base;
  };
  auto link = [](json a, json by) { return json{{"type", "account.link"}, {"account", a}, {"covered_by", by}}; };
  auto seen = [](json n) { return json{{"type", "notice.seen"}, {"notice", n}}; };
  struct Row {
    const char* proves;
    json request;
    const char* code;
  };
  const Row rows[] = {
      {"account.list takes no fields", {{"type", "account.list"}, {"email", "x"}}, "invalid_value"},
      {"notice.list takes no fields", {{"type", "notice.list"}, {"all", true}}, "invalid_value"},
      {"coverage.get: unknown field", {{"type", "coverage.get"}, {"when", "2026-11-25T12:00:00Z"}}, "invalid_value"},
      {"coverage.get: now not a string", {{"type", "coverage.get"}, {"now", 1795625700}}, "wrong_type"},
      {"coverage.get: now not UTC", {{"type", "coverage.get"}, {"now", "2026-11-25T12:00:00+01:00"}}, "invalid_value"},
      {"coverage.get: now empty", {{"type", "coverage.get"}, {"now", ""}}, "invalid_value"},
      {"account.link: account missing", {{"type", "account.link"}, {"covered_by", other}}, "missing_field"},
      {"account.link: covered_by missing", {{"type", "account.link"}, {"account", account}}, "missing_field"},
      {"account.link: covered_by a string", link(account, "instagram"), "wrong_type"},
      {"account.link: account an array", link(json::array(), other), "wrong_type"},
      {"account.link: unknown platform", link(with(account, "platform", "tiktok"), other), "invalid_value"},
      {"account.link: bad email", link(account, with(other, "email", "anna-at-example.de")), "invalid_value"},
      {"account.link: email not a string", link(with(account, "email", 7), other), "wrong_type"},
      {"account.link: email missing", link(without(account, "email"), other), "missing_field"},
      {"account.link: unknown member", link(with(account, "name", "Anna"), other), "invalid_value"},
      {"account.link: unknown request field", with(link(account, other), "force", true), "invalid_value"},
      {"account.link: an account covering itself (email case aside)",
       link(account, with(account, "email", "ANNA@example.de")), "invalid_value"},
      {"notice.seen: notice missing", {{"type", "notice.seen"}}, "missing_field"},
      {"notice.seen: notice a string", {{"type", "notice.seen"}, {"notice", "objection"}}, "wrong_type"},
      {"notice.seen: unknown platform", seen(with(notice, "platform", "threads")), "invalid_value"},
      {"notice.seen: unknown kind", seen(with(notice, "kind", "cookies")), "invalid_value"},
      {"notice.seen: unknown language", seen(with(notice, "language", "qq")), "invalid_value"},
      {"notice.seen: fingerprint upper case", seen(with(notice, "fingerprint", std::string(64, 'A'))), "invalid_value"},
      {"notice.seen: fingerprint too short", seen(with(notice, "fingerprint", std::string(63, 'a'))), "invalid_value"},
      {"notice.seen: fingerprint too long", seen(with(notice, "fingerprint", std::string(65, 'a'))), "too_long"},
      {"notice.seen: fingerprint not a string", seen(with(notice, "fingerprint", 42)), "wrong_type"},
      {"notice.seen: kind missing", seen(without(notice, "kind")), "missing_field"},
      {"notice.seen: personal data is no member", seen(with(notice, "email", "anna@example.de")), "invalid_value"},
  };
  for (const auto& row : rows) {
    INFO(row.proves);
    json r = Call(ctx, row.request);
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == row.code);
  }
  CHECK(Ok(ctx, {{"type", "account.link"}, {"account", account}, {"covered_by", other}})["links"].size() == 1);
  CHECK(Ok(ctx, {{"type", "notice.list"}})["notices"].empty());
}

}  // namespace objector
