// The loopback agent over real HTTP (127.0.0.1 and ::1, cpp-httplib on both ends) and a real SQLite
// file: POST /api runs the host's handler table; the hostile table fails safely and leaves the
// database as it was; pairing binds a token to its origin; the rate limit; a 2 MiB reply comes whole.
#include "agent/server.h"

#include <sys/stat.h>

#include <thread>

#include "agent/agent_files.h"
#include "agent/agent_test_util.h"
#include "handlers/handlers.h"

namespace objector {
namespace {

using agent_test::AgentFixture;
using agent_test::kChromeOrigin;
using agent_test::kMozOrigin;
using nlohmann::json;

json Record(const std::string& client_id) {
  return {{"id", client_id}, {"type", "submission.record"}, {"submission", testing::SubmissionJson(client_id)}};
}

// What the hostile table must not change: the chain head and the number of events and submissions.
json DatabaseFacts(AgentFixture& f) {
  json v = f.Call({{"id", "v"}, {"type", "history.verify"}});
  json s = f.Call({{"id", "s"}, {"type", "stats"}});
  REQUIRE(v["ok"] == true);
  return {{"chain_head", v["result"]["chain_head"]}, {"events", v["result"]["events"]}, {"total", s["result"]["total"]}};
}

bool HasCorsHeader(const httplib::Headers& headers) {
  for (const auto& [k, v] : headers) {
    std::string key = k;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key.rfind("access-control-", 0) == 0) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("POST /api answers a protocol request through the host's handler table, on both addresses",
          "[agent]") {
  AgentFixture f;
  json hello = f.Call({{"id", "h"}, {"type", "hello"}});
  CHECK(hello["ok"] == true);
  CHECK(hello["id"] == "h");
  CHECK(hello["result"]["capabilities"].size() == MessageTypes().size());
  CHECK(hello["result"]["data_dir"] == f.dir());
  CHECK(f.Call(Record("c-1"))["result"]["submission_id"] == 1);
  if (f.agent().serving_ipv6()) {
    auto r = f.Client("::1").Post("/api", {{"Authorization", "Bearer " + f.secret()}},
                                  json{{"id", 2}, {"type", "stats"}}.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(json::parse(r->body)["result"]["total"] == 1);
  }
  for (const std::string& host : {"localhost:" + std::to_string(f.port()), "[::1]:" + std::to_string(f.port()),
                                   "LOCALHOST:" + std::to_string(f.port())}) {
    INFO("Host " << host << " is one of ours");
    auto ok = f.Client().Post("/api", {{"Host", host}, {"Authorization", "Bearer " + f.secret()}},
                              R"({"id":4,"type":"hello"})", "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
  }
  auto r = f.Api(R"({"id":3,"type":"hello"})");
  REQUIRE(r);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  CHECK(r->get_header_value("Cache-Control") == "no-store");
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(r->get_header_value("Transfer-Encoding").empty());  // never chunked
  CHECK_FALSE(HasCorsHeader(r->headers));
}

TEST_CASE("malformed and invalid requests get the protocol's error codes (200 with ok:false)", "[agent]") {
  AgentFixture f;
  struct Row {
    const char* proves;
    std::string body;
    const char* code;
  };
  const Row rows[] = {
      {"text that is not JSON is invalid_json", "{\"id\":1,", "invalid_json"},
      {"a JSON array is not_an_object", "[1,2]", "not_an_object"},
      {"bytes that are not UTF-8 are invalid_utf8", std::string("{\"id\":1,\"type\":\"\xff\"}"), "invalid_utf8"},
      {"nesting past the limit is too_deep", std::string(100, '[') + std::string(100, ']'), "too_deep"},
      {"an unknown type is unknown_type", R"({"id":1,"type":"drop.tables"})", "unknown_type"},
      {"a record without its fields is missing_field", R"({"id":1,"type":"submission.record","submission":{}})",
       "missing_field"},
  };
  for (const auto& row : rows) {
    INFO(row.proves);
    auto r = f.Api(row.body);
    REQUIRE(r);
    CHECK(r->status == 200);
    json reply = json::parse(r->body);
    CHECK(reply["ok"] == false);
    CHECK(reply["error"]["code"] == row.code);
  }
}

TEST_CASE("the hostile table fails safely, the server keeps serving and the database is unchanged",
          "[agent][hostile]") {
  AgentFixture f;
  REQUIRE(f.Call(Record("before-1"))["ok"] == true);
  const json facts = DatabaseFacts(f);
  const std::string port = std::to_string(f.port());
  const std::string write = Record("hostile-1").dump();  // what every refused request tries to do
  const std::string auth = "Bearer " + f.secret();

  struct Row {
    const char* proves;
    std::string method, path;
    httplib::Headers headers;
    std::string body;
    int status;
  };
  std::vector<Row> rows = {
      {"DNS rebinding: a page of evil.example resolving to 127.0.0.1 sends Host evil.example:PORT", "POST", "/api",
       {{"Host", "evil.example:" + port}, {"Authorization", auth}}, write, 421},
      {"a Host naming another port of this machine is refused", "POST", "/api",
       {{"Host", "127.0.0.1:" + std::to_string(f.port() == 65535 ? 1 : f.port() + 1)}, {"Authorization", auth}},
       write, 421},
      {"a Host without the port is refused", "POST", "/api", {{"Host", "127.0.0.1"}, {"Authorization", auth}}, write,
       421},
      {"no Authorization: 401", "POST", "/api", {}, write, 401},
      {"a wrong secret: 401", "POST", "/api", {{"Authorization", "Bearer " + std::string(64, '0')}}, write, 401},
      {"the secret under another scheme: 401", "POST", "/api", {{"Authorization", "Basic " + f.secret()}}, write,
       401},
      {"the secret with a character missing: 401", "POST", "/api",
       {{"Authorization", auth.substr(0, auth.size() - 1)}}, write, 401},
      {"a web page's Origin, even with the secret: 403", "POST", "/api",
       {{"Authorization", auth}, {"Origin", "https://www.facebook.com"}}, write, 403},
      {"Origin null (a sandboxed frame, a data: page): 403", "POST", "/api",
       {{"Authorization", auth}, {"Origin", "null"}}, write, 403},
      {"another Chromium extension's origin: 403", "POST", "/api",
       {{"Authorization", auth}, {"Origin", "chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh"}}, write, 403},
      {"a web origin without any secret: 403 before anything else", "POST", "/api",
       {{"Origin", "https://evil.example"}}, write, 403},
      {"a CORS preflight from a web origin: 405, and no Access-Control-* header", "OPTIONS", "/api",
       {{"Origin", "https://www.facebook.com"}, {"Access-Control-Request-Method", "POST"},
        {"Access-Control-Request-Headers", "authorization"}},
       "", 405},
      {"GET /api: 405", "GET", "/api", {{"Authorization", auth}}, "", 405},
      {"PUT /api: 405", "PUT", "/api", {{"Authorization", auth}}, write, 405},
      {"DELETE /api: 405", "DELETE", "/api", {{"Authorization", auth}}, "", 405},
      {"a body over 1 MiB: 413 before it is read (the answer still arrives)", "POST", "/api", {{"Authorization", auth}},
       std::string(kAgentMaxBodyBytes + 1, ' '), 413},
      {"an unknown path: 404", "POST", "/api/v2", {{"Authorization", auth}}, write, 404},
      {"no directory listing: GET / of a folder that does not exist here", "GET", "/etc/", {}, "", 404},
      {"GET /pair/code: 405", "GET", "/pair/code", {{"Authorization", auth}}, "", 405},
      {"a pairing code asked for by a page: 403", "POST", "/pair/code",
       {{"Authorization", auth}, {"Origin", kChromeOrigin}}, "", 403},
      {"a pairing code without the secret: 401", "POST", "/pair/code", {}, "", 401},
      {"pairing from a web page: 403", "POST", "/pair", {{"Origin", "https://evil.example"}}, R"({"code":"123456"})",
       403},
      {"pairing without an Origin: 403", "POST", "/pair", {}, R"({"code":"123456"})", 403},
      {"revoking pairings from a page: 403", "POST", "/pair/revoke",
       {{"Authorization", auth}, {"Origin", kMozOrigin}}, "", 403},
  };
  for (const auto& row : rows) {
    INFO(row.proves);
    httplib::Request req;
    req.method = row.method;
    req.path = row.path;
    req.headers = row.headers;
    req.body = row.body;
    if (!row.body.empty()) req.headers.emplace("Content-Type", "application/json");
    auto client = f.Client();
    auto r = client.send(req);
    REQUIRE(r);
    CHECK(r->status == row.status);
    CHECK_FALSE(HasCorsHeader(r->headers));
    CHECK(r->get_header_value("Cache-Control") == "no-store");
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(r->get_header_value("Connection") == "close");
    CHECK(json::parse(r->body)["ok"] == false);
  }

  // What httplib::Client will not send, on a raw socket.
  struct Raw {
    const char* proves;
    std::string bytes;
    int status;
  };
  const std::string len = std::to_string(write.size());
  const std::vector<Raw> raw = {
      {"no Host at all (HTTP/1.0): 421",
       "POST /api HTTP/1.0\r\nAuthorization: " + auth + "\r\nContent-Length: " + len + "\r\n\r\n" + write, 421},
      {"two Host headers: 421",
       "POST /api HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nHost: evil.example\r\nAuthorization: " + auth +
           "\r\nContent-Length: " + len + "\r\n\r\n" + write,
       421},
      {"a .. path: 400", "GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n", 400},
      {"an encoded .. path (%2e%2e): 400", "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
       400},
      {"a .. inside the API path: 400",
       "POST /pair/../api HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth +
           "\r\nContent-Length: " + len + "\r\n\r\n" + write,
       400},
      {"a chunked body (no length to check before reading): 411",
       "POST /api HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth +
           "\r\nTransfer-Encoding: chunked\r\n\r\n" + "10\r\n" + write.substr(0, 16) + "\r\n0\r\n\r\n",
       411},
      {"a POST without Content-Length: 411",
       "POST /api HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth + "\r\nConnection: close\r\n\r\n" +
           write,
       411},
      {"a refused request that waits for 100 Continue is refused before its body is asked for",
       "POST /api HTTP/1.1\r\nHost: evil.example:" + port + "\r\nAuthorization: " + auth +
           "\r\nExpect: 100-continue\r\nContent-Length: " + len + "\r\n\r\n",
       421},
      {"a refused request's body holding a second request is not run (the connection closes)",
       "POST /api HTTP/1.1\r\nHost: evil.example\r\nContent-Length: " +
           std::to_string(write.size() + 60 + auth.size() + port.size()) + "\r\n\r\n" +
           "POST /api HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + auth +
           "\r\nContent-Length: " + len + "\r\n\r\n" + write,
       421},
  };
  for (const auto& row : raw) {
    INFO(row.proves);
    std::string answer = agent_test::RawExchange(f.port(), row.bytes);
    CHECK(agent_test::StatusOf(answer) == row.status);
    CHECK(answer.find("HTTP/1.1", 8) == std::string::npos);  // one answer, then the connection closed
    CHECK(answer.find("ccess-Control-") == std::string::npos);
  }

  CHECK(f.Call({{"id", "after"}, {"type", "hello"}})["ok"] == true);
  CHECK(DatabaseFacts(f) == facts);
  std::string log = f.log();
  CHECK(log.find("refused POST /api 421 misdirected_request") != std::string::npos);
  CHECK(log.find("refused OPTIONS /api 405 method_not_allowed") != std::string::npos);
  CHECK(log.find(f.secret()) == std::string::npos);          // no credentials in the log
  CHECK(log.find("anna.schmidt") == std::string::npos);      // no bodies in the log
}

TEST_CASE("a client that waits for 100 Continue (curl) gets it once the guard let it through", "[agent]") {
  AgentFixture f;
  std::string body = R"({"id":"c","type":"hello"})";
  int s = agent_test::Connect(f.port());
  REQUIRE(s >= 0);
  std::string head = "POST /api HTTP/1.1\r\nHost: " + f.Host() + "\r\nAuthorization: Bearer " + f.secret() +
                     "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  REQUIRE(::send(s, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
  std::string got;
  char buf[4096];
  while (got.find("\r\n\r\n") == std::string::npos) {
    ssize_t n = ::recv(s, buf, sizeof buf, 0);
    REQUIRE(n > 0);
    got.append(buf, static_cast<size_t>(n));
  }
  CHECK(got.rfind("HTTP/1.1 100 Continue\r\n", 0) == 0);
  REQUIRE(::send(s, body.data(), body.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(body.size()));
  ::shutdown(s, SHUT_WR);
  std::string answer = agent_test::ReadUntilClosed(s, std::chrono::seconds(20));
  ::close(s);
  CHECK(agent_test::StatusOf(answer) == 200);
  CHECK(answer.find("\"id\":\"c\",\"ok\":true") != std::string::npos);
}

TEST_CASE("a slow body times out and the server keeps serving others meanwhile", "[agent][hostile]") {
  AgentOptions o;
  o.read_timeout = std::chrono::milliseconds(500);
  AgentFixture f(o);
  const json facts = DatabaseFacts(f);
  std::string body = Record("slow-1").dump();
  int s = agent_test::Connect(f.port());
  REQUIRE(s >= 0);
  std::string head = "POST /api HTTP/1.1\r\nHost: " + f.Host() + "\r\nAuthorization: Bearer " + f.secret() +
                     "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, body.size() / 2);
  REQUIRE(::send(s, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size()));
  CHECK(f.Call({{"id", "meanwhile"}, {"type", "hello"}})["ok"] == true);  // another client is served
  bool closed = false;
  std::string answer = agent_test::ReadUntilClosed(s, std::chrono::seconds(20), &closed);
  ::close(s);
  CHECK(closed);  // the server gave up on the half body
  CHECK(answer.find(" 200 ") == std::string::npos);
  CHECK(DatabaseFacts(f) == facts);  // the half request ran nothing
}

TEST_CASE("a reply over the browsers' 1 MiB frame limit comes whole over HTTP (2 MiB export)", "[agent]") {
  AgentFixture f;
  json sub = testing::SubmissionJson();
  sub["justification_text"] = std::string(4900, 'x');
  for (int i = 0; i < 420; ++i) {
    sub["client_id"] = "big-" + std::to_string(i);
    auto r = Dispatch(f.ctx(), {i, "submission.record", {{"id", i}, {"type", "submission.record"}, {"submission", sub}}});
    REQUIRE(r.ok());
  }
  auto r = f.Api(R"({"id":"x","type":"history.export","format":"json"})");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->body.size() > 2 * 1024 * 1024);
  json reply = json::parse(r->body);
  CHECK(reply["id"] == "x");
  CHECK(reply["ok"] == true);
  CHECK_FALSE(reply.contains("chunk"));
  json direct = *Dispatch(f.ctx(), {"x", "history.export", {{"id", "x"}, {"type", "history.export"}, {"format", "json"}}});
  CHECK(reply["result"] == direct);
  CHECK(json::parse(reply["result"]["content"].get<std::string>())["submissions"].size() == 420);
}

TEST_CASE("pairing trades a one-time code for a token that works from its origin only", "[agent][pairing]") {
  AgentFixture f;
  std::string code = f.NewCode();
  auto r = f.Pair(code, kMozOrigin);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  std::string token = json::parse(r->body)["token"];
  CHECK(token.size() == 64);
  CHECK(f.Call({{"id", 1}, {"type", "hello"}}, token, kMozOrigin)["ok"] == true);
  auto other = f.Api(R"({"id":2,"type":"hello"})", token, "moz-extension://11111111-2222-3333-4444-555555555555");
  REQUIRE(other);
  CHECK(other->status == 403);  // another Firefox profile's origin
  auto none = f.Api(R"({"id":3,"type":"hello"})", token, "");
  REQUIRE(none);
  CHECK(none->status == 403);  // a paired token is the extension's, not a local program's

  auto again = f.Pair(code, kMozOrigin);
  REQUIRE(again);
  CHECK(again->status == 403);  // one use
  CHECK(json::parse(again->body)["error"]["code"] == "no_code");

  std::string clients = *ReadSmallFile(AgentClientsPath(f.dir()));
  CHECK(clients.find(token) == std::string::npos);  // kept hashed
  CHECK(clients.find(kMozOrigin) != std::string::npos);
  struct stat st {};
  REQUIRE(stat(AgentClientsPath(f.dir()).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("an extension that unpairs makes its token forget itself; no one else's", "[agent][pairing]") {
  AgentFixture f;
  auto forget = [&f](const std::string& bearer, const std::string& origin) {
    httplib::Headers h{{"Authorization", "Bearer " + bearer}};
    if (!origin.empty()) h.emplace("Origin", origin);
    return f.Client().Post("/pair/forget", h, "", "application/json");
  };
  std::string mine = json::parse(f.Pair(f.NewCode(), kMozOrigin)->body)["token"];
  std::string theirs = json::parse(f.Pair(f.NewCode(), kChromeOrigin)->body)["token"];
  auto wrong_origin = forget(mine, kChromeOrigin);
  REQUIRE(wrong_origin);
  CHECK(wrong_origin->status == 403);  // the same checks as /api: a token only from its origin
  auto secret = forget(f.secret(), "");
  REQUIRE(secret);
  CHECK(secret->status == 400);  // the agent secret is no pairing
  auto r = forget(mine, kMozOrigin);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["forgotten"] == true);
  auto after = f.Api(R"({"id":1,"type":"hello"})", mine, kMozOrigin);
  REQUIRE(after);
  CHECK(after->status == 401);  // gone, also from agent-clients.json
  CHECK(f.Call({{"id", 2}, {"type", "hello"}}, theirs, kChromeOrigin)["ok"] == true);
  CHECK(forget(mine, kMozOrigin)->status == 401);  // a forgotten token cannot call again
}

TEST_CASE("a paired token survives a restart, and the whole code (port-digits) is accepted too", "[agent][pairing]") {
  testing::TempDir dir;
  std::string token;
  {
    AgentFixture f({}, dir.path());
    std::string code = std::to_string(f.port()) + "-" + f.NewCode();
    auto r = f.Pair(code, kChromeOrigin);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    token = json::parse(r->body)["token"];
  }
  AgentFixture g({}, dir.path());
  CHECK(g.Call({{"id", 1}, {"type", "hello"}}, token, kChromeOrigin)["ok"] == true);
}

TEST_CASE("a pairing code expires after 10 minutes and is void after 5 wrong tries", "[agent][pairing]") {
  AgentFixture f;
  std::string code = f.NewCode();
  f.clock().Advance(std::chrono::minutes(10));
  auto late = f.Pair(code, kChromeOrigin);
  REQUIRE(late);
  CHECK(late->status == 403);
  CHECK(json::parse(late->body)["error"]["code"] == "no_code");

  code = f.NewCode();
  std::string wrong = code == "000000" ? "000001" : "000000";
  for (int i = 0; i < 4; ++i) {
    auto r = f.Pair(wrong, kChromeOrigin);
    REQUIRE(r);
    CHECK(json::parse(r->body)["error"]["code"] == "wrong_code");
  }
  auto fifth = f.Pair(wrong, kChromeOrigin);
  REQUIRE(fifth);
  CHECK(json::parse(fifth->body)["error"]["code"] == "no_code");  // the fifth wrong try voids it
  auto right = f.Pair(code, kChromeOrigin);
  REQUIRE(right);
  CHECK(right->status == 403);
  CHECK(f.agent().pairing().client_count() == 0);
}

TEST_CASE("a paired token gets 429 past 50 requests a second, the agent secret is not limited", "[agent]") {
  AgentFixture f;
  auto r = f.Pair(f.NewCode(), kChromeOrigin);
  REQUIRE(r);
  std::string token = json::parse(r->body)["token"];
  const std::string hello = R"({"id":1,"type":"hello"})";
  for (int i = 0; i < 50; ++i) REQUIRE(f.Api(hello, token, kChromeOrigin)->status == 200);
  auto over = f.Api(hello, token, kChromeOrigin);
  REQUIRE(over);
  CHECK(over->status == 429);
  CHECK(over->get_header_value("Retry-After") == "1");
  for (int i = 0; i < 60; ++i) REQUIRE(f.Api(hello)->status == 200);  // the user's own programs
  f.steady().ms += 1000;  // a second later the token may go on
  CHECK(f.Api(hello, token, kChromeOrigin)->status == 200);
}

// Every other request is a durable submission.record (a commit each), the rest hello.
TEST_CASE("10 clients x 1000 requests at once, 0 errors, every record in SQLite", "[agent][load]") {
  AgentFixture f;
  constexpr int kClients = 10, kRequests = 1000;
  std::atomic<int> errors{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", f.port());
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(60, 0);
      httplib::Headers h{{"Authorization", "Bearer " + f.secret()}};
      for (int i = 0; i < kRequests; ++i) {
        std::string id = "load-" + std::to_string(c) + "-" + std::to_string(i);
        json req = i % 2 ? json{{"id", id}, {"type", "hello"}} : Record(id);
        auto r = client.Post("/api", h, req.dump(), "application/json");
        if (!r || r->status != 200 || json::parse(r->body)["ok"] != true) ++errors;
      }
    });
  }
  for (auto& t : clients) t.join();
  CHECK(errors == 0);
  json stats = f.Call({{"id", "s"}, {"type", "stats"}});
  CHECK(stats["result"]["total"] == kClients * kRequests / 2);
  json verify = f.Call({{"id", "v"}, {"type", "history.verify"}});
  CHECK(verify["result"]["intact"] == true);
}

}  // namespace objector
