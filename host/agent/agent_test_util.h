// Test kit for the loopback agent: an AgentServer on a random free port over a temp data folder and
// a real SQLite file, clocks the test moves, raw sockets for what httplib::Client will not send.
#ifndef OBJECTOR_AGENT_AGENT_TEST_UTIL_H_
#define OBJECTOR_AGENT_AGENT_TEST_UTIL_H_

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "agent/server.h"
#include "base/build_info.h"
#include "handlers/context.h"
#include "testing/fixtures.h"

namespace objector::agent_test {

using nlohmann::json;

// A wall clock the test moves forward (pairing-code expiry).
class StepClock : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::time_point(std::chrono::seconds(now_s_.load()));
  }
  void Advance(std::chrono::seconds s) { now_s_ += s.count(); }

 private:
  std::atomic<int64_t> now_s_{1795625700};  // 2026-11-25T15:35:00Z
};

// A steady clock that moves only when told (the rate limit).
struct FrozenSteady {
  std::atomic<int64_t> ms{0};
  std::chrono::steady_clock::time_point Now() const {
    return std::chrono::steady_clock::time_point(std::chrono::milliseconds(ms.load()));
  }
};

inline const std::string kChromeOrigin = std::string("chrome-extension://") + build::kChromiumId;
inline const std::string kMozOrigin = "moz-extension://0f8e3c6a-5b1d-4c2e-9a7f-1d2e3f4a5b6c";

// An agent serving a fresh data folder (or `dir`, to restart over the same files).
class AgentFixture {
 public:
  explicit AgentFixture(AgentOptions options = {}, std::string dir = "") : dir_(dir.empty() ? tmp_.path() : dir) {
    ctx_ = std::make_unique<Context>(dir_, clock_);
    options.chromium_ids = {build::kChromiumId};
    options.log = &log_;
    if (!options.steady_now) options.steady_now = [this] { return steady_.Now(); };
    auto bound = AgentServer::Bind(*ctx_, options, diag_);
    INFO(bound.status().ToString());
    REQUIRE(bound.ok());
    agent_ = std::move(*bound);
    agent_->Start();
  }
  ~AgentFixture() { agent_->Stop(); }

  AgentServer& agent() { return *agent_; }
  Context& ctx() { return *ctx_; }
  StepClock& clock() { return clock_; }
  FrozenSteady& steady() { return steady_; }
  const std::string& dir() const { return dir_; }
  int port() const { return agent_->port(); }
  const std::string& secret() { return agent_->state().secret; }
  std::string Host() const { return "127.0.0.1:" + std::to_string(port()); }
  std::string log() {
    agent_->Stop();  // the log is complete once every server thread ended
    return log_.str();
  }

  httplib::Client Client(const std::string& address = "127.0.0.1") {
    httplib::Client c(address, port());
    c.set_read_timeout(30, 0);
    c.set_tcp_nodelay(true);  // as browsers do: no 40 ms Nagle/delayed-ACK stall per request
    return c;
  }
  // POST /api with the agent secret (or `bearer`) and `origin` ("" for none).
  httplib::Result Api(const std::string& body, const std::string& bearer = "", const std::string& origin = "") {
    httplib::Headers h{{"Authorization", "Bearer " + (bearer.empty() ? secret() : bearer)}};
    if (!origin.empty()) h.emplace("Origin", origin);
    return Client().Post("/api", h, body, "application/json");
  }
  // One request through the agent: the reply envelope.
  json Call(json request, const std::string& bearer = "", const std::string& origin = "") {
    auto r = Api(request.dump(), bearer, origin);
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  }
  // A pairing code's 6 digits, from POST /pair/code with the agent secret.
  std::string NewCode() {
    auto r = Client().Post("/pair/code", {{"Authorization", "Bearer " + secret()}}, "", "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    std::string code = json::parse(r->body)["code"];
    REQUIRE(code.rfind(std::to_string(port()) + "-", 0) == 0);
    return code.substr(code.find('-') + 1);
  }
  httplib::Result Pair(const std::string& code, const std::string& origin) {
    return Client().Post("/pair", {{"Origin", origin}}, json{{"code", code}}.dump(), "application/json");
  }

 private:
  testing::TempDir tmp_;
  std::string dir_;
  StepClock clock_;
  FrozenSteady steady_;
  std::ostringstream log_, diag_;
  std::unique_ptr<Context> ctx_;
  std::unique_ptr<AgentServer> agent_;
};

// Connects a raw TCP socket to 127.0.0.1:port; -1 on failure.
inline int Connect(int port) {
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(s);
    return -1;
  }
  return s;
}

// Everything the peer sends until it closes or `timeout` passes.
inline std::string ReadUntilClosed(int s, std::chrono::milliseconds timeout, bool* closed = nullptr) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{s, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    char buf[4096];
    ssize_t n = ::recv(s, buf, sizeof buf, 0);
    if (n <= 0) {
      if (closed) *closed = true;
      break;
    }
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// Sends `bytes` on a fresh connection and returns the whole answer (the server closes after it).
inline std::string RawExchange(int port, const std::string& bytes) {
  int s = Connect(port);
  REQUIRE(s >= 0);
  REQUIRE(::send(s, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
  std::string out = ReadUntilClosed(s, std::chrono::seconds(20));
  ::close(s);
  return out;
}

// "HTTP/1.1 421 Misdirected Request..." -> 421; 0 when not a status line.
inline int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace objector::agent_test

#endif  // OBJECTOR_AGENT_AGENT_TEST_UTIL_H_
