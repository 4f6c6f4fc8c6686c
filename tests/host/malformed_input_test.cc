// The malformed-input table (issue 2, "Bad input"): each row is sent to a freshly started
// objector-host sharing one database that already holds an acknowledged record. Each row gets a
// clear error reply and the host keeps serving, or (where the stream cannot be recovered) a clean
// exit with a line on stderr. Nothing crashes or hangs, and the acknowledged record is never lost.
#include <catch2/catch.hpp>

#include "host_process.h"

namespace objector::itest {
namespace {

enum class Outcome {
  kErrorThenServes,  // error reply with `code`, then a hello still works and EOF exits 0
  kErrorThenExits,   // error reply with `code`, then exit 1 with a line on stderr
  kExitsWithLine,    // no reply; exit 1 with a line on stderr
  kServes,           // a normal reply (edge cases that are valid)
};

struct Row {
  const char* what;
  std::string bytes;
  Outcome outcome;
  const char* code;
};

std::string Header(uint32_t n) {
  std::string h(4, '\0');
  std::memcpy(h.data(), &n, 4);
  return h;
}

std::string Frame(const std::string& body) { return FrameOf(body); }

std::string Record(const json& submission) {
  return Frame(json{{"id", 9}, {"type", "submission.record"}, {"submission", submission}}.dump());
}

json With(json j, const std::string& key, const json& value) {
  j[key] = value;
  return j;
}

std::vector<Row> Rows() {
  const json sub = SubmissionJson("malformed-1");
  std::string deep_arrays = "{\"id\":1,\"type\":\"hello\",\"x\":" + std::string(100000, '[') +
                            std::string(100000, ']') + "}";
  std::string deep_objects;
  for (int i = 0; i < 20000; ++i) deep_objects += "{\"a\":";
  deep_objects += "1" + std::string(20000, '}');
  std::string at_cap = "{\"id\":1,\"type\":\"hello\"}";
  at_cap += std::string(1024 * 1024 - at_cap.size(), ' ');
  return {
      {"zero length", Header(0), Outcome::kErrorThenServes, "bad_frame"},
      {"length 0xFFFFFFFF", Header(0xFFFFFFFFu) + "{}", Outcome::kErrorThenExits, "frame_too_large"},
      {"one byte over the 1 MiB cap", Header(1024 * 1024 + 1), Outcome::kErrorThenExits, "frame_too_large"},
      {"header cut short then EOF", Header(20).substr(0, 2), Outcome::kExitsWithLine, ""},
      {"body cut short then EOF", Header(100) + "{\"id\":1,", Outcome::kExitsWithLine, ""},
      {"invalid UTF-8", Frame("{\"id\":1,\"type\":\"hel\xC3\x28lo\"}"), Outcome::kErrorThenServes, "invalid_utf8"},
      {"overlong UTF-8", Frame("{\"id\":1,\"type\":\"\xC0\xAF\"}"), Outcome::kErrorThenServes, "invalid_utf8"},
      {"invalid JSON", Frame("{\"id\":1,\"type\":hello}"), Outcome::kErrorThenServes, "invalid_json"},
      {"truncated JSON", Frame("{\"id\":1,\"type\":\"hello\""), Outcome::kErrorThenServes, "invalid_json"},
      {"trailing garbage", Frame("{\"id\":1,\"type\":\"hello\"} x"), Outcome::kErrorThenServes, "invalid_json"},
      {"two objects in one frame", Frame("{\"id\":1,\"type\":\"hello\"}{\"id\":2}"), Outcome::kErrorThenServes,
       "invalid_json"},
      {"raw NUL byte in the body", Frame(std::string("{\"id\":1,\"type\":\"hel\0lo\"}", 24)), Outcome::kErrorThenServes,
       "invalid_json"},
      {"JSON array, not an object", Frame("[1,2,3]"), Outcome::kErrorThenServes, "not_an_object"},
      {"JSON null", Frame("null"), Outcome::kErrorThenServes, "not_an_object"},
      {"JSON string", Frame("\"hello\""), Outcome::kErrorThenServes, "not_an_object"},
      {"100 000 nested arrays", Frame(deep_arrays), Outcome::kErrorThenServes, "too_deep"},
      {"20 000 nested objects", Frame(deep_objects), Outcome::kErrorThenServes, "too_deep"},
      {"brackets inside a string are not nesting",
       Frame("{\"id\":1,\"type\":\"hello\",\"x\":\"" + std::string(100000, '[') + "\"}"), Outcome::kServes, ""},
      {"a frame exactly at the cap", Frame(at_cap), Outcome::kServes, ""},
      {"missing id", Frame("{\"type\":\"hello\"}"), Outcome::kErrorThenServes, "missing_field"},
      {"missing type", Frame("{\"id\":1}"), Outcome::kErrorThenServes, "missing_field"},
      {"empty object", Frame("{}"), Outcome::kErrorThenServes, "missing_field"},
      {"id is an object", Frame("{\"id\":{},\"type\":\"hello\"}"), Outcome::kErrorThenServes, "wrong_type"},
      {"id string too long", Frame(json{{"id", std::string(300, 'i')}, {"type", "hello"}}.dump()),
       Outcome::kErrorThenServes, "too_long"},
      {"type is a number", Frame("{\"id\":1,\"type\":7}"), Outcome::kErrorThenServes, "wrong_type"},
      {"unknown type", Frame("{\"id\":1,\"type\":\"submission.drop\"}"), Outcome::kErrorThenServes, "unknown_type"},
      {"wrong field type", Record(With(sub, "utc_offset_minutes", "60")), Outcome::kErrorThenServes, "wrong_type"},
      {"submission is an array", Frame("{\"id\":1,\"type\":\"submission.record\",\"submission\":[]}"),
       Outcome::kErrorThenServes, "wrong_type"},
      {"oversized justification", Record(With(sub, "justification_text", std::string(6000, 'x'))),
       Outcome::kErrorThenServes, "too_long"},
      {"NUL character in a string", Record(With(sub, "browser", std::string("chro\0mium", 9))),
       Outcome::kErrorThenServes, "invalid_value"},
      {"email that is not one", Record(With(sub, "account_email", "marie.dupont.example.fr")),
       Outcome::kErrorThenServes, "invalid_value"},
      {"unknown country code", Record(With(sub, "country", "ZZ")), Outcome::kErrorThenServes, "invalid_value"},
      {"time without Z", Record(With(sub, "occurred_at", "2026-11-25T16:54:06")), Outcome::kErrorThenServes,
       "invalid_value"},
      {"form on a non-Meta host", Record(With(sub, "form_url", "https://facebook.com.example/help/contact/1")),
       Outcome::kErrorThenServes, "invalid_value"},
      {"negative history offset", Frame("{\"id\":1,\"type\":\"history.list\",\"offset\":-1}"),
       Outcome::kErrorThenServes, "invalid_value"},
      {"unknown status", Record(With(sub, "status", "deleted")), Outcome::kErrorThenServes, "invalid_value"},
      {"backslash host trick in form_url", Record(With(sub, "form_url", "https://evil.com\\.facebook.com/x")),
       Outcome::kErrorThenServes, "invalid_value"},
      {"userinfo host trick in form_url", Record(With(sub, "form_url", "https://www.facebook.com@evil.com/")),
       Outcome::kErrorThenServes, "invalid_value"},
      {"evidence is an array", Record(With(sub, "evidence", json::array())), Outcome::kErrorThenServes, "wrong_type"},
      {"evidence with an unknown member", Record(With(sub, "evidence", {{"snapshot_sha256", std::string(64, '0')}})),
       Outcome::kErrorThenServes, "invalid_value"},
      {"evidence snapshot over 256 KiB", Record(With(sub, "evidence", {{"snapshot", std::string(300000, '<')}})),
       Outcome::kErrorThenServes, "too_long"},
      {"evidence form_path with a query", Record(With(sub, "evidence", {{"form_path", "/help/contact/1?e=a@b.de"}})),
       Outcome::kErrorThenServes, "invalid_value"},
      {"attach: not Base64", Frame(json{{"id", 1}, {"type", "evidence.attach"}, {"client_id", "acked-before"},
                                        {"kind", "screenshot"}, {"mime", "image/png"},
                                        {"data_base64", std::string(5000, '!')}}.dump()),
       Outcome::kErrorThenServes, "invalid_value"},
      {"attach: a 750 KiB file", Frame(json{{"id", 1}, {"type", "evidence.attach"}, {"client_id", "acked-before"},
                                            {"kind", "screenshot"}, {"mime", "image/png"},
                                            {"data_base64", std::string(750 * 1024 / 3 * 4, 'A')}}.dump()),
       Outcome::kErrorThenServes, "too_long"},
      {"attach: an HTML file claimed as PNG", Frame(json{{"id", 1}, {"type", "evidence.attach"},
                                                         {"client_id", "acked-before"}, {"kind", "screenshot"},
                                                         {"mime", "image/png"}, {"data_base64", "PHNjcmlwdD4="}}.dump()),
       Outcome::kErrorThenServes, "invalid_value"},
      {"evidence.get: a hash that is not hex", Frame("{\"id\":1,\"type\":\"evidence.get\",\"sha256\":\"../../etc/passwd\"}"),
       Outcome::kErrorThenServes, "invalid_value"},
  };
}

}  // namespace

TEST_CASE("malformed input: every row gets a clear error or a clean exit, no record is lost", "[malformed]") {
  TempDir tmp;
  const std::string data = tmp.path() + "/data";
  const std::map<std::string, std::string> env = {{"OBJECTOR_DATA_DIR", data}};
  {
    Child host(OBJECTOR_HOST_BIN, {}, env, tmp.path() + "/seed.err");
    auto ack = host.Call({{"id", 1}, {"type", "submission.record"}, {"submission", SubmissionJson("acked-before")}});
    REQUIRE(ack);
    REQUIRE((*ack)["ok"] == true);
  }
  const auto rows = Rows();
  REQUIRE(rows.size() >= 25);
  for (const auto& row : rows) {
    INFO(row.what);
    Child host(OBJECTOR_HOST_BIN, {}, env, tmp.path() + "/row.err");
    std::thread writer([&] { host.Write(row.bytes); });
    if (row.outcome == Outcome::kExitsWithLine) {
      writer.join();
      host.CloseStdin();
      CHECK(host.Wait(5000) == 1);
      CHECK(host.ReadRest(1000).empty());
      CHECK(host.Stderr().find("objector-host: input ended inside a frame") != std::string::npos);
      continue;
    }
    auto reply = host.Receive(5000);
    writer.join();
    REQUIRE(reply);
    if (row.outcome == Outcome::kServes) {
      CHECK((*reply)["ok"] == true);
    } else {
      CHECK((*reply)["ok"] == false);
      CHECK((*reply)["error"]["code"] == row.code);
      CHECK_FALSE((*reply)["error"]["message"].get<std::string>().empty());
    }
    if (row.outcome == Outcome::kErrorThenExits) {
      CHECK(host.Wait(5000) == 1);
      CHECK(host.Stderr().find("objector-host: frame_too_large") != std::string::npos);
      continue;
    }
    auto hello = host.Call({{"id", "after"}, {"type", "hello"}}, 5000);
    REQUIRE(hello);
    CHECK((*hello)["id"] == "after");
    CHECK((*hello)["ok"] == true);
    host.CloseStdin();
    CHECK(host.Wait(5000) == 0);
  }
  Child check(OBJECTOR_HOST_BIN, {}, env, tmp.path() + "/check.err");
  auto list = check.Call({{"id", 1}, {"type", "history.list"}});
  REQUIRE(list);
  REQUIRE((*list)["result"]["total"] == 1);
  CHECK((*list)["result"]["items"][0]["client_id"] == "acked-before");
}

}  // namespace objector::itest
