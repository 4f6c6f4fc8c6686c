#include "agent/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <nlohmann/json.hpp>

#include "agent/agent_files.h"
#include "base/digest.h"
#include "base/paths.h"
#include "handlers/handlers.h"

#if defined(OBJECTOR_HAVE_DASHBOARD)
#include "agent/dashboard.h"
#endif

namespace objector {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

namespace {

// What the guard learnt about the request this thread is answering: whether the connection must
// close after the reply (every refusal: its body may be unread) and the reason for the log line.
struct RequestNote {
  bool close = false;
  bool guarded = false;  // the guard already let this request through (at its Expect: 100-continue)
  std::string reason;
};
thread_local RequestNote t_note;

constexpr milliseconds kStopSlice{100};

// A socket as httplib's Stream, with poll() timeouts cut in slices so that Stop() is seen soon, and
// a read buffer kept for the whole connection (httplib reads request lines byte by byte).
class PollStream : public httplib::Stream {
 public:
  PollStream(int fd, const std::atomic<socket_t>& listener, milliseconds read_timeout)
      : fd_(fd), listener_(listener), read_timeout_(read_timeout) {}

  bool is_readable() const override { return off_ < len_ || Wait(POLLIN, read_timeout_); }
  bool is_writable() const override { return Wait(POLLOUT, read_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (off_ == len_) {
      if (!Wait(POLLIN, read_timeout_)) return -1;
      if (size >= buf_.size()) return Recv(ptr, size);
      ssize_t n = Recv(buf_.data(), buf_.size());
      if (n <= 0) return n;
      off_ = 0;
      len_ = static_cast<size_t>(n);
    }
    size_t n = std::min(size, len_ - off_);
    std::memcpy(ptr, buf_.data() + off_, n);
    off_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    for (;;) {
      ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Address(true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Address(false, ip, port); }
  socket_t socket() const override { return fd_; }

  // True when a next request has begun to arrive within `timeout` (kept-alive connections).
  bool WaitForRequest(milliseconds timeout) const { return off_ < len_ || Wait(POLLIN, timeout); }

 private:
  bool Wait(short events, milliseconds timeout) const {
    auto deadline = steady_clock::now() + timeout;
    for (;;) {
      if (listener_ == INVALID_SOCKET) return false;  // the server is stopping
      auto left = std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, events, 0};
      int r = ::poll(&p, 1, static_cast<int>(std::min(left, kStopSlice).count()));
      if (r > 0) return true;
      if (r < 0 && errno != EINTR) return false;
    }
  }

  ssize_t Recv(char* into, size_t size) {
    for (;;) {
      ssize_t n = ::recv(fd_, into, size, 0);
      if (n < 0 && errno == EINTR) continue;
      return n;
    }
  }

  void Address(bool remote, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int r = remote ? getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len)
                   : getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    if (r != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
      port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
      port = ntohs(a->sin6_port);
    }
    ip = text;
  }

  int fd_;
  const std::atomic<socket_t>& listener_;
  milliseconds read_timeout_;
  std::array<char, 4096> buf_{};
  size_t off_ = 0, len_ = 0;
};

// SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let a second listener (another
// agent, or another program of this user) share the port and take a share of the requests.
void ExclusivePortOptions(socket_t sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

bool MachineHasIpv6() {
  int s = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0) return false;
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  a.sin6_addr = in6addr_loopback;
  bool ok = ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(s);
  return ok;
}

// Constant-time comparison of two secrets.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The path as it may appear in a log line: printable ASCII, at most 64 characters.
std::string LoggablePath(const std::string& path) {
  std::string out;
  for (char c : path.substr(0, 64)) out += (c > 32 && c < 127) ? c : '?';
  return path.size() > 64 ? out + "..." : out;
}

const char* ReasonForStatus(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 416: return "bad_range";
    case 503: return "unavailable";
    default: return "refused";
  }
}

// A refusal: JSON {"ok":false,"error":{"code","message"}}, and the connection closes after it.
// The bearer credential; "" when absent or not one "Bearer <token>" header.
std::string Bearer(const httplib::Request& req) {
  if (req.get_header_value_count("Authorization") != 1) return "";
  std::string v = req.get_header_value("Authorization");
  if (v.size() < 8 || Lower(v.substr(0, 7)) != "bearer ") return "";
  return v.substr(7);
}

void Refuse(httplib::Response& res, int status, const char* code, const std::string& message) {
  res.status = status;
  res.set_header("Connection", "close");
  res.set_content(json{{"ok", false}, {"error", {{"code", code}, {"message", message}}}}.dump(), "application/json");
  t_note.close = true;
  t_note.reason = code;
}

// One token bucket per key: `rate` requests a second, bursts up to `rate`.
class RateLimiter {
 public:
  RateLimiter(int rate, std::function<steady_clock::time_point()> now) : rate_(rate), now_(std::move(now)) {}
  bool Allow(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto t = now_();
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{static_cast<double>(rate_), t});
    Bucket& b = it->second;
    if (!fresh) {
      double seconds = std::chrono::duration<double>(t - b.last).count();
      b.tokens = std::min<double>(rate_, b.tokens + seconds * rate_);
      b.last = t;
    }
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

 private:
  struct Bucket {
    double tokens;
    steady_clock::time_point last;
  };
  int rate_;
  std::function<steady_clock::time_point()> now_;
  std::mutex mutex_;
  std::map<std::string, Bucket> buckets_;
};

// The reply envelope as one JSON text: HandleFrame's chunk frames (a reply over the browsers'
// 1 MiB limit) joined back into {"id","ok":true,"result"}: HTTP has no such limit.
std::string JoinFrames(const std::vector<std::string>& frames) {
  if (frames.size() == 1) return frames[0];
  json first = json::parse(frames[0]);
  std::string out = "{\"id\":" + first["id"].dump() + ",\"ok\":true,\"result\":";
  for (const auto& f : frames) out += json::parse(f)["data"].get<std::string>();
  return out + "}";
}

}  // namespace

// httplib's Server with our connection loop: one stream per connection, at most `max_requests`
// requests on it, idle kept-alive connections closed after `keep_alive`, and the connection closed
// after any refusal (so a refused request's unread body is never parsed as a next request).
class LoopbackHttp : public httplib::Server {
 public:
  LoopbackHttp(milliseconds read_timeout, milliseconds keep_alive)
      : read_timeout_(read_timeout), keep_alive_(keep_alive) {}
  ~LoopbackHttp() override { CloseListener(); }

  // Closes the listening socket (wakes the accept loop); requests in progress finish.
  void CloseListener() {
    socket_t s = svr_sock_.exchange(INVALID_SOCKET);
    if (s != INVALID_SOCKET) {
      ::shutdown(s, SHUT_RDWR);
      ::close(s);
    }
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    // httplib writes the status line and headers, then the body, in two sends: without this, Nagle's
    // algorithm holds the body until the client's delayed ACK (40 ms per request on Linux).
    int yes = 1;
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    PollStream strm(sock, svr_sock_, read_timeout_);
    bool ok = true;
    for (int left = kMaxRequestsPerConnection; left > 0; --left) {
      if (!strm.WaitForRequest(keep_alive_)) break;
      t_note = {};
      bool closed = false;
      ok = process_request(strm, left == 1, closed, nullptr);
      if (!ok || closed || t_note.close) break;
    }
    if (t_note.close) LingeringClose(sock);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
  }

  // After a refusal the client may still be sending the body we did not read: closing at once would
  // reset the connection and lose our answer. Like Apache's lingering close: stop writing, discard
  // what arrives for a bounded time and size (never kept), then close.
  static void LingeringClose(socket_t sock) {
    ::shutdown(sock, SHUT_WR);
    auto deadline = steady_clock::now() + std::chrono::seconds(2);
    size_t discarded = 0;
    char buf[16384];
    while (discarded < kMaxDiscardBytes) {
      auto left = std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now()).count();
      if (left <= 0) break;
      pollfd p{sock, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
      ssize_t n = ::recv(sock, buf, sizeof buf, 0);
      if (n <= 0) break;
      discarded += static_cast<size_t>(n);
    }
  }

  static constexpr int kMaxRequestsPerConnection = 1000;
  static constexpr size_t kMaxDiscardBytes = 16 * 1024 * 1024;
  milliseconds read_timeout_, keep_alive_;
};

// Every request's first check (httplib's pre-routing handler), in the order of host/PROTOCOL.md.
class AgentServer::Guard {
 public:
  Guard(AgentServer& agent)
      : agent_(agent),
        limiter_(agent.options_.max_requests_per_second,
                 agent.options_.steady_now ? agent.options_.steady_now : [] { return steady_clock::now(); }) {
    std::string p = std::to_string(agent.port_);
    hosts_ = {"127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p};
  }

  httplib::Server::HandlerResponse operator()(const httplib::Request& req, httplib::Response& res) {
    using R = httplib::Server::HandlerResponse;
    agent_.Touch();
    if (!HostAllowed(req)) {
      Refuse(res, 421, "misdirected_request", "Host must be 127.0.0.1:PORT, localhost:PORT or [::1]:PORT");
      return R::Handled;
    }
    if (HasDotSegment(req.path)) {
      Refuse(res, 400, "bad_path", "the path has a . or .. segment");
      return R::Handled;
    }
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
      res.set_header("Allow", "GET, HEAD, POST");
      Refuse(res, 405, "method_not_allowed", "this server answers GET, HEAD and POST only");
      return R::Handled;
    }
    if (req.method == "POST" && !BodySizeOk(req, res)) return R::Handled;
    const bool ours = req.path == "/api" || req.path == "/pair" || req.path == "/pair/code" ||
                      req.path == "/pair/revoke" || req.path == "/pair/forget";
    if (!ours) return R::Unhandled;  // the dashboard's routes, or httplib's 404
    if (req.method != "POST") {
      res.set_header("Allow", "POST");
      Refuse(res, 405, "method_not_allowed", req.path + " takes POST only");
      return R::Handled;
    }
    // /pair/forget: a paired token unpairs itself, under the same checks as /api.
    bool refused = (req.path == "/api" || req.path == "/pair/forget") ? !ApiAllowed(req, res)
                   : req.path == "/pair"                             ? !PairAllowed(req, res)
                                                                     : !LocalProgramOnly(req, res);
    return refused ? R::Handled : R::Unhandled;
  }

  // An extension origin that may call: chrome-extension://<allowed id>, or any moz-extension://<uuid>
  // (Firefox's uuid is random per profile; a token pins the one it was paired from).
  bool IsExtensionOrigin(const std::string& origin) const {
    static const std::string kChrome = "chrome-extension://", kMoz = "moz-extension://";
    if (origin.rfind(kChrome, 0) == 0) {
      std::string id = origin.substr(kChrome.size());
      for (const auto& allowed : agent_.options_.chromium_ids) {
        if (id == allowed) return true;
      }
      return false;
    }
    if (origin.rfind(kMoz, 0) == 0) {
      std::string uuid = origin.substr(kMoz.size());
      return uuid.size() == 36 && uuid.find_first_not_of("0123456789abcdef-") == std::string::npos;
    }
    return false;
  }

  RateLimiter& limiter() { return limiter_; }

 private:
  bool HostAllowed(const httplib::Request& req) const {
    if (req.get_header_value_count("Host") != 1) return false;
    std::string host = Lower(req.get_header_value("Host"));
    for (const auto& h : hosts_) {
      if (host == h) return true;
    }
    return false;
  }

  static bool HasDotSegment(const std::string& path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string::npos) end = path.size();
      std::string seg = path.substr(start, end - start);
      if (seg == "." || seg == ".." || seg.find('\\') != std::string::npos) return true;
      start = end + 1;
    }
    return path.find('\0') != std::string::npos;
  }

  bool BodySizeOk(const httplib::Request& req, httplib::Response& res) const {
    if (req.has_header("Transfer-Encoding") || req.get_header_value_count("Content-Length") != 1) {
      Refuse(res, 411, "length_required", "a POST needs one Content-Length (no Transfer-Encoding)");
      return false;
    }
    const std::string v = req.get_header_value("Content-Length");
    if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos) {
      Refuse(res, 400, "bad_request", "Content-Length is not a number");
      return false;
    }
    if (std::stoull(v) > agent_.options_.max_body_bytes) {
      Refuse(res, 413, "payload_too_large",
             "the body is over " + std::to_string(agent_.options_.max_body_bytes) + " bytes");
      return false;
    }
    return true;
  }

  // Origin: absent (a local program) or one header. nullopt: refused (res is set).
  std::optional<std::string> OneOrigin(const httplib::Request& req, httplib::Response& res) const {
    size_t n = req.get_header_value_count("Origin");
    if (n > 1) {
      Refuse(res, 403, "forbidden_origin", "more than one Origin");
      return std::nullopt;
    }
    return n == 1 ? req.get_header_value("Origin") : "";
  }


  bool ApiAllowed(const httplib::Request& req, httplib::Response& res) {
    auto origin = OneOrigin(req, res);
    if (!origin) return false;
    if (!origin->empty() && !IsExtensionOrigin(*origin)) {
      Refuse(res, 403, "forbidden_origin", "this Origin may not call the agent");
      return false;
    }
    std::string token = Bearer(req);
    if (!token.empty() && SameSecret(token, agent_.state_.secret)) return true;  // the user's own programs
    auto paired_from = token.empty() ? std::nullopt : agent_.pairing_->OriginOf(token);
    if (!paired_from) {
      res.set_header("WWW-Authenticate", "Bearer");
      Refuse(res, 401, "unauthorized", "Authorization: Bearer <agent secret or paired token> is needed");
      return false;
    }
    if (*origin != *paired_from) {
      Refuse(res, 403, "forbidden_origin", "this token was paired from another origin");
      return false;
    }
    if (!limiter_.Allow("token:" + Sha256Hex(token))) {
      res.set_header("Retry-After", "1");
      Refuse(res, 429, "too_many_requests", "over the rate limit of this token");
      return false;
    }
    return true;
  }

  bool PairAllowed(const httplib::Request& req, httplib::Response& res) {
    auto origin = OneOrigin(req, res);
    if (!origin) return false;
    if (!IsExtensionOrigin(*origin)) {
      Refuse(res, 403, "forbidden_origin", "pairing is done from the extension");
      return false;
    }
    if (!limiter_.Allow("pair:" + req.remote_addr)) {
      res.set_header("Retry-After", "1");
      Refuse(res, 429, "too_many_requests", "too many pairing attempts");
      return false;
    }
    return true;
  }

  // /pair/code and /pair/revoke: the agent secret, no Origin (a local program, never a page).
  bool LocalProgramOnly(const httplib::Request& req, httplib::Response& res) const {
    if (req.has_header("Origin")) {
      Refuse(res, 403, "forbidden_origin", req.path + " is for local programs (objector pair)");
      return false;
    }
    if (!SameSecret(Bearer(req), agent_.state_.secret)) {
      res.set_header("WWW-Authenticate", "Bearer");
      Refuse(res, 401, "unauthorized", "Authorization: Bearer <agent secret> is needed");
      return false;
    }
    return true;
  }

  AgentServer& agent_;
  RateLimiter limiter_;
  std::vector<std::string> hosts_;
};

AgentServer::AgentServer(Context& ctx, AgentOptions options) : ctx_(ctx), options_(std::move(options)) {}

AgentServer::~AgentServer() { Stop(); }

Result<std::unique_ptr<AgentServer>> AgentServer::Bind(Context& ctx, AgentOptions options, std::ostream& diag) {
  std::unique_ptr<AgentServer> agent(new AgentServer(ctx, std::move(options)));
  const std::string& dir = ctx.data_dir();
  Status made = EnsurePrivateDir(dir);
  if (!made.ok()) return made;
  const bool ipv6 = MachineHasIpv6();
  const AgentOptions& o = agent->options_;
  auto make = [&o] { return std::make_unique<LoopbackHttp>(o.read_timeout, o.keep_alive_timeout); };
  // Binds both addresses on `port`; with `need_v6`, a ::1 failure gives up the port.
  auto try_port = [&](int port, bool need_v6) {
    auto v4 = make();
    v4->set_socket_options(ExclusivePortOptions);
    if (!v4->bind_to_port("127.0.0.1", port)) return false;
    std::unique_ptr<LoopbackHttp> v6;
    if (ipv6) {
      v6 = make();
      v6->set_socket_options(ExclusivePortOptions);
      if (!v6->bind_to_port("::1", port)) {
        if (need_v6) return false;
        diag << "objector serve: [::1]:" << port << " is not available; serving 127.0.0.1 only\n";
        v6.reset();
      }
    } else if (!need_v6) {
      diag << "objector serve: no IPv6 on this machine; serving 127.0.0.1 only\n";
    }
    agent->v4_ = std::move(v4);
    agent->v6_ = std::move(v6);
    agent->port_ = port;
    return true;
  };
  auto kept = ReadKeptPort(dir);
  if (o.port > 0) {
    if (!try_port(o.port, false)) return Status(ErrorCode::kInvalidValue, "port " + std::to_string(o.port) + " is not free on 127.0.0.1");
  } else if (kept && try_port(*kept, false)) {
  } else {
    if (kept) diag << "objector serve: the kept port " << *kept << " is taken; using another one this time\n";
    for (int i = 0; i < 64 && agent->port_ == 0; ++i) try_port(RandomInt(kAgentPortMin, kAgentPortMax), true);
    if (agent->port_ == 0) return Status(ErrorCode::kDbError, "no free port between 20000 and 60999 on 127.0.0.1");
    if (!kept) {
      Status s = WriteKeptPort(dir, agent->port_);
      if (!s.ok()) return s;
    }
  }
  agent->state_.data_dir = dir;
  agent->state_.port = agent->port_;
  agent->state_.secret = RandomHex(32);
  agent->state_.clock = &ctx.clock();
  AgentServer* self = agent.get();
  agent->state_.call = [self](const json& request) { return json::parse(self->CallFrame(request.dump())); };
  agent->state_.touch = [self] { self->Touch(); };
  agent->pairing_ = std::make_unique<Pairing>(AgentClientsPath(dir), agent->port_, ctx.clock());
  Status loaded = agent->pairing_->Load();
  if (!loaded.ok()) return loaded;
  agent->guard_ = std::make_unique<Guard>(*agent);
  agent->Touch();
  agent->Configure(*agent->v4_);
  if (agent->v6_) agent->Configure(*agent->v6_);
  return agent;
}

std::string AgentServer::CallFrame(std::string_view frame) {
  std::vector<std::string> frames;
  {
    std::lock_guard<std::mutex> lock(call_mutex_);
    frames = HandleFrame(ctx_, frame, Status::Ok());
  }
  return JoinFrames(frames);
}

void AgentServer::Touch() {
  last_activity_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

steady_clock::time_point AgentServer::last_activity() const {
  return steady_clock::time_point(std::chrono::nanoseconds(last_activity_ns_.load()));
}

void AgentServer::Configure(LoopbackHttp& http) {
  const size_t threads = options_.threads_per_address;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options_.max_body_bytes);
  http.set_keep_alive_max_count(1000);  // what the Keep-Alive header says; LoopbackHttp enforces it
  http.set_keep_alive_timeout(std::max<time_t>(1, options_.keep_alive_timeout.count() / 1000));
  http.set_read_timeout(std::chrono::duration_cast<std::chrono::seconds>(options_.read_timeout).count(),
                        (options_.read_timeout.count() % 1000) * 1000);
  http.set_default_headers({{"Cache-Control", "no-store"},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Cross-Origin-Resource-Policy", "same-origin"},
                            {"Referrer-Policy", "no-referrer"}});
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (t_note.guarded) return httplib::Server::HandlerResponse::Unhandled;
    return (*guard_)(req, res);
  });
  // curl and others wait for "100 Continue" before sending a body: the guard decides first, so a
  // refused request is answered with its refusal and its body is never asked for.
  http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    if ((*guard_)(req, res) == httplib::Server::HandlerResponse::Handled) return res.status;
    t_note.guarded = true;
    return 100;
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    t_note.close = true;
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Connection", "close");
    json body = {{"ok", false},
                 {"error", {{"code", ReasonForStatus(res.status)}, {"message", "HTTP " + std::to_string(res.status)}}}};
    res.set_content(body.dump(), "application/json");
    return httplib::Server::HandlerResponse::Handled;
  }));
  std::ostream* log = options_.log;
  http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
    if (!log || res.status < 400) return;
    std::string reason = t_note.reason.empty() ? ReasonForStatus(res.status) : t_note.reason;
    std::string line = "objector serve: refused " + LoggablePath(req.method) + " " + LoggablePath(req.path) + " " +
                       std::to_string(res.status) + " " + reason + "\n";
    static std::mutex m;
    std::lock_guard<std::mutex> lock(m);
    *log << line << std::flush;
  });
  http.Post("/api", [this](const httplib::Request& req, httplib::Response& res) {
    res.set_content(CallFrame(req.body), "application/json");
  });
  http.Post("/pair/code", [this](const httplib::Request&, httplib::Response& res) {
    Pairing::Code c = pairing_->NewCode();
    res.set_content(json{{"code", c.code}, {"expires_at", c.expires_at}}.dump(), "application/json");
  });
  http.Post("/pair/revoke", [this](const httplib::Request&, httplib::Response& res) {
    auto n = pairing_->RevokeAll();
    if (!n.ok()) return Refuse(res, 500, "not_saved", n.status().message());
    res.set_content(json{{"revoked", *n}}.dump(), "application/json");
  });
  http.Post("/pair/forget", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string token = Bearer(req);
    if (SameSecret(token, state_.secret)) return Refuse(res, 400, "not_a_pairing", "the agent secret is not a pairing");
    auto gone = pairing_->Revoke(token);
    if (!gone.ok()) return Refuse(res, 500, "not_saved", gone.status().message());
    res.set_content(json{{"forgotten", *gone}}.dump(), "application/json");
  });
  http.Post("/pair", [this](const httplib::Request& req, httplib::Response& res) {
    json body = json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("code") || !body["code"].is_string()) {
      return Refuse(res, 400, "bad_request", "the body must be {\"code\": \"<6 digits>\"}");
    }
    auto token = pairing_->Redeem(body["code"].get<std::string>(), req.get_header_value("Origin"));
    if (token.ok()) return res.set_content(json{{"token", *token}}.dump(), "application/json");
    ErrorCode c = token.status().code();
    if (c == ErrorCode::kInvalidValue) return Refuse(res, 403, "wrong_code", token.status().message());
    if (c == ErrorCode::kNotFound) return Refuse(res, 403, "no_code", token.status().message());
    Refuse(res, 500, "not_saved", token.status().message());
  });
#if defined(OBJECTOR_HAVE_DASHBOARD)
  RegisterDashboard(http, state_);
#endif
}

void AgentServer::Start() {
  for (LoopbackHttp* http : {v4_.get(), v6_.get()}) {
    if (http) threads_.emplace_back([http] { http->listen_after_bind(); });
  }
}

void AgentServer::Stop() {
  if (stopped_) return;
  stopped_ = true;
  for (LoopbackHttp* http : {v4_.get(), v6_.get()}) {
    if (http) http->CloseListener();
  }
  for (auto& t : threads_) t.join();
  threads_.clear();
}

}  // namespace objector
