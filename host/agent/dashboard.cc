#include "agent/dashboard.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cctype>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>

#include "agent/dashboard_pages.h"
#include "base/digest.h"

namespace objector {
namespace {

using nlohmann::json;
using std::chrono::system_clock;

constexpr auto kLoginLifetime = std::chrono::seconds(60);
constexpr auto kSessionIdle = std::chrono::hours(12);
constexpr size_t kMaxPendingLogins = 16;  // each needs the agent secret; the oldest goes first
constexpr size_t kMaxSessions = 32;
constexpr int kHistoryPageSize = 50;
constexpr char kCookieName[] = "objector_session";

std::string RandomHex32() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no random bytes from OpenSSL");
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

// One-time login tokens and the sessions they open, in memory only, kept by their SHA-256 (a map
// lookup then reveals nothing about a secret's bytes through its timing).
class Sessions {
 public:
  explicit Sessions(const Clock& clock) : clock_(clock) {}

  std::string NewLogin() {
    std::lock_guard<std::mutex> lock(mu_);
    Prune();
    if (logins_.size() >= kMaxPendingLogins) logins_.erase(Oldest(logins_));
    std::string token = RandomHex32();
    logins_[Sha256Hex(token)] = clock_.Now() + kLoginLifetime;
    return token;
  }

  // A new session id for a valid login token (which is used up), else "".
  std::string Redeem(const std::string& token) {
    std::lock_guard<std::mutex> lock(mu_);
    Prune();
    auto it = logins_.find(Sha256Hex(token));
    if (token.empty() || it == logins_.end()) return "";
    logins_.erase(it);
    if (sessions_.size() >= kMaxSessions) sessions_.erase(Oldest(sessions_));
    std::string id = RandomHex32();
    sessions_[Sha256Hex(id)] = clock_.Now() + kSessionIdle;
    return id;
  }

  // True for a live session, whose idle time starts again.
  bool Use(const std::string& id) {
    if (id.empty()) return false;
    std::lock_guard<std::mutex> lock(mu_);
    Prune();
    auto it = sessions_.find(Sha256Hex(id));
    if (it == sessions_.end()) return false;
    it->second = clock_.Now() + kSessionIdle;
    return true;
  }

 private:
  using Expiries = std::map<std::string, system_clock::time_point>;
  static Expiries::iterator Oldest(Expiries& m) {
    auto oldest = m.begin();
    for (auto it = m.begin(); it != m.end(); ++it) {
      if (it->second < oldest->second) oldest = it;
    }
    return oldest;
  }
  void Prune() {
    auto now = clock_.Now();
    for (Expiries* m : {&logins_, &sessions_}) {
      for (auto it = m->begin(); it != m->end();) it = it->second <= now ? m->erase(it) : std::next(it);
    }
  }

  const Clock& clock_;
  std::mutex mu_;
  Expiries logins_;    // sha256(token) -> expiry
  Expiries sessions_;  // sha256(id) -> expiry (last use + 12 h)
};

std::string SessionCookie(const httplib::Request& req) {
  const std::string prefix = std::string(kCookieName) + "=";
  for (size_t i = 0; i < req.get_header_value_count("Cookie"); ++i) {
    std::string header = req.get_header_value("Cookie", i);
    size_t pos = 0;
    while (pos < header.size()) {
      size_t end = header.find(';', pos);
      if (end == std::string::npos) end = header.size();
      size_t start = header.find_first_not_of(' ', pos);
      if (start < end && header.compare(start, prefix.size(), prefix) == 0) {
        return header.substr(start + prefix.size(), end - start - prefix.size());
      }
      pos = end + 1;
    }
  }
  return "";
}

void SecurityHeaders(httplib::Response& res, const std::string& csp = kDashboardCsp) {
  res.set_header("Content-Security-Policy", csp);
  for (const auto& [name, value] : {std::pair<const char*, const char*>{"Cache-Control", "no-store"},
                                    {"X-Content-Type-Options", "nosniff"},
                                    {"Referrer-Policy", "no-referrer"}}) {
    if (!res.has_header(name)) res.set_header(name, value);
  }
}

void SendHtml(httplib::Response& res, int status, const std::string& html, const std::string& csp = kDashboardCsp) {
  res.status = status;
  SecurityHeaders(res, csp);
  res.set_content(html, "text/html; charset=utf-8");
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  SecurityHeaders(res);
  res.set_content(body.dump(), "application/json");
}

// One request through the handler table: the reply envelope.
json Ask(AgentState& state, const std::string& type, json fields = json::object()) {
  fields["id"] = 1;
  fields["type"] = type;
  return state.call(fields);
}

std::string ErrorCodeOf(const json& reply) {
  if (reply.value("ok", false)) return "";
  const json& e = reply.value("error", json::object());
  return e.is_object() ? e.value("code", "internal") : "internal";
}

void SendUnavailable(httplib::Response& res, int lang, const json& reply) {
  const json& e = reply.value("error", json::object());
  std::string message = e.is_object() ? e.value("message", "") : "";
  SendHtml(res, 503, PageMessage(lang, Str::kUnavailable, message));
}

// A file name safe in a Content-Disposition header: [A-Za-z0-9._-] kept, anything else "_".
std::string SafeFileName(const std::string& name) {
  std::string out;
  for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_') ? c : '_';
  return out.empty() ? "objector-export" : out;
}

using PageHandler = std::function<void(const httplib::Request&, httplib::Response&, int lang)>;

struct Dashboard {
  AgentState& state;
  Sessions sessions;

  void Touch() {
    if (state.touch) state.touch();
  }

  // A page that needs the session cookie: 401 with the sign-in page without one.
  httplib::Server::Handler Page(PageHandler handler) {
    return [this, handler](const httplib::Request& req, httplib::Response& res) {
      Touch();
      int lang = PickLanguage(req.get_header_value("Accept-Language"));
      if (!sessions.Use(SessionCookie(req))) {
        SendHtml(res, 401, PageSignIn(lang, false));
        return;
      }
      handler(req, res, lang);
    };
  }

  void NewLogin(const httplib::Request& req, httplib::Response& res) {
    Touch();
    if (req.has_header("Origin")) {
      SendJson(res, 403, {{"ok", false}, {"error", {{"code", "forbidden_origin"}, {"message", "a login is for a local program (objector open), not a page"}}}});
      return;
    }
    std::string auth = req.get_header_value("Authorization");
    if (auth.compare(0, 7, "Bearer ") != 0 || !SameSecret(auth.substr(7), state.secret)) {
      SendJson(res, 401, {{"ok", false}, {"error", {{"code", "unauthorized"}, {"message", "the agent secret of agent.json is needed"}}}});
      return;
    }
    std::string url = "http://127.0.0.1:" + std::to_string(state.port) + "/login?t=" + sessions.NewLogin();
    SendJson(res, 200, {{"url", url}});
  }

  void Login(const httplib::Request& req, httplib::Response& res) {
    Touch();
    int lang = PickLanguage(req.get_header_value("Accept-Language"));
    std::string id = sessions.Redeem(req.get_param_value("t"));
    if (id.empty()) {
      SendHtml(res, 401, PageSignIn(lang, true));
      return;
    }
    SecurityHeaders(res);
    res.set_header("Set-Cookie", std::string(kCookieName) + "=" + id + "; HttpOnly; SameSite=Strict; Path=/");
    res.set_redirect("/", 303);
  }

  void Coverage(const httplib::Request&, httplib::Response& res, int lang) {
    json reply = Ask(state, "coverage.get");
    if (reply.value("ok", false)) return SendHtml(res, 200, PageCoverage(lang, reply["result"]));
    // Until coverage.get is in the handler table: the history's summary.
    if (ErrorCodeOf(reply) == "unknown_type") reply = Ask(state, "stats");
    if (!reply.value("ok", false)) return SendUnavailable(res, lang, reply);
    SendHtml(res, 200, PageSummary(lang, reply["result"]));
  }

  void History(const httplib::Request& req, httplib::Response& res, int lang) {
    std::string o = req.get_param_value("offset");
    int offset = 0;
    if (!o.empty() && o.size() <= 9 && o.find_first_not_of("0123456789") == std::string::npos) offset = std::stoi(o);
    json reply = Ask(state, "history.list", {{"offset", offset}, {"limit", kHistoryPageSize}});
    if (!reply.value("ok", false)) return SendUnavailable(res, lang, reply);
    SendHtml(res, 200, PageHistory(lang, reply["result"], offset, kHistoryPageSize));
  }

  // The printable report as the export makes it; the CSP admits exactly its own inline styles.
  void Report(const httplib::Request&, httplib::Response& res, int lang) {
    json reply = Ask(state, "history.export", {{"format", "html"}});
    if (!reply.value("ok", false)) return SendUnavailable(res, lang, reply);
    std::string html = reply["result"].value("content", "");
    std::string csp = kDashboardCsp;
    std::string hashes = InlineStyleHashes(html);
    if (!hashes.empty()) csp.replace(csp.find("style-src 'self'"), 16, "style-src 'self' " + hashes);
    SendHtml(res, 200, html, csp);
  }

  void ExportList(const httplib::Request&, httplib::Response& res, int lang) {
    json hello = Ask(state, "hello");
    bool with_ics = false;
    if (hello.value("ok", false)) {
      for (const auto& t : hello["result"].value("capabilities", json::array())) with_ics |= t == "coverage.get";
    }
    SendHtml(res, 200, PageExport(lang, with_ics));
  }

  void Export(const httplib::Request& req, httplib::Response& res, int lang) {
    json reply = Ask(state, "history.export", {{"format", req.matches[1].str()}});
    std::string code = ErrorCodeOf(reply);
    if (code == "invalid_value") return SendHtml(res, 404, PageMessage(lang, Str::kNotFound, ""));
    if (!code.empty()) return SendUnavailable(res, lang, reply);
    const json& r = reply["result"];
    std::string content = r.value("content", "");
    if (r.value("encoding", "utf-8") == "base64") {
      auto decoded = Base64Decode(content);
      if (!decoded) return SendHtml(res, 500, PageMessage(lang, Str::kUnavailable, "the export was not valid base64"));
      content = std::move(*decoded);
    }
    res.status = 200;
    SecurityHeaders(res);
    res.set_header("Content-Disposition", "attachment; filename=\"" + SafeFileName(r.value("filename", "")) + "\"");
    res.set_content(content, r.value("mime", "application/octet-stream"));
  }

  void Verify(const httplib::Request&, httplib::Response& res, int lang) {
    json reply = Ask(state, "history.verify");
    if (!reply.value("ok", false)) return SendUnavailable(res, lang, reply);
    SendHtml(res, 200, PageVerify(lang, reply["result"]));
  }
};

}  // namespace

void RegisterDashboard(httplib::Server& server, AgentState& state) {
  static const SystemClock kSystemClock;
  auto d = std::shared_ptr<Dashboard>(new Dashboard{state, Sessions(state.clock ? *state.clock : kSystemClock)});
  auto page = [d](void (Dashboard::*fn)(const httplib::Request&, httplib::Response&, int)) {
    return d->Page([d, fn](const httplib::Request& req, httplib::Response& res, int lang) {
      ((*d).*fn)(req, res, lang);
    });
  };
  server.Post("/login/new", [d](const httplib::Request& req, httplib::Response& res) { d->NewLogin(req, res); });
  server.Get("/login", [d](const httplib::Request& req, httplib::Response& res) { d->Login(req, res); });
  server.Get("/style.css", [d](const httplib::Request&, httplib::Response& res) {
    d->Touch();
    res.status = 200;
    SecurityHeaders(res);
    res.set_content(DashboardStyle(), "text/css; charset=utf-8");
  });
  server.Get("/", page(&Dashboard::Coverage));
  server.Get("/history", page(&Dashboard::History));
  server.Get("/report", page(&Dashboard::Report));
  server.Get("/export", page(&Dashboard::ExportList));
  server.Get("/export/([a-z]{1,16})", page(&Dashboard::Export));
  server.Get("/verify", page(&Dashboard::Verify));
  // The other method on a dashboard path: 405 naming the one it takes.
  auto wrong_method = [d](const char* allow) {
    return [d, allow](const httplib::Request&, httplib::Response& res) {
      d->Touch();
      res.set_header("Allow", allow);
      SendJson(res, 405, {{"ok", false}, {"error", {{"code", "method_not_allowed"}, {"message", std::string("use ") + allow}}}});
    };
  };
  server.Get("/login/new", wrong_method("POST"));
  for (const char* path : {"/login", "/style.css", "/", "/history", "/report", "/export", "/export/([a-z]{1,16})", "/verify"}) {
    server.Post(path, wrong_method("GET"));
  }
}

}  // namespace objector
