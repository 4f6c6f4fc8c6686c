// The dashboard over real HTTP (cpp-httplib on 127.0.0.1) and a real SQLite file: the login flow,
// the cookie, every page, the CSP, escaping, and that exports are byte for byte `objector export`.
#include "agent/dashboard.h"

#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "agent/dashboard_pages.h"
#include "cli/cli.h"
#include "handlers/handlers.h"
#include "testing/fixtures.h"

namespace objector {
namespace {

using nlohmann::json;
using std::chrono::system_clock;

// A clock the test moves forward (login and session expiry).
class StepClock : public Clock {
 public:
  system_clock::time_point Now() const override { return system_clock::time_point(std::chrono::seconds(now_s_.load())); }
  void Advance(std::chrono::seconds s) { now_s_ += s.count(); }

 private:
  std::atomic<int64_t> now_s_{1795625700};  // 2026-11-25T15:35:00Z
};

const char kHostileReason[] = "<img src=x onerror=alert(1)> \"quoted\" & <script>alert(2)</script>";
const char kHostileEmail[] = "o'neil&co@example.org";

// A dashboard on a free loopback port over a store in a temp folder, with three records (one
// failed with a hostile reason, one from an account whose address needs escaping).
class DashboardFixture {
 public:
  DashboardFixture() : ctx_(dir_.path(), clock_) {
    state_.data_dir = dir_.path();
    state_.secret = std::string(64, 'a');
    state_.clock = &clock_;
    state_.call = [this](const json& request) {
      std::lock_guard<std::mutex> lock(mu_);
      auto frames = HandleFrame(ctx_, request.dump());
      json first = json::parse(frames.at(0));
      if (!first.contains("chunk")) return first;
      std::string data;
      for (const auto& f : frames) data += json::parse(f)["data"].get<std::string>();
      return json{{"id", first["id"]}, {"ok", true}, {"result", json::parse(data)}};
    };
    RegisterDashboard(server_, state_);
    state_.port = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

    json a = testing::SubmissionJson("c-1");
    json b = testing::SubmissionJson("c-2");
    b["platform"] = "instagram";
    b["form_url"] = "https://help.instagram.com/contact/767264225370182";
    b["form_id"] = "767264225370182";
    b["account_email"] = kHostileEmail;
    b["occurred_at"] = "2026-11-25T17:00:00Z";
    json c = testing::SubmissionJson("c-3");
    c["status"] = "failed";
    c["reason"] = kHostileReason;
    c["occurred_at"] = "2026-11-25T18:00:00Z";
    for (const json& s : {a, b, c}) REQUIRE(Call("submission.record", {{"submission", s}})["ok"] == true);
  }
  ~DashboardFixture() {
    server_.stop();
    thread_.join();
  }

  json Call(const std::string& type, json fields = json::object()) {
    fields["id"] = 7;
    fields["type"] = type;
    return state_.call(fields);
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", state_.port);
    c.set_keep_alive(false);
    return c;
  }
  // POST /login/new with the agent secret: the one-time URL's path and query.
  std::string NewLoginPath() {
    auto r = Client().Post("/login/new", {{"Authorization", "Bearer " + state_.secret}}, "", "text/plain");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    std::string url = json::parse(r->body)["url"].get<std::string>();
    std::string prefix = "http://127.0.0.1:" + std::to_string(state_.port);
    REQUIRE(url.rfind(prefix + "/login?t=", 0) == 0);
    return url.substr(prefix.size());
  }
  // A signed-in session's Cookie header value.
  std::string SignIn() {
    auto r = Client().Get(NewLoginPath().c_str());
    REQUIRE(r);
    REQUIRE(r->status == 303);
    std::string set = r->get_header_value("Set-Cookie");
    return set.substr(0, set.find(';'));
  }
  httplib::Result Get(const std::string& path, const std::string& cookie, const std::string& lang = "en") {
    httplib::Headers h{{"Accept-Language", lang}};
    if (!cookie.empty()) h.emplace("Cookie", cookie);
    return Client().Get(path.c_str(), h);
  }
  std::string CliExport(const std::string& format) {
    std::string data_dir = dir_.path();
    EnvLookup env = [data_dir](const char* name) { return std::string(name) == "OBJECTOR_DATA_DIR" ? data_dir : ""; };
    std::istringstream in;
    std::ostringstream out, err;
    REQUIRE(RunCli({"export", "--format", format}, env, clock_, in, out, err) == 0);
    return out.str();
  }

  StepClock clock_;
  AgentState state_;

 private:
  testing::TempDir dir_;
  std::mutex mu_;
  Context ctx_;
  httplib::Server server_;
  std::thread thread_;
};

const char* const kPages[] = {"/", "/history", "/history?offset=1", "/report", "/export", "/export/csv",
                              "/export/json", "/export/html", "/export/bundle", "/verify"};

}  // namespace

TEST_CASE("dashboard: a login link opens one session, once, with a strict cookie", "[dashboard]") {
  DashboardFixture f;
  std::string path = f.NewLoginPath();
  auto r = f.Client().Get(path.c_str());
  REQUIRE(r);
  CHECK(r->status == 303);
  CHECK(r->get_header_value("Location") == "/");
  std::string set = r->get_header_value("Set-Cookie");
  CHECK(std::regex_match(set, std::regex("objector_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/")));
  CHECK(set.find("Max-Age") == std::string::npos);  // a session cookie: it ends with the browser, the id with the agent
  std::string cookie = set.substr(0, set.find(';'));
  CHECK(f.Get("/", cookie)->status == 200);

  auto again = f.Client().Get(path.c_str());  // the same link a second time
  REQUIRE(again);
  CHECK(again->status == 401);
  CHECK(!again->has_header("Set-Cookie"));
  CHECK(again->body.find("objector open") != std::string::npos);
}

TEST_CASE("dashboard: a wrong or expired login token opens nothing", "[dashboard]") {
  DashboardFixture f;
  std::string path = f.NewLoginPath();
  std::string wrong = path;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  for (const std::string& p : {wrong, std::string("/login"), std::string("/login?t="), path + "0"}) {
    auto r = f.Client().Get(p.c_str());
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(!r->has_header("Set-Cookie"));
  }
  f.clock_.Advance(std::chrono::seconds(61));  // valid 60 s
  auto late = f.Client().Get(path.c_str());
  REQUIRE(late);
  CHECK(late->status == 401);

  std::string fresh = f.NewLoginPath();  // a fresh link still works: the wrong tries voided nothing else
  auto ok = f.Client().Get(fresh.c_str());
  REQUIRE(ok);
  CHECK(ok->status == 303);
}

TEST_CASE("dashboard: /login/new needs the agent secret and no Origin", "[dashboard]") {
  DashboardFixture f;
  struct Row {
    const char* what;
    httplib::Headers headers;
    int status;
  };
  const Row rows[] = {
      {"no Authorization", {}, 401},
      {"a wrong secret", {{"Authorization", "Bearer " + std::string(64, 'b')}}, 401},
      {"the secret without Bearer", {{"Authorization", std::string(64, 'a')}}, 401},
      {"a web page's request with the secret", {{"Authorization", "Bearer " + std::string(64, 'a')}, {"Origin", "https://evil.example"}}, 403},
  };
  for (const auto& row : rows) {
    INFO(row.what);
    auto r = f.Client().Post("/login/new", row.headers, "", "text/plain");
    REQUIRE(r);
    CHECK(r->status == row.status);
    CHECK(r->body.find("login?t=") == std::string::npos);
  }
}

TEST_CASE("dashboard: a session ends after 12 hours unused, and use keeps it", "[dashboard]") {
  DashboardFixture f;
  std::string cookie = f.SignIn();
  f.clock_.Advance(std::chrono::hours(11));
  CHECK(f.Get("/verify", cookie)->status == 200);  // used: 12 h from now again
  f.clock_.Advance(std::chrono::hours(11));
  CHECK(f.Get("/verify", cookie)->status == 200);
  f.clock_.Advance(std::chrono::hours(12) + std::chrono::seconds(1));
  CHECK(f.Get("/verify", cookie)->status == 401);
}

TEST_CASE("dashboard: no page is reachable without the session cookie", "[dashboard]") {
  DashboardFixture f;
  f.SignIn();  // a live session exists; these requests do not carry it
  for (const std::string& cookie : {std::string(), std::string("objector_session="),
                                    "objector_session=" + std::string(64, 'c'), std::string("other=1")}) {
    for (const char* page : kPages) {
      INFO(page << " with Cookie: " << cookie);
      auto r = f.Get(page, cookie);
      REQUIRE(r);
      CHECK(r->status == 401);
      CHECK(r->body.find("objector open") != std::string::npos);
      CHECK(r->body.find("anna.schmidt") == std::string::npos);
      CHECK(r->get_header_value("Content-Security-Policy") == kDashboardCsp);
      CHECK(!r->has_header("Content-Disposition"));
    }
  }
}

TEST_CASE("dashboard: every page renders the real store with the CSP and every value escaped", "[dashboard]") {
  DashboardFixture f;
  std::string cookie = f.SignIn();
  for (const char* page : kPages) {
    INFO(page);
    auto r = f.Get(page, cookie);
    REQUIRE(r);
    CHECK(r->status == 200);
    std::string csp = r->get_header_value("Content-Security-Policy");
    if (std::string(page) == "/report") {
      CHECK(std::regex_match(csp, std::regex("default-src 'none'; style-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+; "
                                             "img-src data:; frame-src 'none'; form-action 'none'; "
                                             "frame-ancestors 'none'; base-uri 'none'")));
    } else {
      CHECK(csp == kDashboardCsp);
    }
    CHECK(r->get_header_value("Cache-Control") == "no-store");
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(r->get_header_value("Access-Control-Allow-Origin").empty());
    if (r->get_header_value("Content-Type").rfind("text/html", 0) != 0 || std::string(page) == "/export/html" ||
        std::string(page) == "/report") {
      continue;  // exports and the report are the exporters' own output (their escaping is tested there)
    }
    CHECK(r->body.find("<script") == std::string::npos);
    CHECK(r->body.find("<img") == std::string::npos);
    CHECK(r->body.find(" style=") == std::string::npos);
    CHECK(r->body.find("<link rel=\"stylesheet\" href=\"/style.css\">") != std::string::npos);
  }
  auto history = f.Get("/history", cookie);
  CHECK(history->body.find("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; &lt;script&gt;") !=
        std::string::npos);
  CHECK(history->body.find("o&#39;neil&amp;co@example.org") != std::string::npos);
  CHECK(history->body.find("3 objections") != std::string::npos);
  CHECK(history->body.find("Show older") == std::string::npos);  // 3 of 3 shown
  auto second = f.Get("/history?offset=1", cookie);
  CHECK(second->body.find("href=\"/history?offset=0\"") != std::string::npos);  // back to the newest
  CHECK(second->body.find("Failed") == std::string::npos);  // the failed one is the newest, on the first page

  auto verify = f.Get("/verify", cookie);
  std::string head = f.Call("history.verify")["result"]["chain_head"].get<std::string>();
  CHECK(verify->body.find("Intact: nothing was changed (events checked: 3, files checked: 0).") != std::string::npos);
  CHECK(verify->body.find(head) != std::string::npos);

  auto css = f.Get("/style.css", "");  // the stylesheet needs no cookie (the 401 page uses it)
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->body.find("--accent: #0b57d0") != std::string::npos);
}

TEST_CASE("dashboard: / shows coverage (coverage.get)", "[dashboard]") {
  DashboardFixture f;
  std::string cookie = f.SignIn();
  auto r = f.Get("/", cookie);
  REQUIRE(r->status == 200);
  CHECK(r->body.find("<h1>What is covered</h1>") != std::string::npos);
  CHECK(r->body.find("o&#39;neil&amp;co@example.org") != std::string::npos);
}

TEST_CASE("dashboard: exports are byte for byte what objector export writes, as attachments", "[dashboard]") {
  DashboardFixture f;
  std::string cookie = f.SignIn();
  for (const std::string format : {"csv", "json", "html", "bundle"}) {
    INFO(format);
    auto r = f.Get("/export/" + format, cookie);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == f.CliExport(format));
    json meta = f.Call("history.export", {{"format", format}})["result"];
    CHECK(r->get_header_value("Content-Type") == meta["mime"].get<std::string>());
    CHECK(r->get_header_value("Content-Disposition") ==
          "attachment; filename=\"" + meta["filename"].get<std::string>() + "\"");
  }
  auto ics = f.Get("/export/ics", cookie);
  CHECK(ics->status == 200);
  CHECK(ics->body == f.CliExport("ics"));
  CHECK(f.Get("/export", cookie)->body.find("href=\"/export/ics\"") != std::string::npos);
  CHECK(f.Get("/export/nope", cookie)->status == 404);
  CHECK(f.Get("/report", cookie)->body == f.Call("history.export", {{"format", "html"}})["result"]["content"]);
}

TEST_CASE("dashboard: pages speak the browser's language", "[dashboard]") {
  DashboardFixture f;
  std::string cookie = f.SignIn();
  auto de = f.Get("/history", cookie, "de-CH,de;q=0.9,en;q=0.5");
  CHECK(de->body.find("<html lang=\"de\">") != std::string::npos);
  CHECK(de->body.find("3 Widersprüche") != std::string::npos);
  auto pl = f.Get("/verify", "", "pl");
  CHECK(pl->body.find("Uruchom:") != std::string::npos);

  struct Row {
    const char* header;
    const char* lang;
  };
  const Row rows[] = {{"", "en"},          {"fr-BE", "fr"},         {"ja, nl;q=0.2", "nl"},
                      {"es;q=0.3, it;q=0.8", "it"}, {"pt-BR,pt", "en"}, {";;,q=,", "en"},
                      {"EN-gb", "en"},     {"de;q=0.1, pl", "pl"}};
  for (const auto& row : rows) {
    INFO(row.header);
    CHECK(std::string(kDashboardLanguages[PickLanguage(row.header)]) == row.lang);
  }
}

TEST_CASE("dashboard: every text exists in every language with the same placeholders", "[dashboard]") {
  for (int s = 0; s < static_cast<int>(Str::kCount); ++s) {
    std::string en = Text(0, static_cast<Str>(s));
    for (int l = 0; l < kDashboardLanguageCount; ++l) {
      INFO("text " << s << " in " << kDashboardLanguages[l]);
      std::string t = Text(l, static_cast<Str>(s));
      CHECK(!t.empty());
      for (const char* mark : {"{1}", "{2}"}) CHECK((en.find(mark) == std::string::npos) == (t.find(mark) == std::string::npos));
    }
  }
}

TEST_CASE("dashboard: the coverage page shows each row, who covers it and what is due", "[dashboard]") {
  // A coverage.get result in the shape of the contract (s9-contract.md, issue 12).
  json coverage = json::parse(R"({"generated_at": "2026-12-02T10:00:00Z", "links": [],
    "rows": [
      {"account_email": "anna@example.de", "platform": "facebook", "form_kind": "own", "state": "confirmed",
       "last_status": "confirmed", "last_at": "2026-11-25T17:02:00Z", "client_id": "c-1", "covered_through": null, "todo": "none"},
      {"account_email": "anna@example.de", "platform": "instagram", "form_kind": "own", "state": "covered",
       "last_status": null, "last_at": null, "client_id": null,
       "covered_through": {"platform": "facebook", "email": "<b>anna</b>@example.de"}, "todo": "none"},
      {"account_email": "anna@example.de", "platform": "facebook", "form_kind": "third_party", "state": "code-expired",
       "last_status": "awaiting-code", "last_at": "2026-12-01T08:00:00Z", "client_id": "c-9", "covered_through": null,
       "todo": "object-again"}],
    "follow_ups": [{"kind": "code-expired", "client_id": "c-9", "account_email": "anna@example.de",
       "platform": "facebook", "form_kind": "third_party", "since": "2026-12-01T08:00:00Z",
       "due_at": "2026-12-01T09:00:00Z", "due": true}]})");
  std::string html = PageCoverage(0, coverage);
  CHECK(html.find("<td>anna@example.de</td><td>Facebook</td><td>Your own information</td><td>Confirmed</td>"
                  "<td>2026-11-25 17:02 UTC</td><td>Nothing</td>") != std::string::npos);
  CHECK(html.find("Covered by Facebook &lt;b&gt;anna&lt;/b&gt;@example.de") != std::string::npos);
  CHECK(html.find("<tr class=\"todo-object-again\">") != std::string::npos);
  CHECK(html.find("<td>Code expired</td><td>2026-12-01 08:00 UTC</td><td>Object again</td>") != std::string::npos);
  CHECK(html.find("<td>Meta&#39;s code is valid for one hour</td><td>2026-12-01 09:00 UTC <strong>due now</strong></td>") !=
        std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  std::string fr = PageCoverage(2, coverage);
  CHECK(fr.find("S&#39;opposer à nouveau") != std::string::npos);
}

TEST_CASE("dashboard: the report's style hashes are those of its inline styles, srcdoc ones decoded", "[dashboard]") {
  // sha256("a{b:c}") and sha256("p>q{}") in base64 (openssl dgst -sha256 -binary | base64), sorted, once each.
  std::string html = "<style>a{b:c}</style><iframe srcdoc=\"&lt;style&gt;p&gt;q{}&lt;/style&gt;\"></iframe><style>a{b:c}</style>";
  CHECK(InlineStyleHashes(html) ==
        "'sha256-0cRUVYRKwNwnl1hkfkPGjkht16b039TjFdJzmXfFK2o=' 'sha256-NUm1OLqXS4hPsxc1EZSHVANRJaM+y2iQT2w/HXwgBDM='");
}

}  // namespace objector
